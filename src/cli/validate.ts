/**
 * `npm run validate`: checks every file of `content/` and `seeds/` as the
 * build does, without building a page, and prints the same messages. Exit
 * code 1 when there is an error, 0 otherwise; `--strict` (or
 * `EXPLAINERS_STRICT=1`) applies the main-branch deploy's strict mode. For
 * editors and a pre-commit hook.
 *
 *   npm run validate [-- --strict] [-- --root <folder>]
 */
import { parseArgs } from 'node:util';
import { siteConfig } from '../config/site.ts';
import { loadProject } from '../lib/content/load-project.ts';
import { ContentValidationError, type ContentMessage, formatReport } from '../lib/messages.ts';
import { isStrict } from '../lib/strict.ts';

const { values } = parseArgs({ options: { root: { type: 'string', default: process.cwd() }, strict: { type: 'boolean', default: false } } });
const strict = values.strict || isStrict(process.env);

let messages: readonly ContentMessage[];
let failed: boolean;
try {
  messages = loadProject({ root: values.root, imageHosts: siteConfig.imageHosts, strict, render: false }).messages;
  failed = false;
} catch (e) {
  if (!(e instanceof ContentValidationError)) throw e;
  messages = e.messages;
  failed = true;
}
const shown = messages.filter((m) => m.fatal !== undefined);
process.stdout.write(`${shown.length > 0 ? formatReport(shown) : 'No problems found.'}\n`);
process.exitCode = failed ? 1 : 0;
