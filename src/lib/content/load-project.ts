/**
 * The one validation and resolution pass of a build.
 *
 * Reads every seed and content file, checks each against its schema, resolves
 * every annotation (quotations, claims, glossary terms) against the untouched
 * article text, and renders the articles. Every problem of every file is
 * collected first; if any is an error, one `ContentValidationError` lists them
 * all and no page is written.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { articleToMdast } from '../article/article-parse.ts';
import { type Article, ArticleParseError, decodeSeed, parseArticle } from '../article/parse-article.ts';
import type { Annotation } from '../annotations/types.ts';
import { ContentValidationError, type ContentIssue } from '../errors.ts';
import { findAliasConflicts, type TermForms } from '../glossary/match-terms.ts';
import type { SpeakerEntry } from '../quotes/attribute-quotes.ts';
import { articleHtml } from '../render/article-html.ts';
import { type ClaimInput, resolveClaims } from '../resolve/resolve-claims.ts';
import { resolveQuotes } from '../resolve/resolve-quotes.ts';
import { resolveTerms } from '../resolve/resolve-terms.ts';
import { claimSchema, type ClaimFrontmatter } from '../../schemas/claim.ts';
import { explainerSchema, type ExplainerFrontmatter } from '../../schemas/explainer.ts';
import { glossaryTermSchema, type GlossaryTermFrontmatter } from '../../schemas/glossary-term.ts';
import { personSchema, type PersonFrontmatter } from '../../schemas/person.ts';
import { type FrontMatterFile, readFrontMatter } from './front-matter.ts';
import type { ExplainerPage, GlossaryTerm, Person, Project } from './model.ts';
import { renderMarkdown } from './render-markdown.ts';

export interface LoadOptions {
  /** Project root: holds `seeds/` and `content/`. */
  root: string;
  /** Called for each trailing line left out of an article, for the build log. */
  onResidue?: (file: string, line: number, reason: string) => void;
  /** Called for each quoted span that is not a quotation (scare quotes, titles). */
  onSkippedQuote?: (file: string, line: number, reason: string) => void;
}

interface Loaded<T> {
  id: string;
  file: string;
  fm: FrontMatterFile<T>;
}

export function loadProject(options: LoadOptions): Project {
  const { root } = options;
  const issues: ContentIssue[] = [];
  const rel = (abs: string) => relative(root, abs).split(sep).join('/');

  /** Reads and validates every file of one folder. */
  const readAll = <T>(dir: string, ext: RegExp, schema: Parameters<typeof readFrontMatter>[2]): Loaded<T>[] => {
    const abs = join(root, dir);
    if (!existsSync(abs)) return [];
    const out: Loaded<T>[] = [];
    for (const name of readdirSync(abs).sort()) {
      const path = join(abs, name);
      if (statSync(path).isDirectory()) continue;
      const file = rel(path);
      if (!ext.test(name)) {
        issues.push({ severity: 'warning', file, message: `Expected a ${ext.source.replace(/\\|\$|\(|\)|\?:/g, '')} file here, found “${name}”; it is ignored.` });
        continue;
      }
      const id = name.replace(ext, '');
      if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
        issues.push({ severity: 'error', file, message: `Expected a lower-case kebab-case file name (the id), found “${name}”.`, hint: 'Rename the file, e.g. `nvidia-a100.md`.' });
        continue;
      }
      const result = readFrontMatter(file, readFileSync(path, 'utf8'), schema);
      if (!result.ok) {
        issues.push(...result.issues);
        continue;
      }
      out.push({ id, file, fm: result.value as FrontMatterFile<T> });
    }
    return out;
  };

  /** Renders the Markdown body of a file, which must not be empty. */
  const renderBody = (file: string, fm: FrontMatterFile<unknown>, what: string, hint: string) => {
    const body = renderMarkdown(file, fm.body, fm.bodyLine, issues);
    if (!body.text) issues.push({ severity: 'error', file, line: fm.bodyLine, message: `Expected ${what} after the front matter, found none.`, hint });
    return body;
  };

  const explainerFiles = readAll<ExplainerFrontmatter>('content/explainers', /\.mdx$/, explainerSchema);
  const termFiles = readAll<GlossaryTermFrontmatter>('content/glossary', /\.md$/, glossaryTermSchema);
  const personFiles = readAll<PersonFrontmatter>('content/people', /\.md$/, personSchema);

  // Glossary terms.
  const terms: GlossaryTerm[] = termFiles.map(({ id, file, fm }) => {
    const def = renderBody(file, fm, 'a definition', 'Write the definition in 1–3 sentences.');
    return {
      id,
      file,
      term: fm.data.term,
      aliases: fm.data.aliases,
      ...(fm.data.category ? { category: fm.data.category } : {}),
      related: fm.data.related,
      ...(fm.data.source ? { source: fm.data.source } : {}),
      definitionHtml: def.html,
      definitionText: def.text,
      uses: [],
    };
  });
  const termById = new Map(terms.map((t) => [t.id, t]));
  for (const { file, fm } of termFiles) {
    fm.data.related.forEach((id, i) => {
      if (!termById.has(id)) issues.push({ severity: 'error', file, ...fm.positionOf(['related', i]), message: `Expected a glossary term id in \`related\`, found “${id}”, which has no file.`, hint: `Create content/glossary/${id}.md or remove it from the list.` });
    });
  }
  const termForms: TermForms[] = terms.map((t) => ({ id: t.id, file: t.file, forms: [t.term, ...t.aliases] }));
  for (const c of findAliasConflicts(termForms)) {
    issues.push({
      severity: 'error',
      file: c.files[1],
      message: `Expected each glossary form to belong to one term, found “${c.form}” in both ${c.files[0]} and ${c.files[1]}.`,
      hint: 'Remove the form from one of the two files.',
    });
  }

  // People.
  const people: Person[] = personFiles.map(({ id, file, fm }) => {
    const bio = renderBody(file, fm, 'a short bio', 'Write 2–4 sentences.');
    return {
      id,
      file,
      name: fm.data.name,
      aliases: fm.data.aliases,
      kind: fm.data.kind,
      ...(fm.data.role ? { role: fm.data.role } : {}),
      ...(fm.data.affiliation ? { affiliation: fm.data.affiliation } : {}),
      asOf: fm.data.asOf,
      links: fm.data.links,
      bioHtml: bio.html,
      bioText: bio.text,
      initials: initialsOf(fm.data.name),
      quotes: [],
    };
  });
  const personById = new Map(people.map((p) => [p.id, p]));
  const speakers: SpeakerEntry[] = people.map((p) => ({ id: p.id, name: p.name, aliases: p.aliases, kind: p.kind, file: p.file }));

  // Claim folders must belong to an explainer.
  const slugs = new Set(explainerFiles.map((e) => e.id));
  const claimsRoot = join(root, 'content/claims');
  if (existsSync(claimsRoot)) {
    for (const name of readdirSync(claimsRoot)) {
      if (statSync(join(claimsRoot, name)).isDirectory() && !slugs.has(name)) {
        issues.push({ severity: 'error', file: `content/claims/${name}`, message: `Expected claims for an explainer, found the folder “${name}” but no content/explainers/${name}.mdx.`, hint: 'Rename the folder to the slug of its explainer.' });
      }
    }
  }

  const explainers: ExplainerPage[] = [];
  for (const { id: slug, file, fm } of explainerFiles) {
    const page = buildExplainer(slug, file, fm);
    if (page) explainers.push(page);
  }

  function buildExplainer(slug: string, file: string, fm: FrontMatterFile<ExplainerFrontmatter>): ExplainerPage | undefined {
    const seedFile = `seeds/${fm.data.seed}`;
    const seedPath = join(root, seedFile);
    if (!existsSync(seedPath)) {
      issues.push({ severity: 'error', file, ...fm.positionOf(['seed']), message: `Expected the seed file ${seedFile}, found no such file.`, hint: 'Put the article text in seeds/ or correct `seed`.' });
      return undefined;
    }
    let article: Article;
    try {
      article = parseArticle(decodeSeed(readFileSync(seedPath)), {
        ...(fm.data.endsAtLine !== undefined ? { endsAtLine: fm.data.endsAtLine } : {}),
        ...(fm.data.keepResidue !== undefined ? { keepResidue: fm.data.keepResidue } : {}),
      });
    } catch (e) {
      if (e instanceof ArticleParseError) {
        issues.push({ severity: 'error', file: seedFile, ...(e.line ? { line: e.line } : {}), message: e.message, hint: e.hint });
        return undefined;
      }
      throw e;
    }
    for (const line of article.markupLines) {
      issues.push({ severity: 'warning', file: seedFile, line, message: 'This line looks like HTML markup; it is shown as literal text, never as HTML.' });
    }
    for (const r of article.residue) options.onResidue?.(seedFile, r.line, r.reason);

    const quotes = resolveQuotes({
      article,
      seedFile,
      explainerFile: file,
      speakers,
      overrides: fm.data.speakers ?? [],
      overridePosition: (i) => fm.positionOf(['speakers', i]),
      issues,
      onSkipped: (line, reason) => options.onSkippedQuote?.(seedFile, line, reason),
    });
    const claimInputs: ClaimInput[] = readAll<ClaimFrontmatter>(`content/claims/${slug}`, /\.md$/, claimSchema).map((c) => ({
      id: c.id,
      file: c.file,
      data: c.fm.data,
      positionOf: c.fm.positionOf,
      note: renderBody(c.file, c.fm, 'a note', 'Say what the sources show and what the article leaves out.'),
    }));
    const claims = resolveClaims(article, claimInputs, issues);
    const glossary = resolveTerms(article, termForms, [...quotes.links, ...claims.links]);

    for (const s of quotes.speakers) {
      for (const q of s.quotes) personById.get(s.id)?.quotes.push({ slug, title: fm.data.title, quoteId: q.quoteId, paragraph: q.paragraph, text: q.text });
    }
    for (const t of glossary.terms) termById.get(t.id)?.uses.push({ slug, title: fm.data.title, paragraphs: t.paragraphs });

    const annotations: Annotation[] = [
      ...(article.dateline ? [{ kind: 'dateline' as const, id: 'dateline', ...article.dateline }] : []),
      ...quotes.annotations,
      ...claims.annotations,
      ...glossary.annotations,
    ];

    let html: string;
    try {
      html = articleHtml(articleToMdast(article), annotations);
    } catch (e) {
      issues.push({ severity: 'error', file: seedFile, message: `Could not apply the annotations: ${(e as Error).message}` });
      return undefined;
    }

    const words = article.paragraphs.reduce((n, p) => n + article.text.slice(p.start, p.end).split(/\s+/).filter(Boolean).length, 0);
    return {
      slug,
      file,
      seedFile,
      title: fm.data.title,
      dek: fm.data.dek,
      lang: fm.data.lang,
      source: fm.data.source,
      wordCount: words,
      readingMinutes: Math.max(1, Math.round(words / 230)),
      paragraphCount: article.paragraphs.length,
      articleHtml: html,
      terms: glossary.terms,
      claims: claims.notes,
      speakers: quotes.speakers,
      residue: article.residue,
    };
  }

  for (const t of terms) {
    if (t.uses.length === 0) issues.push({ severity: 'warning', file: t.file, message: `The term “${t.term}” is found in no article.`, hint: 'Check the spelling of `term` and `aliases`, or remove the file.' });
  }

  if (issues.some((i) => i.severity === 'error')) throw new ContentValidationError(issues);
  return { explainers, terms, people, warnings: issues };
}

/** Up to two initials for the avatar: first and last word of the name. */
export function initialsOf(name: string): string {
  const words = name.split(/[\s-]+/).filter((w) => /^\p{L}/u.test(w));
  if (words.length === 0) return name.slice(0, 2).toUpperCase();
  if (words.length > 1) return (words[0]![0]! + words[words.length - 1]![0]!).toUpperCase();
  // One word: its capitals (DeepSeek → DS), else its first letter.
  const capitals = words[0]!.match(/\p{Lu}/gu) ?? [];
  return capitals.length > 1 ? capitals.slice(0, 2).join('') : words[0]![0]!.toUpperCase();
}

