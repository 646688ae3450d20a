/**
 * Names in running text: the words of a paragraph as tokens, runs of
 * capitalized words (`Principal Deputy Assistant Secretary for Land and
 * Minerals Management Dr. Steve Feldgus`), and a run split into the title
 * before a name and the name itself. The fixed word lists that tell a title
 * from a name live here; `discover-speakers.ts` decides who speaks.
 */
import { isAbbreviation } from '../text/sentences.ts';
import { isSpaceCode } from '../text/words.ts';

/** Honorifics written before a name (`Dr. Steve Feldgus`), with or without their full stop. */
export const honorifics = [
  'Dr', 'Mr', 'Mrs', 'Ms', 'Mx', 'Prof', 'Sir', 'Dame', 'Rev', 'Hon', 'Sen', 'Rep', 'Gov', 'Gen', 'Lt', 'Col', 'Capt',
  'Sgt', 'Adm', 'Maj', 'Cmdr', 'Amb', 'Supt', 'Insp', 'Det',
] as const;

/** Head nouns of titles and roles, in lower case (`Director`, `facility manager`, `venture capitalist`). */
export const titleNouns = [
  'secretary', 'director', 'administrator', 'manager', 'chair', 'chairman', 'chairwoman', 'chairperson', 'president',
  'premier', 'minister', 'governor', 'senator', 'representative', 'congressman', 'congresswoman', 'mayor',
  'commissioner', 'officer', 'chief', 'advisor', 'adviser', 'counselor', 'counsel', 'spokesperson', 'spokesman',
  'spokeswoman', 'superintendent', 'supervisor', 'coordinator', 'specialist', 'assistant', 'deputy', 'founder',
  'co-founder', 'cofounder', 'executive', 'ceo', 'cfo', 'cto', 'coo', 'head', 'leader', 'scientist', 'engineer',
  'analyst', 'economist', 'attorney', 'lawyer', 'professor', 'researcher', 'fellow', 'dean', 'provost', 'chancellor',
  'ambassador', 'envoy', 'judge', 'justice', 'general', 'colonel', 'captain', 'lieutenant', 'sergeant', 'admiral',
  'commander', 'inspector', 'sheriff', 'treasurer', 'clerk', 'auditor', 'comptroller', 'trustee', 'partner', 'owner',
  'editor', 'correspondent', 'investor', 'capitalist', 'strategist', 'consultant', 'official', 'aide', 'lead',
  'steward', 'ranger', 'biologist', 'ecologist', 'botanist', 'hydrologist', 'geologist', 'planner', 'trainer',
  'technician', 'historian', 'curator', 'archaeologist', 'chemist', 'physicist', 'physician', 'doctor', 'nurse',
  'pastor', 'priest', 'rabbi', 'imam', 'bishop', 'coach', 'pilot', 'astronaut', 'principal',
] as const;

/** Words that qualify a title (`Acting Deputy Secretary`, `former president`). */
export const titleModifiers = [
  'acting', 'deputy', 'principal', 'assistant', 'associate', 'senior', 'junior', 'vice', 'executive', 'chief', 'former',
  'interim', 'special', 'managing', 'founding', 'general', 'co',
] as const;

/** Capitalized words that belong to the names of bodies and places, never to a person's name. */
export const organizationWords = [
  'Department', 'Bureau', 'Office', 'Agency', 'Administration', 'Council', 'Commission', 'Committee', 'Board',
  'Authority', 'Service', 'Services', 'Ministry', 'House', 'Senate', 'Congress', 'Parliament', 'Assembly', 'Court',
  'University', 'College', 'School', 'Institute', 'Center', 'Centre', 'Foundation', 'Association', 'Society',
  'Company', 'Corporation', 'Corp', 'Inc', 'Ltd', 'LLC', 'Group', 'Bank', 'Fund', 'Capital', 'Partners', 'Labs',
  'Laboratory', 'Network', 'Media', 'News', 'Times', 'Post', 'Party', 'Union', 'Federation', 'Organization',
  'Organisation', 'District', 'County', 'State', 'States', 'City', 'Region', 'Program', 'Programme', 'Division',
  'Branch', 'Unit', 'Team', 'Interior', 'Energy', 'Defense', 'Defence', 'Treasury', 'Police', 'Army', 'Navy', 'Force',
  'Guard', 'Management', 'Policy', 'Affairs', 'Security', 'Resources', 'Health', 'Education', 'Commerce', 'Labor',
  'Transportation', 'Agriculture', 'Quality', 'Environmental', 'Environment', 'Climate', 'Conservation', 'Land',
  'Lands', 'Project', 'Projects', 'Area', 'Plan', 'Rule', 'Act', 'Law', 'Initiative', 'Agenda', 'Park', 'Forest',
  'Wildlife', 'Refuge', 'Station', 'Facility', 'Corral', 'Museum', 'Library', 'Hospital', 'Church', 'Club', 'Holdings',
  'Industries', 'Technologies', 'Systems', 'Solutions', 'Republic', 'Kingdom', 'Nations', 'Government', 'Cabinet',
  'Exchange', 'Market', 'Markets', 'Reserve', 'Federal', 'National', 'International', 'Global', 'Royal',
] as const;

/** Lower-case nouns that name a kind of organization just before its name (`the Chinese startup DeepSeek`). */
export const organizationNouns = [
  'company', 'firm', 'startup', 'start-up', 'lab', 'laboratory', 'agency', 'organization', 'organisation', 'group',
  'chipmaker', 'carmaker', 'automaker', 'manufacturer', 'maker', 'retailer', 'bank', 'lender', 'insurer', 'airline',
  'broadcaster', 'newspaper', 'outlet', 'nonprofit', 'non-profit', 'charity', 'university', 'institute', 'ministry',
  'department', 'bureau', 'regulator', 'watchdog', 'conglomerate', 'giant', 'platform', 'network', 'union', 'fund',
  'operator', 'developer', 'publisher', 'studio', 'subsidiary', 'utility', 'provider', 'supplier', 'contractor',
] as const;

/** Lower-case particles inside a name (`Ursula von der Leyen`). */
const nameParticles = ['de', 'van', 'von', 'der', 'den', 'da', 'dos', 'das', 'du', 'del', 'della', 'di', 'la', 'le', 'bin', 'al', 'ibn', 'ter'] as const;

/** Lower-case words that join the capitalized words of one title or body (`Secretary of the Interior`). */
const connectors = ['of', 'for', 'and', 'the', 'on', 'to', 'at', 'in', '&', ...nameParticles] as const;

/**
 * Capitalized words that start a sentence or a clause but never a name:
 * function words, pronouns, days and months.
 */
const notNames = new Set([
  'The', 'A', 'An', 'This', 'That', 'These', 'Those', 'It', 'Its', 'He', 'She', 'They', 'We', 'I', 'You', 'His', 'Her',
  'Their', 'Our', 'My', 'Your', 'In', 'On', 'At', 'By', 'For', 'With', 'From', 'To', 'Of', 'As', 'After', 'Before',
  'But', 'And', 'Or', 'So', 'Then', 'When', 'While', 'If', 'Although', 'Though', 'Meanwhile', 'However', 'Today',
  'Yesterday', 'Tomorrow', 'Last', 'Next', 'Since', 'Until', 'During', 'Under', 'Over', 'About', 'Also', 'Yet', 'Still',
  'Now', 'Here', 'There', 'Where', 'What', 'Who', 'Which', 'Why', 'How', 'Some', 'Many', 'Most', 'All', 'Both', 'Each',
  'Every', 'Other', 'Others', 'Such', 'No', 'Not', 'Nor', 'Once', 'Upon', 'Due', 'Through', 'Because', 'Like', 'Unlike',
  'Based', 'Luckily', 'Overall', 'Additionally', 'Recently', 'Previously', 'Later', 'Earlier', 'Instead', 'Meantime',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April',
  'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun',
  'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'Mr', 'Mrs', 'Ms', 'Dr', 'Officials', 'Experts', 'Critics',
  'Analysts', 'Residents', 'Researchers', 'Scientists', 'Investors', 'Sources', 'Witnesses', 'Authorities', 'Observers',
  'Economists', 'Lawmakers', 'Users', 'Customers', 'Employees', 'Workers', 'Staff', 'Volunteers', 'Visitors',
  'Meet', 'Please', 'Read', 'Learn', 'Visit', 'See', 'Contact',
]);

const honorificSet = new Set<string>(honorifics);
const titleSet = new Set<string>(titleNouns);
const modifierSet = new Set<string>(titleModifiers);
const organizationSet = new Set<string>(organizationWords);
const connectorSet = new Set<string>(connectors);
const particleSet = new Set<string>(nameParticles);

/** One word of a paragraph, its punctuation apart. */
export interface Token {
  /** The word: leading and trailing punctuation left out, a full stop kept on an abbreviation or initial (`Dr.`, `E.`). */
  text: string;
  start: number;
  end: number;
  /** Punctuation right before the word (`“`, `(`). */
  lead: string;
  /** Punctuation right after it (`,`, `.”`, `’s`). */
  trail: string;
  /** Whether the word ends in a possessive (`Haaland’s`, `Thomas’`); `text` leaves it out. */
  possessive: boolean;
  /** Whether a quotation (left out of the tokens) follows the word. */
  quoteAfter?: boolean;
}

/** The words of `text` between `from` and `to`, as tokens with offsets into `text`. */
export function tokenize(text: string, from: number, to: number): Token[] {
  return tokenizePart(text.slice(from, to), from);
}

/** Punctuation a word may open with (`“`, `(`), and punctuation it may close with (`,`, `.”`). */
const leadMarks = new Set('“"‘\'(['.split(''));
const trailMarks = new Set('”"’\'),;:!?.…]'.split(''));

/** The words of a part of a text that starts at `offset`, as tokens with offsets into the whole text. */
export function tokenizePart(part: string, offset: number): Token[] {
  const tokens: Token[] = [];
  const length = part.length;
  let i = 0;
  while (i < length) {
    while (i < length && isSpaceCode(part.charCodeAt(i))) i++;
    if (i === length) break;
    const from = i;
    while (i < length && !isSpaceCode(part.charCodeAt(i))) i++;
    // The word is part[from, i): its opening marks, its core, its closing marks.
    let coreFrom = from;
    while (coreFrom < i && leadMarks.has(part[coreFrom]!)) coreFrom++;
    let coreTo = i;
    while (coreTo > coreFrom && trailMarks.has(part[coreTo - 1]!)) coreTo--;
    let core = part.slice(coreFrom, coreTo);
    let trail = part.slice(coreTo, i);
    // A full stop that belongs to the word: an abbreviation or an initial (`Dr.`, `E.`, `U.S.`).
    if (trail.startsWith('.') && core !== '' && (isAbbreviation(core) || honorificSet.has(core))) {
      core += '.';
      trail = trail.slice(1);
    }
    let possessive = false;
    const n = core.length;
    if (n > 2 && core.charCodeAt(n - 1) === 115 /* s */ && (core[n - 2] === '’' || core[n - 2] === "'")) {
      core = core.slice(0, n - 2);
      trail = `’s${trail}`;
      possessive = true;
    } else if (n > 0 && core.charCodeAt(n - 1) === 115 && (trail[0] === '’' || trail[0] === "'") && /^\p{Lu}/u.test(core)) {
      possessive = true;
    }
    if (core === '') continue;
    const start = offset + coreFrom;
    tokens.push({ text: core, start, end: start + core.length, lead: part.slice(from, coreFrom), trail, possessive });
  }
  return tokens;
}

const bare = (word: string) => (word.endsWith('.') ? word.slice(0, -1) : word);

/** Whether a capitalized word only opens a sentence or names a day or month (`The`, `Monday`), never a speaker. */
export function isCommonCapitalized(word: string): boolean {
  return notNames.has(bare(word));
}

export function isHonorific(word: string): boolean {
  return honorificSet.has(bare(word));
}

/** Whether a word heads or qualifies a title (`Secretary`, `Acting`, `manager`), in any case. */
export function isTitleWord(word: string): boolean {
  const w = word.toLowerCase();
  return titleSet.has(w) || modifierSet.has(w) || (w.startsWith('co-') && titleSet.has(w.slice(3))) || w.startsWith('vice-');
}

/** Whether a word names a title's head (`Director`, `manager`), not only a qualifier. */
export function isTitleNoun(word: string): boolean {
  const w = word.toLowerCase();
  return titleSet.has(w) || (w.startsWith('co-') && titleSet.has(w.slice(3)));
}

export function isOrganizationWord(word: string): boolean {
  return organizationSet.has(word);
}

const organizationNounSet = new Set<string>(organizationNouns);

export function isOrganizationNoun(word: string): boolean {
  return organizationNounSet.has(word.toLowerCase());
}

export function isConnector(word: string): boolean {
  return connectorSet.has(word);
}

/** An acronym (`BLM`, `FEC`, `NASA`). */
export function isAcronym(word: string): boolean {
  return /^\p{Lu}{2,}$/u.test(bare(word)) || /^(?:\p{Lu}\.){2,}$/u.test(word);
}

/** Whether a word starts with a capital (or is a number inside a name: `Qihoo 360`). */
export function isCapitalized(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** A name word's letters: `Haaland`, `McDonald`, `O’Neill`, and hyphenated parts (`Stone-Manning`, `Kai-fu`). */
const namePart = '(?:Mc|Mac|O[’\']|D[’\']|De|Di|La|Le|Van|Fitz)?\\p{Lu}[\\p{Ll}\\p{M}]+';
const nameWordPattern = new RegExp(`^${namePart}(?:[-’']${namePart}|-\\p{Ll}+)*$`, 'u');

/**
 * Whether a word can be part of a person's name: `Haaland`, `Stone-Manning`,
 * `Kai-Fu`, `O’Neill`, `McDonald`, an initial (`E.`), a short given name in
 * capitals (`JJ`), a particle (`von`). Words of bodies and titles, and words
 * that start sentences (`The`, `Monday`), are not.
 */
export function isNameWord(word: string): boolean {
  if (particleSet.has(word)) return true;
  if (/^\p{Lu}\.$/u.test(word) || /^\p{Lu}{2}$/u.test(word)) return true;
  if (notNames.has(word) || organizationSet.has(word) || isTitleWord(word) || isHonorific(word)) return false;
  return nameWordPattern.test(word);
}

/** A name's words: two to four name words, the last a full word (not an initial or a particle). */
export function isPersonName(words: readonly string[]): boolean {
  if (words.length < 2 || words.length > 4 || !words.every(isNameWord)) return false;
  const first = words[0]!;
  const last = words[words.length - 1]!;
  return !particleSet.has(first) && !particleSet.has(last) && !/^\p{Lu}\.$/u.test(last) && !/^\p{Lu}{2}$/u.test(last);
}

/** A run of capitalized words (and the connectors between them), tokens `from` to `to` (exclusive). */
export interface Run {
  from: number;
  to: number;
}

/**
 * The runs of capitalized words in a token list: `Secretary of the Interior
 * Deb Haaland`, `White House Council on Environmental Quality Chair Brenda
 * Mallory`. A run ends at punctuation (a comma, a full stop, a bracket, a
 * quotation mark) or a lower-case word; connectors (`of`, `the`, `and`) join
 * capitalized words. Two names joined by `and` (`Mike North and Kirren
 * Seiler`) are two runs.
 */
export function capitalizedRuns(tokens: readonly Token[]): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isCapitalized(tokens[i]!.text)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length && joins(tokens, j)) j++;
    // Trailing connectors belong to what follows, not to the run.
    let end = j;
    while (end > i + 1 && isConnector(tokens[end - 1]!.text)) end--;
    splitAtAnd(tokens, i, end, runs);
    i = Math.max(j, i + 1);
  }
  return runs;
}

/** Whether token `j` continues the run that token `j - 1` is in. */
function joins(tokens: readonly Token[], j: number): boolean {
  const prev = tokens[j - 1]!;
  const t = tokens[j]!;
  if (prev.trail !== '' || t.lead !== '' || prev.possessive || prev.quoteAfter) return false;
  if (isCapitalized(t.text) || /^\p{N}[\p{L}\p{N}.]*$/u.test(t.text)) return true;
  if (!isConnector(t.text)) return false;
  // A connector joins only when a capitalized word follows it (over more connectors: `Secretary of the Interior`).
  for (let k = j + 1; k < tokens.length; k++) {
    if (tokens[k - 1]!.trail !== '' || tokens[k - 1]!.quoteAfter || tokens[k]!.lead !== '') return false;
    if (isCapitalized(tokens[k]!.text)) return true;
    if (!isConnector(tokens[k]!.text)) return false;
  }
  return false;
}

/** Adds the run [from, to), split where `and` joins a person's name to what follows. */
function splitAtAnd(tokens: readonly Token[], from: number, to: number, runs: Run[]): void {
  let start = from;
  for (let k = from + 1; k < to - 1; k++) {
    if (tokens[k]!.text !== 'and') continue;
    const left = tokens.slice(Math.max(start, k - 3), k).map((t) => t.text);
    const named = [2, 3].some((n) => left.length >= n && isPersonName(left.slice(-n)));
    if (!named) continue;
    runs.push({ from: start, to: k });
    start = k + 1;
  }
  runs.push({ from: start, to });
}

/** A run read as a title (or body) and a name: `BLM Director` + `Tracy Stone-Manning`. */
export interface NamedRun {
  /** Tokens of the title before the name, `from` to `nameFrom`. */
  from: number;
  nameFrom: number;
  to: number;
  honorific?: string;
  /** Whether the words before the name hold a title or an honorific. */
  titled: boolean;
  /** Whether the word right before the name is a title's head noun or an honorific (`Secretary Haaland`, not `Executive Summary`). */
  headed: boolean;
}

/**
 * Where the name starts in a run: after its last honorific, else after its
 * last title or body word (`Secretary`, `Interior`, an acronym before a
 * name), else at the first word that can start a name.
 */
export function splitRun(tokens: readonly Token[], run: Run): NamedRun {
  let nameFrom = run.from;
  let honorific: string | undefined;
  let titled = false;
  for (let k = run.from; k < run.to; k++) {
    const w = tokens[k]!.text;
    if (isHonorific(w) && k + 1 < run.to) {
      nameFrom = k + 1;
      honorific = w.endsWith('.') ? w : `${w}.`;
      titled = true;
    } else if (!honorific && (isTitleWord(w) || isOrganizationWord(w) || isConnector(w) || (isAcronym(w) && !/^\p{Lu}{2}$/u.test(w)))) {
      if (!isConnector(w) || k > run.from) nameFrom = k + 1;
      if (isTitleWord(w)) titled = true;
    }
  }
  while (nameFrom < run.to && (notNames.has(tokens[nameFrom]!.text) || isConnector(tokens[nameFrom]!.text))) nameFrom++;
  let to = run.to;
  if (nameFrom >= run.to) {
    // `Jane Doe of the Bureau of Land Management`: the name comes first and the body after it.
    const person = firstPersonName(tokens, run.from, run.to);
    if (person) {
      nameFrom = person.from;
      to = person.to;
    }
  }
  const head = tokens[nameFrom - 1];
  const headed = nameFrom > run.from && head !== undefined && (isTitleNoun(head.text) || isHonorific(head.text));
  return { from: run.from, nameFrom, to, ...(honorific ? { honorific } : {}), titled: titled && nameFrom > run.from, headed };
}

/** The first two to four name words in a row, between `from` and `to`. */
function firstPersonName(tokens: readonly Token[], from: number, to: number): Run | undefined {
  for (let k = from; k < to; k++) {
    for (let n = Math.min(4, to - k); n >= 2; n--) {
      if (isPersonName(tokens.slice(k, k + n).map((t) => t.text))) return { from: k, to: k + n };
    }
  }
  return undefined;
}

/** The text of tokens `from` to `to` (exclusive), as written. */
export function textOf(text: string, tokens: readonly Token[], from: number, to: number): string {
  if (from >= to) return '';
  return text.slice(tokens[from]!.start, tokens[to - 1]!.end).replace(/\s+/g, ' ');
}
