/**
 * Step 4 of loading, assemble: the views across explainers. The glossary
 * index (each term with every explainer that uses it) and the people pages
 * (each speaker, with a file or named only in articles, with every quotation)
 * are built as new objects from the resolved pages; nothing resolved is
 * changed.
 */
import { type ContentMessage, warning } from '../messages.ts';
import type { ExplainerPage, GlossaryEntry, GlossaryIndexEntry, PersonPage, PersonQuote, Speaker, TermUse } from './model.ts';
import { personPages } from './page-speakers.ts';

export function assembleSite(
  pages: readonly ExplainerPage[],
  terms: readonly GlossaryEntry[],
  people: readonly Speaker[],
  messages: ContentMessage[],
): { glossary: GlossaryIndexEntry[]; people: PersonPage[] } {
  const uses = groupBy(pages.flatMap((p) => p.terms.map((t): [string, TermUse] => [t.entry.id, { slug: p.slug, title: p.title, paragraphs: t.paragraphs }])));
  const quotes = groupBy(
    pages.flatMap((p) =>
      p.speakers.flatMap((s) =>
        s.quotes.map((q): [string, PersonQuote] => [s.speaker.id, { slug: p.slug, title: p.title, quoteId: q.quoteId, paragraph: q.paragraph, text: q.text }]),
      ),
    ),
  );
  for (const t of terms) {
    if (uses.has(t.id)) continue;
    messages.push(warning({ ruleId: 'term-unused', file: t.file, reason: `The term “${t.term}” is found in no article.`, hint: 'Check the spelling of `term` and `aliases`, or remove the file.' }));
  }
  return {
    glossary: terms.map((t) => ({ ...t, uses: uses.get(t.id) ?? [] })),
    people: personPages(pages, people, quotes),
  };
}

function groupBy<T>(pairs: readonly [string, T][]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const [key, value] of pairs) {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  }
  return map;
}
