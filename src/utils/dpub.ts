/**
 * DPUB-ARIA roles (`doc-glossary`, `doc-endnotes`, `doc-backlink`), which the
 * page contract uses but Astro's JSX types do not list: spread as attributes.
 */
export const dpubRoles = ['doc-glossary', 'doc-endnotes', 'doc-backlink', 'doc-noteref'] as const;

export function dpubRole(role: (typeof dpubRoles)[number]): Record<string, string> {
  return { role };
}
