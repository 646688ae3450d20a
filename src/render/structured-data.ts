/**
 * The schema.org description of an explainer page, as JSON-LD: the page (a
 * NewsArticle) crediting the article it annotates, one ClaimReview for each
 * checked claim, the glossary as a DefinedTermSet, the speakers as Person or
 * Organization, and their quotations; and the site glossary, whose terms
 * (with their definitions) the explainers' sets refer to. Built from the
 * pages' data alone; the types are schema-dts's, checked by `npm run check`.
 */
import type { ClaimReview, DefinedTermSet, Graph, NewsArticle, Organization, Person, Quotation, Rating } from 'schema-dts';
import type { ExplainerPage, GlossaryEntry, Speaker } from '../lib/content/model.ts';
import { claimId, fragment, linkedDataId, quoteId, speakerId, termId } from '../lib/ids.ts';
import { type ClaimStatus, claimStatusLabels } from '../schemas/claim.ts';

/** Where the page lives and what it links to, as absolute URLs. */
export interface StructuredDataContext {
  /** The explainer page. */
  url: string;
  /** The site's home page. */
  home: string;
  siteName: string;
  /** The page's social card. */
  image?: string;
  /** A speaker's page. */
  personUrl: (id: string) => string;
  /** A term's entry in the site glossary. */
  termUrl: (id: string) => string;
}

/**
 * Each status on ClaimReview's scale of 1 (false) to 5 (true as worded).
 * An unverified claim gets no number: nothing was found either way, which
 * the rating's name says.
 */
export const claimRatings: Record<ClaimStatus, 1 | 4 | 5 | undefined> = { verified: 5, qualified: 4, disputed: 1, unverified: undefined };

/** The page's structured data. */
export function explainerGraph(page: ExplainerPage, at: StructuredDataContext): Graph {
  const node = (name: string) => ({ '@id': `${at.url}${fragment(linkedDataId(name))}` });
  const publisher = { '@id': `${at.home}${fragment(linkedDataId('publisher'))}` };
  const source = node('source');
  const speakerNode = (id: string) => ({ '@id': `${at.personUrl(id)}${fragment(speakerId(id))}` });
  const checked = page.claims.map((c) => c.checked).sort();
  // A note's gist, as its margin note shows it: the explanation of its rating.
  const gists = new Map(page.annotations.flatMap((a) => (a.kind === 'noteref' ? [[a.payload.claim, a.payload.summary] as const] : [])));

  const organization: Organization = { '@type': 'Organization', ...publisher, name: at.siteName, url: at.home };
  const explainer: NewsArticle = {
    '@type': 'NewsArticle',
    ...node('explainer'),
    url: at.url,
    mainEntityOfPage: at.url,
    headline: page.title,
    description: page.dek,
    inLanguage: page.lang,
    wordCount: page.wordCount,
    creditText: page.source.credit,
    isBasedOn: source,
    publisher,
    ...(at.image ? { image: at.image } : {}),
    ...(checked.length > 0 ? { dateModified: checked[checked.length - 1]! } : {}),
    ...(page.speakers.length > 0 ? { mentions: page.speakers.map(({ speaker }) => speakerNode(speaker.id)) } : {}),
  };
  const original: NewsArticle = {
    '@type': 'NewsArticle',
    ...source,
    creditText: page.source.credit,
    datePublished: page.source.published,
    inLanguage: page.lang,
    ...(page.source.url ? { url: page.source.url } : {}),
  };
  const reviews = page.claims.map(
    (c): ClaimReview => ({
      '@type': 'ClaimReview',
      url: `${at.url}${fragment(claimId(c.id))}`,
      claimReviewed: c.exact,
      datePublished: c.checked,
      author: publisher,
      itemReviewed: { '@type': 'Claim', appearance: source },
      reviewRating: rating(c.status, gists.get(c.id) ?? c.noteText),
    }),
  );
  // The terms are the site glossary's (glossaryGraph), where their definitions are.
  const glossary: DefinedTermSet[] =
    page.terms.length === 0
      ? []
      : [
          {
            '@type': 'DefinedTermSet',
            ...node('glossary'),
            name: `Glossary of “${page.title}”`,
            hasDefinedTerm: page.terms.map(({ entry }) => ({ '@type': 'DefinedTerm', '@id': at.termUrl(entry.id), name: entry.term })),
          },
        ];
  const speakers = page.speakers.map(({ speaker }) => speakerData(speaker, speakerNode(speaker.id), at.personUrl(speaker.id)));
  const quotations = page.speakers.flatMap(({ speaker, quotes }) =>
    quotes.map(
      (q): Quotation => ({
        '@type': 'Quotation',
        '@id': `${at.url}${fragment(quoteId(q.quoteId))}`,
        text: q.text,
        spokenByCharacter: speakerNode(speaker.id),
        isPartOf: source,
      }),
    ),
  );
  return { '@context': 'https://schema.org', '@graph': [explainer, original, organization, ...reviews, ...glossary, ...speakers, ...quotations] };
}

/** The site glossary (its index page, `url`) as a DefinedTermSet: every term with its definition. */
export function glossaryGraph(terms: readonly GlossaryEntry[], url: string, siteName: string): Graph {
  return {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'DefinedTermSet',
        '@id': `${url}${fragment(linkedDataId('glossary'))}`,
        url,
        name: `${siteName}: glossary`,
        hasDefinedTerm: terms.map((t) => ({
          '@type': 'DefinedTerm',
          '@id': `${url}${fragment(termId(t.id))}`,
          name: t.term,
          description: t.definitionText,
          ...(t.aliases.length > 0 ? { alternateName: t.aliases } : {}),
        })),
      },
    ],
  };
}

/** A claim's rating: its name as readers see it, the explanation, and a number where there is one. */
function rating(status: ClaimStatus, explanation: string): Rating {
  const value = claimRatings[status];
  return {
    '@type': 'Rating',
    alternateName: claimStatusLabels[status],
    ratingExplanation: explanation,
    ...(value !== undefined ? { ratingValue: value, bestRating: 5, worstRating: 1 } : {}),
  };
}

/** A speaker as a Person or an Organization, with the role and affiliation the article gives. */
function speakerData(s: Speaker, id: { '@id': string }, url: string): Person | Organization {
  // The bio is on the person's page (`url`), not repeated here.
  const common = { ...id, name: s.name, url, ...(s.aliases.length > 0 ? { alternateName: s.aliases } : {}) };
  if (s.kind === 'organization') return { '@type': 'Organization', ...common };
  return {
    '@type': 'Person',
    ...common,
    ...(s.role ? { jobTitle: s.role } : {}),
    ...(s.affiliation ? { affiliation: { '@type': 'Organization', name: s.affiliation } } : {}),
  };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` are
 * escaped, so no text in it can close the element or open a comment, and
 * U+2028/U+2029 too, for parsers that read it as JavaScript.
 */
export function jsonLd(data: Graph): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
