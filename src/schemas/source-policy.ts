import { z } from 'zod';

/**
 * The kinds of publisher the policy lists. The first four are "listed" hosts:
 * citing one is a warning. `wiki` may be cited but never carries a `verified`
 * rating alone; `major-outlet` and `primary` are what a `verified` rating needs.
 */
export const policyKinds = ['mirror', 'scraper', 'aggregator', 'ai-summary', 'wiki', 'major-outlet', 'primary'] as const;
export type PolicyKind = (typeof policyKinds)[number];

/** The kinds whose hosts are warned about when a source's `url` is on them. */
export const listedKinds = ['mirror', 'scraper', 'aggregator', 'ai-summary'] as const satisfies readonly PolicyKind[];

/**
 * A host as written in the policy: a bare host name, which also covers its
 * subdomains ("wikipedia.org" covers "en.m.wikipedia.org"), optionally with a
 * path prefix that narrows it to one account or section ("github.com/deepseek-ai").
 */
const hostPatternSchema = z
  .string()
  .regex(
    /^(?!www\.)[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/[^\s/]+)*$/,
    'Expected a lower-case host name without a scheme or "www.", optionally with a path ("github.com/deepseek-ai")',
  );

/** One publisher or group of hosts. */
export const policyEntrySchema = z.strictObject({
  /** The publisher's name as readers know it ("WikiMili", "Reuters"). */
  name: z.string().min(1),
  /** The hosts it publishes on. */
  hosts: z.array(hostPatternSchema).min(1),
  /** Why it is listed under this kind: what the site is, in one sentence. */
  reason: z.string().min(1),
  /** For listed kinds: what to cite instead ("the Wikipedia article itself", "the CNBC original"). */
  citeInstead: z.string().min(1).optional(),
});
export type PolicyEntry = z.infer<typeof policyEntrySchema>;

/** `content/source-policy.yaml`: which publishers a note may lean on, and how far. */
export const sourcePolicySchema = z.strictObject({
  /** Days after the article's publication past which a claim's source is "long after the article" (default: 90). */
  lateSourceDays: z.number().int().positive().default(90),
  /** Copies of Wikipedia and other encyclopedias. */
  mirror: z.array(policyEntrySchema).default([]),
  /** Sites that republish other outlets' stories without licence or credit worth the name. */
  scraper: z.array(policyEntrySchema).default([]),
  /** Sites that collect, rewrite or summarise other outlets' reports. */
  aggregator: z.array(policyEntrySchema).default([]),
  /** Pages written by an AI system summarising other documents. */
  'ai-summary': z.array(policyEntrySchema).default([]),
  /** Wikipedia and other open wikis: citable, never enough alone for `verified`. */
  wiki: z.array(policyEntrySchema).default([]),
  /** Mainstream news organisations publishing on their own domain. */
  'major-outlet': z.array(policyEntrySchema).default([]),
  /** Issuers' own documents: governments, regulators, filings, companies' own pages, authors' own papers. */
  primary: z.array(policyEntrySchema).default([]),
});
export type SourcePolicy = z.infer<typeof sourcePolicySchema>;
