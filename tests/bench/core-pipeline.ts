/**
 * The one place where the benchmark calls the pure core in `src/lib`.
 *
 * Everything else in `tests/bench/` describes its input in the neutral shape
 * below, so when the modules of `src/lib` are renamed or their signatures
 * change, only `runCorePipeline` has to follow. It does what one explainer
 * costs in `src/lib/content/load-project.ts`, without reading files, YAML or
 * Zod: parse the text, resolve quotations, claims and glossary terms, check
 * that nothing failed, apply every range to the tree and stringify it.
 */
import { parseArticle } from '../../src/lib/article/parse-article.ts';
import { resolveExplainer } from '../../src/lib/content/resolve-explainer.ts';
import type { ValidExplainer } from '../../src/lib/content/validate-content.ts';
import { type ContentMessage, formatMessage, isFatal } from '../../src/lib/messages.ts';
import type { Source } from '../../src/schemas/common.ts';
import { annotationElement } from '../../src/render/annotation-elements.ts';
import { articleHtml } from '../../src/render/article-html.ts';

export interface CoreTerm {
  id: string;
  /** The term followed by its aliases. */
  forms: string[];
}

export interface CoreSpeaker {
  id: string;
  name: string;
  aliases: string[];
  kind: 'person' | 'organization';
}

export interface CoreClaim {
  id: string;
  anchor: { exact: string; prefix?: string; suffix?: string };
  status: 'verified' | 'qualified' | 'disputed' | 'unverified';
  /** YYYY-MM-DD. */
  checked: string;
  sources: Source[];
  /** The note as plain text; notes are rendered before this step in a build. */
  note: string;
}

export interface CoreInput {
  /** The article, as a seed file holds it. */
  text: string;
  terms: readonly CoreTerm[];
  speakers: readonly CoreSpeaker[];
  claims: readonly CoreClaim[];
}

export interface CoreOutput {
  html: string;
  paragraphs: number;
  quotes: number;
  claims: number;
  terms: number;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const nowhere = () => ({ line: 1, column: 1 });
const front = { raw: {}, positionOf: nowhere, keyPositionOf: nowhere, body: '', bodyLine: 1 };

/** Runs the whole pure pipeline once (one explainer's resolve step and the article renderer); throws when any annotation fails to resolve. */
export function runCorePipeline(input: CoreInput): CoreOutput {
  const messages: ContentMessage[] = [];
  const article = parseArticle(input.text, { keepResidue: true });
  const explainer: ValidExplainer = {
    id: 'bench',
    file: 'content/explainers/bench.mdx',
    data: { title: 'Bench', dek: 'Bench', seed: 'bench.txt', source: { credit: 'Bench', published: '2025-01-28' }, lang: 'en' },
    front,
    introHtml: '',
    claims: input.claims.map((c) => ({
      id: c.id,
      file: `content/claims/bench/${c.id}.md`,
      data: { anchor: c.anchor, status: c.status, checked: c.checked, sources: c.sources },
      note: { html: `<p>${escapeHtml(c.note)}</p>`, text: c.note },
      positionOf: nowhere,
    })),
  };
  const people = input.speakers.map((s) => ({ ...s, file: `content/people/${s.id}.md`, asOf: '2025-01', roles: [], links: [], bioHtml: '', bioText: '', initials: '' }));
  const terms = input.terms.map((t) => ({ id: t.id, file: `content/glossary/${t.id}.md`, term: t.forms[0]!, aliases: t.forms.slice(1), related: [], definitionHtml: '', definitionText: '' }));
  const page = resolveExplainer(
    {
      explainer,
      seedFile: 'seeds/bench.txt',
      article,
      content: { terms, termForms: input.terms.map((t) => ({ id: t.id, file: `content/glossary/${t.id}.md`, forms: t.forms })), people, peopleComplete: true },
    },
    messages,
  );
  const errors = messages.filter(isFatal);
  if (errors.length) {
    throw new Error(`The benchmark corpus does not resolve (${errors.length} errors):\n${errors.slice(0, 5).map(formatMessage).join('\n')}`);
  }
  const html = articleHtml(article, page.annotations, annotationElement);
  return {
    html,
    paragraphs: article.paragraphs.length,
    quotes: page.annotations.filter((a) => a.kind === 'quote').length,
    claims: page.claims.length,
    terms: page.terms.length,
  };
}
