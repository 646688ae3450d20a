/**
 * The files `npm run draft` proposes for a new article, from its analysis:
 * the explainer (title, dek and source guessed from the text, marked
 * `draft: true`), a people file per speaker the project has no file for
 * (name, role and affiliation as the article gives them, never a bio), a claim
 * file per candidate sentence (status `unverified`, no source) and a glossary
 * stub per likely term (marked `draft: true`). Paths are relative to the
 * project root; nothing here touches the disk.
 */
import { idFromName } from '../ids.ts';
import type { ArticleAnalysis } from './analyze-article.ts';

export interface DraftFile {
  path: string;
  content: string;
  /** What the file is, for the list the command prints. */
  about: string;
}

export interface DraftOptions {
  slug: string;
  /** The article's publication date, YYYY-MM-DD, when the editor knows it. */
  published?: string;
  /** Today, YYYY-MM-DD: the date of the draft, and of the claims' `checked`. */
  today: string;
  lang: string;
}

/** Longest title and dek the explainer schema takes. */
const maxTitle = 120;
const maxDek = 320;

const yamlString = (s: string) => JSON.stringify(s);

export function draftFiles(analysis: ArticleAnalysis, options: DraftOptions): DraftFile[] {
  return [explainerFile(analysis, options), ...peopleFiles(analysis, options), ...claimFiles(analysis, options), ...termFiles(analysis)];
}

function explainerFile(a: ArticleAnalysis, o: DraftOptions): DraftFile {
  const title = clip(a.headline ?? a.lead, maxTitle);
  const host = a.url ? new URL(a.url).hostname.replace(/^www\./, '') : undefined;
  const lines = [
    '---',
    `# Written by \`npm run draft\` from seeds/${o.slug}.txt. The title, dek and source are guesses from the text:`,
    '# check each against the original, then remove `draft: true` (the main-branch deploy refuses drafts).',
    `title: ${yamlString(title)}`,
    `dek: ${yamlString(clip(a.lead, maxDek))}`,
    `seed: ${o.slug}.txt`,
    'source:',
    `  credit: ${yamlString(host ?? 'Name the publisher')}`,
    ...(a.url && /^https:/.test(a.url) ? [`  url: ${a.url}`] : []),
    `  published: ${publishedOf(a, o)}`,
    ...(o.published ? [] : [`  dateNote: ${yamlString(a.published ? `Read from the article’s ${a.published.from} by npm run draft: check it.` : 'Not checked: the date the draft was made. Replace it with the article’s own date.')}`]),
    `lang: ${o.lang}`,
    'draft: true',
    ...unattributedLines(a),
    '---',
    `Draft: the editor's introduction to “${clip(title, 80)}” goes here.`,
    '',
  ];
  return { path: `content/explainers/${o.slug}.mdx`, content: lines.join('\n'), about: `the explainer, marked draft (title “${clip(title, 60)}”)` };
}

/** A commented `speakers` entry for each quotation the rules could not attribute. */
function unattributedLines(a: ArticleAnalysis): string[] {
  if (a.unattributed.length === 0) return [];
  return [
    '# The rules could not attribute these quotations; name each speaker and uncomment:',
    '# speakers:',
    ...a.unattributed.map((u) => `#   - { paragraph: ${u.paragraph}, quote: ${yamlString(u.quote.replace(/…$/u, ''))}, speaker: ${u.candidate ?? '<id>'} }`),
  ];
}

function peopleFiles(a: ArticleAnalysis, o: DraftOptions): DraftFile[] {
  return a.speakers
    .filter((s) => s.file === null)
    .map((s) => {
      const described = s.role !== null || s.affiliation !== null;
      const lines = [
        '---',
        `# Written by \`npm run draft\`: the name, role and affiliation as seeds/${o.slug}.txt gives them. Add a bio below and links to check it.`,
        `name: ${yamlString(s.name)}`,
        `kind: ${s.kind}`,
        ...(s.role ? [`role: ${yamlString(s.role)}`] : []),
        ...(s.affiliation ? [`affiliation: ${yamlString(s.affiliation)}`] : []),
        ...(described ? [`asOf: ${publishedOf(a, o)}`] : []),
        '---',
        '',
      ];
      return { path: `content/people/${s.id}.md`, content: lines.join('\n'), about: `${s.kind} “${s.name}”${described ? ` (${[s.role, s.affiliation].filter(Boolean).join(', ')})` : ''}` };
    });
}

function claimFiles(a: ArticleAnalysis, o: DraftOptions): DraftFile[] {
  const ids = new Set<string>();
  return a.claims.map((c) => {
    const id = uniqueId(idFromName(c.text.replace(/^[“"]/u, '').split(/\s+/).slice(0, 6).join(' ')), ids);
    const lines = [
      '---',
      `# A claim candidate found by \`npm run draft\` in paragraph ${c.paragraph} (${c.kinds.join(', ')}): check it, or delete the file.`,
      'anchor:',
      `  exact: ${yamlString(c.text)}`,
      'status: unverified',
      `checked: ${o.today}`,
      'sources: []',
      '---',
      'Not checked yet.',
      '',
    ];
    return { path: `content/claims/${o.slug}/${id}.md`, content: lines.join('\n'), about: `claim candidate in ¶${c.paragraph}: “${clip(c.text, 60)}”` };
  });
}

function termFiles(a: ArticleAnalysis): DraftFile[] {
  return a.terms.map((t) => {
    const lines = [
      '---',
      `# A glossary stub written by \`npm run draft\` (${t.count} uses in the article): write the definition, then remove \`draft: true\`.`,
      `term: ${yamlString(t.term)}`,
      `aliases: [${t.aliases.map(yamlString).join(', ')}]`,
      'draft: true',
      '---',
      'Definition to be written.',
      '',
    ];
    return { path: `content/glossary/${idFromName(t.term)}.md`, content: lines.join('\n'), about: `glossary stub “${t.term}”${t.aliases.length ? ` (${t.aliases.join(', ')})` : ''}` };
  });
}

/** The article's date: as the editor gave it, else as the analysis found it, else today. */
function publishedOf(a: ArticleAnalysis, o: DraftOptions): string {
  return o.published ?? a.published?.date ?? o.today;
}

function uniqueId(id: string, taken: Set<string>): string {
  let out = id.slice(0, 60).replace(/-+$/, '');
  for (let n = 2; taken.has(out); n++) out = `${id.slice(0, 56).replace(/-+$/, '')}-${n}`;
  taken.add(out);
  return out;
}

/** A text cut at a word boundary to `max` characters, an ellipsis marking the cut. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}
