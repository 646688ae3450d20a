/**
 * Loading, as four small steps: read (files → records, front matter parsed
 * once) → validate (schemas, Markdown bodies, references) → resolve (per
 * explainer, article + content → `ExplainerPage`) → assemble (glossary index,
 * people pages). Every problem of every file is collected first; if any is an
 * error, one `ContentValidationError` lists them all and no page is written.
 */
import { ContentValidationError, type ContentMessage, isFatal } from '../messages.ts';
import type { UrlPolicyOptions } from '../url-policy.ts';
import { assembleSite } from './assemble-site.ts';
import type { ExplainerPage, Site } from './model.ts';
import { readArticle, readContent } from './read-content.ts';
import { resolveExplainer } from './resolve-explainer.ts';
import { validateContent } from './validate-content.ts';

export interface LoadOptions extends UrlPolicyOptions {
  /** Project root: holds `seeds/` and `content/`. */
  root: string;
}

export function loadProject({ root, ...urls }: LoadOptions): Site {
  const messages: ContentMessage[] = [];
  const content = validateContent(readContent(root, messages), messages, urls);

  const explainers: ExplainerPage[] = [];
  for (const explainer of content.explainers) {
    const { seed, endsAtLine, keepResidue, acceptCharacters } = explainer.data;
    const options = {
      ...(endsAtLine !== undefined ? { endsAtLine } : {}),
      ...(keepResidue !== undefined ? { keepResidue } : {}),
      ...(acceptCharacters ? { acceptCharacters } : {}),
    };
    const from = { file: explainer.file, ...explainer.front.positionOf(['seed']) };
    const article = readArticle(root, seed, options, from, messages);
    if (article) explainers.push(resolveExplainer({ explainer, seedFile: `seeds/${seed}`, article, content }, messages));
  }
  const { glossary, people } = assembleSite(explainers, content.terms, content.people, messages);

  if (messages.some(isFatal)) throw new ContentValidationError(messages);
  return { explainers, glossary, people, messages };
}
