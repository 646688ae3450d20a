/**
 * Step 2 of loading, validate: every record checked against its schema, its
 * Markdown body rendered (which refuses raw HTML and unsafe links), and the
 * references between files checked. Problems are collected, never thrown.
 */
import type { z } from 'zod';
import { findAliasConflicts, type TermForms } from '../glossary/match-terms.ts';
import { type ContentMessage, error, warning } from '../messages.ts';
import { checkUrl } from '../url-policy.ts';
import type { ClaimInput } from '../resolve/resolve-claims.ts';
import type { SourcedFile } from '../sources/source-policy.ts';
import { claimSchema } from '../../schemas/claim.ts';
import { explainerSchema, type ExplainerFrontmatter } from '../../schemas/explainer.ts';
import { glossaryTermSchema } from '../../schemas/glossary-term.ts';
import { personSchema } from '../../schemas/person.ts';
import type { FrontMatter } from './front-matter.ts';
import { validateFrontMatter } from './front-matter.ts';
import type { GlossaryEntry, Speaker } from './model.ts';
import { type ContentFile, type ContentFiles, parseContentFiles } from './read-content.ts';
import { renderIntro } from './render-intro.ts';
import { renderMarkdown, type RenderedMarkdown, type RenderOptions } from './render-markdown.ts';

/** A content file whose front matter passed its schema. */
export interface Valid<T> {
  id: string;
  file: string;
  data: T;
  front: FrontMatter;
}

export interface ValidExplainer extends Valid<ExplainerFrontmatter> {
  introHtml: string;
  claims: ClaimInput[];
}

export interface ValidContent {
  explainers: ValidExplainer[];
  /** Whether every people file passed its schema: if not, a quotation may lack its speaker because of it. */
  peopleComplete: boolean;
  terms: GlossaryEntry[];
  /** Every form of every term, for the matcher. */
  termForms: TermForms[];
  people: Speaker[];
  /** The sources of glossary entries and people, with their places, for the source policy. */
  sourced: SourcedFile[];
}

/** The glossary and people every explainer draws on, checked. */
export type SharedContent = Omit<ValidContent, 'explainers'> & {
  /** The ids of every glossary file, valid or not, for `excludeTerms`. */
  termIds: ReadonlySet<string>;
};

export function validateContent(files: ContentFiles, messages: ContentMessage[], urls: RenderOptions = {}): ValidContent {
  const shared = validateShared(files, messages, urls);
  const explainers = files.explainers.flatMap((e) => validateExplainer(e, parseContentFiles(files.claims.get(e.id) ?? [], messages), shared, messages, urls) ?? []);
  const { termIds: _, ...content } = shared;
  return { ...content, explainers };
}

/**
 * The glossary and people files, and the checks across them: related terms,
 * alias conflicts, draft terms, and claim folders without an explainer.
 */
export function validateShared(files: ContentFiles, messages: ContentMessage[], urls: RenderOptions = {}): SharedContent {
  const check = <S extends z.ZodType>(list: readonly ContentFile[], schema: S) => checkAll(list, schema, messages, urls);
  const validTerms = check(files.terms, glossaryTermSchema);
  const validPeople = check(files.people, personSchema);
  const terms = validTerms.map((t) => toGlossaryEntry(t, messages, urls));
  const people = validPeople.map((p) => toSpeaker(p, messages, urls));
  const sourced: SourcedFile[] = [
    ...validTerms.flatMap((t) => (t.data.source ? [{ file: t.file, sources: [t.data.source], positionOf: fieldAs(t.front, 'source', false) }] : [])),
    ...validPeople.map((p) => ({ file: p.file, sources: p.data.links, positionOf: fieldAs(p.front, 'links', true) })),
  ];
  const termForms = terms.map((t) => ({ id: t.id, file: t.file, forms: [t.term, ...t.aliases], ...(t.caseSensitive !== undefined ? { caseSensitive: t.caseSensitive } : {}) }));

  checkRelatedTerms(files.terms, terms, messages);
  checkAliasConflicts(termForms, new Map(validTerms.map((t) => [t.id, t])), messages);
  checkDraftTerms(validTerms, messages);
  checkClaimFolders(files, messages);
  return { peopleComplete: people.length === files.people.length, terms, termForms, people, sourced, termIds: new Set(files.terms.map((t) => t.id)) };
}

/**
 * One explainer and its claims: schemas, the introduction and notes
 * rendered, its draft flag and its `excludeTerms`. Everything it reports is
 * about its own files, so its result can be kept with them.
 */
export function validateExplainer(
  file: ContentFile,
  claims: readonly ContentFile[],
  shared: Pick<SharedContent, 'termIds'>,
  messages: ContentMessage[],
  urls: RenderOptions = {},
): ValidExplainer | undefined {
  const [e] = checkAll([file], explainerSchema, messages, urls);
  if (!e) return undefined;
  const explainer: ValidExplainer = {
    ...e,
    introHtml: renderIntro(e.file, e.front.body, e.front.bodyLine, messages, urls),
    claims: checkAll(claims, claimSchema, messages, urls).map((c) => toClaimInput(c, messages, urls)),
  };
  checkExcludedTerms(explainer, shared.termIds, messages);
  checkDraftExplainer(explainer, messages);
  return explainer;
}

/**
 * Positions for the source policy, which names a source `['sources', i, …]`:
 * mapped onto the field that holds the sources here (a list, or one source).
 */
function fieldAs(front: FrontMatter, field: string, list: boolean) {
  return (path: (string | number)[]) => {
    const [, index, ...rest] = path;
    return front.positionOf(list ? [field, index ?? 0, ...rest] : [field, ...rest]);
  };
}

/** The files that pass `schema`, with their typed data; their URLs are warned about where the policy says so. */
function checkAll<S extends z.ZodType>(list: readonly ContentFile[], schema: S, messages: ContentMessage[], urls: RenderOptions): Valid<z.output<S>>[] {
  return list.flatMap((f) => {
    const result = validateFrontMatter(f.file, f.front, schema);
    if (!result.ok) {
      messages.push(...result.messages);
      return [];
    }
    warnAboutUrls(f, result.value, urls, messages);
    return [{ id: f.id, file: f.file, data: result.value, front: f.front }];
  });
}

/** Field names that hold URLs in every schema (`url`, `archived`). */
const urlFields = new Set(['url', 'archived']);

/**
 * The URL policy's warnings (plain http) for every URL field of the front
 * matter; its errors are the schema's (`httpUrlSchema`).
 */
function warnAboutUrls(f: ContentFile, data: unknown, urls: RenderOptions, messages: ContentMessage[], path: (string | number)[] = []): void {
  if (Array.isArray(data)) {
    data.forEach((item, i) => warnAboutUrls(f, item, urls, messages, [...path, i]));
  } else if (data !== null && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) {
      if (urlFields.has(key) && typeof value === 'string') {
        const problem = checkUrl(value, 'link', urls).problem;
        if (problem && !problem.fatal) messages.push(warning({ ruleId: problem.ruleId, file: f.file, ...f.front.positionOf([...path, key]), reason: problem.reason, hint: problem.hint }));
      } else {
        warnAboutUrls(f, value, urls, messages, [...path, key]);
      }
    }
  }
}

/** Renders the Markdown body of a file, which must not be empty. */
function renderBody(v: Valid<unknown>, what: string, hint: string, messages: ContentMessage[], urls: RenderOptions): RenderedMarkdown {
  const body = renderMarkdown(v.file, v.front.body, v.front.bodyLine, messages, urls);
  if (!body.text) messages.push(error({ ruleId: 'body-empty', file: v.file, line: v.front.bodyLine, reason: `Expected ${what} after the front matter, found none.`, hint }));
  return body;
}

function toGlossaryEntry(t: Valid<z.output<typeof glossaryTermSchema>>, messages: ContentMessage[], urls: RenderOptions): GlossaryEntry {
  const def = renderBody(t, 'a definition', 'Write the definition in 1–3 sentences.', messages, urls);
  const { term, aliases, category, caseSensitive, related, source } = t.data;
  return {
    id: t.id,
    file: t.file,
    term,
    aliases,
    ...(category ? { category } : {}),
    ...(caseSensitive !== undefined ? { caseSensitive } : {}),
    related,
    ...(source ? { source } : {}),
    definitionHtml: def.html,
    definitionText: def.text,
  };
}

/** A people file as a speaker; the bio is optional (a speaker the article names needs no file at all). */
function toSpeaker(p: Valid<z.output<typeof personSchema>>, messages: ContentMessage[], urls: RenderOptions): Speaker {
  const bio = renderMarkdown(p.file, p.front.body, p.front.bodyLine, messages, urls);
  const { name, aliases, kind, role, affiliation, asOf, roles, links } = p.data;
  return {
    id: p.id,
    file: p.file,
    name,
    aliases,
    kind,
    ...(role ? { role } : {}),
    ...(affiliation ? { affiliation } : {}),
    ...(asOf ? { asOf } : {}),
    roles,
    links,
    bioHtml: bio.html,
    bioText: bio.text,
    initials: initialsOf(name),
  };
}

function toClaimInput(c: Valid<z.output<typeof claimSchema>>, messages: ContentMessage[], urls: RenderOptions): ClaimInput {
  return {
    id: c.id,
    file: c.file,
    data: c.data,
    positionOf: c.front.positionOf,
    note: renderBody(c, 'a note', 'Say what the sources show and what the article leaves out.', messages, urls),
  };
}

/** Every id in a term's `related` must be a term. */
function checkRelatedTerms(files: readonly ContentFile[], terms: readonly GlossaryEntry[], messages: ContentMessage[]): void {
  const fronts = new Map(files.map((f) => [f.id, f.front]));
  for (const t of terms) {
    const front = fronts.get(t.id)!;
    t.related.forEach((id, i) => {
      if (fronts.has(id)) return;
      messages.push(
        error({
          ruleId: 'related-missing',
          file: t.file,
          ...front.positionOf(['related', i]),
          reason: `Expected a glossary term id in \`related\`, found “${id}”, which has no file.`,
          hint: `Create content/glossary/${id}.md or remove it from the list.`,
        }),
      );
    });
  }
}

/**
 * A form (term or alias) belongs to one term only. A clash is reported at the
 * alias that repeats another term's form (or, between two aliases or two
 * terms, at the second file's).
 */
function checkAliasConflicts(termForms: readonly TermForms[], valid: ReadonlyMap<string, Valid<z.output<typeof glossaryTermSchema>>>, messages: ContentMessage[]): void {
  for (const c of findAliasConflicts(termForms)) {
    const sides = ([0, 1] as const).map((i) => {
      const v = valid.get(c.ids[i]);
      return { i, v, alias: v ? v.data.aliases.indexOf(c.forms[i]) : -1 };
    });
    const at = sides[0]!.alias !== -1 && sides[1]!.alias === -1 ? sides[0]! : sides[1]!;
    const place = at.v ? at.v.front.positionOf(at.alias === -1 ? ['term'] : ['aliases', at.alias]) : {};
    messages.push(
      error({
        ruleId: 'alias-conflict',
        file: c.files[at.i],
        ...place,
        reason: `Expected each glossary form to belong to one term, found “${c.form}” in both ${c.files[0]} and ${c.files[1]}.`,
        hint: 'Remove the form from one of the two files.',
      }),
    );
  }
}

/** Drafts (`npm run draft`) are built, with a warning that is an error in strict mode: their guesses are unchecked. */
function checkDraftExplainer(e: ValidExplainer, messages: ContentMessage[]): void {
  if (!e.data.draft) return;
  messages.push(
    warning({
      ruleId: 'explainer-draft',
      file: e.file,
      ...e.front.positionOf(['draft']),
      reason: 'Expected a checked explainer, found `draft: true`: its title, dek and source were guessed from the text by `npm run draft`.',
      hint: 'Check them against the original article, then remove `draft: true`.',
    }),
  );
}

function checkDraftTerms(terms: readonly Valid<z.output<typeof glossaryTermSchema>>[], messages: ContentMessage[]): void {
  for (const t of terms.filter((x) => x.data.draft)) {
    messages.push(
      warning({
        ruleId: 'term-draft',
        file: t.file,
        ...t.front.positionOf(['draft']),
        reason: `Expected a written definition of “${t.data.term}”, found a stub marked \`draft: true\`.`,
        hint: 'Write the definition in 1–3 sentences with a source, then remove `draft: true`; or delete the file.',
      }),
    );
  }
}

/** Every id in an explainer's `excludeTerms` must be a glossary term. */
function checkExcludedTerms(e: ValidExplainer, termIds: ReadonlySet<string>, messages: ContentMessage[]): void {
  (e.data.excludeTerms ?? []).forEach((id, i) => {
    if (termIds.has(id)) return;
    messages.push(
      warning({
        ruleId: 'term-exclude-missing',
        file: e.file,
        ...e.front.positionOf(['excludeTerms', i]),
        reason: `Expected a glossary term id in \`excludeTerms\`, found “${id}”, which has no file in content/glossary/.`,
        hint: 'Correct the id, or remove it from the list.',
      }),
    );
  });
}

/** Every claims folder belongs to an explainer. */
function checkClaimFolders(files: ContentFiles, messages: ContentMessage[]): void {
  const slugs = new Set(files.explainers.map((e) => e.id));
  for (const name of files.claims.keys()) {
    if (slugs.has(name)) continue;
    messages.push(
      error({
        ruleId: 'claims-folder',
        file: `content/claims/${name}`,
        reason: `Expected claims for an explainer, found the folder “${name}” but no content/explainers/${name}.mdx.`,
        hint: 'Rename the folder to the slug of its explainer.',
      }),
    );
  }
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
