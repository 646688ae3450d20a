/**
 * `npm run draft`: run on every real release of tests/fixtures/articles/ in one
 * project copy with no content, then one real `astro build` of what it wrote:
 * every page is written, with every labelled quotation wrapped and given its
 * speaker. A second run overwrites nothing. `--json` on the DeepSeek seed finds
 * its 16 quotations with the speakers of the stored page, and a role for every
 * speaker, with the project's people files and without any.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleFixtures, articleFixturesRoot, quotesInPage, scoreQuotes } from '../support/article-fixtures.ts';
import { astroBuild, type BuildResult, cleanEnv, projectCopy, projectRoot } from '../support/build-site.ts';
import { tempDir } from '../support/temp-dir.ts';

const fixtures = articleFixtures();
const draftCli = join(projectRoot, 'src/cli/draft.ts');

function draft(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [draftCli, ...args], { cwd, encoding: 'utf8', env: cleanEnv() });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under a folder with its modification time. */
function snapshot(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const s = statSync(path);
      if (s.isDirectory()) walk(path);
      else out.set(path, s.mtimeMs);
    }
  };
  walk(dir);
  return out;
}

describe('npm run draft on each article fixture, then a build', () => {
  let root: string;
  let runs: ReturnType<typeof draft>[];
  let build: BuildResult;
  beforeAll(() => {
    root = projectCopy('draft', {}, { content: 'none' });
    mkdirSync(join(root, 'content'));
    runs = fixtures.map((f) => draft([join(articleFixturesRoot, f.name, 'seed.txt'), '--slug', f.name], root));
    build = astroBuild(root, join(root, 'dist'));
  }, 300_000);

  it('writes the seed, the explainer marked draft, people files without a bio, claim candidates and glossary stubs, and lists them', () => {
    for (const r of runs) expect(r.status, r.stderr).toBe(0);
    const name = fixtures[0]!.name;
    expect(runs[0]!.stdout).toContain(`wrote    seeds/${name}.txt`);
    expect(runs[0]!.stdout).toContain(`wrote    content/explainers/${name}.mdx`);
    const explainer = readFileSync(join(root, 'content/explainers', `${name}.mdx`), 'utf8');
    expect(explainer).toMatch(/^title: "Biden-Harris Administration delivers historic milestones, new actions for clean energy on public lands"$/m);
    expect(explainer).toMatch(/^draft: true$/m);
    const person = readFileSync(join(root, 'content/people/deb-haaland.md'), 'utf8');
    expect(person).toMatch(/^name: "Deb Haaland"\nkind: person\nrole: "Secretary of the Interior"\nasOf: \d{4}-\d{2}-\d{2}\n---\n$/m);
    const claims = readdirSync(join(root, 'content/claims', name));
    expect(claims.length).toBeGreaterThan(0);
    expect(readFileSync(join(root, 'content/claims', name, claims[0]!), 'utf8')).toMatch(/^status: unverified\nchecked: \d{4}-\d{2}-\d{2}\nsources: \[\]$/m);
    expect(readFileSync(join(root, 'content/glossary/bureau-of-land-management.md'), 'utf8')).toContain('aliases: ["BLM"]\ndraft: true');
    // A speaker already drafted from an earlier release keeps the file written then.
    expect(runs[1]!.stdout).toContain('skipped  content/people/tracy-stone-manning.md  a people file already holds Tracy Stone-Manning');
  });

  it('overwrites nothing when run again', () => {
    const before = snapshot(join(root, 'content'));
    const again = draft([join(articleFixturesRoot, fixtures[0]!.name, 'seed.txt'), '--slug', fixtures[0]!.name], root);
    expect(again.status).toBe(0);
    expect(again.stdout).not.toContain('wrote ');
    expect(again.stdout).toContain(`skipped  content/explainers/${fixtures[0]!.name}.mdx  exists, not overwritten`);
    expect(snapshot(join(root, 'content'))).toEqual(before);
  });

  it('builds every page, saying each explainer is a draft', () => {
    expect(build.status, build.output).toBe(0);
    expect(build.output).toMatch(/explainer-draft|found `draft: true`/);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s: every labelled quotation is wrapped and given its speaker', (name, f) => {
    const page = readFileSync(join(build.outDir, name, 'index.html'), 'utf8');
    const score = scoreQuotes(f.truth, quotesInPage(page));
    expect(score.wrapped, score.misses.join('\n')).toBe(score.truth);
    expect(score.right, score.misses.join('\n')).toBe(score.truth);
  });

  it('refuses the drafts in strict mode', () => {
    const strict = spawnSync(process.execPath, [join(projectRoot, 'src/cli/validate.ts'), '--strict'], { cwd: root, encoding: 'utf8', env: cleanEnv() });
    expect(strict.status).toBe(1);
    expect(strict.stdout).toMatch(/error {2}Expected a checked explainer, found `draft: true`/);
  });
});

describe('npm run draft -- seeds/deepseek-r1.txt --json', () => {
  const stored = quotesInPage(readFileSync(new URL('../fixtures/pages/deepseek-r1.html', import.meta.url), 'utf8'));

  it.each([
    ['with the project’s people files', projectRoot],
    ['with no people file', tempDir('draft-json-')],
  ])('finds the 16 quotations with the speakers of the stored page, and a role for every speaker, %s', (_how, root) => {
    const r = draft([join(projectRoot, 'seeds/deepseek-r1.txt'), '--json', '--root', root], projectRoot);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as {
      paragraphs: number;
      residue: string[];
      headings: string[];
      quotes: { text: string; paragraph: number; speaker: string | null }[];
      speakers: { name: string; role: string | null; affiliation: string | null }[];
      claims: { text: string; paragraph: number }[];
      terms: { term: string; count: number }[];
    };
    expect(Object.keys(json)).toEqual(['paragraphs', 'residue', 'headings', 'quotes', 'speakers', 'claims', 'terms']);
    expect(stored).toHaveLength(16);
    expect(json.quotes.map((q) => [q.paragraph, q.text, q.speaker])).toEqual(stored.map((q) => [q.paragraph, q.text, q.speaker]));
    expect(json.paragraphs).toBe(30);
    expect(json.residue).toHaveLength(4);
    for (const s of json.speakers) expect(s.role, s.name).not.toBeNull();
    expect(json.claims.length).toBeGreaterThan(0);
  });
});
