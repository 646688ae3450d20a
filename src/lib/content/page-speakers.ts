/**
 * Who a speaker is on one explainer's page, and on their own page: the role
 * the card shows is chosen by the article's date.
 *
 * On an explainer, in this order: the entry of the file's `roles` that covers
 * the article's date; the file's `role` (or no role) when it is as of the
 * article's month, or when the article says nothing of the speaker's role;
 * the article's own
 * description ("as described in the article"); else no role. A file's role as
 * of another month loses to the article's description, with a line in the
 * build log, so an old role never shows on a later article.
 */
import { type ContentMessage, info } from '../messages.ts';
import type { QuotedSpeaker } from '../resolve/resolve-quotes.ts';
import type { PersonRole } from '../../schemas/person.ts';
import type { ExplainerPage, PersonPage, PersonQuote, Speaker } from './model.ts';
import { initialsOf } from './validate-content.ts';

/** What an explainer's card says of where a role comes from, when the article describes it. */
const thisArticle = 'the article';

/** The speaker as one article's card shows it. */
export function speakerOnPage(quoted: QuotedSpeaker, file: Speaker | undefined, published: string, messages: ContentMessage[]): Speaker {
  const d = quoted.described?.description;
  const text = d && (d.role || d.affiliation) ? { ...(d.role ? { role: d.role } : {}), ...(d.affiliation ? { affiliation: d.affiliation } : {}) } : undefined;
  if (!file) {
    const { entry } = quoted;
    return {
      id: quoted.id,
      name: entry.name,
      aliases: entry.aliases,
      kind: entry.kind,
      ...(text ? { ...text, describedIn: thisArticle } : {}),
      roles: [],
      links: [],
      bioHtml: '',
      bioText: '',
      initials: initialsOf(entry.name),
    };
  }
  const dated = roleOn(file.roles, published);
  if (dated) return withRole(file, dated.role, dated.affiliation, { asOf: published });
  // A file that speaks as of a date (with a role, or deliberately without one) holds for that month.
  const single = file.asOf !== undefined;
  if (single && (!text || file.asOf!.slice(0, 7) === published.slice(0, 7))) return file;
  if (text) {
    if (file.role || file.affiliation) {
      messages.push(
        info({
          ruleId: 'person-role-undated',
          ...(file.file ? { file: file.file } : { file: quoted.entry.file }),
          reason: `the role here is as of ${file.asOf}, another month than an article of ${published} that describes ${file.name} as “${[text.role, text.affiliation].filter(Boolean).join(', ')}”: its card shows the article's description`,
          hint: 'List the roles with their dates under `roles` to show the role held on each article’s date.',
        }),
      );
    }
    return withRole(file, text.role, text.affiliation, { describedIn: thisArticle });
  }
  return withRole(file, undefined, undefined, {});
}

/** The role held on a date: the entry of `roles` that covers it, the latest-starting one if several do. */
export function roleOn(roles: readonly PersonRole[], date: string): PersonRole | undefined {
  const covering = roles.filter((r) => date.slice(0, r.from.length) >= r.from && (r.to === undefined || date.slice(0, r.to.length) <= r.to));
  return covering.sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : 0))[0];
}

function withRole(file: Speaker, role: string | undefined, affiliation: string | undefined, source: { asOf?: string; describedIn?: string }): Speaker {
  const { role: _role, affiliation: _affiliation, asOf: _asOf, describedIn: _describedIn, ...rest } = file;
  return { ...rest, ...(role ? { role } : {}), ...(affiliation ? { affiliation } : {}), ...source };
}

/**
 * Every speaker's own page: each people file, with its `role` as of its date
 * or else its current entry of `roles`, and each speaker named only in
 * articles, described as the first article (by slug) describes them.
 */
export function personPages(pages: readonly ExplainerPage[], people: readonly Speaker[], quotes: ReadonlyMap<string, PersonQuote[]>): PersonPage[] {
  const files = people.map((p): PersonPage => {
    const current = p.role || p.affiliation ? undefined : [...p.roles].reverse().find((r) => r.to === undefined);
    const shown = current ? withRole(p, current.role, current.affiliation, { asOf: current.from }) : p;
    return { ...shown, quotes: quotes.get(p.id) ?? [] };
  });
  const withFile = new Set(people.map((p) => p.id));
  const fromText = new Map<string, PersonPage>();
  for (const page of [...pages].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))) {
    for (const { speaker } of page.speakers) {
      if (withFile.has(speaker.id) || fromText.has(speaker.id)) continue;
      const describedIn = speaker.describedIn ? { describedIn: `“${page.title}”` } : {};
      fromText.set(speaker.id, { ...speaker, ...describedIn, quotes: quotes.get(speaker.id) ?? [] });
    }
  }
  return [...files, ...[...fromText.values()].sort((a, b) => (a.id < b.id ? -1 : 1))];
}
