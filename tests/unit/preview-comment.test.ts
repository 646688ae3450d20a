/**
 * The pull-request comment of a preview (.github/scripts/preview-comment.cjs):
 * what it says with and without review views and summaries, and that it finds
 * and updates its one comment instead of adding another.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

interface CommentModule {
  MARKER: string;
  commentBody(options: { siteDir: string; previewUrl: string; sha: string }): string;
  removedBody(): string;
  upsertComment(options: { github: unknown; context: unknown; number: number; body: string; createIfMissing?: boolean }): Promise<void>;
  checkPullRequest(options: { github: unknown; context: unknown; number: number; headSha: string }): Promise<string>;
}

const require = createRequire(import.meta.url);
const { MARKER, commentBody, removedBody, upsertComment, checkPullRequest } = require(
  '../../.github/scripts/preview-comment.cjs',
) as CommentModule;

const previewUrl = 'https://owner.github.io/repo/pr-preview/pr-7/';
let dirs: string[] = [];

function siteWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'preview-comment-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'index.html'), '<!doctype html>');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

describe('the preview comment', () => {
  it('gives the preview URL and says there is no summary when the build wrote none', () => {
    const body = commentBody({ siteDir: siteWith({ 'deepseek-r1/index.html': 'x' }), previewUrl, sha: 'abc123' });
    expect(body.startsWith(MARKER)).toBe(true);
    expect(body).toContain(`**Preview:** ${previewUrl}`);
    expect(body).toContain('No review view in this build.');
    expect(body).toContain('There is no summary of annotation changes in this build.');
    expect(body).toContain('abc123');
  });

  it('links each review view and joins every summary, in slug order', () => {
    const siteDir = siteWith({
      'zeta/review/index.html': 'z',
      'zeta/review/summary.md': '## zeta\n\n- 1 claim added\n',
      'deepseek-r1/review/index.html': 'r',
      'deepseek-r1/review/summary.md': '## deepseek-r1\n\n- 2 terms removed\n',
      'glossary/index.html': 'no review here',
    });
    const body = commentBody({ siteDir, previewUrl, sha: 'abc123' });
    expect(body).toContain(`- \`deepseek-r1\`: ${previewUrl}deepseek-r1/review/`);
    expect(body).toContain(`- \`zeta\`: ${previewUrl}zeta/review/`);
    expect(body).not.toContain('glossary/review');
    expect(body).not.toContain('There is no summary');
    expect(body.indexOf('## deepseek-r1')).toBeLessThan(body.indexOf('## zeta'));
    expect(body).toContain('- 2 terms removed\n\n---\n\n## zeta');
  });

  it('cuts a summary too long for a comment', () => {
    const siteDir = siteWith({ 'a/review/summary.md': 'x'.repeat(100_000) });
    const body = commentBody({ siteDir, previewUrl, sha: 'abc123' });
    expect(body.length).toBeLessThan(65_536);
    expect(body).toMatch(/cut here/);
  });

  it('updates its own comment, found by the marker, and creates one only when there is none', async () => {
    const calls: string[] = [];
    const existing = [
      { id: 1, user: { type: 'User' }, body: `${MARKER} quoted by a person` },
      { id: 2, user: { type: 'Bot' }, body: 'another bot' },
    ];
    const github = {
      paginate: async () => existing,
      rest: {
        issues: {
          listComments: () => undefined,
          updateComment: async ({ comment_id }: { comment_id: number }) => void calls.push(`update ${comment_id}`),
          createComment: async ({ issue_number }: { issue_number: number }) => void calls.push(`create on ${issue_number}`),
        },
      },
    };
    const context = { repo: { owner: 'o', repo: 'r' } };
    await upsertComment({ github, context, number: 7, body: `${MARKER} one` });
    expect(calls).toEqual(['create on 7']);
    existing.push({ id: 3, user: { type: 'Bot' }, body: `${MARKER} one` });
    await upsertComment({ github, context, number: 7, body: `${MARKER} two` });
    await upsertComment({ github, context, number: 7, body: removedBody(), createIfMissing: false });
    expect(calls).toEqual(['create on 7', 'update 3', 'update 3']);
  });

  it('publishes only for an open pull request whose head is the built commit', async () => {
    const context = { repo: { owner: 'o', repo: 'r' } };
    const pr = (state: string, sha: string) => ({ rest: { pulls: { get: async () => ({ data: { state, head: { sha } } }) } } });
    expect(await checkPullRequest({ github: pr('open', 'aaa'), context, number: 7, headSha: 'aaa' })).toBe('publish');
    expect(await checkPullRequest({ github: pr('open', 'bbb'), context, number: 7, headSha: 'aaa' })).toBe('superseded');
    expect(await checkPullRequest({ github: pr('closed', 'aaa'), context, number: 7, headSha: 'aaa' })).toBe('closed');
  });
});
