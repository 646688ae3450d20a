import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/lib/article/parse-article.ts';
import { attributeQuotes, type SpeakerEntry } from '../../src/lib/quotes/attribute-quotes.ts';
import { detectQuotes } from '../../src/lib/quotes/detect-quotes.ts';
import { castSpeakers, findNamedSpeakers, shortFormsOf } from '../../src/lib/quotes/discover-speakers.ts';

/** One paragraph per line; the first line is a paragraph, never a headline. */
function article(...paragraphs: string[]) {
  return parseArticle(paragraphs.join('\n'), { headline: false });
}

/** The speakers the text names, with what it says of them. */
function found(...paragraphs: string[]) {
  const a = article(...paragraphs);
  return findNamedSpeakers(a, detectQuotes(a)).map((f) => ({
    name: f.name,
    kind: f.kind,
    ...(f.description.role ? { role: f.description.role } : {}),
    ...(f.description.affiliation ? { affiliation: f.description.affiliation } : {}),
    ...(f.description.honorific ? { honorific: f.description.honorific } : {}),
  }));
}

/** Quotation id → [speaker id, rule, the name linked], with the speakers the text names and `registry`. */
function attribute(paragraphs: string[], registry: SpeakerEntry[] = []) {
  const a = article(...paragraphs);
  const quotes = detectQuotes(a);
  const cast = castSpeakers(a, quotes, registry, 'seeds/x.txt');
  const result = attributeQuotes(a, quotes, cast.entries);
  const by = Object.fromEntries(result.attributions.map((x) => [x.quote.id, [x.speaker, x.rule, x.name ? a.text.slice(x.name.start, x.name.end) : undefined]]));
  return { by, problems: result.problems, cast };
}

describe('findNamedSpeakers', () => {
  it('reads a title of any length before the name, and splits a body off the title', () => {
    expect(
      found(
        '“It is final,” said Principal Deputy Assistant Secretary for Land and Minerals Management Dr. Steve Feldgus.',
        '“It helps,” said White House Council on Environmental Quality Chair Brenda Mallory.',
        '“It works,” said BLM Director Tracy Stone-Manning.',
        '“It is built,” said California Desert District Manager Shelly Lynch.',
      ),
    ).toEqual([
      { name: 'Steve Feldgus', kind: 'person', role: 'Principal Deputy Assistant Secretary for Land and Minerals Management', honorific: 'Dr.' },
      { name: 'Brenda Mallory', kind: 'person', role: 'Chair', affiliation: 'White House Council on Environmental Quality' },
      { name: 'Tracy Stone-Manning', kind: 'person', role: 'Director', affiliation: 'BLM' },
      { name: 'Shelly Lynch', kind: 'person', role: 'District Manager', affiliation: 'California Desert District' },
    ]);
  });

  it('reads a role in lower case before a name and an appositive after it', () => {
    expect(
      found(
        'Wild horse specialist Mike North and Kirren Seiler, wild horse program assistant, began working with Athena.',
        '“She is ready,” says facility manager JJ Nolan.',
        '“It is cheap,” said Kai-Fu Lee, founder of 01.AI, at a conference.',
      ),
    ).toEqual([
      { name: 'Mike North', kind: 'person', role: 'Wild horse specialist' },
      { name: 'Kirren Seiler', kind: 'person', role: 'wild horse program assistant' },
      { name: 'JJ Nolan', kind: 'person', role: 'facility manager' },
      { name: 'Kai-Fu Lee', kind: 'person', role: 'founder', affiliation: '01.AI' },
    ]);
  });

  it('keeps middle initials, and finds nobody in capitalized words that are not names', () => {
    expect(found('FEC Chairman Scott E. Thomas said, "We believe it."', 'The Executive Summary of the request points out the rest.')).toEqual([
      { name: 'Scott E. Thomas', kind: 'person', role: 'Chairman', affiliation: 'FEC' },
    ]);
  });

  it('takes a name that speaks but is no person’s name for an organization, and a name after an organization noun', () => {
    expect(found('The Chinese startup DeepSeek grew fast.', '“We are growing,” Acme Robotics said in a statement.')).toEqual([
      { name: 'DeepSeek', kind: 'organization', role: 'Chinese startup' },
      { name: 'Acme Robotics', kind: 'person' },
    ]);
    expect(found('“We are growing,” the Bureau of Land Management said.', '“Sales rose,” NASA said.')).toEqual([
      { name: 'Bureau of Land Management', kind: 'organization' },
      { name: 'NASA', kind: 'organization' },
    ]);
  });

  it('does not take the subject of a reported clause for a speaker', () => {
    // Zhou speaks (one word, no person named in full: taken for an organization); China does not.
    expect(found('Zhou said China would “undoubtedly come out on top” in the race.')).toEqual([{ name: 'Zhou', kind: 'organization' }]);
  });
});

describe('speakers from the text, attributed', () => {
  it('attributes a quotation to a speaker no file holds, with an id from the name', () => {
    const { by, problems, cast } = attribute(['“This is a milestone,” said Agency Administrator Jane Doe.']);
    expect(problems).toEqual([]);
    expect(by['q-1-1']).toEqual(['jane-doe', 'said-NAME', 'Jane Doe']);
    expect(cast.described.get('jane-doe')?.description).toMatchObject({ role: 'Administrator', affiliation: 'Agency' });
  });

  it('finds the name after a long title with an acronym expanded in brackets', () => {
    const { by } = attribute([
      '“This is a giant leap,” said NASA (National Aeronautics and Space Administration) Artemis Campaign Development Division Director Jane Doe. “We are ready.”',
    ]);
    expect(by).toEqual({ 'q-1-1': ['jane-doe', 'said-NAME', 'Jane Doe'], 'q-1-2': ['jane-doe', 'continuation', undefined] });
  });

  it('attributes a title before the name and the verb: Agency Administrator Jane Doe said', () => {
    expect(attribute(['Agency Administrator Jane Doe said the launch was “a milestone for everyone.”']).by['q-1-1']).toEqual(['jane-doe', 'NAME-said', 'Jane Doe']);
  });

  it('resolves a surname, a title and surname, and a pronoun to the person named in full earlier, any number of paragraphs back', () => {
    const { by } = attribute([
      'Secretary of the Interior Deb Haaland visited the site on Monday.',
      'The site covers 2,000 acres.',
      'It was set aside in 1990.',
      '“It is beautiful,” Secretary Haaland said.',
      '“We will protect it,” Haaland added.',
      'The visit lasted two hours.',
      '“I will be back,” she said.',
    ]);
    expect(by).toEqual({
      'q-4-1': ['deb-haaland', 'NAME-said', 'Haaland'],
      'q-5-1': ['deb-haaland', 'NAME-said', 'Haaland'],
      'q-7-1': ['deb-haaland', 'pronoun', undefined],
    });
  });

  it('never takes a short name for a speaker before the full name or inside a longer name', () => {
    const { by, problems } = attribute(['North Dakota has new rules.', '“It is done,” North said.', 'Wildlife specialist Mike North checked the herd.']);
    expect(by['q-2-1']).toBeUndefined();
    expect(problems).toHaveLength(1);
  });

  it('attributes to an organization by name and by "the company"', () => {
    const { by } = attribute(['The startup DeepSeek was founded in 2023.', '“Sales rose,” DeepSeek said in a statement.', '“We will grow,” the company said.']);
    expect(by).toEqual({ 'q-2-1': ['deepseek', 'NAME-said', 'DeepSeek'], 'q-3-1': ['deepseek', 'organization', undefined] });
  });

  it('attributes a possessive subject: FEC Chairman Thomas’ letter concludes', () => {
    const { by } = attribute([
      'FEC Chairman Scott E. Thomas said in a letter, "We believe it is vital."',
      'The request seeks $41 million.',
      'FEC Chairman Thomas’ letter concludes, "The Commission strongly urges full support."',
    ]);
    expect(by).toEqual({ 'q-1-1': ['scott-e-thomas', 'NAME-said', 'Scott E. Thomas'], 'q-3-1': ['scott-e-thomas', 'NAME-said', 'Thomas'] });
  });

  it('attributes a quotation introduced by a colon at the end of the paragraph before', () => {
    const { by } = attribute([
      'Mike North and Kirren Seiler, wild horse program assistant, began working with Athena.',
      'Seiler had this to say about Athena:',
      '“She is nervous at first, but she learns fast.”',
    ]);
    expect(by['q-3-1']).toEqual(['kirren-seiler', 'introduced', 'Seiler']);
  });

  it('carries a speaker over a quotation split around the attribution and into the paragraph that continues it', () => {
    const { by } = attribute(['“We did not plan this,” said Jane Doe, the agency’s chief scientist, “but we are ready.', '“The mission is safe.”']);
    expect(by).toEqual({
      'q-1-1': ['jane-doe', 'said-NAME', 'Jane Doe'],
      'q-1-2': ['jane-doe', 'split', 'Jane Doe'],
      'q-2-1': ['jane-doe', 'continuation', undefined],
    });
  });

  it('lets a people file enrich a speaker the text names: the file’s id, matched by name or alias', () => {
    const registry: SpeakerEntry[] = [{ id: 'tracy-stone-manning', name: 'Tracy Stone-Manning', aliases: [], kind: 'person', file: 'content/people/tracy-stone-manning.md' }];
    const { by, cast } = attribute(['“Our lands matter,” said BLM Director Tracy Stone-Manning.', '“They are yours,” Stone-Manning said.'], registry);
    expect(by).toEqual({ 'q-1-1': ['tracy-stone-manning', 'said-NAME', 'Tracy Stone-Manning'], 'q-2-1': ['tracy-stone-manning', 'NAME-said', 'Stone-Manning'] });
    expect(cast.entries.filter((e) => e.fromText)).toEqual([]);
  });
});

describe('shortFormsOf', () => {
  it.each([
    ['Deb Haaland', ['Haaland', 'Deb']],
    ['Scott E. Thomas', ['Thomas', 'Scott']],
    ['Liang Wenfeng', ['Wenfeng', 'Liang']],
    ['Ursula von der Leyen', ['Leyen', 'Ursula']],
    ['DeepSeek', []],
  ])('gives %s the short forms %j', (name, forms) => {
    expect(shortFormsOf(name)).toEqual(forms);
  });
});
