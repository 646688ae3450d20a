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
import { articleToMdast } from '../../src/lib/article/article-parse.ts';
import { parseArticle } from '../../src/lib/article/parse-article.ts';
import type { Annotation } from '../../src/lib/annotations/types.ts';
import type { ContentIssue } from '../../src/lib/errors.ts';
import { articleHtml } from '../../src/lib/render/article-html.ts';
import { type ClaimInput, resolveClaims } from '../../src/lib/resolve/resolve-claims.ts';
import { resolveQuotes } from '../../src/lib/resolve/resolve-quotes.ts';
import { resolveTerms } from '../../src/lib/resolve/resolve-terms.ts';

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
  sources: { title: string; publisher: string; url: string; date?: string; excerpt?: string }[];
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

/** Runs the whole pure pipeline once; throws when any annotation fails to resolve. */
export function runCorePipeline(input: CoreInput): CoreOutput {
  const issues: ContentIssue[] = [];
  const article = parseArticle(input.text, { keepResidue: true });
  const quotes = resolveQuotes({
    article,
    seedFile: 'seeds/bench.txt',
    explainerFile: 'content/explainers/bench.mdx',
    speakers: input.speakers.map((s) => ({ ...s, file: `content/people/${s.id}.md` })),
    overrides: [],
    overridePosition: nowhere,
    issues,
  });
  const claimInputs: ClaimInput[] = input.claims.map((c) => ({
    id: c.id,
    file: `content/claims/bench/${c.id}.md`,
    data: { anchor: c.anchor, status: c.status, checked: c.checked, sources: c.sources },
    note: { hast: { type: 'root', children: [] }, html: `<p>${escapeHtml(c.note)}</p>`, text: c.note },
    positionOf: nowhere,
  }));
  const claims = resolveClaims(article, claimInputs, issues);
  const terms = resolveTerms(
    article,
    input.terms.map((t) => ({ id: t.id, file: `content/glossary/${t.id}.md`, forms: t.forms })),
    [...quotes.links, ...claims.links],
  );

  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length) {
    const first = errors.slice(0, 5).map((i) => `${i.file}:${i.line ?? ''} ${i.message}`);
    throw new Error(`The benchmark corpus does not resolve (${errors.length} errors):\n${first.join('\n')}`);
  }

  const annotations: Annotation[] = [
    ...(article.dateline ? [{ kind: 'dateline' as const, id: 'dateline', ...article.dateline }] : []),
    ...quotes.annotations,
    ...claims.annotations,
    ...terms.annotations,
  ];
  const html = articleHtml(articleToMdast(article), annotations);
  return {
    html,
    paragraphs: article.paragraphs.length,
    quotes: quotes.annotations.filter((a) => a.kind === 'quote').length,
    claims: claims.notes.length,
    terms: terms.terms.length,
  };
}
