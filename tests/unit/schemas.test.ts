import { describe, expect, it } from 'vitest';
import { httpUrlSchema, sourceLinkSchema, sourceSchema } from '../../src/schemas/common.ts';

describe('source URLs', () => {
  it.each(['https://example.org/a?b=c#d', 'http://example.org/'])('accepts %s', (url) => {
    expect(httpUrlSchema.safeParse(url).success).toBe(true);
  });

  it.each([
    ['javascript:alert(1)', /scheme "javascript:"/],
    ['JavaScript:alert(1)', /scheme "javascript:"/],
    ['data:text/html,<script>alert(1)</script>', /scheme "data:"/],
    ['/relative/path', /absolute http\(s\) URL/],
    ['example.org/page', /absolute http\(s\) URL/],
    ['ftp://example.org/file', /scheme "ftp:"/],
    [' javascript:alert(1)', /U\+0020/],
    ['java\tscript:alert(1)', /U\+0009/],
    ['https://exa mple.org/', /U\+0020/],
    ['https://example.org/\u0000', /U\+0000/],
    ['\u200bhttps://example.org/', /U\+200B/],
  ])('refuses %j', (url, message) => {
    const result = httpUrlSchema.safeParse(url);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(message);
  });

  it('checks archived copies as strictly as sources', () => {
    const result = sourceSchema.safeParse({ title: 'T', publisher: 'P', url: 'https://example.org/', archived: 'javascript:void(0)' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['archived']);
  });
});

describe('sources', () => {
  const base = { publisher: 'CNBC', url: 'https://www.cnbc.com/2025/01/27/nvidia.html' };

  it('takes the page title or a plain description, and says which', () => {
    expect(sourceSchema.parse({ ...base, title: 'Nvidia sheds almost $600 billion' }).title).toBe('Nvidia sheds almost $600 billion');
    expect(sourceSchema.parse({ ...base, description: 'report on the sell-off' }).description).toBe('report on the sell-off');
  });

  it.each([
    [{ ...base }, ['title'], /found neither/],
    [{ ...base, title: 'T', description: 'D' }, ['description'], /found both/],
    [{ title: 'T', publisher: 'P' }, ['url'], /`url`.*or `via`/],
    [{ ...base, title: 'T', date: '2025-01-27' }, [], /date/],
  ])('refuses %j', (source, path, message) => {
    const result = sourceSchema.safeParse(source);
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.path).toEqual(path);
    expect(issue.code === 'unrecognized_keys' ? issue.keys.join() : issue.message).toMatch(message);
  });

  it('records the publication date as `published` and where a copy was read as `via`, one copy or several', () => {
    const one = sourceSchema.parse({ ...base, title: 'T', published: '2025-01-27', via: { publisher: 'prchief.com', url: 'https://prchief.com/?p=1' } });
    expect(one.published).toBe('2025-01-27');
    expect(one.via).toEqual([{ publisher: 'prchief.com', url: 'https://prchief.com/?p=1' }]);
    const unknownOriginal = sourceSchema.parse({ title: 'T', publisher: 'Bloomberg', via: [{ publisher: 'A', url: 'https://a.example/' }, { publisher: 'B', url: 'https://b.example/' }] });
    expect(unknownOriginal.url).toBeUndefined();
    expect(unknownOriginal.via).toHaveLength(2);
  });

  it('checks `via` addresses as strictly as sources', () => {
    const result = sourceSchema.safeParse({ ...base, title: 'T', via: { publisher: 'X', url: 'javascript:alert(1)' } });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['via', 'url']);
  });

  it('gives glossary terms and people the same rules, without an excerpt', () => {
    expect(sourceLinkSchema.safeParse({ ...base, title: 'T', excerpt: 'x' }).success).toBe(false);
    expect(sourceLinkSchema.safeParse({ ...base }).success).toBe(false);
    expect(sourceLinkSchema.safeParse({ ...base, description: 'D' }).success).toBe(true);
  });
});
