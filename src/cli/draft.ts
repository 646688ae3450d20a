/**
 * `npm run draft -- <article.txt> [--slug <slug>]`: the starting point of a
 * new explainer, for an editor to verify. It copies the article into
 * `seeds/<slug>.txt` (unless it is there already) and writes the explainer
 * with a title and dek guessed from the text, marked `draft: true`; a people
 * file for each speaker the project has none for (name, role and affiliation
 * as the article gives them, no bio); a claim file, `unverified` and without
 * sources, for each sentence with money, counts, percentages, dates, rankings
 * or superlatives; and a glossary stub for each likely term no entry covers.
 * It never overwrites a file: it lists what it wrote and what it skipped.
 *
 *   npm run draft -- <article.txt> [--slug <slug>] [--published YYYY-MM-DD] [--lang en] [--root <folder>]
 *   npm run draft -- <article.txt> --json    the analysis as JSON; writes nothing
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ArticleParseError, decodeSeed } from '../lib/article/parse-article.ts';
import { readContent } from '../lib/content/read-content.ts';
import { validateContent } from '../lib/content/validate-content.ts';
import { analyzeArticle, type ArticleAnalysis } from '../lib/draft/analyze-article.ts';
import { draftFiles } from '../lib/draft/draft-files.ts';
import { idFromName } from '../lib/ids.ts';
import type { ContentMessage } from '../lib/messages.ts';

const usage = 'Usage: npm run draft -- <article.txt> [--slug <slug>] [--published YYYY-MM-DD] [--lang en] [--json] [--root <folder>]';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    slug: { type: 'string' },
    published: { type: 'string' },
    lang: { type: 'string', default: 'en' },
    json: { type: 'boolean', default: false },
    root: { type: 'string', default: process.cwd() },
  },
});

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const [input] = positionals;
if (!input || positionals.length > 1) fail(usage);
// `npm run` starts in the project folder; a path is meant from where the editor typed it.
const articlePath = resolve(process.env.INIT_CWD ?? process.cwd(), input);
if (!existsSync(articlePath)) fail(`Expected an article file, found no file at ${articlePath}.`);
const slug = values.slug ?? idFromName(basename(articlePath).replace(/\.txt$/i, ''));
if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) fail(`Expected a slug of lower-case letters, digits and single hyphens, found “${slug}”. Give one with --slug.`);
if (values.published !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.published)) fail(`Expected --published as YYYY-MM-DD, found “${values.published}”.`);

const bytes = readFileSync(articlePath);
let text: string;
try {
  text = decodeSeed(bytes);
} catch (e) {
  if (!(e instanceof ArticleParseError)) throw e;
  fail(`${articlePath}${e.line ? `:${e.line}` : ''}${e.column ? `:${e.column}` : ''}  ${e.message}\n    (${e.hint})`);
}

// The project's people and glossary, so known speakers keep their ids and covered terms are not proposed again.
const root = resolve(values.root);
const ignored: ContentMessage[] = [];
const content = validateContent(readContent(root, ignored), ignored);
const people = content.people.map((p) => ({ id: p.id, name: p.name, aliases: p.aliases, kind: p.kind, file: p.file ?? '' }));

let analysis: ArticleAnalysis;
try {
  analysis = analyzeArticle(text, { people, terms: content.termForms });
} catch (e) {
  if (!(e instanceof ArticleParseError)) throw e;
  fail(`${articlePath}  ${e.message}\n    (${e.hint})`);
}

if (values.json) {
  const roleOf = new Map(content.people.map((p) => [p.id, p]));
  const json = {
    paragraphs: analysis.paragraphs,
    residue: analysis.residue,
    headings: analysis.headings,
    quotes: analysis.quotes.map((q) => ({ text: q.text, paragraph: q.paragraph, speaker: q.speaker })),
    speakers: analysis.speakers.map((s) => {
      // The article's own words first; a people file's when the article gives none.
      const file = roleOf.get(s.id);
      const fromFile = s.role === null && s.affiliation === null && file !== undefined;
      return { name: s.name, role: fromFile ? (file.role ?? null) : s.role, affiliation: fromFile ? (file.affiliation ?? null) : s.affiliation };
    }),
    claims: analysis.claims.map((c) => ({ text: c.text, paragraph: c.paragraph })),
    terms: analysis.terms.map((t) => ({ term: t.term, count: t.count })),
  };
  process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  process.exit(0);
}

const today = new Date().toISOString().slice(0, 10);
const seedPath = `seeds/${slug}.txt`;
const inSeeds = existsSync(join(root, seedPath)) && realpathSync(join(root, seedPath)) === realpathSync(articlePath);
const report: string[] = [];
const wrote = (path: string, about: string) => report.push(`  wrote    ${path}  ${about}`);
const skipped = (path: string, why: string) => report.push(`  skipped  ${path}  ${why}`);

if (inSeeds) skipped(seedPath, 'the article is already there');
else if (existsSync(join(root, seedPath))) skipped(seedPath, 'exists, not overwritten (the draft reads the file you named)');
else {
  write(seedPath, bytes);
  wrote(seedPath, 'the article, as given');
}
for (const s of analysis.speakers.filter((x) => x.file !== null)) skipped(s.file!, `a people file already holds ${s.name}`);
for (const f of draftFiles(analysis, { slug, today, lang: values.lang, ...(values.published ? { published: values.published } : {}) })) {
  if (existsSync(join(root, f.path))) {
    skipped(f.path, 'exists, not overwritten');
    continue;
  }
  write(f.path, f.content);
  wrote(f.path, f.about);
}

const attributed = analysis.quotes.filter((q) => q.speaker !== null).length;
process.stdout.write(
  [
    `Draft of ${seedPath}: ${analysis.paragraphs} paragraphs, ${analysis.headings.length} sub-headings, ${analysis.residue.length} residue lines; ` +
      `${analysis.quotes.length} quotations (${attributed} attributed), ${analysis.speakers.length} speakers, ${analysis.claims.length} claim candidates, ${analysis.terms.length} glossary stubs.`,
    ...report,
    'Next: check every file against the article (the explainer and the glossary stubs are marked `draft: true`), then `npm run validate` and `npm run build`.',
    '',
  ].join('\n'),
);

function write(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), data, { flag: 'wx' });
}
