/**
 * Step 1 of loading, read: content files → records with positions. Every
 * file's front matter is parsed once: here, or a claim's when its explainer
 * is loaded (`parseContentFiles`); nothing is checked against a schema yet.
 * Seeds are read and parsed into articles.
 *
 * Only regular files inside the project are read: a symlink that leads out
 * of it, a folder where a file belongs, or a file that cannot be read is an
 * error naming the path. Hidden characters (controls, bidirectional
 * overrides, zero-width characters) are reported with their place.
 */
import { type Dirent, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { type Article, ArticleParseError, decodeSeed, parseArticle, type ParseArticleOptions } from '../article/parse-article.ts';
import { idFromName } from '../ids.ts';
import { type ContentMessage, error, warning } from '../messages.ts';
import type { AnnotationCollection } from '../export/web-annotations.ts';
import { isAnnotationCollection } from '../review/diff.ts';
import { findHiddenCharacters } from '../text/characters.ts';
import { type FrontMatter, parseFrontMatter } from './front-matter.ts';

/** One content file: its id (the file name), its path, its parsed front matter and body. */
export interface ContentFile {
  id: string;
  /** Path relative to the project root. */
  file: string;
  /** The file's text, as read. */
  text: string;
  front: FrontMatter;
}

/** A content file read but not yet parsed. */
export type ContentText = Omit<ContentFile, 'front'>;

/** Every content file of a project, by folder. */
export interface ContentFiles {
  explainers: ContentFile[];
  terms: ContentFile[];
  people: ContentFile[];
  /**
   * Claim files by the name of their folder (`content/claims/<slug>/`), read
   * but not parsed: an explainer whose files did not change since the last
   * build is not loaded again, so its claims need not be parsed
   * (`parseContentFiles` does it for the rest).
   */
  claims: Map<string, ContentText[]>;
}

/** File names are ids: lower-case kebab-case. */
const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function readContent(root: string, messages: ContentMessage[]): ContentFiles {
  const project = new ProjectFiles(root, messages);
  const claims = new Map<string, ContentText[]>();
  for (const name of project.list('content/claims', 'folder')) claims.set(name, readFolder(project, `content/claims/${name}`, '.md'));
  return {
    explainers: parseContentFiles(readFolder(project, 'content/explainers', '.mdx'), messages),
    terms: parseContentFiles(readFolder(project, 'content/glossary', '.md'), messages),
    people: parseContentFiles(readFolder(project, 'content/people', '.md'), messages),
    claims,
  };
}

/** Parses the front matter of files read by `readContent`; a file that does not parse is left out, with its messages. */
export function parseContentFiles(files: readonly ContentText[], messages: ContentMessage[]): ContentFile[] {
  return files.flatMap((f) => {
    const parsed = parseFrontMatter(f.file, f.text);
    if (parsed.ok) return [{ ...f, front: parsed.value }];
    messages.push(...parsed.messages);
    return [];
  });
}

/** Reads every file of one folder whose name ends in `ext`. */
function readFolder(project: ProjectFiles, dir: string, ext: string): ContentText[] {
  const out: ContentText[] = [];
  for (const name of project.list(dir, 'file')) {
    const file = `${dir}/${name}`;
    if (!name.endsWith(ext)) {
      project.messages.push(warning({ ruleId: 'file-extension', file, reason: `Expected a ${ext} file here, found “${name}”; it is ignored.` }));
      continue;
    }
    const id = name.slice(0, -ext.length);
    if (!idPattern.test(id)) {
      project.messages.push(error({ ruleId: 'file-name', file, line: 1, column: 1, reason: `Expected a lower-case kebab-case file name (the id), found “${name}”${nameProblem(id)}.`, hint: `Rename the file to ${suggestId(id)}${ext}.` }));
      continue;
    }
    const bytes = project.read(file);
    if (!bytes) continue;
    const text = bytes.toString('utf8');
    for (const h of findHiddenCharacters(text)) {
      project.messages.push(error({ ruleId: 'hidden-character', file, line: h.line, column: h.column, reason: `Expected visible text, found ${h.codePoint} ${h.name}, which readers cannot see.`, hint: 'Delete it (retype the text around it).' }));
    }
    out.push({ id, file, text });
  }
  return out;
}

/** Which part of a file name breaks the id rule, for the message. */
function nameProblem(id: string): string {
  if (/_/.test(id)) return ': underscores are not allowed';
  if (/[A-Z]/.test(id)) return ': capital letters are not allowed';
  if (/\s/.test(id)) return ': spaces are not allowed';
  if (/--|^-|-$/.test(id)) return ': hyphens go one at a time, between letters or digits';
  if (/[^a-z0-9-]/.test(id)) return ': only a–z, 0–9 and hyphens are allowed';
  return '';
}

/** The id a file name most likely meant. */
export const suggestId = idFromName;

/** Where an explainer names its seed, for messages about a missing one. */
export interface SeedReference {
  /** The explainer file. */
  file: string;
  line: number;
  column: number;
}

export interface ReadArticleOptions extends ParseArticleOptions {
  /** Hidden characters the explainer accepts in its seed, as `U+200B`. */
  acceptCharacters?: readonly string[];
}

/** Reads `seeds/<name>` and parses it; problems name the seed (or, when it is missing, the explainer). */
export function readArticle(root: string, name: string, options: ReadArticleOptions, from: SeedReference, messages: ContentMessage[]): Article | undefined {
  const seedFile = `seeds/${name}`;
  const project = new ProjectFiles(root, messages);
  const bytes = project.read(seedFile, from);
  if (!bytes) return undefined;
  try {
    const text = decodeSeed(bytes);
    const accepted = new Set(options.acceptCharacters ?? []);
    const hidden = findHiddenCharacters(text).filter((h) => !accepted.has(h.codePoint));
    for (const h of hidden) {
      messages.push(
        error({
          ruleId: 'hidden-character',
          file: seedFile,
          line: h.line,
          column: h.column,
          reason: `Expected visible text, found ${h.codePoint} ${h.name}, which readers cannot see and which changes how the text is matched${/ISOLATE|EMBEDDING|OVERRIDE|MARK$/.test(h.name) ? ' and in which order it reads' : ''}.`,
          hint: `The seed is never edited by the build: fix the text, or accept the character with \`acceptCharacters: ["${h.codePoint}"]\` in ${from.file}.`,
        }),
      );
    }
    // Anchors and quotations matched against a text with hidden characters would only add follow-on errors.
    return hidden.length > 0 ? undefined : parseArticle(text, options);
  } catch (e) {
    if (!(e instanceof ArticleParseError)) throw e;
    messages.push(error({ ruleId: 'seed-text', file: seedFile, ...(e.line ? { line: e.line } : {}), ...(e.column ? { column: e.column } : {}), reason: e.message, hint: e.hint }));
    return undefined;
  }
}

/**
 * File access limited to regular files inside the project: every problem is
 * a message naming the path, never an exception.
 */
class ProjectFiles {
  readonly messages: ContentMessage[];
  private readonly root: string;
  private readonly realRoot: string;

  constructor(root: string, messages: ContentMessage[]) {
    this.root = root;
    this.realRoot = realpathSync(root);
    this.messages = messages;
  }

  /**
   * Regular files found by `list` in a folder inside the project, by path: a
   * regular file (not a link) in such a folder is inside the project too, so
   * `read` need not look it up again.
   */
  private readonly plainFiles = new Set<string>();

  /** Names in a folder of the project that are files (or folders), sorted; none when the folder is missing. */
  list(dir: string, kind: 'file' | 'folder'): string[] {
    const abs = join(this.root, dir);
    if (!this.inside(dir, abs, 'folder')) return [];
    let entries: Dirent[];
    try {
      entries = readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      return [];
    }
    return entries.flatMap((entry) => {
      const { name } = entry;
      const path = join(abs, name);
      // The entry's own type, when it is not a link; a link is followed.
      const plain = entry.isFile() ? 'file' : entry.isDirectory() ? 'folder' : undefined;
      const isFolder = plain ? plain === 'folder' : (safeStat(path)?.isDirectory() ?? false);
      if (kind === 'folder') return isFolder && (plain === 'folder' || this.inside(`${dir}/${name}`, path, 'folder')) ? [name] : [];
      if (isFolder) {
        if (/\.(md|mdx|txt)$/.test(name)) this.messages.push(error({ ruleId: 'file-kind', file: `${dir}/${name}`, reason: `Expected a file, found a folder named “${name}”.`, hint: 'Move what is inside out of it, or rename it.' }));
        return [];
      }
      if (plain === 'file') this.plainFiles.add(`${dir}/${name}`);
      return [name];
    });
  }

  /** The bytes of a project file, or undefined (with a message) when it is missing, outside the project, a folder or unreadable. */
  read(file: string, missing?: SeedReference): Buffer | undefined {
    const abs = join(this.root, file);
    if (this.plainFiles.has(file)) return this.readBytes(file, abs);
    const stat = safeStat(abs);
    if (!stat) {
      const link = safeLstat(abs)?.isSymbolicLink();
      this.messages.push(
        link
          ? error({ ruleId: 'file-link', file, reason: `Expected a file, found a symbolic link to nothing.`, hint: 'Replace the link with the file itself.' })
          : error({ ruleId: 'seed-missing', ...(missing ?? { file }), reason: `Expected the file ${file}, found no such file.`, hint: missing ? 'Put the article text in seeds/ or correct `seed`.' : 'Check the path.' }),
      );
      return undefined;
    }
    if (!this.inside(file, abs, 'file')) return undefined;
    if (stat.isDirectory()) {
      this.messages.push(error({ ruleId: 'file-kind', file, reason: `Expected a file, found a folder.`, hint: missing ? `Point \`seed\` in ${missing.file} at a .txt file in seeds/.` : 'Replace the folder with a file.' }));
      return undefined;
    }
    if (!stat.isFile()) {
      this.messages.push(error({ ruleId: 'file-kind', file, reason: 'Expected a regular file, found a device, socket or pipe.', hint: 'Replace it with a plain text file.' }));
      return undefined;
    }
    return this.readBytes(file, abs);
  }

  private readBytes(file: string, abs: string): Buffer | undefined {
    try {
      return readFileSync(abs);
    } catch (e) {
      this.messages.push(error({ ruleId: 'file-unreadable', file, reason: `Expected a readable file, found one that cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`, hint: 'Check the file’s permissions.' }));
      return undefined;
    }
  }

  /** Whether a path, once symbolic links are followed, is still inside the project; a message when not. */
  private inside(file: string, abs: string, what: 'file' | 'folder'): boolean {
    let real: string;
    try {
      real = realpathSync(abs);
    } catch {
      return what === 'folder' ? false : true;
    }
    const rel = relative(this.realRoot, real);
    if (rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel))) return true;
    this.messages.push(error({ ruleId: 'file-outside', file, reason: `Expected a ${what} inside the project, found a symbolic link to ${real}, outside it.`, hint: `Copy the ${what} into the project instead of linking to it.` }));
    return false;
  }
}

function safeStat(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function safeLstat(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** Where the source policy lives. */
export const sourcePolicyFile = 'content/source-policy.yaml';

/** The text of the source policy, or undefined (with no message) when the project has none. */
export function readSourcePolicyText(root: string, messages: ContentMessage[]): string | undefined {
  const project = new ProjectFiles(root, messages);
  if (!safeLstat(join(root, sourcePolicyFile))) return undefined;
  return project.read(sourcePolicyFile)?.toString('utf8');
}

/** The base branch's export of an explainer, for the review view's diff. */
export interface BaseExport {
  collection: AnnotationCollection;
  /** The article text its selectors apply to, when the base build published it. */
  articleText?: string;
}

/**
 * Reads `<dir>/<slug>/annotations.json` (and `article.txt`) of a base build,
 * named by `BASE_ANNOTATIONS`. The folder is not content: a missing or broken
 * file is a warning, and the review view says there is no base to compare.
 */
export function readBaseExport(dir: string, slug: string, messages: ContentMessage[]): BaseExport | undefined {
  const file = join(dir, slug, 'annotations.json');
  if (!safeStat(file)?.isFile()) {
    messages.push(warning({ ruleId: 'base-export-missing', file, reason: `Expected the base build's export of “${slug}”, found no file (a new explainer?); its review view shows no changes.` }));
    return undefined;
  }
  let collection: unknown;
  try {
    collection = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    messages.push(warning({ ruleId: 'base-export-invalid', file, reason: `Expected JSON, found text that does not parse: ${(e as Error).message}` }));
    return undefined;
  }
  if (!isAnnotationCollection(collection)) {
    messages.push(warning({ ruleId: 'base-export-invalid', file, reason: 'Expected a W3C AnnotationCollection as this project writes it, found something else.' }));
    return undefined;
  }
  const article = join(dir, slug, 'article.txt');
  return { collection, ...(safeStat(article)?.isFile() ? { articleText: readFileSync(article, 'utf8') } : {}) };
}
