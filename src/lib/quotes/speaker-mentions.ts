/**
 * Where the article names a speaker of the registry (`content/people/`), by
 * full name or by one of the short forms the article uses.
 */
import type { Article } from '../article/parse-article.ts';
import { isHonorific, isTitleWord } from './names.ts';
import { alternation, wordEnd, wordStart } from './speech-words.ts';

/** One speaker of the registry, as the attribution rules need it. */
export interface SpeakerEntry {
  /** File id: `feng-ji` for `content/people/feng-ji.md`. */
  id: string;
  /** Full name, as the article first writes it. */
  name: string;
  /** Short forms the article uses: surnames, acronyms. */
  aliases: string[];
  kind: 'person' | 'organization';
  /** The file the entry came from, for messages (the seed, for a speaker named only in the article). */
  file: string;
  /** Named only in the article: no file in `content/people/`. */
  fromText?: boolean;
  /**
   * The first and last word of a person's name (`Haaland`, `Liang`), which
   * stand for the person from `introducedAt` on (where the article first
   * names them in full), but not inside a longer name (`North` in `North
   * Dakota`).
   */
  shortForms?: string[];
  introducedAt?: number;
}

export interface SpeakerMention {
  /** Offsets of the name in `Article.text`, a possessive `’s` left out. */
  start: number;
  end: number;
  /** Everyone the name can stand for: more than one when two entries share a name. */
  speakers: SpeakerEntry[];
}

/**
 * Every mention of a registry name in the article's paragraphs: whole words,
 * case-sensitive, the longest form first, so "Li Qiang" is one mention and
 * "Liang" is never a mention of "Li".
 */
export function findSpeakerMentions(article: Article, speakers: readonly SpeakerEntry[]): SpeakerMention[] {
  const byForm = new Map<string, { speaker: SpeakerEntry; short: boolean }[]>();
  const add = (form: string, speaker: SpeakerEntry, short: boolean) => {
    const key = form.trim().replace(/\s+/g, ' ');
    if (key === '') return;
    const list = byForm.get(key) ?? [];
    if (!list.some((x) => x.speaker === speaker)) list.push({ speaker, short });
    byForm.set(key, list);
  };
  for (const s of speakers) {
    for (const form of [s.name, ...s.aliases]) add(form, s, false);
    for (const form of s.shortForms ?? []) add(form, s, true);
  }
  if (byForm.size === 0) return [];
  const pattern = new RegExp(`${wordStart}(?:${alternation([...byForm.keys()])})${wordEnd}`, 'gu');
  const mentions: SpeakerMention[] = [];
  for (const p of article.paragraphs) {
    const body = article.text.slice(p.start, p.end);
    for (const m of body.matchAll(pattern)) {
      const start = p.start + m.index;
      const end = start + m[0].length;
      // Asked only of a short form, and once per mention.
      let inLongerName: boolean | undefined;
      const meant = (byForm.get(m[0].replace(/\s+/g, ' ')) ?? [])
        .filter((x) => !x.short || (start >= (x.speaker.introducedAt ?? Infinity) && !(inLongerName ??= insideLongerName(article.text, start, end, p.start, p.end))))
        .map((x) => x.speaker);
      if (meant.length) mentions.push({ start, end, speakers: meant });
    }
  }
  return mentions;
}

/**
 * Whether a short form at [start, end) is a word of a longer name: a
 * capitalized word right after it (`North Dakota`), or right before it when
 * that word is neither a title (`Secretary Haaland`) nor the first word of its
 * sentence.
 */
function insideLongerName(text: string, start: number, end: number, from: number, to: number): boolean {
  if (/^ \p{Lu}/u.test(text.slice(end, Math.min(to, end + 2)))) return true;
  const before = text.slice(Math.max(from, start - 80), start);
  const m = /(\p{Lu}[\p{L}\p{M}.’'-]*) $/u.exec(before);
  if (!m) return false;
  if (isTitleWord(m[1]!) || isHonorific(m[1]!)) return false;
  const preceding = before.slice(0, before.length - m[0].length).trimEnd();
  return preceding !== '' && !/[.!?:”"]$/u.test(preceding);
}
