/**
 * Loading, as four small steps: read (files → records, front matter parsed
 * once) → validate (schemas, Markdown bodies, references) → resolve (per
 * explainer, article + content → `ExplainerPage`) → assemble (glossary index,
 * people pages). Every problem of every file is collected first; if any is an
 * error, one `ContentValidationError` lists them all and no page is written.
 *
 * Validating and resolving an explainer depends on its own files (its
 * introduction, seed and claims), the shared glossary, people and source
 * policy, the options and the code, and on nothing else: given a cache, each
 * explainer's result is kept under a hash of all of these, and a rebuild
 * reuses the results of the explainers whose inputs did not change.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContentValidationError, type ContentMessage, isFatal } from '../messages.ts';
import { applyStrict } from '../strict.ts';
import type { SourcePolicy } from '../../schemas/source-policy.ts';
import type { UrlPolicyOptions } from '../url-policy.ts';
import { assembleSite } from './assemble-site.ts';
import { codeVersion, type ContentCache, hashOf, noCache } from './cache.ts';
import type { ExplainerPage, Site } from './model.ts';
import { checkExplainerSources, checkSharedSources, loadSourcePolicy } from './check-sources.ts';
import { type ReviewOptions, reviewInputs } from './export-reviews.ts';
import { type ContentFile, type ContentText, parseContentFiles, readArticle, readContent, readSourcePolicyText, sourcePolicyFile } from './read-content.ts';
import type { RenderOptions } from './render-markdown.ts';
import { resolveExplainer } from './resolve-explainer.ts';
import { type SharedContent, validateExplainer, validateShared } from './validate-content.ts';

export interface LoadOptions extends UrlPolicyOptions, ReviewOptions {
  /** Project root: holds `seeds/` and `content/`. */
  root: string;
  /** Today, YYYY-MM-DD, for dates that cannot be in the future (default: the current UTC date). */
  buildDate?: string;
  /** Turn the warnings listed in `lib/strict.ts` into errors (default: false). */
  strict?: boolean;
  /** Render HTML, W3C exports and review views (default: true); `npm run validate` only checks. */
  render?: boolean;
  /** Where each explainer's result is kept between runs (default: nowhere). */
  cache?: ContentCache;
}

/** What validating and resolving one explainer gave: its page (none when its seed could not be read) and its messages. */
type ExplainerResult = { page: ExplainerPage | undefined; messages: ContentMessage[] };

export function loadProject({ root, buildDate = new Date().toISOString().slice(0, 10), strict = false, render = true, site, baseExport, cache = noCache, ...urls }: LoadOptions): Site {
  let messages: ContentMessage[] = [];
  const files = readContent(root, messages);
  const renderOptions: RenderOptions = { ...urls, html: render };
  const shared = validateShared(files, messages, renderOptions);
  const policyText = readSourcePolicyText(root, messages);
  const policy = loadSourcePolicy(policyText, sourcePolicyFile, messages);
  checkSharedSources(shared, policy, buildDate, messages);

  const sharedKey =
    cache === noCache
      ? ''
      : hashOf(codeVersion(), JSON.stringify({ buildDate, renderOptions }), policyText ?? '', ...[...files.terms, ...files.people].flatMap((f) => [f.file, f.text]));
  const explainers: ExplainerPage[] = [];
  for (const file of files.explainers) {
    const claims = files.claims.get(file.id) ?? [];
    const key = cache === noCache ? undefined : explainerKey(root, sharedKey, file, claims);
    const kept = key ? cache.get<ExplainerResult>(key) : undefined;
    // A kept result had no error: its claims parsed then, and they have not changed since.
    const result = kept ?? loadExplainer(root, file, claims, shared, policy, buildDate, renderOptions);
    if (key && !kept && !result.messages.some(isFatal)) cache.set(key, result);
    messages.push(...result.messages);
    if (result.page) explainers.push(result.page);
  }
  // Claims in a folder of no explainer are reported as such, and read for the problems of their own.
  const slugs = new Set(files.explainers.map((e) => e.id));
  for (const [name, claims] of files.claims) if (!slugs.has(name)) parseContentFiles(claims, messages);
  // Whether a term is used is worth saying only when nothing else is wrong: an
  // explainer that could not be read, or a term that failed, may be why.
  const clean = explainers.length === files.explainers.length && !messages.some(isFatal);
  const { glossary, people } = assembleSite(explainers, shared.terms, shared.people, clean ? messages : []);

  if (strict) messages = applyStrict(messages);
  if (messages.some(isFatal)) throw new ContentValidationError(messages);
  const reviews = !render ? [] : reviewInputs(explainers, messages, { ...(site ? { site } : {}), ...(urls.base ? { base: urls.base } : {}), ...(baseExport ? { baseExport } : {}) });
  return { explainers, glossary, people, reviews, messages };
}

/** Validate and resolve one explainer, its messages apart. */
function loadExplainer(
  root: string,
  file: ContentFile,
  claims: readonly ContentText[],
  shared: SharedContent,
  policy: SourcePolicy | undefined,
  buildDate: string,
  renderOptions: RenderOptions,
): ExplainerResult {
  const messages: ContentMessage[] = [];
  // A claim that does not parse is an error of this explainer's result, which is then not kept.
  const explainer = validateExplainer(file, parseContentFiles(claims, messages), shared, messages, renderOptions);
  if (!explainer) return { page: undefined, messages };
  const { seed, endsAtLine, keepResidue, headline, acceptCharacters } = explainer.data;
  const options = {
    ...(endsAtLine !== undefined ? { endsAtLine } : {}),
    ...(keepResidue !== undefined ? { keepResidue } : {}),
    ...(headline !== undefined ? { headline } : {}),
    ...(acceptCharacters ? { acceptCharacters } : {}),
  };
  const from = { file: explainer.file, ...explainer.front.positionOf(['seed']) };
  const article = readArticle(root, seed, options, from, messages);
  checkExplainerSources(explainer, policy, buildDate, messages);
  const page = article ? resolveExplainer({ explainer, seedFile: `seeds/${seed}`, article, content: shared }, messages) : undefined;
  return { page, messages };
}

/**
 * The key of an explainer's result: the shared inputs' key and the text of
 * its own files. None (not kept) when its seed is not a plain regular file
 * in `seeds/`: reading it then reports a problem, which is never skipped.
 */
function explainerKey(root: string, sharedKey: string, file: ContentFile, claims: readonly ContentText[]): string | undefined {
  const seed = (file.front.raw as { seed?: unknown } | null)?.seed;
  if (typeof seed !== 'string' || !/^[\w.-]+$/.test(seed) || seed.startsWith('.')) return undefined;
  const path = join(root, 'seeds', seed);
  let seedText: Buffer;
  try {
    if (!lstatSync(path).isFile()) return undefined;
    seedText = readFileSync(path);
  } catch {
    return undefined;
  }
  return hashOf(sharedKey, file.file, file.text, seed, seedText, ...claims.flatMap((c) => [c.file, c.text]));
}
