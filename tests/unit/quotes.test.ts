import { describe, expect, it } from 'vitest';
import type { Range } from '../../src/lib/annotations/types.ts';
import { type Article, parseArticle } from '../../src/lib/article/parse-article.ts';
import {
  type Attribution,
  attributeQuotes,
  type QuoteOverride,
  type SpeakerEntry,
} from '../../src/lib/quotes/attribute-quotes.ts';
import { detectQuotes, scanQuotes } from '../../src/lib/quotes/detect-quotes.ts';
import { findSpeakerMentions } from '../../src/lib/quotes/speaker-mentions.ts';

/** A small registry shaped like content/people, for the fixture articles. */
function speaker(id: string, name: string, aliases: string[], kind: SpeakerEntry['kind'] = 'person'): SpeakerEntry {
  return { id, name, aliases, kind, file: `content/people/${id}.md` };
}
const registry: SpeakerEntry[] = [
  speaker('deepseek', 'DeepSeek', [], 'organization'),
  speaker('feng-ji', 'Feng Ji', ['Feng']),
  speaker('zhou-hongyi', 'Zhou Hongyi', ['Zhou']),
  speaker('liang-wenfeng', 'Liang Wenfeng', ['Liang']),
  speaker('marc-andreessen', 'Marc Andreessen', ['Andreessen']),
  speaker('donald-trump', 'Donald Trump', ['Trump']),
  speaker('kevin-xu', 'Kevin Xu', ['Xu']),
  speaker('kai-fu-lee', 'Kai-Fu Lee', ['Lee']),
  speaker('li-qiang', 'Li Qiang', ['Li']),
];

/** An article of one paragraph per line. */
function article(...paragraphs: string[]): Article {
  return parseArticle(paragraphs.join('\n'));
}

function slice(a: Article, r: Range | undefined): string | undefined {
  return r ? a.text.slice(r.start, r.end) : undefined;
}

/** Detects and attributes, returning the pieces the tests read. */
function attribute(a: Article, overrides?: QuoteOverride[], speakers: SpeakerEntry[] = registry) {
  const quotes = detectQuotes(a);
  const result = attributeQuotes(a, quotes, speakers, overrides);
  const byId = new Map<string, Attribution>(result.attributions.map((x) => [x.quote.id, x]));
  return { quotes, ...result, byId };
}

describe('detectQuotes', () => {
  it('finds a curly quotation with offsets that include both marks', () => {
    const a = article('“This jaw-dropping breakthrough has come from a purely Chinese company,” said Feng Ji.');
    const [q, ...rest] = detectQuotes(a);
    expect(rest).toEqual([]);
    expect(q?.id).toBe('q-1-1');
    expect(slice(a, q)).toBe('“This jaw-dropping breakthrough has come from a purely Chinese company,”');
    expect(q?.text).toBe('This jaw-dropping breakthrough has come from a purely Chinese company,');
  });

  it('finds a straight-quoted partial quotation inside a sentence', () => {
    const a = article('Zhou said China would "undoubtedly come out on top" in the race.');
    const quotes = detectQuotes(a);
    expect(quotes.map((q) => slice(a, q))).toEqual(['"undoubtedly come out on top"']);
    expect(quotes[0]?.text).toBe('undoubtedly come out on top');
  });

  it('keeps nested single quotes inside the quotation instead of making them a quotation', () => {
    const a = article(
      '“If we are to counter America’s AI tech dominance, DeepSeek will definitely be a key member of China’s ‘Avengers team,’” he said.',
    );
    const quotes = detectQuotes(a);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.text).toMatch(/China’s ‘Avengers team,’$/);
    expect(a.text.slice(quotes[0]!.end - 3, quotes[0]!.end)).toBe(',’”');
  });

  it('never takes an apostrophe for a quotation mark', () => {
    const a = article(
      "America’s lead is real, it’s true, and don't forget rock 'n' roll or the ’90s.",
      "“It’s China’s turn, isn't it?” Liang asked.",
    );
    const scan = scanQuotes(a);
    expect(scan.quotations.map((q) => q.text)).toEqual(["It’s China’s turn, isn't it?"]);
    expect(scan.problems).toEqual([]);
  });

  it('gives ids by paragraph and by position within the paragraph', () => {
    const a = article('No quotation here.', '“One,” Liang said. “Two.”');
    expect(detectQuotes(a).map((q) => q.id)).toEqual(['q-2-1', 'q-2-2']);
  });

  it('makes a quotation split around its attribution two spans, the second naming the first', () => {
    const a = article(
      '“They are also aware that Chinese firms have been taking open-source tech,” Xu, the former senior director at GitHub, said Monday in a post on X, “but they want to create their own.”',
    );
    const [first, second] = detectQuotes(a);
    expect(first?.text).toBe('They are also aware that Chinese firms have been taking open-source tech,');
    expect(second?.text).toBe('but they want to create their own.');
    expect(first?.splitFrom).toBeUndefined();
    expect(second?.splitFrom).toBe('q-1-1');
  });

  it('splits straight-quoted quotations around their attribution too', () => {
    const a = article('"We will win," said Feng Ji, "and soon."');
    expect(detectQuotes(a).map((q) => [q.text, q.splitFrom])).toEqual([
      ['We will win,', undefined],
      ['and soon.', 'q-1-1'],
    ]);
  });

  it('does not take a second partial quotation after "adding that" for a split', () => {
    const a = article(
      '“Our roles are filled by fresh graduates,” he told 36Kr, adding that the company wanted “down-to-earth individuals with curiosity.”',
    );
    const quotes = detectQuotes(a);
    expect(quotes).toHaveLength(2);
    expect(quotes[1]?.splitFrom).toBeUndefined();
  });

  it('runs a quotation with no closing mark into the next paragraph that reopens it', () => {
    const a = article('“We did not plan any of this,” Liang said. “We were just curious.', '“Then the chips arrived.”');
    const [closed, runOn, reopened] = detectQuotes(a);
    expect(closed).toMatchObject({ runsOn: false, continues: false });
    expect(runOn).toMatchObject({ id: 'q-1-2', text: 'We were just curious.', runsOn: true, continues: true });
    expect(runOn?.end).toBe(a.paragraphs[0]!.end);
    expect(reopened).toMatchObject({ id: 'q-2-1', text: 'Then the chips arrived.', carriesOn: 'reopened', continues: true });
  });

  it('runs a straight-quoted quotation on into the next paragraph too', () => {
    const a = article('"We did not plan any of this.', '"We were just curious," Liang said.');
    const quotes = detectQuotes(a);
    expect(quotes.map((q) => [q.id, q.text, q.runsOn, q.carriesOn])).toEqual([
      ['q-1-1', 'We did not plan any of this.', true, undefined],
      ['q-2-1', 'We were just curious,', false, 'reopened'],
    ]);
  });

  it('marks a paragraph that is only a quotation, after a paragraph with a quotation, as carrying on', () => {
    const a = article(
      '“Chinese companies can do better engineering,” Lee said.',
      '“You do not have to spend a billion dollars.”',
    );
    const quotes = detectQuotes(a);
    expect(quotes[1]).toMatchObject({ carriesOn: 'whole-paragraph', continues: true, runsOn: false });
  });

  it('does not mark a whole-paragraph quotation as carrying on when the paragraph before has none', () => {
    const a = article('Lee spoke in Saudi Arabia.', '“You do not have to spend a billion dollars.”');
    expect(detectQuotes(a)[0]).toMatchObject({ continues: false, runsOn: false });
    expect(detectQuotes(a)[0]?.carriesOn).toBeUndefined();
  });

  it('skips a scare-quoted single word and reports it', () => {
    const a = article('Zhou wants the so-called “Avengers” of Chinese tech to work together, and the “experts” disagree.');
    const scan = scanQuotes(a);
    expect(scan.quotations).toEqual([]);
    expect(scan.skipped.map((s) => [s.text, s.reason])).toEqual([
      ['Avengers', expect.stringContaining('“so-called”')],
      ['experts', expect.stringContaining('no speech verb')],
    ]);
    expect(slice(a, scan.skipped[0])).toBe('“Avengers”');
  });

  it('skips the titles of works and reports them', () => {
    const a = article(
      'After the film “Oppenheimer” and the game “Black Myth: Wukong” came out, sales rose.',
      'Critics praised “Black Myth: Wukong” last year.',
    );
    const scan = scanQuotes(a);
    expect(scan.quotations).toEqual([]);
    expect(scan.skipped.map((s) => [s.paragraph, s.text])).toEqual([
      [1, 'Oppenheimer'],
      [1, 'Black Myth: Wukong'],
      [2, 'Black Myth: Wukong'],
    ]);
    expect(scan.skipped[2]?.reason).toContain('title-case phrase of 3 words');
  });

  it('keeps a one-word quotation when a speech verb is next to it', () => {
    const a = article('“Avengers,” Zhou said.', 'Li called for “technological innovation” at the meeting.');
    const scan = scanQuotes(a);
    expect(scan.quotations.map((q) => q.text)).toEqual(['Avengers,', 'technological innovation']);
    expect(scan.skipped).toEqual([]);
  });

  it('keeps a short quotation that is not in title case', () => {
    const a = article('The launch met with acclaim in what Marc Andreessen called “AI’s Sputnik moment.”');
    expect(detectQuotes(a).map((q) => q.text)).toEqual(['AI’s Sputnik moment.']);
  });

  it('reports a quotation left open at the end of the article instead of throwing', () => {
    const a = article('“This never closes, he said.');
    const scan = scanQuotes(a);
    expect(scan.quotations).toEqual([]);
    expect(scan.problems).toHaveLength(1);
    expect(scan.problems[0]).toMatchObject({ severity: 'error', paragraph: 1, offset: 0 });
    expect(scan.problems[0]?.message).toContain('found the end of the article');
  });

  it('reports a quotation left open when the next paragraph does not reopen it', () => {
    const a = article('“This runs on, Liang said.', 'And this paragraph does not reopen it.');
    const scan = scanQuotes(a);
    expect(scan.quotations).toEqual([]);
    expect(scan.problems.map((p) => p.paragraph)).toEqual([1]);
    expect(scan.problems[0]?.message).toContain('paragraph 2 does not reopen');
  });

  it('reports a stray closing mark and an opening mark inside an open quotation', () => {
    const a = article('It ended there,” he said.', 'He said “one and “two” later.');
    const scan = scanQuotes(a);
    expect(scan.problems.map((p) => [p.paragraph, p.message.slice(0, 40)])).toEqual([
      [1, 'Expected an opening quotation mark befor'],
      [2, 'Expected a closing quotation mark before'],
    ]);
    expect(scan.quotations.map((q) => q.text)).toEqual(['two']);
  });

  it('warns about a single opening mark outside any quotation', () => {
    const a = article('He called it ‘cheap’ and left.');
    const scan = scanQuotes(a);
    expect(scan.quotations).toEqual([]);
    expect(scan.problems).toMatchObject([{ severity: 'warning', paragraph: 1 }]);
  });
});

describe('findSpeakerMentions', () => {
  it('matches whole names, the longest form first, with a possessive allowed', () => {
    const a = article('Li Qiang met Liang; DeepSeek’s app beat DeepSeek-R1 rivals; Kai-Fu Lee and Lee spoke, and Li left.');
    const found = findSpeakerMentions(a, registry).map((m) => [slice(a, m), m.speakers.map((s) => s.id)]);
    expect(found).toEqual([
      ['Li Qiang', ['li-qiang']],
      ['Liang', ['liang-wenfeng']],
      ['DeepSeek', ['deepseek']],
      ['Kai-Fu Lee', ['kai-fu-lee']],
      ['Lee', ['kai-fu-lee']],
      ['Li', ['li-qiang']],
    ]);
  });
});

describe('attributeQuotes', () => {
  it('attributes "said NAME" with an appositive, and links the name', () => {
    const a = article(
      '“This jaw-dropping breakthrough has come from a purely Chinese company,” said Feng Ji, founder and chief executive of Game Science.',
    );
    const { byId, problems } = attribute(a);
    expect(problems).toEqual([]);
    expect(byId.get('q-1-1')).toMatchObject({ speaker: 'feng-ji', rule: 'said-NAME' });
    expect(slice(a, byId.get('q-1-1')?.name)).toBe('Feng Ji');
  });

  it('attributes "NAME said" after the quotation through a surname', () => {
    const a = article('“We are just curious,” Liang said.');
    const { byId } = attribute(a);
    expect(byId.get('q-1-1')).toMatchObject({ speaker: 'liang-wenfeng', rule: 'NAME-said' });
    expect(slice(a, byId.get('q-1-1')?.name)).toBe('Liang');
  });

  it('attributes "NAME, TITLE, said" after the quotation', () => {
    const a = article(
      '“Chinese companies are able to do better engineering,” Lee, a former president of Google China, said at a conference in October.',
    );
    const { byId } = attribute(a);
    expect(byId.get('q-1-1')).toMatchObject({ speaker: 'kai-fu-lee', rule: 'NAME-title-said' });
    expect(slice(a, byId.get('q-1-1')?.name)).toBe('Lee');
  });

  it('attributes "NAME, TITLE, said" before a partial quotation', () => {
    const a = article(
      'Zhou Hongyi, co-founder of the Chinese cybersecurity firm Qihoo 360, said China would “undoubtedly come out on top” in the race.',
    );
    const { byId } = attribute(a);
    expect(byId.get('q-1-1')).toMatchObject({ speaker: 'zhou-hongyi', rule: 'NAME-title-said' });
    expect(slice(a, byId.get('q-1-1')?.name)).toBe('Zhou Hongyi');
  });

  it('attributes a name followed by a time word and "that"', () => {
    const a = article(
      'President Donald Trump said Monday that the rise of DeepSeek “should be a wake-up call” for U.S. tech companies.',
    );
    const { byId } = attribute(a);
    expect(byId.get('q-1-1')).toMatchObject({ speaker: 'donald-trump', rule: 'NAME-said' });
    expect(slice(a, byId.get('q-1-1')?.name)).toBe('Donald Trump');
  });

  it('attributes with an adverb between the name and the verb', () => {
    const a = article(
      'Liang later told 36Kr that he bought the chips out of “curiosity about the boundaries of AI capabilities.”',
    );
    expect(attribute(a).byId.get('q-1-1')).toMatchObject({ speaker: 'liang-wenfeng', rule: 'NAME-said' });
  });

  it.each([
    ['told', 'Liang told 36Kr that he acted out of “curiosity about the boundaries of AI.”', 'liang-wenfeng', 'Liang'],
    [
      'called',
      'The model met with acclaim in what venture capitalist Marc Andreessen called “AI’s Sputnik moment.”',
      'marc-andreessen',
      'Marc Andreessen',
    ],
    [
      'called for',
      'At the meeting, Li called for “technological innovation” to foster the economy, according to state media.',
      'li-qiang',
      'Li',
    ],
    ['says', 'Lee says the cost “is not the real story” at all.', 'kai-fu-lee', 'Lee'],
    ['added', '“Some nationalism, some engineering pride,” added Xu.', 'kevin-xu', 'Xu'],
    ['according to', '“Everything in China is said to be copied,” according to Kevin Xu.', 'kevin-xu', 'Kevin Xu'],
  ])('attributes the verb "%s"', (_verb, text, id, name) => {
    const a = article(text);
    const { byId, problems } = attribute(a);
    expect(problems).toEqual([]);
    expect(byId.get('q-1-1')?.speaker).toBe(id);
    expect(slice(a, byId.get('q-1-1')?.name)).toBe(name);
  });

  it('resolves "he wrote" to the person named in the paragraph before', () => {
    const a = article(
      '“This breakthrough came from a Chinese company,” said Feng Ji, founder of Game Science.',
      '“DeepSeek may be a national achievement,” he wrote on Weibo.',
    );
    const { byId } = attribute(a);
    expect(byId.get('q-2-1')).toMatchObject({ speaker: 'feng-ji', rule: 'pronoun' });
    expect(byId.get('q-2-1')?.name).toBeUndefined();
  });

  it('resolves a pronoun to the last person named, skipping organizations', () => {
    const a = article(
      'Liang has said High-Flyer was one of DeepSeek’s investors.',
      '“Our roles are filled by fresh graduates,” he told 36Kr.',
    );
    expect(attribute(a).byId.get('q-2-1')).toMatchObject({ speaker: 'liang-wenfeng', rule: 'pronoun' });
  });

  it('gives a quotation after ", adding that" the speaker of the clause it hangs on', () => {
    const a = article(
      'Liang founded DeepSeek in 2023.',
      '“Our roles are filled by fresh graduates,” he told 36Kr in May 2023, adding that the company was looking for “down-to-earth individuals with curiosity.”',
    );
    const { byId, problems } = attribute(a);
    expect(problems).toEqual([]);
    expect(byId.get('q-2-1')).toMatchObject({ speaker: 'liang-wenfeng', rule: 'pronoun' });
    expect(byId.get('q-2-2')).toMatchObject({ speaker: 'liang-wenfeng', rule: 'adding' });
  });

  it('gives both parts of a split quotation the same speaker and name', () => {
    const a = article(
      '“They are aware that Chinese firms take open-source tech,” Xu, the former senior director for global expansion at GitHub, said Monday in a post on X, “but they want to create their own.”',
    );
    const { byId } = attribute(a);
    expect(byId.get('q-1-1')).toMatchObject({ speaker: 'kevin-xu', rule: 'NAME-title-said' });
    expect(byId.get('q-1-2')).toMatchObject({ speaker: 'kevin-xu', rule: 'split' });
    expect(slice(a, byId.get('q-1-1')?.name)).toBe('Xu');
    expect(byId.get('q-1-2')?.name).toEqual(byId.get('q-1-1')?.name);
  });

  it('resolves "The company later said" to the organization named last', () => {
    const a = article(
      'DeepSeek’s app went to the top of the App Store. The company later said that it was limiting registrations “due to large-scale malicious attacks” on its services, CNBC reported.',
    );
    const { byId } = attribute(a);
    expect(byId.get('q-1-1')).toMatchObject({ speaker: 'deepseek', rule: 'organization' });
    expect(byId.get('q-1-1')?.name).toBeUndefined();
  });

  it('gives a whole-paragraph quotation the speaker of the quotation before it', () => {
    const a = article(
      '“Chinese companies can do better engineering,” Lee, a former president of Google China, said.',
      '“You do not have to spend a billion dollars to train a great model.”',
    );
    expect(attribute(a).byId.get('q-2-1')).toMatchObject({ speaker: 'kai-fu-lee', rule: 'continuation' });
  });

  it('carries a run-on quotation forward and a quotation after its attribution sentence', () => {
    const a = article('“We did not plan any of this,” Liang said. “We were just curious.', '“Then the chips arrived.”');
    const { byId, problems } = attribute(a);
    expect(problems).toEqual([]);
    expect([...byId.values()].map((x) => [x.quote.id, x.speaker, x.rule])).toEqual([
      ['q-1-1', 'liang-wenfeng', 'NAME-said'],
      ['q-1-2', 'liang-wenfeng', 'continuation'],
      ['q-2-1', 'liang-wenfeng', 'continuation'],
    ]);
  });

  it('gives a quotation that is a sentence of its own the speaker of the quotation before it', () => {
    const a = article('“One,” Liang said. “Two.”');
    const { byId } = attribute(a);
    expect(byId.get('q-1-2')).toMatchObject({ speaker: 'liang-wenfeng', rule: 'continuation' });
  });

  it('carries a run-on quotation back from the paragraph that names its speaker', () => {
    const a = article('“We did not plan any of this.', '“We were just curious,” Liang said.');
    const { byId } = attribute(a);
    expect(byId.get('q-1-1')).toMatchObject({ speaker: 'liang-wenfeng', rule: 'continuation' });
    expect(byId.get('q-2-1')).toMatchObject({ speaker: 'liang-wenfeng', rule: 'NAME-said' });
  });

  it('reports a quotation with no speaker in reach, listing the speakers named nearby', () => {
    const a = article('Liang founded DeepSeek in 2023.', '“We are just curious.”');
    const { attributions, problems } = attribute(a);
    expect(attributions).toEqual([]);
    expect(problems).toEqual([
      {
        paragraph: 2,
        quote: 'We are just curious.',
        offset: a.paragraphs[1]!.start,
        message: expect.stringContaining('Expected an attribution in paragraph 2'),
        candidates: ['deepseek', 'liang-wenfeng'],
        places: { deepseek: [1], 'liang-wenfeng': [1] },
      },
    ]);
  });

  it('resolves a pronoun to the person named last, however many paragraphs back', () => {
    const a = article(
      'Feng Ji runs Game Science.',
      'The game sold well.',
      'Sales rose again.',
      'Critics were pleased.',
      '“It is a breakthrough,” he said.',
    );
    expect(attribute(a).byId.get('q-5-1')).toMatchObject({ speaker: 'feng-ji', rule: 'pronoun' });
  });

  it('reports a pronoun with no person named before it', () => {
    const a = article('The game sold well.', '“It is a breakthrough,” he said.');
    const { problems } = attribute(a);
    expect(problems).toMatchObject([{ paragraph: 2, quote: 'It is a breakthrough,', candidates: [] }]);
    expect(problems[0]?.message).toContain('found none named earlier in the article');
  });

  it('reports a pronoun with two persons named in the sentence before as ambiguous', () => {
    const a = article('Liang met Li Qiang last week.', '“It went well,” he said.');
    const { attributions, problems } = attribute(a);
    expect(attributions).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.paragraph).toBe(2);
    expect([...(problems[0]?.candidates ?? [])].sort()).toEqual(['li-qiang', 'liang-wenfeng']);
  });

  it('reports a name shared by two speakers as ambiguous', () => {
    const a = article('“Innovation matters,” Li said.');
    const { problems } = attribute(a, [], [...registry, speaker('li-wei', 'Li Wei', ['Li'])]);
    expect(problems).toMatchObject([{ paragraph: 1, candidates: ['li-qiang', 'li-wei'] }]);
  });

  it('reports a quotation whose words before and after name different speakers', () => {
    const a = article('Liang told reporters “we will win,” said Lee.');
    const { problems } = attribute(a);
    expect(problems).toMatchObject([{ paragraph: 1, quote: 'we will win,', candidates: ['kai-fu-lee', 'liang-wenfeng'] }]);
  });

  it('reports a speech verb whose subject is not a known speaker', () => {
    const a = article('Lee spoke first.', '“It will not last,” said a rival executive.');
    const { problems } = attribute(a);
    expect(problems).toMatchObject([{ paragraph: 2, candidates: ['kai-fu-lee'] }]);
    expect(problems[0]?.message).toContain('after “said”');
  });

  it('lets an override win over the rules', () => {
    const a = article('“This breakthrough came from a Chinese company,” said Feng Ji.');
    const { byId, overridesUnused } = attribute(a, [{ paragraph: 1, quote: 'This breakthrough', speaker: 'zhou-hongyi' }]);
    expect(byId.get('q-1-1')).toEqual({
      quote: expect.objectContaining({ id: 'q-1-1' }),
      speaker: 'zhou-hongyi',
      rule: 'override',
    });
    expect(overridesUnused).toEqual([]);
  });

  it('lets an override attribute a quotation no rule can, matching opening words loosely', () => {
    const a = article('Liang founded DeepSeek in 2023.', '“We’re just curious.”');
    const { byId, problems } = attribute(a, [{ paragraph: 2, quote: '"we\'re just', speaker: 'liang-wenfeng' }]);
    expect(problems).toEqual([]);
    expect(byId.get('q-2-1')).toMatchObject({ speaker: 'liang-wenfeng', rule: 'override' });
  });

  it('reports an override that matches no quotation as unused', () => {
    const a = article('“We are just curious,” Liang said.');
    const unused = { paragraph: 1, quote: 'Nothing like this', speaker: 'liang-wenfeng' };
    const wrongParagraph = { paragraph: 2, quote: 'We are just', speaker: 'liang-wenfeng' };
    const { overridesUnused, byId } = attribute(a, [unused, wrongParagraph]);
    expect(overridesUnused).toEqual([unused, wrongParagraph]);
    expect(byId.get('q-1-1')?.rule).toBe('NAME-said');
  });

  it('reports an override naming a speaker that is not in the registry', () => {
    const a = article('“We are just curious,” Liang said.');
    const { problems, attributions } = attribute(a, [{ paragraph: 1, quote: 'We are', speaker: 'liang' }]);
    expect(attributions).toEqual([]);
    expect(problems).toMatchObject([{ paragraph: 1, candidates: ['liang-wenfeng'] }]);
    expect(problems[0]?.message).toContain('found “liang”');
  });
});
