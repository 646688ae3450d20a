/** The review of an explainer as Markdown, for the pull-request comment (`review/summary.md`). */
import { formatMessage, severityOf } from '../messages.ts';
import type { AnnotationChange } from './diff.ts';
import type { Review } from './review.ts';

const changeHeadings: Record<AnnotationChange['change'], string> = {
  added: 'Added',
  removed: 'Removed',
  status: 'Rating changed',
  edited: 'Edited',
  moved: 'Anchor moved',
};

export function summaryMarkdown(review: Review, reviewUrl: string): string {
  const lines = [`### ${review.title}`, ''];
  const { claims } = review.counts;
  lines.push(
    `${claims.total} claims (${claims.verified} verified, ${claims.qualified} need context, ${claims.disputed} disputed, ${claims.unverified} unverified), ${review.counts.terms} terms, ${review.counts.quotations} quotations, ${review.counts.speakers} speakers. [Review view](${reviewUrl})`,
    '',
  );
  if (!review.changes) {
    lines.push('No base export was given, so there is nothing to compare with.');
  } else {
    if (review.changes.text.length > 0) {
      lines.push(`**⚠️ The article text itself changed, in ${review.changes.text.length} paragraph${review.changes.text.length === 1 ? '' : 's'}.** Seeds are the article as published and should not change; check that this is intended.`, '');
      for (const p of review.changes.text) {
        lines.push(`- ¶${p.paragraph}: ${p.before === undefined ? 'added' : p.after === undefined ? 'removed' : 'changed'}`);
        if (p.before !== undefined) lines.push(`  - before: “${p.before}”`);
        if (p.after !== undefined) lines.push(`  - after: “${p.after}”`);
      }
      lines.push('');
    }
    if (review.changes.changes.length === 0) {
      lines.push('No annotation changed.');
    } else {
      lines.push(`**${review.changes.changes.length} annotation change${review.changes.changes.length === 1 ? '' : 's'}:**`, '');
      for (const c of review.changes.changes) lines.push(`- ${changeHeadings[c.change]}: ${c.kind} \`${c.key}\`, ${c.detail}`);
    }
  }
  const warnings = review.messages.filter((m) => severityOf(m) === 'warning');
  if (warnings.length > 0) {
    lines.push('', `**${warnings.length} warning${warnings.length === 1 ? '' : 's'}:**`, '', '```', ...warnings.map(formatMessage), '```');
  }
  return `${lines.join('\n')}\n`;
}
