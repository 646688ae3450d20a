/**
 * Reads the project's real content files for the generators: nothing about
 * the article, the claims, the glossary or the people is written here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The explainer every generated copy is made from. */
export const templateSlug = 'deepseek-r1';

export interface ContentFile {
  id: string;
  path: string;
  source: string;
  data: Record<string, unknown>;
  body: string;
}

/** Splits `---` front matter from the body; YAML parsed, nothing validated. */
export function splitFrontMatter(source: string): { data: Record<string, unknown>; body: string } {
  const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/.exec(source);
  if (!m) return { data: {}, body: source };
  return { data: (parse(m[1]!) ?? {}) as Record<string, unknown>, body: m[2]! };
}

export function readFolder(dir: string, ext = /\.mdx?$/): ContentFile[] {
  return readdirSync(dir)
    .filter((name) => ext.test(name))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      const source = readFileSync(path, 'utf8');
      return { id: name.replace(ext, ''), path, source, ...splitFrontMatter(source) };
    });
}

export interface RealContent {
  explainer: ContentFile;
  seed: string;
  seedFile: string;
  claims: ContentFile[];
  glossary: ContentFile[];
  people: ContentFile[];
}

export function readRealContent(root = projectRoot): RealContent {
  const explainer = readFolder(join(root, 'content/explainers'), /\.mdx$/).find((f) => f.id === templateSlug);
  if (!explainer) throw new Error(`content/explainers/${templateSlug}.mdx not found`);
  const seedFile = String(explainer.data.seed);
  return {
    explainer,
    seedFile,
    seed: readFileSync(join(root, 'seeds', seedFile), 'utf8'),
    claims: readFolder(join(root, 'content/claims', templateSlug), /\.md$/),
    glossary: readFolder(join(root, 'content/glossary'), /\.md$/),
    people: readFolder(join(root, 'content/people'), /\.md$/),
  };
}

/**
 * The article's paragraphs as plain lines: one paragraph per non-blank line,
 * trailing lines that stop mid-sentence (teasers of other stories) left out.
 */
export function seedParagraphs(seed: string): string[] {
  const lines = seed
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  while (lines.length && !/[.!?”"’)]$/.test(lines[lines.length - 1]!)) lines.pop();
  return lines;
}
