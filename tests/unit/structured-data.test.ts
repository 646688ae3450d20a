import { describe, expect, it } from 'vitest';
import { claimRatings, jsonLd } from '../../src/render/structured-data.ts';

describe('JSON-LD output', () => {
  it('cannot close its script element or open a comment, whatever the content says', () => {
    const json = jsonLd({ '@context': 'https://schema.org', '@graph': [{ '@type': 'Thing', name: '</script><!-- & \u2028' }] });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)['@graph'][0].name).toBe('</script><!-- & \u2028');
  });

  it('rates claims from 1 (disputed) to 5 (verified), and gives an unverified claim no number', () => {
    expect(claimRatings).toEqual({ verified: 5, qualified: 4, disputed: 1, unverified: undefined });
  });
});
