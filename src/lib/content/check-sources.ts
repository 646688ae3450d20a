/**
 * The source policy applied to loaded content: every source of every claim,
 * glossary entry and person checked against `content/source-policy.yaml`
 * (`lib/sources/source-policy.ts`), and a claim's `checked` date against the
 * build date. Runs after validation; problems go to `messages`, counts by kind
 * to the build log.
 */
import { type ContentMessage, error, info, warning } from '../messages.ts';
import type { SourcePolicy } from '../../schemas/source-policy.ts';
import { checkSources, formatSourceReport, parseSourcePolicy, type SourceCheckInput, type SourceMessage, sourceReport, type SourceReport } from '../sources/source-policy.ts';
import type { ValidContent, ValidExplainer } from './validate-content.ts';

/** The policy, parsed; undefined when there is none or it is invalid (its problems are messages). */
export function loadSourcePolicy(text: string | undefined, file: string, messages: ContentMessage[]): SourcePolicy | undefined {
  if (text === undefined) return undefined;
  const parsed = parseSourcePolicy(text, file);
  messages.push(...parsed.messages.map(toMessage));
  return parsed.policy;
}

/** Checks one explainer's claims; returns the counts by kind for its report. */
export function checkExplainerSources(explainer: ValidExplainer, policy: SourcePolicy | undefined, buildDate: string, messages: ContentMessage[]): SourceReport | undefined {
  for (const c of explainer.claims) {
    if (c.data.checked > buildDate) {
      messages.push(warning({ ruleId: 'checked-in-future', file: c.file, ...c.positionOf(['checked']), reason: `Expected the date the claim was checked, on or before today (${buildDate}), found ${c.data.checked}.`, hint: 'Write the day the sources were read, YYYY-MM-DD.' }));
    }
  }
  if (!policy) return undefined;
  const input: SourceCheckInput = {
    articlePublished: explainer.data.source.published,
    buildDate,
    claims: explainer.claims.map((c) => ({ file: c.file, status: c.data.status, checked: c.data.checked, sources: c.data.sources, positionOf: c.positionOf })),
  };
  const found = checkSources(input, policy);
  messages.push(...found.map(toMessage));
  const report = sourceReport(input, policy);
  messages.push(info({ ruleId: 'source-report', file: explainer.file, reason: formatSourceReport(report, found) }));
  return report;
}

/** Checks the sources of the shared glossary and people once, for the whole site. */
export function checkSharedSources(content: Pick<ValidContent, 'sourced'>, policy: SourcePolicy | undefined, buildDate: string, messages: ContentMessage[]): void {
  if (!policy || content.sourced.length === 0) return;
  messages.push(...checkSources({ articlePublished: buildDate, buildDate, claims: [], others: content.sourced }, policy).map(toMessage));
}

function toMessage(m: SourceMessage): ContentMessage {
  const make = m.severity === 'error' ? error : warning;
  return make({ ruleId: m.ruleId, file: m.file, ...(m.line !== undefined ? { line: m.line } : {}), ...(m.column !== undefined ? { column: m.column } : {}), reason: m.message, ...(m.hint ? { hint: m.hint } : {}) });
}
