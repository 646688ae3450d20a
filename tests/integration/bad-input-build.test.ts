/**
 * Every bad-input case that is meant to build (warnings at most) is built
 * for real, and all of its `dist/` is scanned for what content must never put
 * on a page: scripts, event-handler attributes, `javascript:`/`data:` URLs,
 * frames, objects and forms that the project does not write itself (what the
 * base project's own build holds), and for ids that clash or references
 * that point at no id.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, projectCopy } from '../support/build-site.ts';
import { type BadInputCase, listCases, materialize } from '../support/bad-input.ts';

const passing = listCases().filter((c) => c.expect.every((e) => e.severity !== 'error'));

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** JSON that parses, with no `<` that could end its script element or start markup. */
function isInertJson(text: string): boolean {
  try {
    JSON.parse(text);
  } catch {
    return false;
  }
  return !text.includes('<');
}

/** Everything in a built site that could run code or load another document, as text. */
function activeContent(dist: string): Set<string> {
  const found = new Set<string>();
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(file, 'utf8');
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      // Structured data is JSON that no browser runs: it is checked to be JSON that cannot close its element.
      if (/^\s+type="application\/ld\+json"$/.test(m[1]!)) {
        if (!isInertJson(m[2]!)) found.add(`json-ld that is not plain JSON: ${m[2]!.slice(0, 200)}`);
        continue;
      }
      found.add(`script ${m[0].slice(0, 200)}`);
    }
    for (const m of html.matchAll(/<(iframe|frame|object|embed|form|base|meta\s+http-equiv)\b[^>]*>/gi)) found.add(`element ${m[0]}`);
    for (const tag of html.matchAll(/<[a-z][^>]*>/gi)) {
      for (const a of tag[0].matchAll(/\s(on[a-z]+)\s*=/gi)) found.add(`handler ${a[1]} in ${tag[0].slice(0, 120)}`);
      for (const a of tag[0].matchAll(/\s(href|src|action|formaction|srcset|poster|data)\s*=\s*["']?\s*(javascript|data|vbscript|file):/gi)) found.add(`url ${a[2]}: in ${tag[0].slice(0, 120)}`);
    }
  }
  return found;
}

/** Ids that appear twice on a page, and in-page references (`#x`, ARIA id lists) that point at no id. */
function brokenIds(dist: string): string[] {
  const problems: string[] = [];
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(file, 'utf8');
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) problems.push(`${file}: id "${id}" twice`);
      seen.add(id);
    }
    for (const m of html.matchAll(/\shref="#([^"]+)"/g)) if (!seen.has(decodeURIComponent(m[1]!))) problems.push(`${file}: #${m[1]} points at no id`);
    for (const m of html.matchAll(/\saria-(?:describedby|controls|labelledby)="([^"]+)"/g)) {
      for (const id of m[1]!.split(/\s+/)) if (!seen.has(id)) problems.push(`${file}: aria reference ${id} points at no id`);
    }
  }
  return problems;
}

function buildCase(c: BadInputCase): string {
  const root = projectCopy(`bad-input-${c.name}`, {}, { content: 'none' });
  materialize(c, root);
  const build = astroBuild(root, join(root, 'dist'));
  expect(build.status, build.output).toBe(0);
  return join(root, 'dist');
}

describe('cases meant to build', () => {
  let allowed: Set<string>;
  beforeAll(() => {
    allowed = activeContent(buildCase({ name: '_base', about: 'the base project', expect: [] }));
  }, 300_000);

  it('include some', () => {
    expect(passing.length).toBeGreaterThan(0);
  });

  for (const c of passing) {
    it(`${c.name}: builds, and its pages hold no script, handler, unsafe URL or frame the project did not write`, () => {
      const dist = buildCase(c);
      const extra = [...activeContent(dist)].filter((x) => !allowed.has(x));
      expect(extra).toEqual([]);
      expect(brokenIds(dist)).toEqual([]);
    }, 300_000);
  }
});
