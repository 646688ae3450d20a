/**
 * Where the article names a speaker of the registry (`content/people/`), by
 * full name or by one of the short forms the article uses.
 */
import type { Article } from '../article/parse-article.ts';
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
  /** The file the entry came from, for messages. */
  file: string;
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
  const byForm = new Map<string, SpeakerEntry[]>();
  for (const s of speakers) {
    for (const form of new Set([s.name, ...s.aliases].map((f) => f.trim().replace(/\s+/g, ' ')).filter((f) => f !== ''))) {
      const list = byForm.get(form) ?? [];
      if (!list.includes(s)) list.push(s);
      byForm.set(form, list);
    }
  }
  if (byForm.size === 0) return [];
  const pattern = new RegExp(`${wordStart}(?:${alternation([...byForm.keys()])})${wordEnd}`, 'gu');
  const mentions: SpeakerMention[] = [];
  for (const p of article.paragraphs) {
    const body = article.text.slice(p.start, p.end);
    for (const m of body.matchAll(pattern)) {
      const form = m[0].replace(/\s+/g, ' ');
      mentions.push({ start: p.start + m.index, end: p.start + m.index + m[0].length, speakers: byForm.get(form) ?? [] });
    }
  }
  return mentions;
}
