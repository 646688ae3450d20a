// @ts-check
/**
 * The pull-request comment of a preview, used by actions/github-script in
 * .github/workflows/pr-preview-publish.yml and pr-preview-remove.yml.
 *
 * One comment per pull request: it starts with a hidden marker, is found again
 * by it and updated on each push, and says so when the preview is removed.
 * The built site is data from the pull request: its files are only read here
 * (review/summary.md of each explainer), never executed.
 */
const fs = require('node:fs');
const path = require('node:path');

const MARKER = '<!-- pr-preview-comment -->';
/** GitHub refuses comments over 65,536 characters; leave room for the rest. */
const SUMMARY_LIMIT = 60_000;

/**
 * The explainers of a built site that have a review view or a summary.
 * @param {string} siteDir
 */
function reviewedExplainers(siteDir) {
  return fs
    .readdirSync(siteDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^[a-z0-9][a-z0-9-]*$/.test(entry.name))
    .map((entry) => {
      const review = path.join(siteDir, entry.name, 'review');
      const summary = path.join(review, 'summary.md');
      return {
        slug: entry.name,
        hasReview: fs.existsSync(path.join(review, 'index.html')),
        summary: fs.existsSync(summary) && fs.lstatSync(summary).isFile() ? fs.readFileSync(summary, 'utf8').trim() : undefined,
      };
    })
    .filter((e) => e.hasReview || e.summary !== undefined)
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

/**
 * The comment for a published preview.
 * @param {{ siteDir: string, previewUrl: string, sha: string }} options
 */
function commentBody({ siteDir, previewUrl, sha }) {
  const explainers = reviewedExplainers(siteDir);
  const lines = [MARKER, '### Preview', '', `**Preview:** ${previewUrl}`, ''];
  const reviews = explainers.filter((e) => e.hasReview);
  if (reviews.length > 0) {
    lines.push('**Review view** (annotation changes against the base branch; not linked from the public pages):');
    for (const e of reviews) lines.push(`- \`${e.slug}\`: ${previewUrl}${e.slug}/review/`);
  } else {
    lines.push('No review view in this build.');
  }
  lines.push('', `Built from ${sha}. This comment is updated on each push.`, '', '### Annotation changes', '');
  const summaries = explainers.filter((e) => e.summary !== undefined);
  if (summaries.length === 0) {
    lines.push('There is no summary of annotation changes in this build.');
  } else {
    let text = summaries.map((e) => e.summary).join('\n\n---\n\n');
    if (text.length > SUMMARY_LIMIT) {
      text = `${text.slice(0, SUMMARY_LIMIT)}\n\n… (cut here: the summary is longer than a comment may be; see the review view)`;
    }
    lines.push(text);
  }
  return `${lines.join('\n')}\n`;
}

/** The comment once the pull request is closed and its preview removed. */
function removedBody() {
  return `${MARKER}\n### Preview\n\nThe preview of this pull request was removed when the pull request was closed.\n`;
}

/**
 * Updates the preview comment of a pull request, or creates it (unless
 * `createIfMissing` is false).
 * @param {{ github: any, context: any, number: number, body: string, createIfMissing?: boolean }} options
 */
async function upsertComment({ github, context, number, body, createIfMissing = true }) {
  const { owner, repo } = context.repo;
  const comments = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number: number, per_page: 100 });
  const mine = comments.find(
    (/** @type {any} */ c) => c.user && c.user.type === 'Bot' && typeof c.body === 'string' && c.body.startsWith(MARKER),
  );
  if (mine) {
    await github.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body });
  } else if (createIfMissing) {
    await github.rest.issues.createComment({ owner, repo, issue_number: number, body });
  }
}

/**
 * Checks the artifact's pull-request number against GitHub: only an open pull
 * request whose head is the very commit the build ran on gets its preview
 * published, so a build can never publish over another pull request's
 * preview, and an older build that finishes late never replaces a newer one.
 * @param {{ github: any, context: any, number: number, headSha: string }} options
 * @returns {Promise<'publish' | 'closed' | 'superseded'>}
 */
async function checkPullRequest({ github, context, number, headSha }) {
  const { owner, repo } = context.repo;
  const { data: pr } = await github.rest.pulls.get({ owner, repo, pull_number: number });
  if (pr.state !== 'open') return 'closed';
  if (pr.head.sha !== headSha) return 'superseded';
  return 'publish';
}

module.exports = { MARKER, commentBody, removedBody, upsertComment, checkPullRequest };
