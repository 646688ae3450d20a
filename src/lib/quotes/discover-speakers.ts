/**
 * Speakers named in the article itself: people and organizations the text
 * introduces, with their role and affiliation as the text gives them, so a
 * quotation can be attributed without a file in `content/people/`.
 *
 * A run of capitalized words is a person when its name part looks like a
 * person's name (`Deb Haaland`, `Scott E. Thomas`, `Kai-Fu Lee`) and the text
 * says who the person is or that they speak: a title or honorific before the
 * name (`BLM Director Tracy Stone-Manning`, `Dr. Steve Feldgus`), a role in
 * lower case before it (`facility manager JJ Nolan`), an appositive with a
 * role after it (`Kirren Seiler, wild horse program assistant,`), or a speech
 * verb with a quotation nearby (`said Feng Ji`, `Zhou Hongyi, …, said`).
 * A run that is the subject or object of a speech verb next to a quotation
 * but not a person's name is an organization (`DeepSeek said in a
 * statement`), as is a name right after an organization noun (`the Chinese
 * startup DeepSeek`). A one-word name after a title (`Secretary Haaland`)
 * that is a short form of a person found elsewhere is that person; one that
 * is not counts only when the text has it speak.
 *
 * `castSpeakers` joins what the text names with the registry: a file whose
 * name or alias is the name found, or whose id is that name's id, is that
 * speaker. Every person also gets short forms (the first and last word of the
 * name) that stand for them after the article first names them in full.
 */
import { type Article, type ArticleParagraph, paragraphAt } from '../article/parse-article.ts';
import { idFromName } from '../ids.ts';
import type { Range } from '../text/positions.ts';
import type { Quotation } from './detect-quotes.ts';
import {
  capitalizedRuns,
  isCapitalized,
  isCommonCapitalized,
  isNameWord,
  isOrganizationNoun,
  isPersonName,
  isTitleNoun,
  isTitleWord,
  splitRun,
  textOf,
  type Token,
  tokenize,
} from './names.ts';
import type { SpeakerEntry } from './speaker-mentions.ts';
import { attributionAdverbs, invertibleVerbs, speechVerbs } from './speech-words.ts';

/** Who a speaker is, as the article gives it where it first introduces them. */
export interface TextDescription {
  role?: string;
  affiliation?: string;
  /** `Dr.`, when the article puts one before the name. */
  honorific?: string;
  /** The paragraph and the offsets of the name where the description was found. */
  paragraph: number;
  start: number;
  end: number;
}

/** A speaker named in the text. */
export interface FoundSpeaker {
  name: string;
  kind: 'person' | 'organization';
  description: TextDescription;
  /** An acronym the article gives in brackets after the name (`Bureau of Land Management (BLM)`). */
  acronym?: string;
  /** Whether the text has the name speak (the subject or object of a speech verb near a quotation). */
  speaks?: boolean;
}

/** The registry and the speakers the text names, as one list for the attribution rules. */
export interface Cast {
  entries: SpeakerEntry[];
  /** Descriptions from the text, by speaker id (registry ids included). */
  described: Map<string, FoundSpeaker>;
}

/** Longest appositive read for a role, in words. */
const maxAppositiveWords = 40;

const verbWords = new Set<string>(speechVerbs.filter((v) => !v.includes(' ')));
const invertible = new Set<string>(invertibleVerbs);
const adverbs = new Set<string>(attributionAdverbs.map((a) => a.toLowerCase()));
/** Words that end a lower-case role phrase read backwards from a name. */
const roleStops = new Set([
  'the', 'a', 'an', 'of', 'by', 'with', 'from', 'to', 'in', 'on', 'at', 'for', 'that', 'who', 'which', 'what', 'whom',
  'whose', 'and', 'or', 'but', 'is', 'was', 'are', 'were', 'be', 'been', 'has', 'had', 'have', 'as', 'his', 'her',
  'their', 'its', 'our', 'this', 'these', 'those', 'according', 'like', 'including',
]);

/** The people and organizations the article introduces, in the order it first names them. */
export function findNamedSpeakers(article: Article, quotes: readonly Quotation[]): FoundSpeaker[] {
  const byParagraph = new Map<number, Range[]>();
  for (const q of quotes) {
    const list = byParagraph.get(q.paragraph) ?? [];
    list.push({ start: q.start, end: q.end });
    byParagraph.set(q.paragraph, list);
  }
  const found: FoundSpeaker[] = [];
  article.paragraphs.forEach((p, index) => {
    const inside = byParagraph.get(p.n) ?? [];
    const tokens = tokensOutside(article.text, p, inside);
    const context = {
      hasQuote: inside.length > 0,
      nextOpensWithQuote: (byParagraph.get(p.n + 1) ?? []).some((q) => q.start === article.paragraphs[index + 1]?.start),
    };
    for (const run of capitalizedRuns(tokens)) {
      const speaker = readRun(article.text, p, tokens, run, context);
      if (speaker) found.push(speaker);
    }
  });
  return mergeFound(found);
}

/** A paragraph's tokens outside quotations; a word right after a quotation counts as behind a quotation mark. */
function tokensOutside(text: string, p: ArticleParagraph, inside: readonly Range[]): Token[] {
  const out: Token[] = [];
  let afterQuote = false;
  for (const t of tokenize(text, p.start, p.end)) {
    if (inside.some((r) => t.start >= r.start && t.start < r.end)) {
      afterQuote = true;
      if (out.length) out[out.length - 1] = { ...out[out.length - 1]!, quoteAfter: true };
      continue;
    }
    out.push(afterQuote ? { ...t, lead: `”${t.lead}` } : t);
    afterQuote = false;
  }
  return out;
}

interface RunContext {
  hasQuote: boolean;
  nextOpensWithQuote: boolean;
}

/** The speaker a run of capitalized words names, if the text says enough about it. */
function readRun(text: string, p: ArticleParagraph, tokens: readonly Token[], run: { from: number; to: number }, context: RunContext): FoundSpeaker | undefined {
  const split = splitRun(tokens, run);
  const nameWords = tokens.slice(split.nameFrom, split.to).map((t) => t.text);
  const last = tokens[Math.max(split.to, run.from + 1) - 1]!;
  const before = tokens[run.from - 1];
  const lowerRole = roleBefore(tokens, run.from);
  const appositive = tokens[run.to - 1]!.trail.startsWith(',') ? appositiveAfter(text, tokens, run.to) : undefined;
  const speaks = (context.hasQuote || (context.nextOpensWithQuote && /:/.test(sentenceEnd(tokens, split.to)))) && speechSlot(tokens, run, appositive);
  const place = { paragraph: p.n, start: tokens[Math.min(split.nameFrom, run.to - 1)]!.start, end: last.end };
  const acronym = acronymAfter(tokens, run.to);

  const person = nameWords.length > 0 && (isPersonName(nameWords) || (nameWords.length === 1 && isNameWord(nameWords[0]!) && (split.headed || lowerRole !== undefined)));
  if (person && (split.titled || lowerRole || appositive?.role || speaks)) {
    const description = { ...place, ...describe(text, tokens, split, lowerRole, appositive) };
    return { name: textOf(text, tokens, split.nameFrom, split.to), kind: 'person', description, ...(acronym ? { acronym } : {}), ...(speaks ? { speaks } : {}) };
  }
  const orgBefore = before && isOrganizationNoun(before.text) && before.trail === '';
  if (speaks || orgBefore) {
    let from = run.from;
    while (from < run.to && isCommonCapitalized(tokens[from]!.text)) from++;
    if (from === run.to) return undefined;
    const role = orgBefore ? organizationRole(tokens, run.from) : undefined;
    const org = { paragraph: p.n, start: tokens[from]!.start, end: tokens[run.to - 1]!.end, ...(role ? { role } : {}) };
    return { name: textOf(text, tokens, from, run.to), kind: 'organization', description: org, ...(acronym ? { acronym } : {}), ...(speaks ? { speaks } : {}) };
  }
  return undefined;
}

/** The punctuation that ends the sentence of token `i`. */
function sentenceEnd(tokens: readonly Token[], i: number): string {
  for (let k = Math.max(0, i - 1); k < tokens.length; k++) {
    if (/[.!?:]/u.test(tokens[k]!.trail)) return tokens[k]!.trail;
  }
  return '';
}

/**
 * Whether a run is where a speech verb looks for its speaker: the subject of
 * the verb (`Liang said`, `Lee, a former president of Google China, said`)
 * or its object (`said Feng Ji`, `says facility manager JJ Nolan`,
 * `according to Kevin Xu`).
 */
function speechSlot(tokens: readonly Token[], run: { from: number; to: number }, appositive: Appositive | undefined): boolean {
  const last = tokens[run.to - 1]!;
  if (last.trail === '' && verbAt(tokens, run.to)) return true;
  if (appositive && verbAt(tokens, appositive.to)) return true;
  // After the verb, the name ends its clause (`said China would` names no speaker).
  const next = tokens[run.to];
  if (last.trail === '' && !last.quoteAfter && next && !afterObject.has(next.text.toLowerCase())) return false;
  // Right after the verb, or after a role in lower case (`says facility manager JJ Nolan`).
  const k = (roleBefore(tokens, run.from)?.from ?? run.from) - 1;
  const verb = tokens[k];
  if (!verb || verb.trail !== '' || verb.quoteAfter) return false;
  const w = verb.text.toLowerCase();
  return invertible.has(w) || (w === 'to' && tokens[k - 1]?.text.toLowerCase() === 'according');
}

/** Words that may follow a speaker named after the verb: `said Li in a speech`, `said Xu on Monday`. */
const afterObject = new Set(['in', 'at', 'on', 'during', 'after', 'before', 'while', 'when', 'from', 'via', 'through', 'last', 'this', 'earlier', 'later', 'today', 'yesterday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** Whether a speech verb starts at token `i`, adverbs allowed before it (`later said`). */
function verbAt(tokens: readonly Token[], i: number): boolean {
  let k = i;
  while (k < tokens.length && adverbs.has(tokens[k]!.text.toLowerCase()) && tokens[k]!.trail === '') k++;
  const t = tokens[k];
  return t !== undefined && t.lead === '' && verbWords.has(t.text.toLowerCase());
}

/** A lower-case role right before a name, ending in a title noun: `facility manager`, `venture capitalist`. */
function roleBefore(tokens: readonly Token[], i: number): { from: number; to: number } | undefined {
  const last = tokens[i - 1];
  if (!last || last.trail !== '' || !isTitleNoun(last.text) || isCapitalized(last.text)) return undefined;
  let from = i - 1;
  while (from - 1 >= 0 && i - from < 5) {
    const t = tokens[from - 1]!;
    const w = t.text.toLowerCase();
    if (t.trail !== '' || roleStops.has(w) || verbWords.has(w) || invertible.has(w)) break;
    if (isCapitalized(t.text) && !startsSentence(tokens, from - 1)) break;
    from--;
    if (isCapitalized(t.text)) break;
  }
  return { from, to: i };
}

function startsSentence(tokens: readonly Token[], k: number): boolean {
  return k === 0 || /[.!?:]/u.test(tokens[k - 1]!.trail);
}

interface Appositive {
  /** The token after the appositive's closing comma (or its end). */
  to: number;
  role?: string;
  affiliation?: string;
}

/**
 * The appositive after a name and its comma, up to the next comma or the end
 * of the sentence, read as a role when it holds a title noun
 * (`, founder and chief executive of Game Science,`, `, who is also the
 * founder of a hedge fund called High-Flyer,`).
 */
function appositiveAfter(text: string, tokens: readonly Token[], i: number): Appositive | undefined {
  let k = i;
  while (k < tokens.length && k - i < maxAppositiveWords) {
    const t = tokens[k]!;
    if (/[“”"]/u.test(t.lead) || /[“”"]/u.test(t.trail)) return undefined;
    k++;
    if (/[,;:.!?]/u.test(t.trail.replace(/^’s/u, '')) || t.quoteAfter) break;
  }
  if (k === i) return undefined;
  const words = tokens.slice(i, k);
  const ending = words[words.length - 1]!.trail;
  const phrase = textOf(text, tokens, i, k).replace(/^(?:who|which)\s+(?:is|was|has been)\s+(?:also\s+)?/u, '');
  if (!words.some((t) => isTitleNoun(t.text))) return { to: /,/.test(ending) ? k : tokens.length };
  return { to: /,/.test(ending) ? k : tokens.length, ...splitRole(phrase) };
}

/** `founder of 01.AI` → role `founder`, affiliation `01.AI`; a determiner in front is dropped. */
function splitRole(phrase: string): { role?: string; affiliation?: string } {
  // A relative clause says more than the role: `a hedge fund called High-Flyer that uses …`.
  const p = phrase.replace(/^(?:the|a|an)\s+/iu, '').replace(/\s+(?:that|which|who|where)\s.*$/u, '');
  const m = /^(.*?\S)\s+(?:of|at|with)\s+(?:the\s+)?(.+)$/u.exec(p);
  if (m && m[1] && m[2] && m[1].split(/\s+/).some(isTitleNoun) && !/\s(?:of|at|with)\s/u.test(m[1])) return { role: m[1], affiliation: m[2] };
  return { role: p };
}

/**
 * The role and affiliation of a person from the words around the name: the
 * title before it (`BLM Director` → Director of BLM; `Secretary of the
 * Interior` → a role of its own), else a role in lower case before it, else
 * the appositive after it.
 */
function describe(
  text: string,
  tokens: readonly Token[],
  split: ReturnType<typeof splitRun>,
  lowerRole: { from: number; to: number } | undefined,
  appositive: Appositive | undefined,
): { role?: string; affiliation?: string; honorific?: string } {
  const honorific = split.honorific ? { honorific: split.honorific } : {};
  let from = split.from;
  while (from < split.nameFrom && /^(?:The|A|An)$/.test(tokens[from]!.text)) from++;
  const titleEnd = split.honorific ? split.nameFrom - 1 : split.nameFrom;
  if (from < titleEnd) {
    const words = tokens.slice(from, titleEnd).map((t) => t.text);
    const first = words.findIndex(isTitleWord);
    // `California Desert District Manager`: the unit's word names the body and belongs to the role too.
    const unit = first > 1 && unitWords.has(words[first - 1]!) ? 1 : 0;
    if (first === 0) return { role: textOf(text, tokens, from, titleEnd), ...honorific };
    if (first > 0) return { role: textOf(text, tokens, from + first - unit, titleEnd), affiliation: textOf(text, tokens, from, from + first), ...honorific };
    if (!lowerRole && !appositive?.role) return { affiliation: textOf(text, tokens, from, titleEnd), ...honorific };
  }
  if (lowerRole) return { role: textOf(text, tokens, lowerRole.from, lowerRole.to), ...honorific };
  if (appositive?.role) return { role: appositive.role, ...(appositive.affiliation ? { affiliation: appositive.affiliation } : {}), ...honorific };
  return honorific;
}

/** Words of a unit that a title names with its head: `District Manager`, `State Director`, `Program Manager`. */
const unitWords = new Set(['District', 'Division', 'Program', 'Programme', 'Project', 'Field', 'Area', 'Branch', 'Unit', 'Regional', 'State', 'Office']);

/** What sort of organization the article calls a name: `the Chinese startup DeepSeek` → `Chinese startup`. */
function organizationRole(tokens: readonly Token[], i: number): string {
  const words: string[] = [];
  for (let k = i - 1; k >= 0 && words.length < 4; k--) {
    const t = tokens[k]!;
    if (k !== i - 1 && t.trail !== '') break;
    if (/^(?:the|a|an)$/iu.test(t.text) || roleStops.has(t.text.toLowerCase())) break;
    words.unshift(t.text);
  }
  return words.join(' ');
}

/** An acronym in brackets right after a name: `(BLM)`. */
function acronymAfter(tokens: readonly Token[], i: number): string | undefined {
  const t = tokens[i];
  return t && t.lead.includes('(') && t.trail.startsWith(')') && /^\p{Lu}[\p{Lu}\p{N}&]{1,9}$/u.test(t.text) ? t.text : undefined;
}

/**
 * One entry per name, first introduction kept (a later one fills a missing
 * role). A one-word name that is the first or last word of a person's full
 * name is that person.
 */
function mergeFound(found: readonly FoundSpeaker[]): FoundSpeaker[] {
  const byName = new Map<string, FoundSpeaker>();
  for (const f of found) {
    const had = byName.get(f.name);
    if (!had) {
      byName.set(f.name, f);
      continue;
    }
    if (had.kind === 'organization' && f.kind === 'person') byName.set(f.name, { ...f, description: { ...had.description, ...pick(f.description) } });
    else if (!had.description.role && f.description.role) byName.set(f.name, { ...had, description: { ...had.description, ...pick(f.description) } });
  }
  const all = [...byName.values()];
  const people = all.filter((f) => f.kind === 'person' && f.name.includes(' '));
  return all.filter((f) => {
    if (f.name.includes(' ')) return true;
    const whole = people.find((p) => shortFormsOf(p.name).includes(f.name));
    // A one-word person after a title (`President Biden`) counts only when the text has them speak.
    if (!whole) return f.kind === 'organization' || f.speaks === true;
    if (!whole.description.role && f.description.role) {
      const { role, affiliation } = f.description;
      whole.description = { ...whole.description, ...(role ? { role } : {}), ...(affiliation ? { affiliation } : {}) };
    }
    return false;
  });
}

function pick(d: TextDescription): Partial<TextDescription> {
  return { ...(d.role ? { role: d.role } : {}), ...(d.affiliation ? { affiliation: d.affiliation } : {}), ...(d.honorific ? { honorific: d.honorific } : {}) };
}

/** The first and last word of a person's name, which stand for them once the article has named them in full. */
export function shortFormsOf(name: string): string[] {
  const words = name.split(/\s+/).filter((w) => isNameWord(w) && !/^\p{Lu}\.$/u.test(w) && !/^\p{Ll}/u.test(w));
  if (words.length < 2) return [];
  return [...new Set([words[words.length - 1]!, words[0]!])];
}

/**
 * The registry and the speakers the text names, joined: a found name that a
 * file has as its name or an alias, or whose id a file has, is that file's
 * speaker; any other becomes an entry of its own, with the id its name gives
 * (`Jane Doe` → `jane-doe`). Persons get their short forms.
 */
export function castSpeakers(article: Article, quotes: readonly Quotation[], registry: readonly SpeakerEntry[], seedFile: string): Cast {
  const found = findNamedSpeakers(article, quotes);
  const entries = registry.map((e) => ({ ...e }));
  const described = new Map<string, FoundSpeaker>();
  for (const f of found) {
    const id = idFromName(f.name);
    const known = entries.find((e) => e.id === id || e.name === f.name || e.aliases.includes(f.name));
    if (known) {
      if (!described.has(known.id)) described.set(known.id, f);
      continue;
    }
    entries.push({ id, name: f.name, aliases: f.acronym ? [f.acronym] : [], kind: f.kind, file: seedFile, fromText: true });
    described.set(id, f);
  }
  const counts = new Map<string, number>();
  const forms = entries.map((e) => (e.kind === 'person' ? shortFormsOf(e.name).filter((w) => !usedInLowerCase(article.text, w.toLowerCase())) : []));
  for (const list of forms) for (const w of list) counts.set(w, (counts.get(w) ?? 0) + 1);
  entries.forEach((e, i) => {
    const taken = new Set([e.name, ...e.aliases]);
    // A first name shared by two people stands for neither; a shared surname stays, and is reported as ambiguous where it is used.
    const words = e.name.split(/\s+/);
    const short = forms[i]!.filter((w) => !taken.has(w) && !((counts.get(w) ?? 0) > 1 && w === words[0]));
    const first = firstMention(article, e.name);
    if (short.length && first !== undefined) {
      e.shortForms = short;
      e.introducedAt = first;
    }
  });
  return { entries, described };
}

/** A word in lower case, as `usedInLowerCase` reads the text: from a word boundary, lower-case letters, apostrophes and hyphens. */
const lowerWord = /\b\p{Ll}[\p{Ll}'’-]*\b/gu;
const lowerWordChar = /[\p{Ll}'’-]/u;

/**
 * Whether the text has `word` as a word of its own in lower case (`young`
 * for `Andrew Young`), read as the scan of the whole text with `lowerWord`
 * would read it, but only around the places where `word` occurs: a match of
 * `lowerWord` never covers a character outside its class, so the scan from
 * the start of the run of such characters around an occurrence finds the
 * same words there as the scan from the start of the text.
 */
export function usedInLowerCase(text: string, word: string): boolean {
  if (word === '') return false;
  const re = new RegExp(lowerWord.source, 'gu');
  const asciiWord = (i: number) => i >= 0 && i < text.length && /\w/.test(text[i]!);
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    // Inside a longer word (`li` in `like`): no word boundary, so no match of `lowerWord`, starts or ends there.
    if ((asciiWord(at - 1) && asciiWord(at)) || (asciiWord(at + word.length - 1) && asciiWord(at + word.length))) continue;
    let from = at;
    for (;;) {
      // Step back one code point: a surrogate pair is one character to the pattern.
      const step = from > 1 && /[\udc00-\udfff]/.test(text[from - 1]!) && /[\ud800-\udbff]/.test(text[from - 2]!) ? 2 : 1;
      if (from - step < 0 || !lowerWordChar.test(text.slice(from - step, from))) break;
      from -= step;
    }
    re.lastIndex = from;
    for (let m = re.exec(text); m && m.index <= at; m = re.exec(text)) {
      if (m.index === at && m[0] === word) return true;
    }
  }
  return false;
}

/** Where the article first writes a name in full, in a paragraph (not the headline or residue). */
function firstMention(article: Article, name: string): number | undefined {
  for (let at = article.text.indexOf(name); at !== -1; at = article.text.indexOf(name, at + 1)) {
    const p = paragraphAt(article, at);
    if (p && at + name.length <= p.end) return at;
  }
  return undefined;
}
