/**
 * An explainer as the content store keeps it, and back. A page holds the
 * glossary entries and speakers it uses in full; kept that way, every
 * explainer would carry its own copy of every shared definition and bio. The
 * stored explainer keeps the terms by id and, of each speaker, what this page
 * says of them (role, affiliation and the rest, which can differ by article)
 * without the bio, dated roles and links of their people file; the page is
 * made whole again from the glossary and people collections when it is
 * rendered.
 *
 * The content store itself holds an `ExplainerEntry`: what listings, feeds
 * and cards show, and the file the stored explainer is kept in. Astro builds
 * the whole store into one JavaScript module, and the time to load a module
 * grows with the square of its size: 1,000 explainers of the DeepSeek
 * article's size, each with its own text, made a 77 MB store that took 60 s
 * to load before the first page was written. Kept in files, each explainer is
 * read when its pages are written, and dropped after.
 */
import type { ClaimStatus } from '../../schemas/claim.ts';
import type { ExplainerPage, GlossaryEntry, QuoteUse, Speaker } from './model.ts';

/** What a page keeps of a speaker: everything but what their people file holds for every page. */
export type StoredSpeaker = Omit<Speaker, SharedSpeakerField>;
type SharedSpeakerField = 'roles' | 'links' | 'bioHtml' | 'bioText';

export type StoredExplainer = Omit<ExplainerPage, 'terms' | 'speakers'> & {
  terms: { id: string; paragraphs: number[] }[];
  speakers: { speaker: StoredSpeaker; quotes: QuoteUse[] }[];
};

/** The shared entries a stored explainer is made whole with, by id. */
export interface SharedEntries {
  terms: ReadonlyMap<string, GlossaryEntry>;
  people: ReadonlyMap<string, Pick<Speaker, SharedSpeakerField>>;
}

export function storeExplainer(page: ExplainerPage): StoredExplainer {
  return {
    ...page,
    terms: page.terms.map(({ entry, paragraphs }) => ({ id: entry.id, paragraphs })),
    speakers: page.speakers.map(({ speaker, quotes }) => {
      const { roles: _roles, links: _links, bioHtml: _bioHtml, bioText: _bioText, ...own } = speaker;
      return { speaker: own, quotes };
    }),
  };
}

/** The page again; an id with no entry is an error (the store and the collections came from one load). */
export function expandExplainer(stored: StoredExplainer, shared: SharedEntries): ExplainerPage {
  const find = <T>(map: ReadonlyMap<string, T>, id: string, what: string): T => {
    const found = map.get(id);
    if (found === undefined) throw new Error(`The explainer “${stored.slug}” uses the ${what} “${id}”, which is not in the content store.`);
    return found;
  };
  return {
    ...stored,
    terms: stored.terms.map(({ id, paragraphs }) => ({ entry: find(shared.terms, id, 'glossary term'), paragraphs })),
    speakers: stored.speakers.map(({ speaker, quotes }) => {
      const { roles, links, bioHtml, bioText } = find(shared.people, speaker.id, 'speaker');
      return { speaker: { ...speaker, roles, links, bioHtml, bioText }, quotes };
    }),
  };
}

/** The shared entries of a loaded site's glossary and people, without what they hold across explainers. */
export function sharedEntries(glossary: readonly (GlossaryEntry & { uses?: unknown })[], people: readonly Pick<Speaker, 'id' | SharedSpeakerField>[]): SharedEntries {
  return {
    terms: new Map(glossary.map(({ uses: _uses, ...entry }) => [entry.id, entry])),
    people: new Map(people.map(({ id, roles, links, bioHtml, bioText }) => [id, { roles, links, bioHtml, bioText }])),
  };
}

/** What the content store holds of an explainer: what listings show, the ids its key is made from, and where the rest is kept. */
export type ExplainerEntry = Pick<StoredExplainer, 'slug' | 'title' | 'dek' | 'lang' | 'source' | 'wordCount' | 'readingMinutes'> & {
  claims: { id: string; status: ClaimStatus }[];
  terms: { id: string }[];
  speakers: { id: string }[];
  /** The file the stored explainer is kept in (`v8.serialize`), named by its digest. */
  file: string;
};

export function explainerEntry(stored: StoredExplainer, file: string): ExplainerEntry {
  const { slug, title, dek, lang, source, wordCount, readingMinutes } = stored;
  return {
    slug,
    title,
    dek,
    lang,
    source,
    wordCount,
    readingMinutes,
    claims: stored.claims.map(({ id, status }) => ({ id, status })),
    terms: stored.terms.map(({ id }) => ({ id })),
    speakers: stored.speakers.map(({ speaker }) => ({ id: speaker.id })),
    file,
  };
}
