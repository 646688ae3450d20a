/**
 * An explainer's social card: the image link previews show (Open Graph,
 * Twitter), 1200 × 630 px, drawn at build time with satori (layout to SVG)
 * and resvg (SVG to pixels), and written as PNG by `png.ts`. resvg and the
 * PNG's compression run on libuv's thread pool: the main thread lays out the
 * next card, or renders other pages, meanwhile (`build.concurrency`). The fonts are
 * Source Serif 4 and Source Sans 3 (SIL Open Font License 1.1) from their
 * Fontsource packages, bundled into the build from node_modules: no network,
 * no system fonts, the same bytes on every machine.
 */
import { renderAsync } from '@resvg/resvg-js';
import satori from 'satori';
import serifBold from '@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff?inline';
import sansRegular from '@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff?inline';
import sansBold from '@fontsource/source-sans-3/files/source-sans-3-latin-700-normal.woff?inline';
import serifBoldExt from '@fontsource/source-serif-4/files/source-serif-4-latin-ext-700-normal.woff?inline';
import sansRegularExt from '@fontsource/source-sans-3/files/source-sans-3-latin-ext-400-normal.woff?inline';
import sansBoldExt from '@fontsource/source-sans-3/files/source-sans-3-latin-ext-700-normal.woff?inline';
import type { ExplainerPage } from '../lib/content/model.ts';
import { encodePng } from './png.ts';
import { type ClaimStatus, claimStatuses, claimStatusLabels } from '../schemas/claim.ts';
import { formatDate } from '../utils/format.ts';

export const socialCardSize = { width: 1200, height: 630 } as const;

/** The light palette of src/styles/tokens.css. */
const colours = {
  bg: '#fbf9f4',
  surface: '#f3efe6',
  text: '#1f1d1a',
  muted: '#5c5750',
  rule: '#ddd5c7',
  accent: '#1d4f73',
  status: { verified: '#1f6b3a', qualified: '#7a5200', disputed: '#a12a2a', unverified: '#4f5563' } satisfies Record<ClaimStatus, string>,
};

/** A font file bundled as a data: URL, as bytes. */
const bytes = (dataUrl: string) => Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');

const fonts = [
  { name: 'Serif', data: bytes(serifBold), weight: 700 as const },
  { name: 'Serif', data: bytes(serifBoldExt), weight: 700 as const },
  { name: 'Sans', data: bytes(sansRegular), weight: 400 as const },
  { name: 'Sans', data: bytes(sansRegularExt), weight: 400 as const },
  { name: 'Sans', data: bytes(sansBold), weight: 700 as const },
  { name: 'Sans', data: bytes(sansBoldExt), weight: 700 as const },
];

/** A satori element: the shape of a React element, without React. */
type Node = { type: string; props: { style?: Record<string, string | number>; children?: (Node | string)[] | Node | string } };
const el = (type: string, style: Record<string, string | number>, ...children: (Node | string)[]): Node => ({ type, props: { style, children } });

/** What a card is drawn from: an explainer's page, or the explainer as the content store keeps it. */
export type CardSource = Pick<ExplainerPage, 'title' | 'dek' | 'source'> & { claims: readonly { status: ClaimStatus }[]; terms: readonly unknown[]; speakers: readonly unknown[] };

/** What the card says under the headline, as the alt text of the image too. */
export function socialCardAlt(page: CardSource): string {
  return `${page.title}: annotated explainer with ${countLine(page)}.`;
}

function countLine(page: CardSource): string {
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return [n(page.terms.length, 'term', 'terms'), n(page.claims.length, 'checked claim', 'checked claims'), n(page.speakers.length, 'speaker', 'speakers')].join(' · ');
}

/** Everything a card shows, and nothing else: the card is drawn from this alone. */
export type SocialCardText = {
  title: string;
  dek: string;
  counts: string;
  published: string;
  ratings: { status: ClaimStatus; count: number }[];
  siteName: string;
};

export function socialCardText(page: CardSource, siteName: string): SocialCardText {
  return {
    title: page.title,
    dek: page.dek,
    counts: countLine(page),
    published: formatDate(page.source.published),
    ratings: claimStatuses.map((status) => ({ status, count: page.claims.filter((c) => c.status === status).length })).filter((r) => r.count > 0),
    siteName,
  };
}

/** The headline's size: long headlines get smaller type, so three lines hold them. */
function titleSize(title: string): number {
  return title.length <= 50 ? 68 : title.length <= 80 ? 60 : 50;
}

function card(text: SocialCardText): Node {
  const ratings = text.ratings.map(({ status: s, count }) =>
      el(
        'div',
        { display: 'flex', alignItems: 'center', marginRight: 28 },
        el('div', { width: 14, height: 14, borderRadius: 7, backgroundColor: colours.status[s], marginRight: 8 }),
        `${count} ${s === 'qualified' && count > 1 ? 'need context' : claimStatusLabels[s].toLowerCase()}`,
      ),
    );
  return el(
    'div',
    { display: 'flex', flexDirection: 'column', width: '100%', height: '100%', backgroundColor: colours.bg, fontFamily: 'Sans', color: colours.text },
    el('div', { display: 'flex', height: 14, backgroundColor: colours.accent }),
    el(
      'div',
      { display: 'flex', flexDirection: 'column', flexGrow: 1, padding: '48px 72px 40px' },
      el('div', { display: 'flex', fontSize: 24, fontWeight: 700, letterSpacing: 3, color: colours.muted }, 'ANNOTATED EXPLAINER'),
      el(
        'div',
        { display: 'block', marginTop: 20, fontFamily: 'Serif', fontWeight: 700, fontSize: titleSize(text.title), lineHeight: 1.15, lineClamp: 3 },
        text.title,
      ),
      el('div', { display: 'block', marginTop: 22, fontSize: 28, lineHeight: 1.35, color: colours.muted, lineClamp: 3 }, text.dek),
      el('div', { display: 'flex', flexGrow: 1 }),
      el('div', { display: 'flex', fontSize: 26, color: colours.muted, marginBottom: 14 }, ...ratings),
      el(
        'div',
        { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end', paddingTop: 18, borderTop: `2px solid ${colours.rule}`, fontSize: 26 },
        el('div', { display: 'flex' }, `${text.counts} · article of ${text.published}`),
        el('div', { display: 'flex', fontWeight: 700, color: colours.accent }, text.siteName),
      ),
    ),
  );
}

/** The card as a PNG. */
export async function socialCard(text: SocialCardText): Promise<Uint8Array> {
  // satori's types want a React element; this is the same shape.
  const svg = await satori(card(text) as unknown as Parameters<typeof satori>[0], { ...socialCardSize, fonts });
  const image = await renderAsync(svg, { fitTo: { mode: 'width', value: socialCardSize.width }, font: { loadSystemFonts: false } });
  return encodePng(image.pixels, image.width, image.height);
}
