import { describe, expect, it } from 'vitest';
import { httpUrlSchema, sourceSchema } from '../../src/schemas/common.ts';

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
