import { mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/lib/content/load-project.ts';
import type { ExplainerPage, Site } from '../../src/lib/content/model.ts';
import { initialsOf } from '../../src/lib/content/validate-content.ts';
import { ContentValidationError, type ContentMessage } from '../../src/lib/messages.ts';
import { annotationElement } from '../../src/render/annotation-elements.ts';
import { articleHtml } from '../../src/render/article-html.ts';
import { tempDir } from '../support/temp-dir.ts';

const explainer = `---
title: A test explainer
dek: Testing.
seed: story.txt
source:
  credit: Test wire
  published: 2025-01-28
lang: en
---
Intro.
`;
const seed = 'HONG KONG — The startup Acme released a model.\n“It is fast,” said Jane Roe, chief executive of Acme.\nThe model cost $5 million to train.\n';
const person = `---
name: Jane Roe
aliases: [Roe]
kind: person
role: Chief executive
affiliation: Acme
asOf: 2025-01
---
Runs Acme.
`;
const term = (name: string, aliases: string[] = []) => `---
term: ${name}
aliases: [${aliases.join(', ')}]
---
A definition of ${name}.
`;
const claim = (exact: string, url = 'https://example.org/report') => `---
anchor:
  exact: "${exact}"
status: verified
checked: 2026-11-28
sources:
  - title: Report
    publisher: Example
    url: ${url}
---
What the report says.
`;

/** A small project on disk; `files` overrides or adds files. */
function project(files: Record<string, string> = {}): string {
  const root = tempDir('explainer-');
  const all: Record<string, string> = {
    'seeds/story.txt': seed,
    'content/explainers/story.mdx': explainer,
    'content/people/jane-roe.md': person,
    'content/glossary/acme.md': term('Acme'),
    'content/claims/story/cost.md': claim('cost $5 million to train'),
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** The errors and warnings of a project that fails to load. */
function issuesOf(root: string): ContentMessage[] {
  try {
    loadProject({ root });
  } catch (e) {
    if (e instanceof ContentValidationError) return e.messages.filter((m) => m.fatal !== undefined);
    throw e;
  }
  throw new Error('Expected the project to fail');
}

/** The warnings of a project that loads. */
const warningsOf = (site: Site) => site.messages.filter((m) => m.fatal === false);

/** The page's article as the page renders it. */
const htmlOf = (page: ExplainerPage) => articleHtml(page.article, page.annotations, annotationElement);

describe('loadProject', () => {
  it('resolves a valid project into pages with every annotation kind', () => {
    const p = loadProject({ root: project() });
    const [page] = p.explainers;
    expect(page!.slug).toBe('story');
    const html = htmlOf(page!);
    expect(html).toContain('<span class="ex-dateline">HONG KONG —</span>');
    expect(html).toContain('data-term="acme"');
    expect(html).toContain('data-speaker="jane-roe"');
    expect(html).toContain('data-claim="cost"');
    expect(page!.terms.map((t) => ({ id: t.entry.id, paragraphs: t.paragraphs }))).toEqual([{ id: 'acme', paragraphs: [1, 2] }]);
    expect(page!.claims.map((c) => [c.id, c.number, c.paragraph])).toEqual([['cost', 1, 3]]);
    expect(page!.speakers.map((s) => ({ id: s.speaker.id, quotes: s.quotes }))).toEqual([
      { id: 'jane-roe', quotes: [expect.objectContaining({ quoteId: 'q-2-1', text: 'It is fast,' })] },
    ]);
    expect(p.people[0]!.quotes).toHaveLength(1);
  });

  it('collects every error of every file before failing', () => {
    const issues = issuesOf(
      project({
        'content/claims/story/cost.md': claim('cost $6 million to train'),
        'content/glossary/bad.md': '---\nterm: [unclosed\n---\nText.\n',
        'content/people/jane-roe.md': person.replace('kind: person', 'kind: human'),
      }),
    );
    const files = issues.filter((i) => i.fatal).map((i) => `${i.file}:${i.line}`);
    // The unclosed list is reported at its bracket, not where the parser gave up.
    expect(files).toEqual(expect.arrayContaining(['content/claims/story/cost.md:3', 'content/glossary/bad.md:2', 'content/people/jane-roe.md:4']));
  });

  it('names the file and line of a front-matter error', () => {
    const issues = issuesOf(project({ 'content/explainers/story.mdx': explainer.replace('lang: en', 'lang: English') }));
    expect(issues[0]).toMatchObject({ file: 'content/explainers/story.mdx', line: 8, column: 7, fatal: true });
    expect(issues[0]!.reason).toMatch(/^`lang`: Expected/);
  });

  it('refuses a source that is not an http(s) URL, naming the claim file', () => {
    const issues = issuesOf(project({ 'content/claims/story/cost.md': claim('cost $5 million to train', 'javascript:alert(1)') }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'content/claims/story/cost.md', line: 9 });
    expect(issues[0]!.reason).toContain('javascript:');
  });

  it('refuses raw HTML and unsafe links in a note, at the line of the file', () => {
    const issues = issuesOf(
      project({ 'content/claims/story/cost.md': claim('cost $5 million to train') + '\n<script>x()</script>\n\n[see](javascript:alert(1))\n' }) ,
    );
    expect(issues.map((i) => [i.line, i.reason.slice(0, 40)])).toEqual([
      [13, 'Expected Markdown text, found raw HTML `'],
      [15, 'Expected an https URL, found the scheme '],
    ]);
  });

  it('reports a form claimed by two terms, naming both files', () => {
    const issues = issuesOf(project({ 'content/glossary/acme-corp.md': term('Acme Corp', ['acme']) })).filter((i) => i.fatal);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.reason).toContain('content/glossary/acme.md');
    expect(issues[0]!.reason).toContain('content/glossary/acme-corp.md');
  });

  it('warns about a term that no article uses, naming its file', () => {
    const p = loadProject({ root: project({ 'content/glossary/zebra.md': term('Zebra') }) });
    expect(warningsOf(p)).toEqual([expect.objectContaining({ fatal: false, file: 'content/glossary/zebra.md' })]);
  });

  it('warns about a quotation no speaker can be found for, with the candidates and a speakers entry to paste, and builds the page', () => {
    const root = project({ 'seeds/story.txt': `${seed}“Nobody knows,” a bystander said.\n` });
    const p = loadProject({ root });
    const [w] = warningsOf(p);
    expect(warningsOf(p)).toHaveLength(1);
    expect(w).toMatchObject({ file: 'seeds/story.txt', line: 4, column: 1, ruleId: 'quote-unattributed' });
    expect(w!.reason).toBe(
      'Paragraph 4: Expected a speaker the article names before “said” after the quotation in paragraph 4, found “a bystander”. The quotation is shown without a speaker.\nCandidates, nearest first: Acme (acme, named in ¶1, ¶2); Jane Roe (jane-roe, named in ¶2).',
    );
    expect(w!.hint).toBe('Name the speaker under `speakers` in content/explainers/story.mdx: - { paragraph: 4, quote: "Nobody knows,", speaker: acme }');
    expect(htmlOf(p.explainers[0]!)).toContain('<p id="p-4">“Nobody knows,” a bystander said.</p>');
  });

  it('makes an unattributed quotation an error in strict mode', () => {
    const issues = (() => {
      try {
        loadProject({ root: project({ 'seeds/story.txt': `${seed}“Nobody knows,” a bystander said.\n` }), strict: true });
      } catch (e) {
        if (e instanceof ContentValidationError) return e.messages.filter((m) => m.fatal !== undefined);
      }
      return [];
    })();
    expect(issues).toEqual([expect.objectContaining({ fatal: true, ruleId: 'quote-unattributed', line: 4 })]);
    expect(issues[0]!.reason).toContain('(an error in strict mode)');
  });

  it('lets an editor settle a quotation’s speaker in the explainer', () => {
    const root = project({
      'seeds/story.txt': `${seed}“Nobody knows,” a bystander said.\n`,
      'content/explainers/story.mdx': explainer.replace('lang: en', 'lang: en\nspeakers:\n  - { paragraph: 4, quote: "Nobody knows", speaker: jane-roe }'),
    });
    const p = loadProject({ root });
    expect(p.explainers[0]!.speakers[0]!.quotes.map((q) => q.rule)).toEqual(expect.arrayContaining(['override']));
  });

  it('reports a missing seed at the `seed` line of the explainer', () => {
    const issues = issuesOf(project({ 'content/explainers/story.mdx': explainer.replace('story.txt', 'missing.txt') }));
    expect(issues[0]).toMatchObject({ file: 'content/explainers/story.mdx', line: 4 });
  });

  it('reports an empty seed naming the file', () => {
    const issues = issuesOf(project({ 'seeds/story.txt': '  \n\n' }));
    expect(issues[0]).toMatchObject({ file: 'seeds/story.txt' });
    expect(issues[0]!.reason).toContain('empty or whitespace-only');
  });

  it('warns about lines that look like HTML and renders them as text', () => {
    const p = loadProject({ root: project({ 'seeds/story.txt': `${seed}A <script>alert(1)</script> line.\n` }) });
    expect(warningsOf(p)).toEqual([expect.objectContaining({ file: 'seeds/story.txt', line: 4 })]);
    expect(htmlOf(p.explainers[0]!)).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    expect(htmlOf(p.explainers[0]!)).not.toContain('<script');
  });

  it('leaves out the shared terms an explainer excludes, and warns about an excluded id with no file', () => {
    const root = project({ 'content/explainers/story.mdx': explainer.replace('lang: en', 'lang: en\nexcludeTerms: [acme, acne]') });
    const p = loadProject({ root });
    expect(p.explainers[0]!.terms).toEqual([]);
    expect(htmlOf(p.explainers[0]!)).not.toContain('data-term');
    expect(warningsOf(p).map((m) => [m.ruleId, m.file, m.line, m.column])).toEqual([
      ['term-exclude-missing', 'content/explainers/story.mdx', 9, 22],
      ['term-unused', 'content/glossary/acme.md', undefined, undefined],
    ]);
  });

  it('reports claims for an explainer that does not exist', () => {
    const issues = issuesOf(project({ 'content/claims/other/x.md': claim('cost $5 million to train') }));
    expect(issues[0]).toMatchObject({ file: 'content/claims/other' });
  });
});

describe('speakers with and without a people file', () => {
  const release = [
    'DENVER — The agency opened an office in Denver.',
    '“We are glad to be here,” said BLM Director Tracy Stone-Manning.',
    '“It will serve the whole region,” said field manager Jane Doe.',
    '',
  ].join('\n');
  const bare = (files: Record<string, string> = {}) =>
    project({ 'seeds/story.txt': release, 'content/people/jane-roe.md': person, 'content/claims/story/cost.md': claim('opened an office in Denver'), ...files });
  const cards = (site: Site) => site.explainers[0]!.speakers.map(({ speaker: s }) => [s.id, s.name, s.role, s.affiliation, s.asOf ?? s.describedIn, s.file]);
  const tsm = (front: string, body = '') => `---\nname: Tracy Stone-Manning\nkind: person\n${front}---\n${body}`;

  it('gives a speaker no file holds a card with the role the article gives, and a page of their own', () => {
    const site = loadProject({ root: bare() });
    expect(cards(site)).toEqual([
      ['tracy-stone-manning', 'Tracy Stone-Manning', 'Director', 'BLM', 'the article', undefined],
      ['jane-doe', 'Jane Doe', 'field manager', undefined, 'the article', undefined],
    ]);
    expect(htmlOf(site.explainers[0]!)).toContain('said BLM Director <a class="ex-speaker-link" href="#speaker-tracy-stone-manning" data-speaker-link="tracy-stone-manning">Tracy Stone-Manning</a>.');
    const page = site.people.find((p) => p.id === 'jane-doe');
    expect(page).toMatchObject({ name: 'Jane Doe', role: 'field manager', describedIn: '“A test explainer”', bioHtml: '' });
    expect(page!.quotes.map((q) => q.quoteId)).toEqual(['q-3-1']);
  });

  it('lets a people file with no bio enrich the card, and shows its role when it is as of the article’s month', () => {
    const site = loadProject({ root: bare({ 'content/people/tracy-stone-manning.md': tsm('role: Director\naffiliation: Bureau of Land Management\nasOf: 2025-01\n') }) });
    expect(cards(site)[0]).toEqual(['tracy-stone-manning', 'Tracy Stone-Manning', 'Director', 'Bureau of Land Management', '2025-01', 'content/people/tracy-stone-manning.md']);
    expect(site.messages.filter((m) => m.file.startsWith('content/people/'))).toEqual([]);
  });

  it('shows the article’s description over a file’s role as of another month, and says so in the log', () => {
    const site = loadProject({ root: bare({ 'content/people/tracy-stone-manning.md': tsm('role: Director\naffiliation: Bureau of Land Management\nasOf: 2021-09\n') }) });
    expect(cards(site)[0]).toEqual(['tracy-stone-manning', 'Tracy Stone-Manning', 'Director', 'BLM', 'the article', 'content/people/tracy-stone-manning.md']);
    const logged = site.messages.filter((m) => m.ruleId === 'person-role-undated');
    expect(logged.map((m) => [m.file, m.fatal])).toEqual([['content/people/tracy-stone-manning.md', undefined]]);
    expect(logged[0]!.reason).toContain('as of 2021-09');
  });

  it('chooses the role held on the article’s date from a dated history', () => {
    const roles = 'roles:\n  - { role: Director, affiliation: Bureau of Land Management, from: 2021-10, to: 2025-01 }\n  - { role: President, affiliation: The Wilderness Society, from: 2025-03 }\n';
    const site = loadProject({ root: bare({ 'content/people/tracy-stone-manning.md': tsm(roles, 'She led the BLM from 2021 to 2025.\n') }) });
    expect(cards(site)[0]).toEqual(['tracy-stone-manning', 'Tracy Stone-Manning', 'Director', 'Bureau of Land Management', '2025-01-28', 'content/people/tracy-stone-manning.md']);
    expect(site.people.find((p) => p.id === 'tracy-stone-manning')).toMatchObject({ role: 'President', affiliation: 'The Wilderness Society', asOf: '2025-03' });
  });

  it('refuses a role without the date it was held, and a role that ends before it starts', () => {
    const issues = issuesOf(
      bare({
        'content/people/tracy-stone-manning.md': tsm('role: Director\n'),
        'content/people/jane-doe.md': '---\nname: Jane Doe\nkind: person\nroles:\n  - { role: Manager, from: 2024-05, to: 2023-01 }\n---\n',
      }),
    );
    expect(issues.map((i) => [i.file, i.ruleId, i.reason])).toEqual([
      ['content/people/jane-doe.md', 'schema', expect.stringContaining('`roles.0.to`: Expected `to` on or after `from` (2024-05), found 2023-01')],
      ['content/people/tracy-stone-manning.md', 'schema', expect.stringContaining('`asOf`: Expected `asOf` (YYYY-MM or YYYY-MM-DD')],
    ]);
  });

  it('links the name of a speaker an editor chose, next to the quotation', () => {
    const root = bare({
      'seeds/story.txt': 'DENVER — Jane Doe, a field manager, opened the office.\nShe smiled. “It is a good day,” a colleague said.\n',
      'content/explainers/story.mdx': explainer.replace('lang: en', 'lang: en\nspeakers:\n  - { paragraph: 2, quote: "It is a good day", speaker: jane-doe }'),
      'content/claims/story/cost.md': claim('opened the office'),
    });
    const site = loadProject({ root });
    expect(cards(site)).toEqual([['jane-doe', 'Jane Doe', 'field manager', undefined, 'the article', undefined]]);
    expect(site.explainers[0]!.speakers[0]!.quotes.map((q) => q.rule)).toEqual(['override']);
  });

  it('refuses an override naming neither a people file nor a speaker the article names, at the override', () => {
    const root = bare({ 'content/explainers/story.mdx': explainer.replace('lang: en', 'lang: en\nspeakers:\n  - { paragraph: 2, quote: "We are glad", speaker: john-doe }') });
    const issues = issuesOf(root);
    expect(issues).toEqual([expect.objectContaining({ ruleId: 'speaker-missing', file: 'content/explainers/story.mdx', line: 10 })]);
    expect(issues[0]!.hint).toContain('tracy-stone-manning, jane-doe');
  });
});

describe('content files behind links', () => {
  it('reads a claim, a glossary entry and a claims folder that are links inside the project', () => {
    const root = project();
    mkdirSync(join(root, 'content/shared/claims'), { recursive: true });
    renameSync(join(root, 'content/claims/story/cost.md'), join(root, 'content/shared/cost.md'));
    symlinkSync(join(root, 'content/shared/cost.md'), join(root, 'content/claims/story/cost.md'));
    renameSync(join(root, 'content/glossary/acme.md'), join(root, 'content/shared/acme.md'));
    symlinkSync('../shared/acme.md', join(root, 'content/glossary/acme.md'));
    const page = loadProject({ root }).explainers[0]!;
    expect(page.claims.map((c) => c.id)).toEqual(['cost']);
    expect(page.terms.map((t) => t.entry.id)).toEqual(['acme']);

    renameSync(join(root, 'content/claims/story'), join(root, 'content/shared/claims/story'));
    symlinkSync(join(root, 'content/shared/claims/story'), join(root, 'content/claims/story'));
    expect(loadProject({ root }).explainers[0]!.claims.map((c) => c.id)).toEqual(['cost']);
  });

  it('refuses a claim, a glossary entry and a claims folder that link out of the project, naming each', () => {
    const root = project();
    const outside = tempDir('outside-');
    writeFileSync(join(outside, 'other.md'), claim('cost $5 million to train'));
    symlinkSync(join(outside, 'other.md'), join(root, 'content/claims/story/other.md'));
    writeFileSync(join(outside, 'acme.md'), term('Acme'));
    rmSync(join(root, 'content/glossary/acme.md'));
    symlinkSync(join(outside, 'acme.md'), join(root, 'content/glossary/acme.md'));
    mkdirSync(join(outside, 'folder'));
    writeFileSync(join(outside, 'folder/x.md'), claim('cost $5 million to train'));
    symlinkSync(join(outside, 'folder'), join(root, 'content/claims/orphan'));
    const outsideErrors = issuesOf(root).filter((m) => m.ruleId === 'file-outside').map((m) => m.file).sort();
    expect(outsideErrors).toEqual(['content/claims/orphan', 'content/claims/story/other.md', 'content/glossary/acme.md']);
  });
});

describe('initialsOf', () => {
  it.each([
    ['Liang Wenfeng', 'LW'],
    ['Kai-Fu Lee', 'KL'],
    ['DeepSeek', 'DS'],
    ['Nvidia', 'N'],
  ])('gives %s the avatar initials %s', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
});
