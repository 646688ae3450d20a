/**
 * Strict mode, for the main-branch deploy (`EXPLAINERS_STRICT=1`): the
 * warnings that mean the published page would be wrong or weaker than it
 * should be become errors. Warnings that a note explains, or that change
 * nothing on the page (a term no article uses), stay warnings.
 */
import type { ContentMessage } from './messages.ts';

/** Rules whose warnings are errors in strict mode. */
export const strictRules: ReadonlySet<string> = new Set([
  'quote-unattributed',
  'explainer-draft',
  'term-draft',
  'quote-marks',
  'url-http',
  'claim-duplicate-passage',
  'checked-in-future',
  'source-listed-host',
  'source-host-spelling',
  'source-verified-unclassified',
  'source-after-checked',
  'source-duplicate',
]);

/** Whether the environment asks for strict mode. */
export function isStrict(env: Record<string, string | undefined>): boolean {
  return /^(1|true|yes)$/i.test(env.EXPLAINERS_STRICT ?? '');
}

/** The messages with strict mode applied. */
export function applyStrict(messages: readonly ContentMessage[]): ContentMessage[] {
  return messages.map((m) => (m.fatal === false && strictRules.has(m.ruleId) ? { ...m, fatal: true, reason: `${m.reason} (an error in strict mode)` } : m));
}
