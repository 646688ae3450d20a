/**
 * The real news releases in tests/fixtures/articles/ with their hand-labelled
 * truth, a minimal explainer for each (title, dek, seed, source, date,
 * language: what an editor writes first), and the score of the quotations a
 * page wraps against the truth.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const articleFixturesRoot = fileURLToPath(new URL('../fixtures/articles/', import.meta.url));

export interface LineText {
  line: number;
  text: string;
}

/** A fixture's truth.json: what a careful reader marked in the release, line by line. */
export interface Truth {
  source: { agency: string; title: string; url: string | null; published: string; readFrom: string; license: string };
  layout: 'blank-lines' | 'line-per-paragraph' | 'hard-wrapped';
  headline: LineText;
  dateline: string | null;
  headings: LineText[];
  paragraphs: number;
  paragraphLines: number[];
  residue: LineText[];
  quotes: { paragraph: number; text: string; speaker: string }[];
  /** Quoted spans that are not quotations of a speaker (titles, scare quotes). */
  notQuotes?: { paragraph: number; text: string }[];
  speakers: { name: string; role: string | null; affiliation: string | null; kind: string }[];
}

export interface ArticleFixture {
  name: string;
  seed: string;
  truth: Truth;
}

export function articleFixtures(): ArticleFixture[] {
  return readdirSync(articleFixturesRoot)
    .filter((name) => statSync(`${articleFixturesRoot}${name}`).isDirectory())
    .sort()
    .map((name) => ({
      name,
      seed: readFileSync(`${articleFixturesRoot}${name}/seed.txt`, 'utf8'),
      truth: JSON.parse(readFileSync(`${articleFixturesRoot}${name}/truth.json`, 'utf8')) as Truth,
    }));
}

/** The explainer an editor starts with: front matter only, no speakers, terms or claims. */
export function minimalExplainer(f: ArticleFixture): string {
  const quote = (s: string) => JSON.stringify(s);
  return [
    '---',
    `title: ${quote(f.truth.source.title.slice(0, 120))}`,
    `dek: ${quote(`A ${f.truth.source.agency} release, annotated.`)}`,
    `seed: ${f.name}.txt`,
    'source:',
    `  credit: ${quote(f.truth.source.agency)}`,
    ...(f.truth.source.url ? [`  url: ${f.truth.source.url}`] : []),
    `  published: ${f.truth.source.published}`,
    'lang: en',
    '---',
    'The release as published.',
    '',
  ].join('\n');
}

/** A quotation as a page shows it: its paragraph, the words inside its marks, and the name on its speaker's card. */
export interface ShownQuote {
  paragraph: number;
  text: string;
  speaker?: string;
}

export interface QuoteScore {
  truth: number;
  /** Truth quotations the page wraps. */
  wrapped: number;
  /** Truth quotations the page wraps and gives the right speaker. */
  right: number;
  /** Each truth quotation missed or given another speaker, for the failure message. */
  misses: string[];
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Quotation recall (wrapped / truth) and attribution accuracy (right speaker / truth) of a page against the truth. */
export function scoreQuotes(truth: Truth, shown: readonly ShownQuote[]): QuoteScore {
  const score: QuoteScore = { truth: truth.quotes.length, wrapped: 0, right: 0, misses: [] };
  for (const q of truth.quotes) {
    const hit = shown.find((s) => s.paragraph === q.paragraph && squash(s.text) === squash(q.text));
    if (hit) score.wrapped++;
    if (hit?.speaker === q.speaker) score.right++;
    else score.misses.push(`¶${q.paragraph} “${q.text.slice(0, 50)}…”: ${hit ? `given to ${hit.speaker ?? 'nobody'}` : 'not wrapped'}, truth ${q.speaker}`);
  }
  return score;
}

/** The least share of truth quotations a page must wrap, and give the right speaker. */
export const minimumShare = 0.95;

/** The text of some HTML: tags dropped, character references decoded. */
export function textOfHtml(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The element that opens at `from` (a `<span …>`), to its matching close tag. */
function elementAt(html: string, from: number, tag: string): string {
  const re = new RegExp(`<${tag}[\\s>]|</${tag}>`, 'g');
  re.lastIndex = from;
  let depth = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[0].startsWith('</') ? -1 : 1;
    if (depth === 0) return html.slice(from, m.index + m[0].length);
  }
  return html.slice(from);
}

/**
 * The quotations of a built explainer page: every element with
 * `data-speaker` in a `p-N` paragraph (the parts of a split element joined),
 * with the name its speaker card (`#speaker-<id>`) shows.
 */
export function quotesInPage(html: string): ShownQuote[] {
  const names = new Map<string, string>();
  for (const m of html.matchAll(/<article class="ex-card" id="speaker-([^"]+)"[\s\S]*?<h3 class="ex-card-name"[^>]*>([^<]*)<\/h3>/g)) names.set(m[1]!, textOfHtml(m[2]!));
  const quotes = new Map<string, ShownQuote>();
  for (const p of html.matchAll(/<p id="p-(\d+)">([\s\S]*?)<\/p>/g)) {
    const body = p[2]!;
    for (const m of body.matchAll(/<span class="ex-quote" data-speaker="([^"]+)" data-quote="([^"]+)"/g)) {
      const inner = textOfHtml(elementAt(body, m.index, 'span')).replace(/^[“"]|[”"]$/gu, '');
      const had = quotes.get(m[2]!);
      if (had) had.text += inner;
      else quotes.set(m[2]!, { paragraph: Number(p[1]), text: inner, ...(names.has(m[1]!) ? { speaker: names.get(m[1]!)! } : {}) });
    }
  }
  return [...quotes.values()];
}
