/**
 * An explainer with nothing to show in a section leaves the section out,
 * heading and all: no empty "Glossary", no claims legend without claims.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, projectCopy, type BuildResult } from '../support/build-site.ts';

let build: BuildResult;
let html: string;

describe('an explainer with no glossary terms and no claims', () => {
  beforeAll(() => {
    const root = projectCopy('empty-sections');
    rmSync(join(root, 'content/glossary'), { recursive: true });
    rmSync(join(root, 'content/claims'), { recursive: true });
    build = astroBuild(root, join(root, 'dist'));
    html = build.status === 0 ? readFileSync(join(build.outDir, 'deepseek-r1/index.html'), 'utf8') : '';
  }, 300_000);

  it('builds', () => {
    expect(build.status, build.output).toBe(0);
  });

  it('has no glossary, no endnotes and no claims legend', () => {
    // Asked of the document, not its source: the inlined stylesheet names these selectors.
    const { document } = parseHTML(html);
    expect(document.querySelector('[role="doc-glossary"]')).toBeNull();
    expect(document.querySelector('#glossary-heading')).toBeNull();
    expect(document.querySelector('[role="doc-endnotes"]')).toBeNull();
    expect(document.querySelector('.ex-legend')).toBeNull();
    expect(document.querySelector('[role="doc-noteref"]')).toBeNull();
    expect(document.querySelector('#speaker-feng-ji')).not.toBeNull();
  });

  it('still has its speakers, in a sidebar named after them alone', () => {
    const { document } = parseHTML(html);
    const sidebars = [...document.querySelectorAll('aside.ex-sidebar')];
    expect(sidebars.map((a) => a.getAttribute('aria-label'))).toEqual(['Speakers']);
    expect(sidebars[0]!.querySelector('#speaker-feng-ji')).not.toBeNull();
  });
});
