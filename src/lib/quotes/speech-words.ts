/**
 * The fixed words that quotation detection and attribution read: speech
 * verbs, the words allowed between a speaker and the verb, pronouns. The
 * sentence rule they share is in `text/sentences.ts`.
 */
import { wordCharClass } from '../text/words.ts';

/** Verbs that report speech. Phrases come first so "called for" wins over "called". */
export const speechVerbs = [
  'called for',
  'calls for',
  'said',
  'says',
  'told',
  'tells',
  'wrote',
  'writes',
  'added',
  'adds',
  'asked',
  'asks',
  'noted',
  'notes',
  'warned',
  'warns',
  'stated',
  'explained',
  'explains',
  'argued',
  'argues',
  'say',
  'concluded',
  'concludes',
  'continued',
  'declared',
  'recalled',
  'recalls',
  'replied',
  'responded',
  'insisted',
  'acknowledged',
  'emphasized',
  'stressed',
  'remarked',
  'commented',
  'announced',
  'called',
  'calls',
] as const;

/** Verbs that may come before their speaker: `said Feng Ji`, `wrote Xu`. */
export const invertibleVerbs = [
  'said',
  'says',
  'wrote',
  'writes',
  'added',
  'adds',
  'asked',
  'noted',
  'warned',
  'explained',
  'argued',
  'stated',
  'concluded',
  'continued',
  'declared',
  'recalled',
  'replied',
  'responded',
  'insisted',
  'acknowledged',
  'emphasized',
  'stressed',
  'remarked',
  'commented',
  'announced',
  'asks',
  'notes',
  'warns',
  'explains',
  'argues',
] as const;

/** Participles that hang a quotation on the clause before them: `…,” he told 36Kr, adding that …`. */
export const participleVerbs = ['adding', 'saying', 'writing', 'noting', 'warning', 'arguing', 'explaining'] as const;

/**
 * Verbs that also name things (`a model called R1`): near a one-word or
 * title-case span they do not make it speech.
 */
export const namingVerbs = ['called', 'calls'] as const;

/** Words allowed between a speaker and the verb: `The company later said`, `Liang has said`. */
export const attributionAdverbs = [
  'also',
  'later',
  'earlier',
  'previously',
  'once',
  'then',
  'recently',
  'further',
  'again',
  'reportedly',
  'separately',
  'has',
  'had',
  'have',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
  'yesterday',
  'today',
] as const;

/** Pronouns that stand for the last person named. */
export const personPronouns = ['he', 'she', 'they'] as const;

/** Pronouns that stand for the last organization named. */
export const organizationPronouns = ['it'] as const;

/** Noun phrases that stand for the last organization named: `The company later said`. */
export const organizationAnaphors = [
  'the company',
  'the firm',
  'the startup',
  'the start-up',
  'the lab',
  'the group',
  'the organization',
  'the organisation',
  'the agency',
  'the department',
  'the bureau',
  'the ministry',
  'the commission',
  'the council',
  'the committee',
  'the board',
  'the office',
  'the university',
  'the institute',
  'the foundation',
  'the association',
  'the government',
] as const;

/** Nouns for what a speaker wrote or said, after a possessive subject: `Thomas’ letter concludes`. */
export const statementNouns = ['letter', 'statement', 'post', 'memo', 'email', 'e-mail', 'message', 'report', 'testimony', 'remarks', 'speech', 'note', 'tweet', 'release', 'announcement', 'op-ed', 'column', 'blog'] as const;

/** Words just before a span that mark it as a name or title, not speech: `the so-called “Avengers”`. */
export const labelCues = [
  'so-called',
  'dubbed',
  'titled',
  'entitled',
  'nicknamed',
  'named',
  'film',
  'movie',
  'book',
  'novel',
  'song',
  'album',
  'game',
  'show',
  'series',
  'play',
  'app',
  'brand',
  'project',
] as const;

/** A regex alternation of fixed words, longest first, spaces matching any white space. */
export function alternation(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
}

/** Lookarounds that make an alternation match whole words only (a hyphen joins words: `so-called`). */
export const wordStart = `(?<![${wordCharClass}_-])`;
export const wordEnd = `(?![${wordCharClass}_]|-[${wordCharClass}])`;
