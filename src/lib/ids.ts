/**
 * Every id the pages generate, from one place, so no content id can collide
 * with a generated one.
 *
 * Content ids are lower-case kebab-case (`def-gpu`): letters, digits and
 * single hyphens. The page contract's ids are a kind and a content id joined
 * by one hyphen (`term-gpu`, `claim-x`, `speaker-x`), and nothing else starts
 * with those kinds. Every other generated id holds a double hyphen (`def--gpu`,
 * `intro--summary`), which no content id can, so `term-def-gpu` (the entry of a
 * term whose id is `def-gpu`) can never be the definition of `gpu`.
 */

/** A paragraph of the article (contract: `p-N`). */
export const paragraphId = (n: number) => `p-${n}`;

/** A glossary entry (contract). */
export const termId = (id: string) => `term-${id}`;

/** A claim's note in the endnotes (contract). */
export const claimId = (id: string) => `claim-${id}`;

/** A speaker's card (contract). */
export const speakerId = (id: string) => `speaker-${id}`;

/** A quotation in the article; quotation ids are generated (`q-12-1`), never content. */
export const quoteId = (id: string) => `quote-${id}`;

/** A term's definition, which its links point at with `aria-describedby`. */
export const definitionId = (id: string) => `def--${id}`;

/** A claim's note marker in the text, which the note links back to. */
export const noteRefId = (id: string) => `noteref--${id}`;

/** A claim's sidenote beside its line. */
export const sidenoteId = (id: string) => `sidenote--${id}`;

/** The name heading of a speaker's card. */
export const speakerNameId = (id: string) => `speaker-name--${id}`;

/** A heading of the editor's introduction, from its text. */
export const introHeadingId = (slug: string) => `intro--${slug}`;

/** A sub-heading of the article, from its text. */
export const headingId = (slug: string) => `section--${slug}`;

/** A letter of the glossary index. */
export const letterId = (letter: string) => `letter--${letter}`;

/**
 * The content id a name gives, by the rule file names follow: lower-case
 * kebab-case ASCII, accents dropped (`Kai-Fu Lee` → `kai-fu-lee`). A speaker
 * named only in an article gets this id, so a people file of that name has it.
 */
export function idFromName(name: string): string {
  const id = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id || 'a-name';
}

/**
 * A node of the page's structured data (JSON-LD `@id`: `<page URL>#ld--explainer`),
 * which names no element.
 */
export const linkedDataId = (name: string) => `ld--${name}`;

/** A form control of the page chrome or the search page (`control--site-search`). */
export const controlId = (name: string) => `control--${name}`;

/** `#id`, for links. */
export const fragment = (id: string) => `#${id}`;

/** The path of an explainer under the site's base: `deepseek-r1/`. */
export const explainerPath = (slug: string) => `${slug}/`;

/** The path of an explainer's social card (Open Graph image) under the site's base. */
export const socialCardPath = (slug: string) => `${slug}/social.png`;

/** The path of a person's page under the site's base. */
export const personPath = (id: string) => `people/${id}/`;
