/**
 * The W3C Web Annotation export: it meets the model's MUST requirements
 * (tests/support/web-annotation-model.ts), a broken selector is caught, and
 * every selector lands on its words in the seed, read here without the
 * project's parser, counting code points as the model says.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportReviews } from '../../src/lib/content/export-reviews.ts';
import { loadProject } from '../../src/lib/content/load-project.ts';
import type { AnnotationCollection } from '../../src/lib/export/web-annotations.ts';
import { materialize } from '../support/bad-input.ts';
import { projectRoot } from '../support/build-site.ts';
import { checkAnnotation, checkCollection } from '../support/web-annotation-model.ts';

const site = loadProject({ root: projectRoot, site: 'https://news.example', base: '/explainers/' });
const deepseek = exportReviews(site, { site: 'https://news.example', base: '/explainers/' }).find((r) => r.slug === 'deepseek-r1')!.collection;

/** The seed as any reader of the export would take it: BOM and CRLF aside, exactly the file. */
function seedText(root: string, name: string): string {
  return readFileSync(join(root, 'seeds', name), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function selectorsLand(collection: AnnotationCollection, text: string): string[] {
  const points = [...text];
  const wrong: string[] = [];
  for (const a of collection.first.items) {
    const [quote, position] = a.target.selector;
    const at = points.slice(position.start, position.end).join('');
    if (at !== quote.exact) wrong.push(`${a.id}: positions ${position.start}–${position.end} hold “${at}”, not “${quote.exact}”`);
    if (quote.prefix && !points.slice(0, position.start).join('').endsWith(quote.prefix)) wrong.push(`${a.id}: prefix does not precede it`);
    if (quote.suffix && !points.slice(position.end).join('').startsWith(quote.suffix)) wrong.push(`${a.id}: suffix does not follow it`);
  }
  return wrong;
}

describe('the W3C Web Annotation export', () => {
  it('meets the MUST requirements of the model', () => {
    expect(checkCollection(deepseek)).toEqual([]);
    expect(deepseek.total).toBe(deepseek.first.items.length);
  });

  it('holds every claim, term, quotation and speaker link of the DeepSeek explainer', () => {
    const kinds = deepseek.first.items.map((a) => a.id.split('#')[1]!.split('-')[0]);
    const count = (k: string) => kinds.filter((x) => x === k).length;
    expect([count('claim'), count('term'), count('quote')]).toEqual([15, 26, 16]);
    expect(count('speaker')).toBeGreaterThan(0);
    expect(deepseek.id).toBe('https://news.example/explainers/deepseek-r1/annotations.json');
  });

  it('has selectors that land on their words in the seed', () => {
    expect(selectorsLand(deepseek, seedText(projectRoot, 'deepseek-r1.txt'))).toEqual([]);
  });

  it('counts positions in code points, not UTF-16 units', () => {
    const root = materialize({ name: '_base', about: '', expect: [] });
    writeFileSync(join(root, 'seeds/story.txt'), `🙂🙂 ${readFileSync(join(root, 'seeds/story.txt'), 'utf8')}`);
    const collection = exportReviews(loadProject({ root, buildDate: '2026-11-29' }), {})[0]!.collection;
    const claim = collection.first.items.find((a) => a.id.endsWith('#claim-cost'))!;
    const text = seedText(root, 'story.txt');
    expect(claim.target.selector[1].start).toBe([...text.slice(0, text.indexOf('cost $5 million'))].length);
    expect(text.indexOf('cost $5 million')).toBe(claim.target.selector[1].start + 2);
    expect(selectorsLand(collection, text)).toEqual([]);
  });

  it('catches a broken selector', () => {
    const good = structuredClone(deepseek.first.items[0]!);
    expect(checkAnnotation(good)).toEqual([]);
    const broken = (change: (a: Record<string, any>) => void) => {
      const a = structuredClone(good) as Record<string, any>;
      change(a);
      return checkAnnotation(a);
    };
    expect(broken((a) => (a.target.selector[1].start = '12'))).toEqual([expect.stringContaining('start, a non-negative integer')]);
    expect(broken((a) => (a.target.selector[1].end = -1))).toEqual([expect.stringContaining('end, a non-negative integer')]);
    expect(broken((a) => (a.target.selector[1].end = a.target.selector[1].start - 1))).toEqual([expect.stringContaining('end MUST NOT be before start')]);
    expect(broken((a) => delete a.target.selector[0].exact)).toEqual([expect.stringContaining('MUST have exactly one exact')]);
    expect(broken((a) => (a.target.selector[0].type = 'TextQuote'))).toEqual([expect.stringContaining('selector this project writes')]);
    expect(broken((a) => delete a.target)).toEqual([expect.stringContaining('1 or more targets')]);
    expect(broken((a) => (a['@context'] = 'http://example.org/context.jsonld'))).toEqual([expect.stringContaining('@context')]);
    expect(broken((a) => (a.id = 'not an iri'))).toEqual([expect.stringContaining('IRI')]);
    expect(broken((a) => (a.motivation = 'praising'))).toEqual([expect.stringContaining('motivation')]);
    // And a moved position is caught by landing the selector on the text.
    const moved = structuredClone(deepseek);
    moved.first.items[0]!.target.selector[1].start += 1;
    expect(selectorsLand(moved, seedText(projectRoot, 'deepseek-r1.txt'))).toEqual(expect.arrayContaining([expect.stringMatching(/positions \d+–\d+ hold/)]));
  });
});
