/**
 * Gives every quotation a speaker, by rules that read the words around it,
 * never by lists made for one article. The speakers are the people files
 * (`content/people/`) and the people and organizations the article names
 * (`discover-speakers.ts`).
 *
 * Rules, in the order they are tried for one quotation:
 * 1. `override`: an editor's override for the paragraph and opening words.
 * 2. `split`: the second part of a quotation split around its attribution
 *    takes the first part's speaker.
 * 3. After the closing mark (only when the quotation does not end with a full
 *    stop): `said-NAME` (`,” said Feng Ji, founder …`), `NAME-said`,
 *    `NAME-title-said` (`,” Xu, the former …, said Monday`), `pronoun`
 *    (`,” he wrote`), `organization` (`,” the company said`), `according-to`.
 *    Before the opening mark, in the same sentence, the last speech verb
 *    decides: its subject is a name (`NAME-said`: `Li called for “`), a name
 *    with an appositive (`NAME-title-said`), a pronoun, an organization
 *    phrase (`The company later said that … “`), or it is a participle after a
 *    comma (`adding`: `…,” he told 36Kr, adding that … “`), which takes the
 *    speaker of the clause it hangs on. When the words after and before name
 *    different speakers, the quotation is ambiguous.
 * 4. `continuation`: a quotation that reopens after a run-on paragraph, a
 *    paragraph that is only a quotation, or a quotation that is a sentence of
 *    its own after an attributed one in the same paragraph, takes the previous
 *    quotation's speaker; a run-on quotation takes the speaker of its
 *    continuation.
 * 5. `introduced`: a quotation after a colon (`Seiler had this to say about
 *    Athena:`, ending the paragraph before or right before the quotation)
 *    takes the subject of that sentence, or the one speaker it names.
 *
 * After an inverted verb, the speaker is the name that ends the title and
 * name after it, however long the title (`said Principal Deputy Assistant
 * Secretary for Land and Minerals Management Dr. Steve Feldgus`). Before a
 * verb, a possessive subject counts (`FEC Chairman Thomas’ letter concludes`).
 * Pronouns (he, she, they) stand for the persons named in the nearest
 * sentence before them that names one, anywhere earlier in the article; "it"
 * and "the company" likewise for organizations. Two different speakers in that
 * sentence make it ambiguous. A quotation no rule attributes becomes a problem
 * that names the paragraph, the opening words and the speakers named before
 * it, nearest first, with the paragraphs that name them.
 */
import type { Range } from '../annotations/types.ts';
import { type Article, paragraphAt } from '../article/parse-article.ts';
import { firstWords, type Quotation } from './detect-quotes.ts';
import { findSpeakerMentions, type SpeakerEntry, type SpeakerMention } from './speaker-mentions.ts';
import {
  alternation,
  attributionAdverbs,
  invertibleVerbs,
  organizationAnaphors,
  organizationPronouns,
  participleVerbs,
  personPronouns,
  speechVerbs,
  statementNouns,
  wordEnd,
  wordStart,
} from './speech-words.ts';
import { capitalizedRuns, isCapitalized, isTitleWord, splitRun, type Token, tokenizePart } from './names.ts';
import { lastAtOrBefore } from '../text/positions.ts';
import { sentenceStarts } from '../text/sentences.ts';

export type { SpeakerEntry, SpeakerMention } from './speaker-mentions.ts';

export const attributionRules = [
  'override',
  'split',
  'said-NAME',
  'NAME-said',
  'NAME-title-said',
  'according-to',
  'pronoun',
  'organization',
  'adding',
  'introduced',
  'continuation',
] as const;
export type AttributionRule = (typeof attributionRules)[number];

/** An editor's choice of speaker for one quotation, which wins over the rules. */
export interface QuoteOverride {
  paragraph: number;
  /** Opening words inside the marks. */
  quote: string;
  /** Speaker id (`content/people/<id>.md`). */
  speaker: string;
}

export interface Attribution {
  quote: Quotation;
  /** Speaker id. */
  speaker: string;
  /** Which rule matched. */
  rule: AttributionRule;
  /** Where the speaker is named at the attribution, to link to the card; absent for pronouns, organization phrases and continuations. */
  name?: Range;
}

export interface AttributionProblem {
  paragraph: number;
  /** The quotation's opening words. */
  quote: string;
  /** Where the quotation opens, in `Article.text`. */
  offset: number;
  message: string;
  /** Speaker ids that could be meant, nearest first. */
  candidates: string[];
  /** The paragraphs (up to the quotation's) where each candidate is named. */
  places: Record<string, number[]>;
}

export interface AttributionResult {
  attributions: Attribution[];
  problems: AttributionProblem[];
  overridesUnused: QuoteOverride[];
}

/** Most words allowed between an inverted verb and its speaker when they are not a title: `said venture capitalist Marc Andreessen`. */
const maxWordsBeforeName = 3;
/** Most candidates a problem lists. */
const maxCandidates = 6;
/** Longest appositive between a name and its verb: `Xu, the former senior director …, said`. */
const maxAppositive = 200;

const adverbRun = `(?:\\s+(?:${alternation(attributionAdverbs)}))*`;
const verbAlt = alternation(speechVerbs);
/** After a name: adverbs, then the verb (`Liang later said`). */
const nameThenVerb = new RegExp(`^${adverbRun}\\s+(${verbAlt})${wordEnd}`, 'iu');
/** After a name: an appositive between commas, adverbs, then the verb. */
const appositiveThenVerb = new RegExp(`^,\\s[^“”"]{1,${maxAppositive}}?,${adverbRun}\\s+(${verbAlt})${wordEnd}`, 'iu');
/** A verb that may come before its speaker, at the start of a passage. */
const invertedVerb = new RegExp(`^(${alternation(invertibleVerbs)})${wordEnd}`, 'iu');
/** `according to`, at the start of a passage. */
const accordingTo = /^according\s+to(?![\p{L}])/iu;
/** A pronoun or an organization phrase, adverbs, then the verb, at the start of a passage. */
const pronounThenVerb = new RegExp(
  `^(${alternation([...personPronouns, ...organizationPronouns, ...organizationAnaphors])})${adverbRun}\\s+(${verbAlt})${wordEnd}`,
  'iu',
);
/** A few words that are not a known speaker, then a speech verb, right after a quotation: `,” a bystander said`. */
const unknownSubject = new RegExp(`^((?:[^\\s,.;:!?“”"]+\\s+){0,3}[^\\s,.;:!?“”"]+)${adverbRun}\\s+(${verbAlt})${wordEnd}`, 'iu');
/** Every speech verb, participle or `according to` in a passage. */
const anyVerb = new RegExp(
  `${wordStart}(?:${alternation([...speechVerbs, ...participleVerbs, 'according to'])})${wordEnd}`,
  'giu',
);
/** A pronoun or organization phrase ending a passage, adverbs allowed after it. */
const pronounAtEnd = new RegExp(
  `${wordStart}(${alternation([...personPronouns, ...organizationPronouns, ...organizationAnaphors])})${adverbRun}\\s*$`,
  'iu',
);
/** Adverbs ending a passage, to find where the subject ends. */
const adverbTail = new RegExp(`${adverbRun}\\s*$`, 'iu');
/** A possessive and what the speaker wrote, ending the words before a verb: `Thomas’ letter`, `Doe’s statement`. */
const possessiveTail = new RegExp(`[’']s?\\s+(?:[\\p{Ll}-]+\\s+){0,2}(?:${alternation(statementNouns)})${adverbRun}\\s*$`, 'iu');

/** Everything the rules read, computed once per article. */
interface Scene {
  article: Article;
  quotes: Quotation[];
  /** Mentions outside quotations, in text order. */
  mentions: SpeakerMention[];
  /** Sentence starts per paragraph, boundaries inside quotations ignored; worked out when first asked for. */
  sentences: { get(paragraph: number): number[] | undefined };
  byId: Map<string, SpeakerEntry>;
  /** The quotations of each paragraph, in text order. */
  quotesIn: Map<number, Quotation[]>;
  /** Each quotation's place in `quotes`. */
  quoteIndex: Map<Quotation, number>;
  /** Where each mention starts, in the order of `mentions`: the index for `mentionsBetween`. */
  mentionStarts: number[];
}

type Verdict =
  | { kind: 'speaker'; speaker: string; rule: AttributionRule; name?: Range }
  | { kind: 'problem'; message: string; candidates: string[] };

type Problem = Verdict & { kind: 'problem' };

export function attributeQuotes(
  article: Article,
  quotes: Quotation[],
  speakers: SpeakerEntry[],
  overrides: QuoteOverride[] = [],
): AttributionResult {
  const scene = buildScene(article, quotes, speakers);
  const done = new Map<string, Attribution>();
  const failed = new Map<string, Problem>();

  const overridesUnused = applyOverrides(scene, overrides, done, failed);

  // Rules can lean on other quotations (split, adding, continuation in either
  // direction), so passes repeat until nothing changes.
  for (let changed = true; changed;) {
    changed = false;
    for (const q of quotes) {
      if (done.has(q.id) || failed.has(q.id)) continue;
      const verdict = attributeOne(scene, q, done);
      if (!verdict) continue;
      changed = true;
      if (verdict.kind === 'speaker') done.set(q.id, toAttribution(q, verdict));
      else failed.set(q.id, verdict);
    }
  }

  const problems: AttributionProblem[] = [];
  for (const q of quotes) {
    if (done.has(q.id)) continue;
    const verdict = failed.get(q.id) ?? unresolved(scene, q);
    const candidates = verdict.candidates.length ? verdict.candidates : nearbyCandidates(scene, q);
    problems.push({
      paragraph: q.paragraph,
      quote: firstWords(q.text),
      offset: q.start,
      message: verdict.message,
      candidates,
      places: placesOf(scene, candidates, q.paragraph),
    });
  }
  const attributions = quotes.flatMap((q) => done.get(q.id) ?? []);
  return { attributions, problems, overridesUnused };
}

function buildScene(article: Article, quotes: Quotation[], speakers: SpeakerEntry[]): Scene {
  const inside = quotes.map((q) => ({ start: q.start, end: q.end }));
  const quoted = mergedRanges(inside);
  const mentions = findSpeakerMentions(article, speakers)
    .filter((m) => !within(quoted, m))
    .sort((a, b) => a.start - b.start);
  const quotesIn = new Map<number, Quotation[]>();
  for (const q of quotes) {
    const list = quotesIn.get(q.paragraph);
    if (list) list.push(q);
    else quotesIn.set(q.paragraph, [q]);
  }
  // A quotation lies within its paragraph, so only the paragraph's own can hold a boundary of it.
  const paragraphs = new Map(article.paragraphs.map((p) => [p.n, p]));
  const starts = new Map<number, number[]>();
  const sentences = {
    get(n: number): number[] | undefined {
      const p = paragraphs.get(n);
      if (!p) return undefined;
      let list = starts.get(n);
      if (!list) starts.set(n, (list = sentenceStarts(article.text, p.start, p.end, quotesIn.get(n) ?? [])));
      return list;
    },
  };
  return {
    article,
    quotes,
    mentions,
    sentences,
    byId: new Map(speakers.map((s) => [s.id, s])),
    quotesIn,
    quoteIndex: new Map(quotes.map((q, i) => [q, i])),
    mentionStarts: mentions.map((m) => m.start),
  };
}

/** Ranges sorted and merged where they overlap, so whether an offset range lies inside one is a binary search. */
function mergedRanges(ranges: readonly Range[]): Range[] {
  const out: Range[] = [];
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ start: r.start, end: r.end });
  }
  return out;
}

/** Whether `r` lies inside one of the sorted, merged `ranges`. */
function within(ranges: readonly Range[], r: Range): boolean {
  const i = lastAtOrBefore(ranges, r.start, (x) => x.start);
  const candidate = i >= 0 ? ranges[i] : undefined;
  return candidate !== undefined && r.end <= candidate.end;
}

/** The mentions that start at `from` or after and before `to`, in text order. */
function mentionsBetween(scene: Scene, from: number, to: number): SpeakerMention[] {
  if (to <= from) return [];
  const at = (x: number) => x;
  return scene.mentions.slice(lastAtOrBefore(scene.mentionStarts, from - 1, at) + 1, lastAtOrBefore(scene.mentionStarts, to - 1, at) + 1);
}

/** The quotations of a paragraph, in text order. */
function quotesIn(scene: Scene, paragraph: number): readonly Quotation[] {
  return scene.quotesIn.get(paragraph) ?? [];
}

/** Applies overrides first; returns those that matched no quotation. */
function applyOverrides(
  scene: Scene,
  overrides: readonly QuoteOverride[],
  done: Map<string, Attribution>,
  failed: Map<string, Problem>,
): QuoteOverride[] {
  const unused: QuoteOverride[] = [];
  for (const o of overrides) {
    const opening = normalizeQuote(o.quote);
    const matches = quotesIn(scene, o.paragraph).filter((q) => opening !== '' && normalizeQuote(q.text).startsWith(opening));
    if (matches.length === 0) {
      unused.push(o);
      continue;
    }
    for (const q of matches) {
      if (matches.length > 1) {
        failed.set(q.id, {
          kind: 'problem',
          message: `Expected the override's opening words “${o.quote}” to match one quotation in paragraph ${o.paragraph}, found ${matches.length}. Give more of the opening words.`,
          candidates: [o.speaker],
        });
      } else if (!scene.byId.has(o.speaker)) {
        failed.set(q.id, {
          kind: 'problem',
          message: `Expected the override's speaker to be a file in content/people, found “${o.speaker}”.`,
          candidates: [...scene.byId.keys()].filter((id) => id.includes(o.speaker) || o.speaker.includes(id)),
        });
      } else {
        const name = nearestMention(scene, q, o.speaker);
        done.set(q.id, { quote: q, speaker: o.speaker, rule: 'override', ...(name ? { name } : {}) });
      }
    }
  }
  return unused;
}

/** The one verdict for a quotation, or undefined while it waits on another quotation. */
function attributeOne(scene: Scene, q: Quotation, done: Map<string, Attribution>): Verdict | undefined {
  if (q.splitFrom) {
    const first = done.get(q.splitFrom);
    if (first) return { kind: 'speaker', speaker: first.speaker, rule: 'split', ...(first.name ? { name: first.name } : {}) };
    return undefined;
  }
  const direct = combine(afterQuote(scene, q), beforeQuote(scene, q, done));
  if (direct) return direct;
  return continuation(scene, q, done) ?? introduced(scene, q);
}

/** The verdict of the words after and before, or a problem when they name different speakers. */
function combine(after: Verdict | undefined, before: Verdict | undefined): Verdict | undefined {
  if (after?.kind === 'speaker' && before?.kind === 'speaker' && after.speaker !== before.speaker) {
    return {
      kind: 'problem',
      message: `Expected one speaker, found two equally good ones: the words after the quotation point to ${after.speaker} (${after.rule}) and the words before it to ${before.speaker} (${before.rule}).`,
      candidates: [after.speaker, before.speaker],
    };
  }
  if (after?.kind === 'speaker') return after;
  if (before?.kind === 'speaker') return before;
  return after ?? before;
}

/** Attribution right after the closing mark: `,” said NAME`, `,” NAME said`, `,” he wrote`. */
function afterQuote(scene: Scene, q: Quotation): Verdict | undefined {
  if (q.runsOn || /[.][’'\s]*$/u.test(q.text)) return undefined;
  const { text } = scene.article;
  const p = paragraphOf(scene, q);
  const next = quotesIn(scene, q.paragraph).find((o) => o.start >= q.end);
  const limit = next ? next.start : p.end;
  const lead = /^[\s,]*/u.exec(text.slice(q.end, limit))?.[0].length ?? 0;
  const pos = q.end + lead;
  const rest = text.slice(pos, limit);

  const inverted = invertedVerb.exec(rest);
  if (inverted) {
    const verbEnd = pos + inverted[0].length;
    const m = nameAfterVerb(scene, verbEnd, limit);
    if (m) return named(scene, q, m, 'said-NAME');
    return {
      kind: 'problem',
      message: `Expected a known speaker after “${inverted[1]}” in paragraph ${q.paragraph}, found “${firstWords(text.slice(verbEnd, limit))}”.`,
      candidates: nearbyCandidates(scene, q),
    };
  }

  const m = mentionsBetween(scene, pos, pos + 1)[0] ?? titledMention(scene, pos, limit);
  if (m) {
    const tail = text.slice(m.end, limit);
    if (nameThenVerb.test(tail)) return named(scene, q, m, 'NAME-said');
    if (appositiveThenVerb.test(tail)) return named(scene, q, m, 'NAME-title-said');
  }

  const pronoun = pronounThenVerb.exec(rest);
  if (pronoun) return resolvePronoun(scene, q, pronoun[1] ?? '', pos);

  const according = accordingTo.exec(rest);
  if (according) {
    const after = pos + according[0].length;
    const am = mentionsBetween(scene, after, limit).find((x) => x.end <= limit && isFewWords(text.slice(after, x.start)));
    if (am) return named(scene, q, am, 'according-to');
  }
  const unknown = unknownSubject.exec(rest);
  if (unknown?.[1]) {
    return {
      kind: 'problem',
      message: `Expected a speaker the article names before “${unknown[2]}” after the quotation in paragraph ${q.paragraph}, found “${unknown[1]}”.`,
      candidates: [],
    };
  }
  return undefined;
}

/** Attribution before the opening mark, in the same sentence: the last speech verb decides. */
function beforeQuote(scene: Scene, q: Quotation, done: Map<string, Attribution>): Verdict | undefined {
  const { text } = scene.article;
  const from = contextStart(scene, q);
  const verbs = [...text.slice(from, q.start).matchAll(anyVerb)].map((m) => ({
    start: from + m.index,
    end: from + m.index + m[0].length,
    word: m[0].toLowerCase().replace(/\s+/g, ' '),
  }));
  const last = verbs[verbs.length - 1];
  if (!last) return undefined;

  if ((participleVerbs as readonly string[]).includes(last.word)) {
    if (!/,\s*$/u.test(text.slice(from, last.start))) return undefined;
    const governing = quotesIn(scene, q.paragraph).find((o) => o.end === from);
    if (governing) {
      const a = done.get(governing.id);
      if (!a) return undefined;
      return { kind: 'speaker', speaker: a.speaker, rule: 'adding', ...(a.name ? { name: a.name } : {}) };
    }
    for (const v of verbs.slice(0, -1).reverse()) {
      const verdict = subjectOf(scene, q, from, v);
      if (verdict?.kind === 'speaker') return { ...verdict, rule: 'adding' };
    }
    return undefined;
  }

  if (last.word === 'according to') {
    const m = mentionsBetween(scene, last.end, q.start).find((x) => x.end <= q.start && isFewWords(text.slice(last.end, x.start)));
    return m ? named(scene, q, m, 'according-to') : undefined;
  }

  return (
    subjectOf(scene, q, from, last) ?? {
      kind: 'problem',
      message: `Expected a known speaker before “${last.word}” in paragraph ${q.paragraph}, found “${firstWords(text.slice(from, last.start), true)}”.`,
      candidates: nearbyCandidates(scene, q),
    }
  );
}

/** The speaker who is the subject of a verb: a name, a name and appositive, a pronoun or "the company". */
function subjectOf(scene: Scene, q: Quotation, from: number, verb: { start: number; end: number }): Verdict | undefined {
  const { text } = scene.article;
  const before = text.slice(from, verb.start);
  const subjectEnd = from + before.length - (adverbTail.exec(before)?.[0].length ?? 0);
  const direct = mentionsBetween(scene, from, subjectEnd).find((m) => m.end === subjectEnd);
  if (direct) return named(scene, q, direct, 'NAME-said');
  const possessive = possessiveTail.exec(before);
  const owner = possessive && mentionsBetween(scene, from, from + possessive.index).find((m) => m.end === from + possessive.index);
  if (owner) return named(scene, q, owner, 'NAME-said');
  const pronoun = pronounAtEnd.exec(before);
  if (pronoun) return resolvePronoun(scene, q, pronoun[1] ?? '', from + pronoun.index);
  const appositive = mentionsBetween(scene, from, verb.start)
    .filter((m) => m.end < verb.start)
    .reverse()
    .find((m) => appositiveThenVerb.test(text.slice(m.end, verb.end)));
  if (appositive) return named(scene, q, appositive, 'NAME-title-said');
  return undefined;
}

/** A named speaker, or a problem when the name belongs to more than one entry. */
function named(scene: Scene, q: Quotation, m: SpeakerMention, rule: AttributionRule): Verdict {
  const [only, ...others] = m.speakers;
  if (only && others.length === 0) return { kind: 'speaker', speaker: only.id, rule, name: { start: m.start, end: m.end } };
  return {
    kind: 'problem',
    message: `Expected “${scene.article.text.slice(m.start, m.end)}” in paragraph ${q.paragraph} to name one speaker, found ${m.speakers.length} that share it.`,
    candidates: m.speakers.map((s) => s.id),
  };
}

/** The speaker a pronoun or organization phrase stands for: the nearest sentence before `at` that names one. */
function resolvePronoun(scene: Scene, q: Quotation, word: string, at: number): Verdict {
  const lower = word.toLowerCase().replace(/\s+/g, ' ');
  const isPerson = (personPronouns as readonly string[]).includes(lower);
  const kind = isPerson ? 'person' : 'organization';
  const rule: AttributionRule =
    isPerson || (organizationPronouns as readonly string[]).includes(lower) ? 'pronoun' : 'organization';
  // Mentions are in text order: walk back from `at` to the nearest of the kind, then over its sentence.
  const ofKind = (m: SpeakerMention) => m.speakers.some((s) => s.kind === kind);
  let i = lastAtOrBefore(scene.mentions, at, (m) => m.start);
  while (i >= 0 && (scene.mentions[i]!.end > at || !ofKind(scene.mentions[i]!))) i--;
  const nearest = scene.mentions[i];
  if (!nearest) {
    return {
      kind: 'problem',
      message: `Expected ${isPerson ? 'a person' : 'an organization'} named before “${word}” in paragraph ${q.paragraph}, found none named earlier in the article.`,
      candidates: nearbyCandidates(scene, q),
    };
  }
  const sentence = sentenceKey(scene, nearest.start);
  const same: SpeakerMention[] = [];
  for (let k = i; k >= 0 && sentenceKey(scene, scene.mentions[k]!.start) === sentence; k--) if (ofKind(scene.mentions[k]!)) same.push(scene.mentions[k]!);
  const ids = unique(same.flatMap((m) => m.speakers.filter((s) => s.kind === kind).map((s) => s.id)));
  if (ids.length === 1 && ids[0]) return { kind: 'speaker', speaker: ids[0], rule };
  return {
    kind: 'problem',
    message: `Expected “${word}” in paragraph ${q.paragraph} to stand for one ${kind}, found ${ids.length} named in the sentence before it.`,
    candidates: ids,
  };
}

/** A run-on, reopened, whole-paragraph or follow-on quotation takes its neighbour's speaker. */
function continuation(scene: Scene, q: Quotation, done: Map<string, Attribution>): Verdict | undefined {
  const i = scene.quoteIndex.get(q) ?? -1;
  const previous = scene.quotes[i - 1];
  const next = scene.quotes[i + 1];
  const from = (a: Attribution | undefined): Verdict | undefined =>
    a ? { kind: 'speaker', speaker: a.speaker, rule: 'continuation' } : undefined;
  const sources = [
    q.carriesOn ? previous : undefined,
    q.runsOn && next?.carriesOn === 'reopened' ? next : undefined,
    previous && previous.paragraph === q.paragraph && startsSentence(scene, q) ? previous : undefined,
  ];
  for (const source of sources) {
    const verdict = source && from(done.get(source.id));
    if (verdict) return verdict;
  }
  return undefined;
}

/** The problem for a quotation no rule attributed. */
function unresolved(scene: Scene, q: Quotation): { message: string; candidates: string[] } {
  const candidates = nearbyCandidates(scene, q);
  if (q.splitFrom) {
    return {
      message: `Expected the first part of this split quotation (${q.splitFrom}) to have a speaker, found none.`,
      candidates,
    };
  }
  if (q.carriesOn) {
    return {
      message: `Expected the quotation before this one (paragraph ${q.paragraph - 1}) to have a speaker, since this one carries it on, found none.`,
      candidates,
    };
  }
  return {
    message: `Expected an attribution in paragraph ${q.paragraph} (“said NAME”, “NAME said”, or a pronoun after a named speaker), found none.`,
    candidates,
  };
}

/** Speakers named before a quotation or in its paragraph, nearest first, for problem reports. */
function nearbyCandidates(scene: Scene, q: Quotation): string[] {
  const near = scene.mentions.filter((m) => paragraphNumber(scene, m.start) <= q.paragraph);
  near.sort((a, b) => Math.abs(a.start - q.start) - Math.abs(b.start - q.start));
  return unique(near.flatMap((m) => m.speakers.map((s) => s.id))).slice(0, maxCandidates);
}

/** The paragraphs, up to `upTo`, where each speaker is named. */
function placesOf(scene: Scene, ids: readonly string[], upTo: number): Record<string, number[]> {
  const places: Record<string, number[]> = {};
  for (const id of ids) places[id] = [];
  for (const m of scene.mentions) {
    const n = paragraphNumber(scene, m.start);
    if (n > upTo) continue;
    for (const s of m.speakers) {
      const list = places[s.id];
      if (list && !list.includes(n)) list.push(n);
    }
  }
  return places;
}

/** Where a speaker is named in a quotation's paragraph, nearest the quotation, to link the name. */
function nearestMention(scene: Scene, q: Quotation, id: string): Range | undefined {
  const p = paragraphOf(scene, q);
  const own = mentionsBetween(scene, p.start, p.end).filter((m) => m.end <= p.end && m.speakers.length === 1 && m.speakers[0]!.id === id);
  own.sort((a, b) => Math.abs(a.start - q.start) - Math.abs(b.start - q.start));
  const m = own[0];
  return m ? { start: m.start, end: m.end } : undefined;
}

/**
 * The speaker named after an inverted verb: the name that ends the title and
 * name after it (`said Principal Deputy Assistant Secretary for Land and
 * Minerals Management Dr. Steve Feldgus`, `says facility manager JJ Nolan`),
 * or a name at most a few words after it.
 */
function nameAfterVerb(scene: Scene, verbEnd: number, limit: number): SpeakerMention | undefined {
  const { text } = scene.article;
  const tokens = tokenizePart(withoutBrackets(text.slice(verbEnd, limit)), verbEnd);
  let k = 0;
  while (k < tokens.length && k < maxWordsBeforeName && !isCapitalized(tokens[k]!.text) && tokens[k]!.trail === '') k++;
  return nameOfRun(scene, tokens.slice(k)) ?? mentionsBetween(scene, verbEnd, limit).find((x) => x.end <= limit && isFewWords(text.slice(verbEnd, x.start)));
}

/** A speaker named at `pos` after a title (`Secretary Haaland`, `BLM Director Tracy Stone-Manning`). */
function titledMention(scene: Scene, pos: number, limit: number): SpeakerMention | undefined {
  return nameOfRun(scene, tokenizePart(withoutBrackets(scene.article.text.slice(pos, limit)), pos));
}

/** The mention that ends the name of the run of capitalized words the tokens open with. */
function nameOfRun(scene: Scene, tokens: readonly Token[]): SpeakerMention | undefined {
  const run = capitalizedRuns(tokens)[0];
  if (!run || run.from !== 0) return undefined;
  const split = splitRun(tokens, run);
  const nameEnd = tokens[split.to - 1]?.end;
  const runStart = tokens[0]!.start;
  return nameEnd === undefined ? undefined : mentionsBetween(scene, runStart, nameEnd).filter((x) => x.end === nameEnd).pop();
}

/** A passage with its brackets blanked out, offsets kept: `NASA (National Aeronautics …) Director Jane Doe`. */
function withoutBrackets(passage: string): string {
  return passage.replace(/\([^()]*\)/gu, (m) => ' '.repeat(m.length));
}

/**
 * A quotation introduced after a colon by the sentence before it: `Seiler had
 * this to say about Athena:` ending the paragraph before, or `… in a letter:`
 * right before the quotation. The sentence's subject, or the one speaker it
 * names, is the speaker.
 */
function introduced(scene: Scene, q: Quotation): Verdict | undefined {
  const { text } = scene.article;
  const p = paragraphOf(scene, q);
  let from: number;
  let to: number;
  const before = text.slice(contextStart(scene, q), q.start);
  if (/:\s*$/u.test(before)) {
    from = contextStart(scene, q);
    to = q.start;
  } else {
    const previous = scene.article.paragraphs[q.paragraph - 2];
    if (q.start !== p.start || !previous || !/:\s*$/u.test(text.slice(previous.start, previous.end))) return undefined;
    from = (scene.sentences.get(previous.n) ?? [previous.start]).filter((x) => x < previous.end).pop() ?? previous.start;
    to = previous.end;
  }
  const mentioned = mentionsBetween(scene, from, to).filter((m) => m.end <= to);
  const subject = mentioned[0];
  if (subject && isTitleOnly(text.slice(from, subject.start))) return named(scene, q, subject, 'introduced');
  const ids = unique(mentioned.flatMap((m) => m.speakers.map((s) => s.id)));
  if (ids.length === 1 && subject) return named(scene, q, subject, 'introduced');
  return undefined;
}

/** Whether the words before a sentence's subject are only a title or capitalized words (`FEC Chairman`, `The`). */
function isTitleOnly(words: string): boolean {
  return words
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '')
    .every((w) => isCapitalized(w) || isTitleWord(w) || /^(?:the|a|an|of|for)$/iu.test(w));
}

/** Where the words before a quotation start: its sentence, or the end of the previous quotation in that sentence. */
function contextStart(scene: Scene, q: Quotation): number {
  const starts = scene.sentences.get(q.paragraph) ?? [];
  const sentence = starts.filter((s) => s <= q.start).pop() ?? paragraphOf(scene, q).start;
  const previous = quotesIn(scene, q.paragraph).filter((o) => o.end <= q.start).pop();
  return previous && previous.end > sentence ? previous.end : sentence;
}

/** Whether a quotation opens its sentence, so nothing before it can attribute it. */
function startsSentence(scene: Scene, q: Quotation): boolean {
  return (
    /^\s*$/u.test(scene.article.text.slice(contextStart(scene, q), q.start)) &&
    (scene.sentences.get(q.paragraph) ?? []).includes(q.start)
  );
}

/** `paragraph:sentence` of an offset, to group mentions by sentence. */
function sentenceKey(scene: Scene, offset: number): string {
  const n = paragraphNumber(scene, offset);
  const starts = scene.sentences.get(n) ?? [];
  return `${n}:${starts.filter((s) => s <= offset).length}`;
}

function paragraphNumber(scene: Scene, offset: number): number {
  return paragraphAt(scene.article, offset)?.n ?? 0;
}

function paragraphOf(scene: Scene, q: Quotation) {
  // Paragraph numbers are 1-based positions in `paragraphs`.
  const p = scene.article.paragraphs[q.paragraph - 1];
  if (!p) throw new Error(`Expected paragraph ${q.paragraph} in the article, found none (quotation ${q.id}).`);
  return p;
}

/** Whether a passage is at most a few words with no punctuation that would end a clause. */
function isFewWords(passage: string): boolean {
  if (/[,.;:!?“”"]/u.test(passage)) return false;
  return (
    passage
      .trim()
      .split(/\s+/)
      .filter((w) => w !== '').length <= maxWordsBeforeName
  );
}

/** Quotation text compared loosely: curly and straight marks alike, spaces collapsed, case ignored. */
function normalizeQuote(s: string): string {
  return s
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/^["'\s]+/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

function toAttribution(q: Quotation, v: Verdict & { kind: 'speaker' }): Attribution {
  return { quote: q, speaker: v.speaker, rule: v.rule, ...(v.name ? { name: v.name } : {}) };
}
