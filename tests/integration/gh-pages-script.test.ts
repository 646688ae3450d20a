/**
 * .github/scripts/gh-pages.sh, which the deploy workflows use, against a
 * local bare repository: the main site and pull-request previews share the
 * gh-pages branch without overwriting each other, and a closed pull request's
 * preview goes away alone.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/build-site.ts';

const script = join(projectRoot, '.github/scripts/gh-pages.sh');
let tmp = '';
let remote = '';

function site(name: string, files: Record<string, string>): string {
  const dir = join(tmp, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The script's environment: the local remote, no token, no user git config. */
function env(): NodeJS.ProcessEnv {
  const vars: NodeJS.ProcessEnv = { ...process.env, PAGES_REMOTE: remote, GIT_CONFIG_NOSYSTEM: '1', HOME: tmp, PAGES_RETRY_SECONDS: '0' };
  delete vars.GH_TOKEN;
  return vars;
}

function run(...args: string[]) {
  const r = spawnSync('bash', [script, ...args], { encoding: 'utf8', env: env() });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

function tree(): string[] {
  const r = spawnSync('git', ['-C', remote, 'ls-tree', '-r', '--name-only', 'gh-pages'], { encoding: 'utf8' });
  return r.stdout.split('\n').filter(Boolean);
}

describe('gh-pages.sh', () => {
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'gh-pages-'));
    remote = join(tmp, 'remote.git');
    expect(spawnSync('git', ['init', '-q', '--bare', remote]).status).toBe(0);
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('does nothing when asked to remove a preview before the branch exists', () => {
    const r = run('remove', '7');
    expect(r.status, r.output).toBe(0);
    expect(r.output).toMatch(/nothing to remove/);
  });

  it('keeps the main site and the previews apart', () => {
    const main1 = site('main1', { 'index.html': 'main 1', '_astro/a.css': 'a', 'old/index.html': 'gone later' });
    const pr7 = site('pr7', { 'index.html': 'pr 7', 'deepseek-r1/review/summary.md': '# changes' });
    const pr8 = site('pr8', { 'index.html': 'pr 8' });
    const main2 = site('main2', { 'index.html': 'main 2', '_astro/b.css': 'b' });
    for (const args of [['site', main1], ['preview', '7', pr7], ['preview', '8', pr8], ['site', main2]]) {
      const r = run(...args);
      expect(r.status, r.output).toBe(0);
    }
    expect(tree()).toEqual([
      '.nojekyll',
      '_astro/b.css',
      'index.html',
      'pr-preview/pr-7/deepseek-r1/review/summary.md',
      'pr-preview/pr-7/index.html',
      'pr-preview/pr-8/index.html',
    ]);

    const r = run('remove', '7');
    expect(r.status, r.output).toBe(0);
    expect(tree()).toEqual(['.nojekyll', '_astro/b.css', 'index.html', 'pr-preview/pr-8/index.html']);
  });

  it('keeps the CNAME file of a custom domain when the main site is deployed', () => {
    const clone = join(tmp, 'clone');
    const git = (...args: string[]) => spawnSync('git', ['-C', clone, ...args], { encoding: 'utf8', env: env() });
    expect(spawnSync('git', ['clone', '-q', '--branch', 'gh-pages', remote, clone]).status).toBe(0);
    writeFileSync(join(clone, 'CNAME'), 'explainers.example\n');
    git('add', 'CNAME');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', 'Custom domain');
    expect(git('push', '-q', 'origin', 'gh-pages').status).toBe(0);
    expect(run('site', site('main3', { 'index.html': 'main 3' })).status).toBe(0);
    expect(tree()).toEqual(['.nojekyll', 'CNAME', 'index.html', 'pr-preview/pr-8/index.html']);
  });

  it('replaces a preview on each push and commits nothing when nothing changed', () => {
    expect(run('preview', '8', site('pr8b', { 'index.html': 'pr 8, again' })).status).toBe(0);
    expect(tree()).toContain('pr-preview/pr-8/index.html');
    const r = run('preview', '8', join(tmp, 'pr8b'));
    expect(r.status, r.output).toBe(0);
    expect(r.output).toMatch(/already up to date/);
  });

  it('lands concurrent pushes one after the other', async () => {
    const dir = site('many', { 'index.html': 'many' });
    const runs = ['21', '22', '23'].map(
      (n) =>
        new Promise<number | null>((resolve) => {
          spawn('bash', [script, 'preview', n, dir], { env: env(), stdio: 'ignore' }).on('exit', resolve);
        }),
    );
    expect(await Promise.all(runs)).toEqual([0, 0, 0]);
    expect(tree()).toEqual(expect.arrayContaining(['pr-preview/pr-21/index.html', 'pr-preview/pr-22/index.html', 'pr-preview/pr-23/index.html']));
  });

  it('refuses a pull-request number that is not a plain integer', () => {
    for (const bad of ['../x', '7/../..', '0', '-1', '1e3', '']) {
      const r = run('remove', bad);
      expect(r.status, bad).toBe(2);
      expect(r.output).toMatch(/not a pull-request number/);
    }
  });

  it('refuses a folder holding a symbolic link, or a site with a pr-preview/ folder', () => {
    const linked = site('linked', { 'index.html': 'x' });
    symlinkSync('/etc/passwd', join(linked, 'passwd'));
    expect(run('preview', '9', linked).output).toMatch(/symbolic link/);
    expect(run('site', site('clash', { 'index.html': 'x', 'pr-preview/pr-1/index.html': 'y' })).output).toMatch(/pr-preview/);
    expect(tree()).not.toContain('pr-preview/pr-9/index.html');
  });
});
