/**
 * What `npm run draft` reads in a new article, as the build would: its
 * structure (paragraphs, headline, sub-headings, residue), its quotations and
 * their speakers (with the people files the project already has), sentences
 * that make checkable claims, and likely glossary terms that no entry covers.
 * A pure function of the text and the project's content.
 */
import { type Article, parseArticle, type ParseArticleOptions } from '../article/parse-article.ts';
import { type TermForms, matchTerms } from '../glossary/match-terms.ts';
import { attributeQuotes, type SpeakerEntry } from '../quotes/attribute-quotes.ts';
import { scanQuotes } from '../quotes/detect-quotes.ts';
import { castSpeakers, type FoundSpeaker } from '../quotes/discover-speakers.ts';
import { capitalizedRuns, isCommonCapitalized, isPersonName, splitRun, tokenize } from '../quotes/names.ts';
import { sentenceStarts } from '../text/sentences.ts';

export interface DraftQuote {
  text: string;
  paragraph: number;
  /** The speaker's name, or null when the rules found none. */
  speaker: string | null;
  /** The speaker's id, for a `speakers` entry. */
  speakerId: string | null;
}

export interface DraftSpeaker {
  id: string;
  name: string;
  kind: 'person' | 'organization';
  role: string | null;
  affiliation: string | null;
  /** The people file the project already has for this speaker. */
  file: string | null;
}

export interface DraftClaim {
  text: string;
  paragraph: number;
  /** What makes it checkable: `money`, `percentage`, `count`, `date`, `ranking`, `superlative`. */
  kinds: string[];
}

export interface DraftTerm {
  term: string;
  count: number;
  /** An acronym the article gives for it in brackets. */
  aliases: string[];
}

export interface ArticleAnalysis {
  article: Article;
  headline: string | null;
  /** The first sentence of the first paragraph, dateline left out. */
  lead: string;
  paragraphs: number;
  residue: string[];
  headings: string[];
  quotes: DraftQuote[];
  speakers: DraftSpeaker[];
  claims: DraftClaim[];
  terms: DraftTerm[];
  /** The last bare web address of the residue: usually the release's own. */
  url: string | null;
  /** The publication date, YYYY-MM-DD, when the web address or the text gives one, and where it was found. */
  published: { date: string; from: 'web address' | 'text' } | null;
  /** A quotation the rules could not attribute: its paragraph, opening words and the nearest candidate. */
  unattributed: { paragraph: number; quote: string; candidate: string | null }[];
}

export interface AnalyzeOptions extends ParseArticleOptions {
  /** The project's people files, as the attribution rules take them. */
  people?: readonly SpeakerEntry[];
  /** The project's glossary forms: terms they cover are not proposed. */
  terms?: readonly TermForms[];
}

/** Most glossary stubs proposed for one article. */
const maxTerms = 12;

export function analyzeArticle(text: string, options: AnalyzeOptions = {}): ArticleAnalysis {
  const article = parseArticle(text, options);
  const scan = scanQuotes(article);
  const cast = castSpeakers(article, scan.quotations, options.people ?? [], 'seed');
  const attributed = attributeQuotes(article, scan.quotations, cast.entries);
  const byId = new Map(cast.entries.map((e) => [e.id, e]));
  const speakerOf = new Map(attributed.attributions.map((a) => [a.quote.id, a.speaker]));

  const quotes = scan.quotations.map((q): DraftQuote => {
    const id = speakerOf.get(q.id) ?? null;
    return { text: q.text, paragraph: q.paragraph, speaker: id ? (byId.get(id)?.name ?? id) : null, speakerId: id };
  });
  const speakerIds = [...new Set(quotes.flatMap((q) => (q.speakerId ? [q.speakerId] : [])))];
  const speakers = speakerIds.map((id): DraftSpeaker => {
    const entry = byId.get(id)!;
    const d: FoundSpeaker['description'] | undefined = cast.described.get(id)?.description;
    return {
      id,
      name: entry.name,
      kind: entry.kind,
      role: d?.role ?? null,
      affiliation: d?.affiliation ?? null,
      file: entry.fromText ? null : entry.file,
    };
  });

  const first = article.paragraphs[0]!;
  const opening = article.text.slice(article.dateline?.end ?? first.start, first.end).trim();
  const urls = article.residue.filter((r) => /^<?https?:\/\/\S+>?$/u.test(r.text)).map((r) => r.text.replace(/^<|>$/g, ''));
  return {
    article,
    headline: article.headline?.text ?? null,
    lead: opening.slice(0, sentenceStarts(opening, 0, opening.length)[1] ?? opening.length).trim(),
    paragraphs: article.paragraphs.length,
    residue: article.residue.map((r) => r.text),
    headings: article.headings.map((h) => h.text),
    quotes,
    speakers,
    claims: claimCandidates(article, scan.quotations),
    terms: termCandidates(article, options.terms ?? [], speakers),
    url: urls.at(-1) ?? null,
    published: publishedDate(urls.at(-1), article),
    unattributed: attributed.problems.map((p) => ({ paragraph: p.paragraph, quote: p.quote, candidate: p.candidates[0] ?? null })),
  };
}

const months = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.';

/** What makes a sentence a claim a reader could check, each kind with its pattern. */
const claimKinds: [string, RegExp][] = [
  ['money', /[$€£¥]\s?\d|\b\d[\d,.]*\s?(?:million|billion|trillion)\b|\bdollars?\b/iu],
  ['percentage', /\d\s?(?:%|percent\b|per cent\b)/iu],
  ['count', /\b\d{1,3}(?:,\d{3})+\b|\b(?!(?:19|20)\d{2}\b)\d+(?:\.\d+)?\b/u],
  ['date', new RegExp(`\\b(?:${months})\\s+\\d{1,2}\\b|\\b(?:19|20)\\d{2}\\b`, 'u')],
  ['ranking', /\b(?:first|second|third|No\.\s?\d+|top|record|leading|only)\b/u],
  ['superlative', /\b(?:most|least|largest|biggest|highest|lowest|fastest|greatest|oldest|newest|smallest|best|worst|strongest|longest|deepest)\b/iu],
];

/**
 * Sentences of the body that hold money, percentages, counts, dates,
 * rankings or superlatives, each once: a sentence that occurs twice in the
 * article could not be anchored by its words alone.
 */
function claimCandidates(article: Article, quotes: readonly { start: number; end: number }[]): DraftClaim[] {
  const inside = quotes.map((q) => ({ start: q.start, end: q.end }));
  const body = article.paragraphs.map((p) => article.text.slice(p.start, p.end)).join('\n');
  const claims: DraftClaim[] = [];
  for (const p of article.paragraphs) {
    // The first sentence starts after the dateline (`WASHINGTON –`).
    const from = p.n === 1 && article.dateline ? article.dateline.end + 1 : p.start;
    const starts = sentenceStarts(article.text, from, p.end, inside);
    starts.forEach((s, i) => {
      const sentence = article.text.slice(s, starts[i + 1] ?? p.end).trim();
      const kinds = claimKinds.filter(([, re]) => re.test(sentence)).map(([kind]) => kind);
      if (kinds.length === 0 || sentence.length < 20) return;
      if (body.indexOf(sentence) !== body.lastIndexOf(sentence)) return;
      claims.push({ text: sentence, paragraph: p.n, kinds });
    });
  }
  return claims;
}

/**
 * Likely glossary terms: names the article expands with an acronym in
 * brackets (`Bureau of Land Management (BLM)`), and names of several
 * capitalized words it uses at least twice, that no glossary entry covers and
 * that are not people quoted in it. Most frequent first.
 */
function termCandidates(article: Article, existing: readonly TermForms[], speakers: readonly DraftSpeaker[]): DraftTerm[] {
  const covered = new Set(existing.flatMap((t) => t.forms.map((f) => f.toLowerCase())));
  const people = speakers.filter((s) => s.kind === 'person').map((s) => s.name);
  const body = article.paragraphs.map((p) => article.text.slice(p.start, p.end));
  const candidates = new Map<string, DraftTerm>();
  for (const text of body) {
    for (const m of text.matchAll(/((?:\p{Lu}[\p{L}’'-]*\s+(?:(?:of|for|and|the|on|to|in|&)\s+)*){0,8}\p{Lu}[\p{L}’'-]*)\s+\((\p{Lu}[\p{Lu}\p{N}&]{1,9})\)/gu)) {
      const name = stripLeading(m[1]!).replace(/[’']s?$/u, '');
      if (name.split(/\s+/).length >= 2 && !candidates.has(name)) candidates.set(name, { term: name, count: 0, aliases: [m[2]!] });
    }
    const tokens = tokenize(text, 0, text.length);
    for (const run of capitalizedRuns(tokens)) {
      const name = stripLeading(text.slice(tokens[run.from]!.start, tokens[run.to - 1]!.end).replace(/\s+/g, ' '));
      const words = name.split(' ');
      if (words.length < 2 || words.length > 6 || isPersonName(words) || people.some((p) => name.includes(p))) continue;
      // A title and a name (`President Biden`) is a person, not a term.
      if (splitRun(tokens, run).headed) continue;
      if (!candidates.has(name)) candidates.set(name, { term: name, count: 0, aliases: [] });
    }
  }
  const forms = [...candidates.values()].filter((c) => ![c.term, ...c.aliases].some((f) => covered.has(f.toLowerCase())));
  const counts = new Map(forms.map((c) => [c.term, 0]));
  // Counted as the page would match them: the glossary's own terms take their (longer) matches first.
  const matches = matchTerms(article, [
    ...existing.map((t) => ({ ...t, id: `\u0000${t.id}` })),
    ...[...candidates.values()].map((c) => ({ id: c.term, file: '', forms: [c.term, ...c.aliases] })),
  ]);
  for (const m of matches) if (counts.has(m.id)) counts.set(m.id, counts.get(m.id)! + 1);
  return forms
    .map((c) => ({ ...c, count: counts.get(c.term) ?? 0 }))
    .filter((c) => c.count >= 2 || (c.aliases.length > 0 && c.count >= 1))
    .sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : 1))
    .slice(0, maxTerms);
}

const monthNumbers = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A date in the article's web address (`/blog/2024-04-12/…`), else the first full date of its first paragraph (`April 12, 2024`). */
function publishedDate(url: string | undefined, article: Article): ArticleAnalysis['published'] {
  const inUrl = url && /\/((?:19|20)\d{2})[-/](\d{2})[-/](\d{2})(?:\/|$)/u.exec(url);
  if (inUrl) return { date: `${inUrl[1]}-${inUrl[2]}-${inUrl[3]}`, from: 'web address' };
  const first = article.paragraphs[0]!;
  const m = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),\s+((?:19|20)\d{2})\b/u.exec(article.text.slice(first.start, first.end));
  if (!m) return null;
  const month = String(monthNumbers.indexOf(m[1]!.toLowerCase()) + 1).padStart(2, '0');
  return { date: `${m[3]}-${month}-${m[2]!.padStart(2, '0')}`, from: 'text' };
}

/** A name without the capitalized words that only open a sentence (`The Bureau of Land Management`). */
function stripLeading(name: string): string {
  const words = name.split(/\s+/);
  while (words.length > 1 && isCommonCapitalized(words[0]!)) words.shift();
  return words.join(' ');
}
