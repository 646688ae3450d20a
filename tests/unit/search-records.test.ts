/** The glossary's search records, read from the glossary index page as the site builds it. */
import { describe, expect, it } from 'vitest';
import { glossaryRecords } from '../../src/integrations/search-index.ts';

const entry = (id: string, term: string, definition: string, uses: string[], source?: string) =>
  `<div class="ex-gloss-entry" id="term-${id}"><dt><dfn>${term}</dfn><a class="ex-permalink" href="#term-${id}" aria-label="Link to the glossary entry “${term}”"></a></dt>` +
  `<dd><p>${definition}</p></dd>` +
  `<dd class="ex-backlinks">${uses.map((t, i) => `<span class="ex-use"><a href="/e${i}/">${t}</a>: <a href="/e${i}/#p-2" aria-label="paragraph 2">¶2</a></span>`).join('')}</dd>` +
  (source ? `<dd class="ex-term-source">Source: <a href="https://example.org/">${source}</a></dd>` : '') +
  `</div>`;

const page = (body: string) => `<!doctype html><html lang="en"><head><title>Glossary</title></head><body><section role="doc-glossary"><dl>${body}</dl></section></body></html>`;

describe('glossary search records', () => {
  it('hold the term, its definition and its source, one record per entry', () => {
    const records = glossaryRecords(page(entry('weibo', 'Weibo', 'A Chinese   microblogging\nplatform.', ['A title'], 'Weibo – Wikipedia') + entry('gpu', 'GPU', 'A graphics processor.', [])));
    expect(records).toEqual([
      { url: '/glossary/#term-weibo', language: 'en', content: 'Weibo\nA Chinese microblogging platform.\nSource: Weibo – Wikipedia', meta: { title: 'Weibo', kind: 'Glossary entry' } },
      { url: '/glossary/#term-gpu', language: 'en', content: 'GPU\nA graphics processor.', meta: { title: 'GPU', kind: 'Glossary entry' } },
    ]);
  });

  it('leave out the explainers that use the term, so an explainer’s title finds the explainer, not its terms', () => {
    const titles = Array.from({ length: 50 }, (_, i) => `How a little-known lab shook the race, part ${i}`);
    const [record] = glossaryRecords(page(entry('weibo', 'Weibo', 'A microblogging platform.', titles)));
    expect(record!.content).toBe('Weibo\nA microblogging platform.');
    expect(record!.content).not.toContain('little-known');
  });
});
