import { describe, expect, it } from 'vitest';
import { MEDIA_POLICY, securityHeaders, styleHashesIn, takesSitePolicy } from '../../src/lib/http/securityHeaders';

const HASH_A = "'sha256-3czoIiPVMQ3tk3VOnwrs655zS+qpvAdHKTV+vjDZrZg='";
const HASH_B = "'sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC'";

describe("the page's style hashes, from Astro's policy", () => {
  it('are taken from style-src alone, and nothing else of it', () => {
    const astro = `script-src 'self' 'sha256-c2NyaXB0'; style-src 'self' ${HASH_A} 'unsafe-inline' https://cdn.example 'nonce-abc' 'strict-dynamic' ${HASH_B}`;
    expect(styleHashesIn(astro)).toEqual([HASH_A, HASH_B]);
  });

  it('are none without a policy, or without style-src in it', () => {
    expect(styleHashesIn(null)).toEqual([]);
    expect(styleHashesIn("default-src 'self'; script-src 'self' 'sha256-c2NyaXB0'")).toEqual([]);
  });

  it("go into the site's policy beside 'self', never with 'unsafe-inline'", () => {
    const policy = securityHeaders("'none'", undefined, [HASH_A])['Content-Security-Policy'];
    expect(policy).toContain(`style-src 'self' ${HASH_A};`);
    expect(policy).not.toContain('unsafe-inline');
  });
});

describe("which answers get the site's policy", () => {
  it('a page of the site, or a redirect, whose policy Astro wrote', () => {
    expect(takesSitePolicy(`script-src 'self'; style-src 'self' ${HASH_A}`)).toBe(true);
  });

  it('an answer that set none', () => {
    expect(takesSitePolicy(null)).toBe(true);
  });

  it('not a media file, which keeps its sandbox whatever type the CMS gave it', () => {
    expect(takesSitePolicy(MEDIA_POLICY)).toBe(false);
    expect(MEDIA_POLICY).toContain('sandbox');
  });
});
