import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  type ClaimSources,
  checkSources,
  classifySource,
  formatSourceReport,
  normalizeHost,
  parseSourcePolicy,
  type SourceCheckInput,
  type SourceLike,
  sourceReport,
} from '../../src/lib/sources/source-policy.ts';
import { claimSchema } from '../../src/schemas/claim.ts';
import { explainerSchema } from '../../src/schemas/explainer.ts';
import { glossaryTermSchema } from '../../src/schemas/glossary-term.ts';
import { personSchema } from '../../src/schemas/person.ts';
import type { SourcePolicy } from '../../src/schemas/source-policy.ts';
import { contentFiles, readContentFile, root } from '../support/content-files.ts';

/** The project's own policy file. */
function projectPolicy(): SourcePolicy {
  const result = parseSourcePolicy(readFileSync(join(root, 'content/source-policy.yaml'), 'utf8'));
  if (!result.policy) throw new Error(result.messages.map((m) => m.message).join('\n'));
  return result.policy;
}

/** A small policy for the table of cases, independent of the project's list. */
const policy = parseSourcePolicy(`
lateSourceDays: 90
mirror:
  - name: WikiMili
    hosts: [wikimili.com]
    reason: it republishes Wikipedia articles.
    citeInstead: the Wikipedia article itself
scraper:
  - name: prchief.com
    hosts: [prchief.com]
    reason: it reposts other outlets' stories.
    citeInstead: the CNBC original
wiki:
  - name: Wikipedia
    hosts: [wikipedia.org]
    reason: an open encyclopedia.
major-outlet:
  - name: CNBC
    hosts: [cnbc.com]
    reason: US business news network.
primary:
  - name: DeepSeek on GitHub
    hosts: [github.com/deepseek-ai]
    reason: DeepSeek's own repositories.
`).policy!;

const cnbc: SourceLike = { title: 'Nvidia sheds almost $600 billion', publisher: 'CNBC', url: 'https://www.cnbc.com/2025/01/27/nvidia.html', published: '2025-01-27' };
const claim = (sources: SourceLike[], extra: Partial<ClaimSources> = {}): ClaimSources => ({
  file: 'content/claims/story/claim.md',
  status: 'verified',
  checked: '2025-02-10',
  sources,
  ...extra,
});
const input = (claims: ClaimSources[]): SourceCheckInput => ({ articlePublished: '2025-01-28', buildDate: '2026-01-01', claims });

describe('normalizeHost', () => {
  it.each([
    ['https://www.Reuters.com/path', 'reuters.com'],
    ['https://perkinscoie.com./insights/article', 'perkinscoie.com'],
    ['https://EN.M.WIKIPEDIA.ORG/wiki/X', 'en.m.wikipedia.org'],
    ['http://en.people.cn/n3/2025/0121/c.html', 'en.people.cn'],
    ['wikimili.com.', 'wikimili.com'],
  ])('%s → %s', (url, host) => {
    expect(normalizeHost(url)).toBe(host);
  });
});

describe('classifySource', () => {
  it.each([
    ['https://wikimili.com/en/High-Flyer', 'mirror'],
    ['https://WikiMili.com./en/High-Flyer', 'mirror'],
    ['https://prchief.com/?p=81728', 'repost'],
    ['https://en.m.wikipedia.org/wiki/Sina_Weibo', 'wiki'],
    ['https://www.cnbc.com/2025/01/27/x.html', 'major-outlet'],
    ['https://github.com/deepseek-ai/DeepSeek-R1', 'primary'],
    ['https://github.com/DeepSeek-AI', 'primary'],
    ['https://github.com/deepseek-ai-fan/x', 'other'],
    ['https://github.com/someone/DeepSeek-R1', 'other'],
    ['https://example.org/', 'other'],
  ] as const)('%s is %s', (url, kind) => {
    expect(classifySource({ url }, policy)).toBe(kind);
  });

  it('treats a source with no address of its own, only the copy it was read through, as a repost', () => {
    expect(classifySource({ url: undefined }, policy)).toBe('repost');
  });
});

describe('checkSources: the bad-input table', () => {
  const cases: { name: string; claims: ClaimSources[]; expected: { severity: string; ruleId: string; message: RegExp }[] }[] = [
    {
      name: 'a mirror host is a warning naming what to cite instead',
      claims: [claim([cnbc, { title: 'High-Flyer', publisher: 'WikiMili', url: 'https://wikimili.com/en/High-Flyer' }])],
      expected: [{ severity: 'warning', ruleId: 'source-listed-host', message: /found wikimili\.com, listed as a mirror \(WikiMili\)/ }],
    },
    {
      name: 'a trailing-dot host is normalized before matching, and its spelling reported',
      claims: [claim([cnbc, { title: 'High-Flyer', publisher: 'WikiMili', url: 'https://wikimili.com./en/High-Flyer' }])],
      expected: [
        { severity: 'warning', ruleId: 'source-listed-host', message: /found wikimili\.com,/ },
        { severity: 'warning', ruleId: 'source-host-spelling', message: /found “wikimili\.com\.”/ },
      ],
    },
    {
      name: 'a verified claim resting only on a repost and a wiki page is an error',
      claims: [
        claim([
          { title: 'Nvidia sheds almost $600 billion', publisher: 'CNBC', url: 'https://prchief.com/?p=81728' },
          { title: 'Nvidia', publisher: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/Nvidia' },
        ]),
      ],
      expected: [
        { severity: 'warning', ruleId: 'source-listed-host', message: /prchief\.com/ },
        { severity: 'error', ruleId: 'source-verified-needs-primary', message: /found only: repost, wiki\.$/ },
      ],
    },
    {
      name: 'a source known only through the copy it was read on counts as a repost',
      claims: [claim([{ title: 'Chinese Cheer DeepSeek', publisher: 'Bloomberg', via: [{ publisher: 'Tiger Brokers', url: 'https://itiger.com/news/1' }] }])],
      expected: [{ severity: 'error', ruleId: 'source-verified-needs-primary', message: /found only: repost/ }],
    },
    {
      name: 'a verified claim on hosts the policy does not know is a warning, not an error',
      claims: [claim([{ title: 'Report', publisher: 'Tech site', url: 'https://techsite.example/a' }])],
      expected: [{ severity: 'warning', ruleId: 'source-verified-unclassified', message: /techsite\.example/ }],
    },
    {
      name: 'a source dated after the build is an error',
      claims: [claim([{ ...cnbc, published: '2026-07-01' }])],
      expected: [{ severity: 'error', ruleId: 'source-in-future', message: /on or before the build date \(2026-01-01\), found 2026-07-01/ }],
    },
    {
      name: 'a source dated after the claim was checked is a warning',
      claims: [claim([{ ...cnbc, published: '2025-02-20' }])],
      expected: [{ severity: 'warning', ruleId: 'source-after-checked', message: /checked \(2025-02-10\), found 2025-02-20/ }],
    },
    {
      name: 'a source long after the article is a warning',
      claims: [claim([cnbc, { title: 'Later paper', publisher: 'CNBC', url: 'https://cnbc.com/later', published: '2025-09-17' }], { checked: '2025-10-01' })],
      expected: [{ severity: 'warning', ruleId: 'source-long-after-article', message: /published 2025-09-17, 232 days later/ }],
    },
    {
      name: 'the same source twice in one claim is a duplicate',
      claims: [claim([cnbc, { ...cnbc, url: 'https://cnbc.com/2025/01/27/nvidia.html/' }])],
      expected: [{ severity: 'warning', ruleId: 'source-duplicate', message: /once in a file, found .* as sources 1 and 2/ }],
    },
    {
      name: 'a source recorded differently in two claims is reported once',
      claims: [claim([cnbc], { file: 'a.md' }), claim([{ ...cnbc, published: '2025-01-28' }], { file: 'b.md' }), claim([{ ...cnbc, published: '2025-01-29' }], { file: 'c.md' })],
      expected: [{ severity: 'warning', ruleId: 'source-duplicate', message: /recorded differently in a\.md and b\.md/ }],
    },
    {
      name: 'a clean claim has no message',
      claims: [claim([cnbc, { title: 'DeepSeek-R1', publisher: 'DeepSeek-AI', url: 'https://github.com/deepseek-ai/DeepSeek-R1' }])],
      expected: [],
    },
  ];

  it.each(cases)('$name', ({ claims, expected }) => {
    const messages = checkSources(input(claims), policy);
    expect(messages.map((m) => ({ severity: m.severity, ruleId: m.ruleId, message: m.message }))).toEqual(
      expected.map((e) => ({ severity: e.severity, ruleId: e.ruleId, message: expect.stringMatching(e.message) })),
    );
    for (const m of messages) {
      expect(m.message).toMatch(/^Expected /);
      expect(m.hint).toBeTruthy();
    }
  });

  it('reports a listed host cited by several claims once, naming the other files', () => {
    const mirror = { title: 'High-Flyer', publisher: 'WikiMili', url: 'https://wikimili.com/en/High-Flyer' };
    const messages = checkSources(input([claim([cnbc, mirror], { file: 'a.md' }), claim([cnbc, mirror], { file: 'b.md' })]), policy);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ file: 'a.md', ruleId: 'source-listed-host' });
    expect(messages[0]!.message).toMatch(/also cited in b\.md\.$/);
  });

  it('places messages at the field they concern', () => {
    const positions: Record<string, { line: number; column: number }> = { 'sources.1.url': { line: 12, column: 10 }, status: { line: 4, column: 9 } };
    const positionOf = (path: (string | number)[]) => positions[path.join('.')];
    const mirrorOnly = claim([{ title: 'A', publisher: 'B', url: 'https://other.example' }, { title: 'High-Flyer', publisher: 'WikiMili', url: 'https://wikimili.com/x' }], {
      positionOf,
      status: 'qualified',
    });
    expect(checkSources(input([mirrorOnly]), policy)[0]).toMatchObject({ line: 12, column: 10, ruleId: 'source-listed-host' });
    const weak = claim([{ title: 'High-Flyer', publisher: 'WikiMili', url: 'https://wikimili.com/x' }], { positionOf });
    expect(checkSources(input([weak]), policy).find((m) => m.ruleId === 'source-verified-needs-primary')).toMatchObject({ line: 4, column: 9 });
  });

  it('checks glossary and people sources for listed hosts and future dates only', () => {
    const messages = checkSources(
      {
        ...input([]),
        others: [{ file: 'content/people/x.md', sources: [{ title: 'X', publisher: 'WikiMili', url: 'https://wikimili.com/x', published: '2030-01-01' }] }],
      },
      policy,
    );
    expect(messages.map((m) => m.ruleId).sort()).toEqual(['source-in-future', 'source-listed-host']);
  });
});

describe('parseSourcePolicy', () => {
  it('refuses a host listed under two kinds', () => {
    const result = parseSourcePolicy('mirror:\n  - {name: A, hosts: [a.com], reason: r}\nmajor-outlet:\n  - {name: A, hosts: [a.com], reason: r}\n');
    expect(result.policy).toBeUndefined();
    expect(result.messages[0]!.message).toMatch(/found “a\.com” under both `mirror` and `major-outlet`/);
  });

  it('refuses a host written with a scheme or www.', () => {
    const result = parseSourcePolicy('mirror:\n  - {name: A, hosts: ["https://www.a.com"], reason: r}\n');
    expect(result.messages[0]!.message).toMatch(/^`mirror\.0\.hosts\.0`: Expected a lower-case host name/);
  });

  it('accepts the project policy file', () => {
    expect(projectPolicy().lateSourceDays).toBe(90);
  });
});

describe('sourceReport', () => {
  it('counts each distinct source once, by kind, and says so in one paragraph', () => {
    const report = sourceReport(
      input([
        claim([cnbc, { title: 'Nvidia', publisher: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/Nvidia' }], { file: 'a.md' }),
        claim([cnbc, { title: 'R', publisher: 'CNBC', via: [{ publisher: 'prchief.com', url: 'https://prchief.com/?p=1' }] }], { file: 'b.md' }),
      ]),
      policy,
    );
    expect(report).toMatchObject({ citations: 4, distinct: 3, readVia: 1, byKind: { 'major-outlet': 1, wiki: 1, repost: 1, primary: 0 } });
    expect(formatSourceReport(report)).toBe('Sources: 4 citations of 3 distinct sources (1 major outlet, 1 wiki, 1 repost); 1 read through a copy; no source warnings.');
  });
});

describe('the DeepSeek explainer against the project policy', () => {
  /**
   * Warnings the notes themselves explain, by file and rule. Nothing else may
   * appear: every other source is on the original publisher's site, dated
   * before the claim was checked, and every verified claim has a primary source
   * or a major outlet.
   */
  const explained = [
    {
      file: 'content/claims/deepseek-r1/training-cost-under-6-million.md',
      ruleId: 'source-long-after-article',
      reason: 'Nature reported R1’s own training cost in September 2025; the note says it was not known when the article appeared.',
    },
  ];

  it('has no errors and no warnings other than the ones its notes explain', () => {
    const policy = projectPolicy();
    const explainer = readContentFile('content/explainers/deepseek-r1.mdx', explainerSchema);
    const claims = contentFiles('content/claims/deepseek-r1').map((file) => {
      const { data, positionOf } = readContentFile(file, claimSchema);
      return { file, status: data.status, checked: data.checked, sources: data.sources, positionOf };
    });
    const others = [
      ...contentFiles('content/glossary').map((file) => {
        const { data, positionOf } = readContentFile(file, glossaryTermSchema);
        return { file, sources: data.source ? [data.source] : [], positionOf: (path: (string | number)[]) => positionOf(['source', ...path.slice(2)]) };
      }),
      ...contentFiles('content/people').map((file) => {
        const { data, positionOf } = readContentFile(file, personSchema);
        return { file, sources: data.links, positionOf: (path: (string | number)[]) => positionOf(['links', ...path.slice(1)]) };
      }),
    ];
    const today = new Date().toISOString().slice(0, 10);
    const messages = checkSources({ articlePublished: explainer.data.source.published, buildDate: today, claims, others }, policy);
    expect(messages.map(({ file, ruleId }) => ({ file, ruleId }))).toEqual(explained.map(({ file, ruleId }) => ({ file, ruleId })));

    const report = sourceReport({ articlePublished: explainer.data.source.published, buildDate: today, claims }, policy);
    expect(report.byKind.mirror + report.byKind.aggregator + report.byKind['ai-summary']).toBe(0);
    expect(formatSourceReport(report, messages)).toMatch(/^Sources: \d+ citations of \d+ distinct sources \(.*primary.*\); \d+ read through a copy; 0 errors and 1 warning \(source-long-after-article\)\.$/);
  });

  it('writes no "(title not shown)" research note into a source', () => {
    const files = [...contentFiles('content/claims/deepseek-r1'), ...contentFiles('content/glossary'), ...contentFiles('content/people')];
    for (const file of files) {
      const front = parseYaml(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(root, file), 'utf8'))![1]!);
      expect(JSON.stringify(front), file).not.toMatch(/title not shown/i);
    }
  });
});
