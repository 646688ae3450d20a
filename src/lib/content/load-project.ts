/**
 * Loading, as four small steps: read (files → records, front matter parsed
 * once) → validate (schemas, Markdown bodies, references) → resolve (per
 * explainer, article + content → `ExplainerPage`) → assemble (glossary index,
 * people pages). Every problem of every file is collected first; if any is an
 * error, one `ContentValidationError` lists them all and no page is written.
 */
import { ContentValidationError, type ContentMessage, isFatal } from '../messages.ts';
import { applyStrict } from '../strict.ts';
import type { UrlPolicyOptions } from '../url-policy.ts';
import { assembleSite } from './assemble-site.ts';
import type { ExplainerPage, Site } from './model.ts';
import { checkExplainerSources, checkSharedSources, loadSourcePolicy } from './check-sources.ts';
import { type ReviewOptions, reviewInputs } from './export-reviews.ts';
import { readArticle, readContent, readSourcePolicyText, sourcePolicyFile } from './read-content.ts';
import { resolveExplainer } from './resolve-explainer.ts';
import { validateContent } from './validate-content.ts';

export interface LoadOptions extends UrlPolicyOptions, ReviewOptions {
  /** Project root: holds `seeds/` and `content/`. */
  root: string;
  /** Today, YYYY-MM-DD, for dates that cannot be in the future (default: the current UTC date). */
  buildDate?: string;
  /** Turn the warnings listed in `lib/strict.ts` into errors (default: false). */
  strict?: boolean;
  /** Render HTML, W3C exports and review views (default: true); `npm run validate` only checks. */
  render?: boolean;
}

export function loadProject({ root, buildDate = new Date().toISOString().slice(0, 10), strict = false, render = true, site, baseExport, ...urls }: LoadOptions): Site {
  let messages: ContentMessage[] = [];
  const files = readContent(root, messages);
  const content = validateContent(files, messages, { ...urls, html: render });
  const policy = loadSourcePolicy(readSourcePolicyText(root, messages), sourcePolicyFile, messages);
  checkSharedSources(content, policy, buildDate, messages);

  const explainers: ExplainerPage[] = [];
  for (const explainer of content.explainers) {
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
    if (article) explainers.push(resolveExplainer({ explainer, seedFile: `seeds/${seed}`, article, content }, messages));
  }
  // Whether a term is used is worth saying only when nothing else is wrong: an
  // explainer that could not be read, or a term that failed, may be why.
  const clean = explainers.length === files.explainers.length && !messages.some(isFatal);
  const { glossary, people } = assembleSite(explainers, content.terms, content.people, clean ? messages : []);

  if (strict) messages = applyStrict(messages);
  if (messages.some(isFatal)) throw new ContentValidationError(messages);
  const reviews = !render ? [] : reviewInputs(explainers, messages, { ...(site ? { site } : {}), ...(urls.base ? { base: urls.base } : {}), ...(baseExport ? { baseExport } : {}) });
  return { explainers, glossary, people, reviews, messages };
}
