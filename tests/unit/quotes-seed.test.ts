import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseArticle } from '../../src/lib/article/parse-article.ts';
import { attributeQuotes, type SpeakerEntry } from '../../src/lib/quotes/attribute-quotes.ts';
import { scanQuotes } from '../../src/lib/quotes/detect-quotes.ts';
import { personSchema } from '../../src/schemas/person.ts';

const root = new URL('../../', import.meta.url);
const peopleDir = new URL('content/people/', root);

/** Front matter and body of a Markdown file. */
function splitFrontMatter(source: string): { data: unknown; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!m) throw new Error('Expected front matter between --- lines.');
  return { data: parse(m[1] ?? ''), body: (m[2] ?? '').trim() };
}

/** The people files as registry entries, each checked against the person schema. */
function loadPeople(): { speakers: SpeakerEntry[]; bios: Map<string, string> } {
  const speakers: SpeakerEntry[] = [];
  const bios = new Map<string, string>();
  for (const file of readdirSync(peopleDir)
    .filter((f) => f.endsWith('.md'))
    .sort()) {
    const id = file.replace(/\.md$/, '');
    const { data, body } = splitFrontMatter(readFileSync(new URL(file, peopleDir), 'utf8'));
    const person = personSchema.parse(data);
    speakers.push({ id, name: person.name, aliases: person.aliases, kind: person.kind, file: `content/people/${file}` });
    bios.set(id, body);
  }
  return { speakers, bios };
}

const article = parseArticle(readFileSync(new URL('seeds/deepseek-r1.txt', root), 'utf8'));
const people = loadPeople();
const scan = scanQuotes(article);
const result = attributeQuotes(article, scan.quotations, people.speakers);

/**
 * Who says each quotation, read from the article itself, and the words that
 * name the speaker at the attribution (none for pronouns, "the company" and
 * continuation paragraphs).
 */
const expected: [id: string, speaker: string, name: string | undefined][] = [
  ['q-4-1', 'feng-ji', 'Feng Ji'], // “…,” said Feng Ji, founder and chief executive of Game Science
  ['q-5-1', 'feng-ji', undefined], // “…,” he wrote in a post on … Weibo
  ['q-6-1', 'zhou-hongyi', 'Zhou Hongyi'], // Zhou Hongyi, co-founder of …, said China would “…”
  ['q-7-1', 'zhou-hongyi', undefined], // “…‘Avengers team,’” he said in a video on Weibo
  ['q-11-1', 'liang-wenfeng', undefined], // “…,” he told the Chinese media outlet 36Kr
  ['q-11-2', 'liang-wenfeng', undefined], // …, adding that the company was looking for “…”
  ['q-13-1', 'liang-wenfeng', 'Liang'], // Liang told 36Kr that … “…”
  ['q-14-1', 'marc-andreessen', 'Marc Andreessen'], // what venture capitalist Marc Andreessen called “…”
  ['q-16-1', 'deepseek', undefined], // The company later said that … “…”
  ['q-21-1', 'li-qiang', 'Li'], // Li called for “…”
  ['q-23-1', 'donald-trump', 'Donald Trump'], // President Donald Trump said Monday that … “…”
  ['q-26-1', 'kevin-xu', 'Kevin Xu'], // “…,” said Kevin Xu
  ['q-27-1', 'kevin-xu', 'Xu'], // “…,” Xu, the former senior director …, said Monday
  ['q-27-2', 'kevin-xu', 'Xu'], // …, “but they want to create their own …”
  ['q-29-1', 'kai-fu-lee', 'Lee'], // “…,” Lee, a former president of Google China, said
  ['q-30-1', 'kai-fu-lee', undefined], // the next paragraph is only a quotation: Lee goes on
];

describe('quotations of the DeepSeek seed', () => {
  it('has a valid people file with a bio for every speaker of the article', () => {
    expect(people.speakers.map((s) => s.id)).toEqual(expect.arrayContaining([
      'deepseek',
      'donald-trump',
      'feng-ji',
      'kai-fu-lee',
      'kevin-xu',
      'li-qiang',
      'liang-wenfeng',
      'marc-andreessen',
      'zhou-hongyi',
    ]));
    expect(people.speakers.find((s) => s.id === 'deepseek')?.kind).toBe('organization');
    for (const [id, bio] of people.bios) expect(bio.length, id).toBeGreaterThan(80);
  });

  it('finds exactly 16 quotations, with no label skipped and no problem', () => {
    expect(scan.quotations).toHaveLength(16);
    expect(scan.quotations.map((q) => q.id)).toEqual(expected.map(([id]) => id));
    expect(scan.skipped).toEqual([]);
    expect(scan.problems).toEqual([]);
  });

  it('spans every quotation from its opening to its closing mark', () => {
    for (const q of scan.quotations) {
      expect(article.text.slice(q.start, q.end), q.id).toBe(`“${q.text}”`);
    }
  });

  it('keeps the nested ‘Avengers team,’ inside the quotation of paragraph 7', () => {
    const q = scan.quotations.find((x) => x.paragraph === 7);
    expect(q?.text).toContain('China’s ‘Avengers team,’');
  });

  it('marks the split quotation of paragraph 27 and the continuation paragraph 30', () => {
    const byId = new Map(scan.quotations.map((q) => [q.id, q]));
    expect(byId.get('q-27-2')?.splitFrom).toBe('q-27-1');
    expect(byId.get('q-30-1')).toMatchObject({ continues: true, carriesOn: 'whole-paragraph' });
    expect(scan.quotations.filter((q) => q.continues).map((q) => q.id)).toEqual(['q-30-1']);
  });

  it('attributes every quotation to the speaker the article means', () => {
    expect(result.problems).toEqual([]);
    expect(result.overridesUnused).toEqual([]);
    expect(result.attributions.map((a) => [a.quote.id, a.speaker])).toEqual(expected.map(([id, speaker]) => [id, speaker]));
  });

  it('links the name at each attribution, outside the quotation and in its paragraph', () => {
    expect(
      result.attributions.map((a) => [a.quote.id, a.name ? article.text.slice(a.name.start, a.name.end) : undefined]),
    ).toEqual(expected.map(([id, , name]) => [id, name]));
    for (const a of result.attributions) {
      if (!a.name) continue;
      const p = article.paragraphs.find((x) => x.n === a.quote.paragraph)!;
      expect(a.name.start, a.quote.id).toBeGreaterThanOrEqual(p.start);
      expect(a.name.end, a.quote.id).toBeLessThanOrEqual(p.end);
      const insideAQuote = scan.quotations.some((q) => a.name!.start >= q.start && a.name!.end <= q.end);
      expect(insideAQuote, a.quote.id).toBe(false);
    }
  });

  it('names the rule behind each attribution', () => {
    expect(Object.fromEntries(result.attributions.map((a) => [a.quote.id, a.rule]))).toEqual({
      'q-4-1': 'said-NAME',
      'q-5-1': 'pronoun',
      'q-6-1': 'NAME-title-said',
      'q-7-1': 'pronoun',
      'q-11-1': 'pronoun',
      'q-11-2': 'adding',
      'q-13-1': 'NAME-said',
      'q-14-1': 'NAME-said',
      'q-16-1': 'organization',
      'q-21-1': 'NAME-said',
      'q-23-1': 'NAME-said',
      'q-26-1': 'said-NAME',
      'q-27-1': 'NAME-title-said',
      'q-27-2': 'split',
      'q-29-1': 'NAME-title-said',
      'q-30-1': 'continuation',
    });
  });
});
