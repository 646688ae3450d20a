/**
 * The one URL policy for everything an editor writes: front-matter fields,
 * Markdown links and images in notes, definitions and bios, and the
 * introduction. Every URL of content goes through `checkUrl`.
 *
 * - Absolute URLs are `https` (plain `http` is a warning), without
 *   credentials, and never point at this machine or a private network
 *   (`localhost`, loopback, private and link-local addresses, single-label
 *   and `.local`/`.internal` hosts).
 * - `javascript:`, `data:`, `file:`, `vbscript:` and every other scheme are
 *   refused, whatever their case; so is any URL holding white space, control
 *   or invisible characters, which browsers strip before they read a scheme.
 * - Links may be in-page (`#p-3`) or root-relative (`/glossary/`), which is
 *   rewritten under the site's base path; other relative paths are refused.
 * - Images come only from the site itself (root-relative) or from a host
 *   listed in `src/config/site.ts`.
 */

import { codePointLabel } from './text/characters.ts';

/** What the URL is for. */
export type UrlUse = 'link' | 'image';

export interface UrlPolicyOptions {
  /** The site's base path, such as `/pr-preview/pr-7/` (default: `/`). */
  base?: string;
  /** Hosts images may come from, besides the site itself (default: none). */
  imageHosts?: readonly string[];
}

export interface UrlProblem {
  /** `true` stops the build; `false` is a warning. */
  fatal: boolean;
  ruleId: string;
  reason: string;
  hint: string;
}

export interface UrlVerdict {
  /** The URL to put in the page: root-relative links rewritten under the base. */
  href: string;
  problem?: UrlProblem;
}

/** Characters a browser drops or reads past before it looks at a URL: spaces, controls, invisible characters. */
const hiddenOrSpace = /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/u;

/** A scheme at the start: letters, then letters, digits, `+`, `-`, `.`, then a colon. */
const schemePattern = /^([a-z][a-z0-9+.-]*):/i;

const fail = (ruleId: string, reason: string, hint: string): UrlProblem => ({ fatal: true, ruleId, reason, hint });

export function checkUrl(raw: string, use: UrlUse, options: UrlPolicyOptions = {}): UrlVerdict {
  const refuse = (problem: UrlProblem): UrlVerdict => ({ href: '', problem });
  const hidden = hiddenOrSpace.exec(raw);
  if (hidden) {
    return refuse(
      fail('url-characters', `Expected a URL without spaces, control or invisible characters, found ${codePointLabel(hidden[0])} in ${JSON.stringify(raw)}.`, 'Retype the URL; encode a space as %20.'),
    );
  }
  if (raw === '') return refuse(fail('url-empty', 'Expected a URL, found an empty one.', 'Write the address, or remove the link.'));
  const scheme = schemePattern.exec(raw)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
    return refuse(fail('url-scheme', `Expected an https URL, found the scheme "${scheme}:" in ${JSON.stringify(raw)}.`, 'Link only to https:// addresses (or to a page of this site, as /path/).'));
  }
  if (scheme === undefined) return local(raw, use, options);
  return absolute(raw, use, options);
}

/** `#fragment`, `/root-relative`, or a relative path (refused). */
function local(raw: string, use: UrlUse, options: UrlPolicyOptions): UrlVerdict {
  if (raw.startsWith('//')) {
    return { href: '', problem: fail('url-relative', `Expected an https URL, found the scheme-relative ${JSON.stringify(raw)}.`, 'Write the scheme: https://…') };
  }
  if (raw.startsWith('#') && use === 'link') return { href: raw };
  if (raw.startsWith('/')) return { href: withBase(raw, options.base ?? '/') };
  const what = use === 'image' ? 'an image of this site (/images/…) or an https URL' : 'an https URL, a page of this site (/path/) or a fragment (#id)';
  return { href: '', problem: fail('url-relative', `Expected ${what}, found the relative ${JSON.stringify(raw)}.`, 'Start a path of this site with /, or write the whole https:// address.') };
}

function absolute(raw: string, use: UrlUse, options: UrlPolicyOptions): UrlVerdict {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { href: '', problem: fail('url-invalid', `Expected a valid URL, found ${JSON.stringify(raw)}.`, 'Copy the address from the browser’s address bar.') };
  }
  if (url.username || url.password) {
    return { href: '', problem: fail('url-credentials', `Expected a URL without a user name or password, found one in ${JSON.stringify(raw)}.`, 'Remove the part before @ in the host.') };
  }
  const host = url.hostname.replace(/\.$/, '').toLowerCase();
  const inside = privateHost(host);
  if (inside) {
    return { href: '', problem: fail('url-private-host', `Expected a public web address, found ${inside} (${host}) in ${JSON.stringify(raw)}.`, 'Link to the page’s public address.') };
  }
  if (use === 'image' && !(options.imageHosts ?? []).includes(host)) {
    return {
      href: '',
      problem: fail('url-image-host', `Expected an image of this site or of an allowed host, found one from ${host}: a reader’s browser would request it from a third party.`, 'Put the image in public/ and write /its-path, or add the host to imageHosts in src/config/site.ts.'),
    };
  }
  if (url.protocol === 'http:') {
    return { href: raw, problem: { fatal: false, ruleId: 'url-http', reason: `Expected an https URL, found plain http in ${JSON.stringify(raw)}.`, hint: 'Use https:// if the site offers it.' } };
  }
  return { href: raw };
}

/** What kind of non-public host this is, or undefined for a public one. */
export function privateHost(host: string): string | undefined {
  if (host === 'localhost' || host.endsWith('.localhost')) return 'this machine';
  if (host.endsWith('.local') || host.endsWith('.internal') || host.endsWith('.lan') || host.endsWith('.home.arpa')) return 'a local network name';
  if (host.startsWith('[')) return privateIpv6(host.slice(1, -1));
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
  if (v4) return privateIpv4(v4.slice(1).map(Number));
  if (!host.includes('.')) return 'a single-label host name';
  return undefined;
}

function privateIpv4([a, b]: number[]): string | undefined {
  if (a === 127) return 'a loopback address';
  if (a === 0) return 'an unspecified address';
  if (a === 10 || (a === 172 && b! >= 16 && b! <= 31) || (a === 192 && b === 168)) return 'a private network address';
  if (a === 169 && b === 254) return 'a link-local address';
  if (a === 100 && b! >= 64 && b! <= 127) return 'a shared address space address';
  return undefined;
}

function privateIpv6(ip: string): string | undefined {
  if (ip === '::1') return 'a loopback address';
  if (ip === '::') return 'an unspecified address';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip) ?? /^::ffff:([0-9a-f]+):([0-9a-f]+)$/.exec(ip);
  if (mapped) {
    const v4 = mapped.length === 2 ? mapped[1]!.split('.').map(Number) : [...hexPair(mapped[1]!), ...hexPair(mapped[2]!)];
    return privateIpv4(v4) ?? undefined;
  }
  if (/^f[cd]/.test(ip)) return 'a private network address';
  if (/^fe[89ab]/.test(ip)) return 'a link-local address';
  return undefined;
}

function hexPair(group: string): number[] {
  const n = parseInt(group, 16);
  return [n >> 8, n & 255];
}

/** A root-relative path under the base: `/glossary/` → `/pr-preview/pr-7/glossary/`. */
export function withBase(path: string, base: string): string {
  const prefix = base.replace(/\/+$/, '');
  return `${prefix}/${path.replace(/^\/+/, '')}`;
}

