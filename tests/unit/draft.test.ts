import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/lib/draft/analyze-article.ts';
import { draftFiles } from '../../src/lib/draft/draft-files.ts';

const release = [
  'Agency opens field office in Denver',
  '',
  'DENVER — The Bureau of Land Management (BLM) today opened its largest field office, with 120 staff and a $3.1 million budget.',
  '',
  '“We are glad to be here,” said BLM Director Jane Doe. “It serves the region.”',
  '',
  'The Bureau of Land Management manages public lands in the West.',
  '',
  '“Nobody told us,” a resident said.',
  '',
  'https://www.example.gov/news/2024-04-12/denver-office',
  '',
].join('\n');

describe('analyzeArticle', () => {
  const a = analyzeArticle(release);

  it('reads the structure, the quotations with their speakers and what the text says of them', () => {
    expect([a.headline, a.paragraphs, a.residue, a.headings]).toEqual(['Agency opens field office in Denver', 4, ['https://www.example.gov/news/2024-04-12/denver-office'], []]);
    expect(a.quotes.map((q) => [q.paragraph, q.text, q.speaker])).toEqual([
      [2, 'We are glad to be here,', 'Jane Doe'],
      [2, 'It serves the region.', 'Jane Doe'],
      [4, 'Nobody told us,', null],
    ]);
    expect(a.speakers).toEqual([{ id: 'jane-doe', name: 'Jane Doe', kind: 'person', role: 'Director', affiliation: 'BLM', file: null }]);
    expect(a.unattributed).toEqual([{ paragraph: 4, quote: 'Nobody told us,', candidate: 'jane-doe' }]);
  });

  it('proposes sentences with money, counts and superlatives as claims, the dateline left out, and names with an acronym as terms', () => {
    expect(a.claims).toEqual([
      { text: 'The Bureau of Land Management (BLM) today opened its largest field office, with 120 staff and a $3.1 million budget.', paragraph: 1, kinds: ['money', 'count', 'superlative'] },
    ]);
    expect(a.terms).toEqual([{ term: 'Bureau of Land Management', count: 4, aliases: ['BLM'] }]);
  });

  it('does not propose a term the glossary covers', () => {
    expect(analyzeArticle(release, { terms: [{ id: 'blm', file: 'content/glossary/blm.md', forms: ['BLM'] }] }).terms).toEqual([]);
  });

  it('reads the date from the web address', () => {
    expect(a.published).toEqual({ date: '2024-04-12', from: 'web address' });
  });
});

describe('draftFiles', () => {
  const files = draftFiles(analyzeArticle(release), { slug: 'denver', today: '2024-05-01', lang: 'en' });
  const byPath = new Map(files.map((f) => [f.path, f.content]));

  it('proposes the explainer marked draft, a people file without a bio, a claim and a glossary stub', () => {
    expect([...byPath.keys()]).toEqual([
      'content/explainers/denver.mdx',
      'content/people/jane-doe.md',
      'content/claims/denver/the-bureau-of-land-management-blm.md',
      'content/glossary/bureau-of-land-management.md',
    ]);
    const explainer = byPath.get('content/explainers/denver.mdx')!;
    expect(explainer).toContain('title: "Agency opens field office in Denver"\n');
    expect(explainer).toContain('  credit: "example.gov"\n  url: https://www.example.gov/news/2024-04-12/denver-office\n  published: 2024-04-12\n');
    expect(explainer).toContain('draft: true\n');
    expect(explainer).toContain('#   - { paragraph: 4, quote: "Nobody told us,", speaker: jane-doe }');
    expect(byPath.get('content/people/jane-doe.md')).toMatch(/name: "Jane Doe"\nkind: person\nrole: "Director"\naffiliation: "BLM"\nasOf: 2024-04-12\n---\n$/);
    expect(byPath.get('content/claims/denver/the-bureau-of-land-management-blm.md')).toContain('status: unverified\nchecked: 2024-05-01\nsources: []\n');
  });
});
