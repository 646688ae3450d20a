/**
 * Step 1 of loading, read: content files → records with positions. Every
 * file's front matter is parsed once, here; nothing is checked against a
 * schema yet. Seeds are read and parsed into articles.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Article, ArticleParseError, decodeSeed, parseArticle, type ParseArticleOptions } from '../article/parse-article.ts';
import { type ContentMessage, error, warning } from '../messages.ts';
import { type FrontMatter, parseFrontMatter } from './front-matter.ts';

/** One content file: its id (the file name), its path, its parsed front matter and body. */
export interface ContentFile {
  id: string;
  /** Path relative to the project root. */
  file: string;
  front: FrontMatter;
}

/** Every content file of a project, by folder. */
export interface ContentFiles {
  explainers: ContentFile[];
  terms: ContentFile[];
  people: ContentFile[];
  /** Claim files by the name of their folder (`content/claims/<slug>/`). */
  claims: Map<string, ContentFile[]>;
}

/** File names are ids: lower-case kebab-case. */
const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function readContent(root: string, messages: ContentMessage[]): ContentFiles {
  const claims = new Map<string, ContentFile[]>();
  const claimsRoot = join(root, 'content/claims');
  if (existsSync(claimsRoot)) {
    for (const name of readdirSync(claimsRoot).sort()) {
      if (statSync(join(claimsRoot, name)).isDirectory()) claims.set(name, readFolder(root, `content/claims/${name}`, '.md', messages));
    }
  }
  return {
    explainers: readFolder(root, 'content/explainers', '.mdx', messages),
    terms: readFolder(root, 'content/glossary', '.md', messages),
    people: readFolder(root, 'content/people', '.md', messages),
    claims,
  };
}

/** Reads and parses every file of one folder whose name ends in `ext`. */
function readFolder(root: string, dir: string, ext: string, messages: ContentMessage[]): ContentFile[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  const out: ContentFile[] = [];
  for (const name of readdirSync(abs).sort()) {
    const path = join(abs, name);
    if (statSync(path).isDirectory()) continue;
    const file = `${dir}/${name}`;
    if (!name.endsWith(ext)) {
      messages.push(warning({ ruleId: 'file-extension', file, reason: `Expected a ${ext} file here, found “${name}”; it is ignored.` }));
      continue;
    }
    const id = name.slice(0, -ext.length);
    if (!idPattern.test(id)) {
      messages.push(error({ ruleId: 'file-name', file, reason: `Expected a lower-case kebab-case file name (the id), found “${name}”.`, hint: 'Rename the file, e.g. `nvidia-a100.md`.' }));
      continue;
    }
    const parsed = parseFrontMatter(file, readFileSync(path, 'utf8'));
    if (parsed.ok) out.push({ id, file, front: parsed.value });
    else messages.push(...parsed.messages);
  }
  return out;
}

/** Where an explainer names its seed, for messages about a missing one. */
export interface SeedReference {
  /** The explainer file. */
  file: string;
  line: number;
  column: number;
}

/** Reads `seeds/<name>` and parses it; problems name the seed (or, when it is missing, the explainer). */
export function readArticle(root: string, name: string, options: ParseArticleOptions, from: SeedReference, messages: ContentMessage[]): Article | undefined {
  const seedFile = `seeds/${name}`;
  const path = join(root, seedFile);
  if (!existsSync(path)) {
    messages.push(error({ ruleId: 'seed-missing', ...from, reason: `Expected the seed file ${seedFile}, found no such file.`, hint: 'Put the article text in seeds/ or correct `seed`.' }));
    return undefined;
  }
  try {
    return parseArticle(decodeSeed(readFileSync(path)), options);
  } catch (e) {
    if (!(e instanceof ArticleParseError)) throw e;
    messages.push(error({ ruleId: 'seed-text', file: seedFile, ...(e.line ? { line: e.line } : {}), reason: e.message, hint: e.hint }));
    return undefined;
  }
}
