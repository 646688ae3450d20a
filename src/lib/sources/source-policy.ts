/**
 * The source policy: which publishers a note may lean on, and how far.
 *
 * Pure functions over data the caller has already read: the policy (parsed
 * from `content/source-policy.yaml` with `parseSourcePolicy`), every claim's
 * status, checked date and sources, and the article's and the build's dates.
 * Nothing here reads a file or imports Astro.
 *
 * Kinds a source is classified as (`classifySource`):
 * - `primary`: the issuer's own document (a government, a filing, a company's
 *   own page, the authors' own paper), on a host the policy lists as primary;
 * - `major-outlet`: a mainstream news organisation on its own domain;
 * - `wiki`: Wikipedia and other open wikis;
 * - `mirror`: a copy of Wikipedia or another encyclopedia;
 * - `repost`: a copy of another outlet's story, either on a host listed as a
 *   scraper or a source that has no `url` of its own, only the `via` it was
 *   read through;
 * - `aggregator`: a site that collects or rewrites other outlets' reports;
 * - `ai-summary`: a page written by an AI system about another document;
 * - `other`: a host the policy does not list.
 * A `via` does not change the kind: a CNBC story whose `url` is on cnbc.com
 * is a major outlet even when it was read through a copy.
 */
import { parse as parseYaml } from 'yaml';
import type { ClaimStatus } from '../../schemas/claim.ts';
import type { Source } from '../../schemas/common.ts';
import { unclosedBracket } from '../content/front-matter.ts';
import { lineStarts, locate } from '../text/positions.ts';
import { listedKinds, type PolicyEntry, type PolicyKind, policyKinds, type SourcePolicy, sourcePolicySchema } from '../../schemas/source-policy.ts';

export const sourceKinds = ['primary', 'major-outlet', 'wiki', 'mirror', 'repost', 'aggregator', 'ai-summary', 'other'] as const;
export type SourceKind = (typeof sourceKinds)[number];

/** How each kind is named in messages and the build log. */
export const sourceKindLabels: Record<SourceKind, string> = {
  primary: 'primary',
  'major-outlet': 'major outlet',
  wiki: 'wiki',
  mirror: 'mirror',
  repost: 'repost',
  aggregator: 'aggregator',
  'ai-summary': 'AI summary',
  other: 'other',
};

const kindOfPolicyKind: Record<PolicyKind, SourceKind> = {
  mirror: 'mirror',
  scraper: 'repost',
  aggregator: 'aggregator',
  'ai-summary': 'ai-summary',
  wiki: 'wiki',
  'major-outlet': 'major-outlet',
  primary: 'primary',
};

/** Kinds that can never carry a `verified` rating on their own. */
const weakKinds: ReadonlySet<SourceKind> = new Set(['wiki', 'mirror', 'repost', 'aggregator', 'ai-summary']);

export const sourceRuleIds = [
  'source-listed-host',
  'source-host-spelling',
  'source-verified-needs-primary',
  'source-verified-unclassified',
  'source-in-future',
  'source-after-checked',
  'source-long-after-article',
  'source-duplicate',
  'source-policy-invalid',
] as const;
export type SourceRuleId = (typeof sourceRuleIds)[number];

/** One problem, shaped like the content layer's `ContentIssue` plus a rule id. */
export interface SourceMessage {
  severity: 'error' | 'warning';
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line, when known. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
  /** "Expected …, found …". */
  message: string;
  /** What to do about it. */
  hint?: string;
  ruleId: SourceRuleId;
}

/** The fields of a source the policy reads. */
export type SourceLike = Pick<Source, 'publisher' | 'title' | 'description' | 'url' | 'published' | 'via'>;

/** Line and column of a front-matter path such as `['sources', 2, 'url']`. */
export type PositionOf = (path: (string | number)[]) => { line: number; column: number } | undefined;

/** A file that cites sources: a glossary term or a person. */
export interface SourcedFile {
  file: string;
  sources: SourceLike[];
  /** Where a field is, for messages (e.g. a front-matter file's `positionOf`). */
  positionOf?: PositionOf;
}

/** A claim's note and what it rests on. */
export interface ClaimSources extends SourcedFile {
  status: ClaimStatus;
  /** When the claim was checked, YYYY-MM-DD. */
  checked: string;
}

export interface SourceCheckInput {
  /** The article's publication date, YYYY-MM-DD. */
  articlePublished: string;
  /** Today's date for this build, YYYY-MM-DD. */
  buildDate: string;
  /** Every claim of the explainer. */
  claims: ClaimSources[];
  /** Glossary terms and people: checked for listed hosts, host spelling and dates in the future only. */
  others?: SourcedFile[];
}

export interface PolicyMatch {
  kind: PolicyKind;
  entry: PolicyEntry;
  /** The host pattern that matched. */
  pattern: string;
}

/**
 * The host of a URL as the policy compares it: lower-case, without trailing
 * dots and without a leading `www.` (which names the same site). A bare host
 * is accepted too. `undefined` when there is no host.
 */
export function normalizeHost(url: string): string | undefined {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    host = url.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split(/[/?#:]/)[0] ?? '';
  }
  host = host.toLowerCase().replace(/\.+$/, '');
  if (host.startsWith('www.')) host = host.slice(4);
  return host || undefined;
}

/** A URL as compared for duplicates: normalized host, no fragment, no trailing slash. */
export function normalizeUrl(url: string): string {
  try {
    const u = new URL(url);
    const path = u.pathname.replace(/\/+$/, '');
    return `${normalizeHost(url)}${path}${u.search}`;
  } catch {
    return url.trim();
  }
}

/** Matches already found, per policy: the same sources recur across claims and explainers. */
const matchCache = new WeakMap<SourcePolicy, Map<string, PolicyMatch | undefined>>();

/** The most specific policy entry whose host pattern covers `url`. */
export function findPolicyEntry(url: string, policy: SourcePolicy): PolicyMatch | undefined {
  let cache = matchCache.get(policy);
  if (!cache) matchCache.set(policy, (cache = new Map()));
  if (cache.has(url)) return cache.get(url);
  const match = matchPolicy(url, policy);
  cache.set(url, match);
  return match;
}

function matchPolicy(url: string, policy: SourcePolicy): PolicyMatch | undefined {
  const host = normalizeHost(url);
  if (!host) return undefined;
  let path = '';
  try {
    path = new URL(url).pathname.toLowerCase();
  } catch {
    // A bare host: only host patterns can match.
  }
  let best: PolicyMatch | undefined;
  for (const kind of policyKinds) {
    for (const entry of policy[kind]) {
      for (const pattern of entry.hosts) {
        if (!patternCovers(pattern, host, path)) continue;
        if (!best || pattern.length > best.pattern.length) best = { kind, entry, pattern };
      }
    }
  }
  return best;
}

/** Whether a policy host pattern ("wikipedia.org", "github.com/deepseek-ai") covers a host and path. */
function patternCovers(pattern: string, host: string, path: string): boolean {
  const slash = pattern.indexOf('/');
  const patternHost = slash === -1 ? pattern : pattern.slice(0, slash);
  if (host !== patternHost && !host.endsWith(`.${patternHost}`)) return false;
  if (slash === -1) return true;
  const prefix = pattern.slice(slash).toLowerCase();
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** What kind of source this is (see the module comment). */
export function classifySource(source: Pick<SourceLike, 'url'>, policy: SourcePolicy): SourceKind {
  if (!source.url) return 'repost';
  const match = findPolicyEntry(source.url, policy);
  return match ? kindOfPolicyKind[match.kind] : 'other';
}

/** Parses and validates the policy file's text. */
export function parseSourcePolicy(text: string, file = 'content/source-policy.yaml'): { policy: SourcePolicy; messages: [] } | { policy?: undefined; messages: SourceMessage[] } {
  const invalid = (message: string, hint: string, place: { line?: number; column?: number } = {}): { messages: SourceMessage[] } => ({
    messages: [{ severity: 'error', file, ...place, message, hint, ruleId: 'source-policy-invalid' }],
  });
  let raw: unknown;
  try {
    raw = parseYaml(text, { prettyErrors: false, maxAliasCount: 100 }) ?? {};
  } catch (e) {
    const pos = (e as { pos?: [number, number] }).pos?.[0];
    const place = pos === undefined ? {} : locate(lineStarts(text), unclosedBracket(text, pos) ?? pos);
    return invalid(`Expected valid YAML, found a syntax error: ${(e as Error).message.split('\n')[0]}`, 'Indent list items with spaces and quote values that contain `: `.', place);
  }
  const parsed = sourcePolicySchema.safeParse(raw);
  if (!parsed.success) {
    return {
      messages: parsed.error.issues.map((issue) => ({
        severity: 'error' as const,
        file,
        message: `\`${issue.path.join('.') || 'the policy'}\`: ${issue.message}`,
        hint: 'Every field is documented in src/schemas/source-policy.ts.',
        ruleId: 'source-policy-invalid' as const,
      })),
    };
  }
  const seen = new Map<string, PolicyKind>();
  const messages: SourceMessage[] = [];
  for (const kind of policyKinds) {
    for (const entry of parsed.data[kind]) {
      for (const pattern of entry.hosts) {
        const before = seen.get(pattern);
        if (before) {
          messages.push({
            severity: 'error',
            file,
            message: `Expected each host under one kind, found “${pattern}” under both \`${before}\` and \`${kind}\`.`,
            hint: 'Keep the host under the kind that describes the site; use a path ("github.com/deepseek-ai") to single out one account.',
            ruleId: 'source-policy-invalid',
          });
        } else {
          seen.set(pattern, kind);
        }
      }
    }
  }
  return messages.length > 0 ? { messages } : { policy: parsed.data, messages: [] };
}

/** A key that is the same wherever the same source is cited. */
function sourceKey(source: SourceLike): string {
  if (source.url) return normalizeUrl(source.url);
  return `via:${source.via?.map((v) => normalizeUrl(v.url)).join(' ') ?? ''}|${source.publisher}|${source.title ?? source.description ?? ''}`;
}

/** The address a reader would follow, for messages. */
function addressOf(source: SourceLike): string {
  return source.url ?? (source.via?.[0] ? `${source.via[0].url} (via)` : source.publisher);
}

/** The fields that must agree wherever one source is cited. */
function recordOf(source: SourceLike): string {
  return JSON.stringify([source.publisher, source.title ?? null, source.description ?? null, source.published ?? null, source.via?.map((v) => v.url) ?? null]);
}

const dayMs = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);

interface Citation {
  file: string;
  index: number;
  source: SourceLike;
  positionOf?: PositionOf;
  claim?: ClaimSources;
}

/**
 * Checks every source of an explainer against the policy. Messages about a
 * source itself (its host, its date) are reported once, at its first
 * citation, naming the other files that cite it.
 */
export function checkSources(input: SourceCheckInput, policy: SourcePolicy): SourceMessage[] {
  const citations: Citation[] = [];
  for (const claim of input.claims) {
    claim.sources.forEach((source, index) => citations.push({ file: claim.file, index, source, positionOf: claim.positionOf, claim }));
  }
  for (const other of input.others ?? []) {
    other.sources.forEach((source, index) => citations.push({ file: other.file, index, source, positionOf: other.positionOf }));
  }
  const byKey = new Map<string, Citation[]>();
  for (const c of citations) {
    const key = sourceKey(c.source);
    byKey.set(key, [...(byKey.get(key) ?? []), c]);
  }

  const messages: SourceMessage[] = [];
  const reported = new Set<string>();
  const at = (c: Citation, field?: string) => c.positionOf?.(field ? ['sources', c.index, field] : ['sources', c.index]) ?? c.positionOf?.(['sources', c.index]);
  /** Reports a message about the source itself once, at its first citation. */
  const once = (c: Citation, ruleId: SourceRuleId, field: string | undefined, m: Omit<SourceMessage, 'file' | 'ruleId'>) => {
    const key = `${ruleId}|${sourceKey(c.source)}`;
    if (reported.has(key)) return;
    reported.add(key);
    const elsewhere = [...new Set((byKey.get(sourceKey(c.source)) ?? []).map((o) => o.file).filter((f) => f !== c.file))];
    const also = elsewhere.length > 0 ? ` It is also cited in ${elsewhere.join(', ')}.` : '';
    messages.push({ ...m, message: m.message + also, file: c.file, ...at(c, field), ruleId });
  };

  const lateAfter = policy.lateSourceDays;
  for (const c of citations) {
    const { source } = c;
    if (source.url) {
      const match = findPolicyEntry(source.url, policy);
      if (match && (listedKinds as readonly PolicyKind[]).includes(match.kind)) {
        const host = normalizeHost(source.url)!;
        once(c, 'source-listed-host', 'url', {
          severity: 'warning',
          message: `Expected a source on the original publisher's own site, found ${host}, listed as a ${match.kind} (${match.entry.name}): ${match.entry.reason}`,
          hint: `Cite ${match.entry.citeInstead ?? 'the original'} with its publisher, title and date; if a copy on ${host} is all you could read, give the original's address in \`url\` (or leave it out when unknown) and name the copy under \`via\`.`,
        });
      }
    }
    const addresses: [string, string | undefined][] = [['url', source.url], ...(source.via ?? []).map((v): [string, string] => ['via', v.url])];
    for (const [field, url] of addresses) {
      const fixed = url && plainHostUrl(url);
      if (url && fixed && fixed !== url) {
        once(c, 'source-host-spelling', field, {
          severity: 'warning',
          message: `Expected the host written plainly (lower case, no trailing dot), found “${rawHost(url)}” in ${url}.`,
          hint: `Write ${fixed}`,
        });
      }
    }
    if (source.published && source.published > input.buildDate) {
      once(c, 'source-in-future', 'published', {
        severity: 'error',
        message: `Expected a publication date on or before the build date (${input.buildDate}), found ${source.published} for ${addressOf(source)}.`,
        hint: 'A source cannot be dated after it was read: check `published` against the page (YYYY-MM-DD).',
      });
      continue;
    }
    if (!c.claim || !source.published) continue;
    if (source.published > c.claim.checked) {
      messages.push({
        severity: 'warning',
        file: c.file,
        ...at(c, 'published'),
        message: `Expected sources published on or before the claim was checked (${c.claim.checked}), found ${source.published} for ${addressOf(source)}.`,
        hint: 'Check the claim again against this source and set `checked` to that day, or correct `published`.',
        ruleId: 'source-after-checked',
      });
    }
    const late = daysBetween(input.articlePublished, source.published);
    if (late > lateAfter) {
      once(c, 'source-long-after-article', 'published', {
        severity: 'warning',
        message: `Expected sources from within ${lateAfter} days of the article (${input.articlePublished}), found ${addressOf(source)} published ${source.published}, ${late} days later.`,
        hint: 'A later source may know what the article could not: say in the note that it came later and what it adds, or cite a source from the time.',
      });
    }
  }

  for (const claim of input.claims) messages.push(...checkVerified(claim, policy));
  messages.push(...checkDuplicates(byKey));
  return messages;
}

/** A `verified` claim needs a primary source or a major outlet among its sources. */
function checkVerified(claim: ClaimSources, policy: SourcePolicy): SourceMessage[] {
  if (claim.status !== 'verified' || claim.sources.length === 0) return [];
  const kinds = claim.sources.map((s) => classifySource(s, policy));
  if (kinds.some((k) => k === 'primary' || k === 'major-outlet')) return [];
  const found = [...new Set(kinds)].map((k) => sourceKindLabels[k]).join(', ');
  const where = { file: claim.file, ...claim.positionOf?.(['status']) };
  if (kinds.every((k) => weakKinds.has(k))) {
    return [
      {
        severity: 'error',
        ...where,
        message: `Expected a primary source or a major outlet on its own domain for a claim rated "verified", found only: ${found}.`,
        hint: 'Cite the issuer\'s own document or the original report of a major outlet, or rate the claim "qualified" and say in the note what is missing.',
        ruleId: 'source-verified-needs-primary',
      },
    ];
  }
  const hosts = claim.sources.filter((s) => classifySource(s, policy) === 'other').map((s) => normalizeHost(s.url!));
  return [
    {
      severity: 'warning',
      ...where,
      message: `Expected a primary source or a major outlet for a claim rated "verified", found only ${found} sources (hosts the policy does not classify: ${[...new Set(hosts)].join(', ')}).`,
      hint: 'If one of these is a major outlet or the issuer\'s own site, add its host to content/source-policy.yaml; otherwise cite one, or rate the claim "qualified".',
      ruleId: 'source-verified-unclassified',
    },
  ];
}

/** The same source twice in one file, or recorded differently in two files. */
function checkDuplicates(byKey: Map<string, Citation[]>): SourceMessage[] {
  const messages: SourceMessage[] = [];
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    const first = group[0]!;
    const inFile = new Map<string, Citation>();
    for (const c of group) {
      const earlier = inFile.get(c.file);
      if (earlier) {
        messages.push({
          severity: 'warning',
          file: c.file,
          ...c.positionOf?.(['sources', c.index]),
          message: `Expected each source once in a file, found ${addressOf(c.source)} as sources ${earlier.index + 1} and ${c.index + 1}.`,
          hint: 'Merge the two entries; keep the excerpt that supports the note.',
          ruleId: 'source-duplicate',
        });
      } else {
        inFile.set(c.file, c);
      }
    }
    const differing = group.find((c) => c.file !== first.file && recordOf(c.source) !== recordOf(first.source));
    if (differing) {
      messages.push({
        severity: 'warning',
        file: differing.file,
        ...differing.positionOf?.(['sources', differing.index]),
        message: `Expected one record of a source cited in several files, found ${addressOf(first.source)} recorded differently in ${first.file} and ${differing.file}.`,
        hint: 'Give it the same publisher, title or description, `published` and `via` everywhere it is cited.',
        ruleId: 'source-duplicate',
      });
    }
  }
  return messages;
}

/** The host part of a URL exactly as written. */
function rawHost(url: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#:]*)/i.exec(url)?.[1] ?? '';
}

/** `url` with its host in lower case and without trailing dots, or `undefined` when it has none. */
function plainHostUrl(url: string): string | undefined {
  const host = rawHost(url);
  if (!host) return undefined;
  const plain = host.toLowerCase().replace(/\.+$/, '');
  return plain === host ? url : url.replace(host, plain);
}

export interface SourceReport {
  /** Every citation, counting a source once per file that cites it. */
  citations: number;
  /** Distinct sources. */
  distinct: number;
  /** Distinct sources by kind. */
  byKind: Record<SourceKind, number>;
  /** Distinct sources that were read through a copy (`via`). */
  readVia: number;
}

/** Counts the sources of an explainer by kind, each distinct source once. */
export function sourceReport(input: SourceCheckInput, policy: SourcePolicy): SourceReport {
  const all = [...input.claims, ...(input.others ?? [])].flatMap((f) => f.sources);
  const distinct = new Map(all.map((s) => [sourceKey(s), s]));
  const byKind = Object.fromEntries(sourceKinds.map((k) => [k, 0])) as Record<SourceKind, number>;
  let readVia = 0;
  for (const s of distinct.values()) {
    byKind[classifySource(s, policy)]++;
    if (s.via) readVia++;
  }
  return { citations: all.length, distinct: distinct.size, byKind, readVia };
}

/** The report as one paragraph for the build log. */
export function formatSourceReport(report: SourceReport, messages: readonly SourceMessage[] = []): string {
  const kinds = sourceKinds
    .filter((k) => report.byKind[k] > 0)
    .map((k) => `${report.byKind[k]} ${sourceKindLabels[k]}`)
    .join(', ');
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const errors = messages.filter((m) => m.severity === 'error').length;
  const warnings = messages.length - errors;
  const problems = messages.length === 0 ? 'no source warnings' : `${plural(errors, 'error')} and ${plural(warnings, 'warning')} (${[...new Set(messages.map((m) => m.ruleId))].join(', ')})`;
  return `Sources: ${plural(report.citations, 'citation')} of ${plural(report.distinct, 'distinct source')} (${kinds || 'none'}); ${report.readVia} read through a copy; ${problems}.`;
}
