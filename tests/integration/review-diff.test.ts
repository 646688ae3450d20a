/**
 * The review view against a base build: the base is built, then a copy with
 * one claim removed, one rating changed and one anchor moved is built with
 * the base's export (`BASE_ANNOTATIONS`), and the review view and its
 * Markdown summary show exactly those three changes.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, projectCopy, projectRoot } from '../support/build-site.ts';

const claims = join(projectRoot, 'content/claims/deepseek-r1');
const read = (name: string) => readFileSync(join(claims, name), 'utf8');

describe('the review view with a base export', () => {
  let html: string;
  let summary: string;
  let publicPages: string[];

  beforeAll(() => {
    const base = projectCopy('review-base');
    const baseBuild = astroBuild(base, join(base, 'dist'));
    expect(baseBuild.status, baseBuild.output).toBe(0);

    const head = projectCopy('review-head', {
      'content/claims/deepseek-r1/r1-release-date.md': read('r1-release-date.md').replace('status: verified', 'status: qualified'),
      'content/claims/deepseek-r1/biden-ai-chip-rule.md': read('biden-ai-chip-rule.md').replace(
        'exact: "new restrictions on AI chips issued by Joe Biden in the final days of his presidency"',
        'exact: "new restrictions on AI chips issued by Joe Biden"',
      ),
    });
    rmSync(join(head, 'content/claims/deepseek-r1/kai-fu-lee-training-cost.md'));
    const build = astroBuild(head, join(head, 'dist'), [], { BASE_ANNOTATIONS: join(base, 'dist') });
    expect(build.status, build.output).toBe(0);
    html = readFileSync(join(head, 'dist/deepseek-r1/review/index.html'), 'utf8');
    summary = readFileSync(join(head, 'dist/deepseek-r1/review/summary.md'), 'utf8');
    publicPages = ['index.html', 'deepseek-r1/index.html', 'glossary/index.html', '404.html'].map((p) => readFileSync(join(head, 'dist', p), 'utf8'));
  }, 300_000);

  it('lists exactly the three changes in the review view', () => {
    const changes = [...html.matchAll(/<li data-change="(\w+)">([\s\S]*?)<\/li>/g)].map((m) => [m[1], m[2]!.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim()]);
    expect(changes).toEqual([
      ['removed', expect.stringMatching(/^Removed claim kai-fu-lee-training-cost: ¶\d+ “has said that it cost \$3 million to train its model”$/)],
      ['status', 'Rating changed claim r1-release-date: verified → qualified'],
      ['moved', expect.stringMatching(/^Anchor moved claim biden-ai-chip-rule: ¶22 “new restrictions on AI chips issued by Joe Biden in the final days of his presidency” → ¶22 “new restrictions on AI chips issued by Joe Biden”$/)],
    ]);
    expect(html).not.toContain('The article text itself changed');
  });

  it('writes the same three changes to summary.md for the pull-request comment', () => {
    const lines = summary.split('\n').filter((l) => l.startsWith('- '));
    expect(lines).toEqual([
      expect.stringMatching(/^- Removed: claim `kai-fu-lee-training-cost`, ¶\d+ “has said/),
      '- Rating changed: claim `r1-release-date`, verified → qualified',
      expect.stringMatching(/^- Anchor moved: claim `biden-ai-chip-rule`, ¶22 “new restrictions on AI chips issued by Joe Biden in the final days of his presidency” → ¶22/),
    ]);
    expect(summary).toContain('**3 annotation changes:**');
  });

  it('is kept out of search engines and not linked from public pages', () => {
    expect(html).toMatch(/<meta name="robots" content="noindex, nofollow">/);
    for (const page of publicPages) expect(page).not.toMatch(/href="[^"]*\/review\//);
  });
});
