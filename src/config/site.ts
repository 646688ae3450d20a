/**
 * Settings of the site that content cannot change: they are code, reviewed
 * like code, so a pull request that edits only `content/` cannot widen them.
 */
export const siteConfig = {
  /** The site's name: page titles, feeds, social cards and structured data. */
  name: 'Annotated Explainers',
  /** What the site is, in a sentence: the home page, the feed and search engines. */
  description: 'News articles, annotated: a glossary, checked claims with sources, and who is speaking.',
  /**
   * Hosts that images in content may come from, besides the site itself
   * (root-relative paths such as `/images/chart.png`, served from `public/`).
   * Every other host is refused: an image from elsewhere is a request the
   * reader's browser makes to a third party (a tracking pixel).
   */
  imageHosts: [] as readonly string[],
} as const;
