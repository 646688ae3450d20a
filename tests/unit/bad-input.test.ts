/**
 * The bad-input suite: every case of tests/fixtures/bad-input/ through the
 * loading pipeline in this one process. Each must produce exactly the errors
 * and warnings its case.json lists, at their file, line and column, and the
 * report must be plain lines: no stack trace, no internal source location.
 */
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/lib/content/load-project.ts';
import { ContentValidationError, type ContentMessage, formatReport, severityOf } from '../../src/lib/messages.ts';
import { listCases, materialize } from '../support/bad-input.ts';

const cases = listCases();

/** Errors and warnings of a project, thrown or not. */
function messagesOf(root: string, buildDate: string): ContentMessage[] {
  try {
    return loadProject({ root, buildDate }).messages;
  } catch (e) {
    if (e instanceof ContentValidationError) return [...e.messages];
    throw e;
  }
}

describe('the bad-input suite', () => {
  it('has at least 45 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(45);
  });

  it('starts from a base project with no error and no warning', () => {
    const shown = messagesOf(materialize({ name: '_base', about: '', expect: [] }), '2026-11-29').filter((m) => m.fatal !== undefined);
    expect(shown).toEqual([]);
  });

  for (const c of cases) {
    it(`${c.name}: ${c.about}`, () => {
      const root = materialize(c);
      const shown = messagesOf(root, c.buildDate ?? '2026-11-29').filter((m) => m.fatal !== undefined);
      const found = shown.map((m) => ({ severity: severityOf(m), file: m.file, line: m.line, column: m.column, ruleId: m.ruleId, reason: m.reason }));
      const wanted = c.expect.map((e) => ({ ...e, reason: expect.stringContaining(e.reason) }));
      expect(found).toEqual(expect.arrayContaining(wanted));
      expect(found, 'no other errors or warnings than the expected ones').toHaveLength(c.expect.length);
      const report = formatReport(shown);
      expect(report).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(report).not.toMatch(/src\/lib\/|node_modules/);
    });
  }
});
