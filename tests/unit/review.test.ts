/** The annotation diff of the review view, on the DeepSeek export against edited copies of itself. */
import { describe, expect, it } from 'vitest';
import { exportReviews } from '../../src/lib/content/export-reviews.ts';
import { loadProject } from '../../src/lib/content/load-project.ts';
import { diffCollections } from '../../src/lib/review/diff.ts';
import { summaryMarkdown } from '../../src/lib/review/summary.ts';
import { projectRoot } from '../support/build-site.ts';

const review = exportReviews(loadProject({ root: projectRoot }), {}).find((r) => r.slug === 'deepseek-r1')!;
const { collection, articleText } = review;

describe('the annotation diff', () => {
  it('finds nothing between an export and itself', () => {
    expect(diffCollections(collection, collection, articleText, articleText)).toEqual({ changes: [], text: [] });
  });

  it('names an edited note and a changed attribution', () => {
    const base = structuredClone(collection);
    const claim = base.first.items.find((a) => a.id.endsWith('#claim-r1-release-date'))!;
    claim.body[0] = { ...claim.body[0]!, value: 'An older note.' } as (typeof claim.body)[number];
    const quote = base.first.items.find((a) => a.id.includes('#quote-'))!;
    quote.body[0] = { type: 'SpecificResource', purpose: 'identifying', source: 'https://example.org/people/someone-else/' };
    const { changes } = diffCollections(base, collection, articleText, articleText);
    expect(changes.map((c) => [c.change, c.kind, c.detail])).toEqual(
      expect.arrayContaining([
        ['edited', 'claim', 'note changed'],
        ['edited', 'quote', expect.stringMatching(/^speaker \(someone-else → [a-z-]+\) changed$/)],
      ]),
    );
    expect(changes).toHaveLength(2);
  });

  it('shows a change to the article text itself, paragraph by paragraph, loudly in the summary', () => {
    const edited = articleText.replace('less than $6 million', 'under $6 million');
    const diff = diffCollections(collection, collection, edited, articleText);
    expect(diff.text).toEqual([{ paragraph: 15, before: expect.stringContaining('under $6 million'), after: expect.stringContaining('less than $6 million') }]);
    const md = summaryMarkdown({ ...review.review, changes: diff }, 'https://example.org/deepseek-r1/review/');
    expect(md).toContain('**⚠️ The article text itself changed, in 1 paragraph.**');
  });
});
