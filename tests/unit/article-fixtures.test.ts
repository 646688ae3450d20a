import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Truth } from '../support/article-fixtures.ts';

// Checks that the real-release fixtures agree with their hand-labelled truth files.
// It reads the files directly and does not use the project's parser.

const root = new URL('../fixtures/articles/', import.meta.url);
const names = readdirSync(root)
  .filter((name) => statSync(new URL(name, root)).isDirectory())
  .sort();

/** Runs of whitespace (line breaks included) as one space, so hard-wrapped text compares with unwrapped text. */
const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

function load(name: string): { seed: string; lines: string[]; truth: Truth } {
  const bytes = readFileSync(new URL(`${name}/seed.txt`, root));
  const seed = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  const lines = seed.replace(/\n$/, '').split('\n');
  const truth = JSON.parse(readFileSync(new URL(`${name}/truth.json`, root), 'utf8')) as Truth;
  return { seed, lines, truth };
}

/** 1-based line → text; undefined past the end. */
const lineAt = (lines: string[], n: number): string | undefined => lines[n - 1];

/** The lines of each paragraph: from its start line up to a blank line or the next labelled line. */
function paragraphSpans(lines: string[], truth: Truth): number[][] {
  const starts = new Set<number>([
    truth.headline.line,
    ...truth.headings.map((h) => h.line),
    ...truth.paragraphLines,
    ...truth.residue.map((r) => r.line),
  ]);
  return truth.paragraphLines.map((start) => {
    const span = [start];
    for (let n = start + 1; n <= lines.length; n++) {
      if ((lineAt(lines, n) ?? '').trim() === '' || starts.has(n)) break;
      span.push(n);
    }
    return span;
  });
}

describe('article fixtures', () => {
  it('has at least four fixtures, each with a seed and a truth file', () => {
    expect(names.length).toBeGreaterThanOrEqual(4);
    for (const name of names) {
      expect(() => load(name), name).not.toThrow();
    }
  });

  describe.each(names)('%s', (name) => {
    const { seed, lines, truth } = load(name);
    const spans = paragraphSpans(lines, truth);
    const paragraphText = (p: number): string => squash((spans[p - 1] ?? []).map((n) => lineAt(lines, n)).join(' '));

    it('is plain UTF-8 text with Unix line ends', () => {
      expect(seed.includes('\r')).toBe(false);
      expect(seed.endsWith('\n')).toBe(true);
    });

    it('records its source and licence', () => {
      expect(truth.source.title).toBe(truth.headline.text);
      expect(truth.source.agency.length).toBeGreaterThan(0);
      expect(truth.source.readFrom.length).toBeGreaterThan(0);
      expect(truth.source.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(truth.source.license).toMatch(/public domain/);
    });

    it('has the headline on its line', () => {
      expect(lineAt(lines, truth.headline.line)).toBe(truth.headline.text);
    });

    it('has each sub-heading on its line', () => {
      for (const heading of truth.headings) {
        expect(lineAt(lines, heading.line), `line ${heading.line}`).toBe(heading.text);
        expect(truth.paragraphLines).not.toContain(heading.line);
      }
    });

    it('counts its paragraphs and starts each on an existing, non-empty line', () => {
      expect(truth.paragraphLines).toHaveLength(truth.paragraphs);
      truth.paragraphLines.forEach((n, i) => {
        const text = lineAt(lines, n);
        expect(text, `paragraph ${i + 1} at line ${n}`).toBeDefined();
        expect(text?.trim(), `paragraph ${i + 1} at line ${n}`).not.toBe('');
        if (i > 0) expect(n).toBeGreaterThan(truth.paragraphLines[i - 1] ?? 0);
      });
    });

    it('opens the first paragraph with the dateline, if there is one', () => {
      if (truth.dateline !== null) expect(paragraphText(1).startsWith(truth.dateline)).toBe(true);
    });

    it('has each residue line on its line, after the last paragraph', () => {
      const last = truth.paragraphLines.at(-1) ?? 0;
      for (const residue of truth.residue) {
        expect(lineAt(lines, residue.line), `line ${residue.line}`).toBe(residue.text);
        expect(residue.line).toBeGreaterThan(last);
      }
    });

    it('labels every non-empty line', () => {
      const labelled = new Set<number>([
        truth.headline.line,
        ...truth.headings.map((h) => h.line),
        ...spans.flat(),
        ...truth.residue.map((r) => r.line),
      ]);
      lines.forEach((text, i) => {
        if (text.trim() !== '') expect(labelled.has(i + 1), `line ${i + 1}: ${text.slice(0, 60)}`).toBe(true);
      });
    });

    it('follows its layout', () => {
      const bodyLines = spans.flat();
      if (truth.layout === 'line-per-paragraph') {
        expect(lines.some((text) => text.trim() === '')).toBe(false);
        expect(bodyLines).toHaveLength(truth.paragraphs);
      } else {
        for (const start of truth.paragraphLines) expect(lineAt(lines, start - 1), `before line ${start}`).toBe('');
        if (truth.layout === 'blank-lines') expect(bodyLines).toHaveLength(truth.paragraphs);
        if (truth.layout === 'hard-wrapped') {
          expect(bodyLines.length).toBeGreaterThan(truth.paragraphs);
          for (const n of bodyLines) expect((lineAt(lines, n) ?? '').length, `line ${n}`).toBeLessThanOrEqual(72);
        }
      }
    });

    it('finds every quotation verbatim in the seed and in its paragraph', () => {
      const whole = squash(seed);
      const speakers = new Set(truth.speakers.map((s) => s.name));
      for (const quote of truth.quotes) {
        expect(quote.paragraph).toBeGreaterThanOrEqual(1);
        expect(quote.paragraph).toBeLessThanOrEqual(truth.paragraphs);
        expect(whole.includes(squash(quote.text)), quote.text.slice(0, 60)).toBe(true);
        expect(paragraphText(quote.paragraph).includes(squash(quote.text)), quote.text.slice(0, 60)).toBe(true);
        expect(speakers.has(quote.speaker), quote.speaker).toBe(true);
      }
    });

    it('finds every labelled non-quotation in its paragraph', () => {
      for (const item of truth.notQuotes ?? []) {
        expect(item.paragraph).toBeLessThanOrEqual(truth.paragraphs);
        expect(paragraphText(item.paragraph).includes(squash(item.text))).toBe(true);
      }
    });

    it('lists each speaker once, and only speakers who are quoted', () => {
      const listed = truth.speakers.map((s) => s.name);
      expect(new Set(listed).size).toBe(listed.length);
      const quoted = new Set(truth.quotes.map((q) => q.speaker));
      for (const name of listed) expect(quoted.has(name), name).toBe(true);
      for (const speaker of truth.speakers) expect(['person', 'organization']).toContain(speaker.kind);
    });
  });

  it('covers the cases the set is meant to show', () => {
    const all = names.map((name) => load(name));
    const quotes = all.reduce((sum, { truth }) => sum + truth.quotes.length, 0);
    expect(quotes).toBeGreaterThanOrEqual(30);
    const layouts = new Set(all.map(({ truth }) => truth.layout));
    expect([...layouts].sort()).toEqual(['blank-lines', 'hard-wrapped', 'line-per-paragraph']);
    expect(all.some(({ truth }) => truth.headings.length > 0)).toBe(true);
    expect(all.some(({ seed }) => seed.includes('\u201c'))).toBe(true);
    expect(all.some(({ seed }) => seed.includes('"'))).toBe(true);
    expect(all.some(({ truth }) => truth.residue.length > 0)).toBe(true);
  });
});
