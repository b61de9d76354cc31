import { describe, expect, it } from 'vitest';
import {
  createPreviewToken,
  isValidPreviewLink,
  isValidPreviewToken,
  PREVIEW_LINK_SECONDS,
  PREVIEW_TTL_SECONDS,
  signPreviewLink,
} from '../../src/lib/preview/previewSession';
import { secretsMatch } from '../../src/lib/http/secretsMatch';

const SECRET = 'p'.repeat(40);

describe('the preview cookie', () => {
  it('is valid for an hour after it was issued, and not after', () => {
    const issued = Date.UTC(2026, 10, 25, 12);
    const token = createPreviewToken(SECRET, issued);
    expect(isValidPreviewToken(token, SECRET, issued + 1000)).toBe(true);
    expect(isValidPreviewToken(token, SECRET, issued + (PREVIEW_TTL_SECONDS + 1) * 1000)).toBe(false);
  });

  it('is refused when signed with another secret, tampered with, or missing', () => {
    const token = createPreviewToken(SECRET);
    expect(isValidPreviewToken(token, 'q'.repeat(40))).toBe(false);
    const [expires, signature] = token.split('.');
    expect(isValidPreviewToken(`${Number(expires) + 3600}.${signature}`, SECRET)).toBe(false);
    expect(isValidPreviewToken(`${expires}.`, SECRET)).toBe(false);
    expect(isValidPreviewToken(undefined, SECRET)).toBe(false);
    expect(isValidPreviewToken('garbage', SECRET)).toBe(false);
  });
});

describe('secretsMatch', () => {
  it('compares whole values of any length', () => {
    expect(secretsMatch('abc', 'abc')).toBe(true);
    expect(secretsMatch('abc', 'abcd')).toBe(false);
    expect(secretsMatch('', 'abc')).toBe(false);
    expect(secretsMatch(null, 'abc')).toBe(false);
  });
});

describe('preview links', () => {
  it('are signed the same way by the CMS, which makes them, and the site, which checks them', async () => {
    const cms = await import('../../../cms/src/config-support/preview');
    const expires = Math.floor(Date.now() / 1000) + 300;
    const signature = cms.signPreviewLink('s'.repeat(40), '/services/clear-your-record/', 'draft', expires);
    expect(
      isValidPreviewLink(
        { path: '/services/clear-your-record/', status: 'draft', expires: String(expires), signature },
        's'.repeat(40),
      ),
    ).toBe(true);
    expect(
      isValidPreviewLink(
        { path: '/contact-us/', status: 'draft', expires: String(expires), signature },
        's'.repeat(40),
      ),
    ).toBe(false);
    expect(cms.PREVIEW_LINK_SECONDS).toBe(PREVIEW_LINK_SECONDS);
  });

  it('last minutes, never longer than a link made now would', () => {
    const secret = 'k'.repeat(40);
    const link = (expires: number) => ({
      path: '/x/',
      status: 'draft',
      expires: String(expires),
      signature: signPreviewLink(secret, '/x/', 'draft', expires),
    });
    const now = Date.now();
    expect(isValidPreviewLink(link(Math.floor(now / 1000) + 60), secret, now)).toBe(true);
    expect(isValidPreviewLink(link(Math.floor(now / 1000) - 1), secret, now)).toBe(false);
    expect(isValidPreviewLink(link(Math.floor(now / 1000) + 86_400), secret, now)).toBe(false);
  });
});

describe('preview cookies', () => {
  it('open nothing when signed to last longer than one made now', () => {
    const secret = 'c'.repeat(40);
    const now = Date.now();
    expect(isValidPreviewToken(createPreviewToken(secret, now), secret, now)).toBe(true);
    // A cookie made with the secret's help but an expiry in 2100.
    expect(isValidPreviewToken(createPreviewToken(secret, Date.UTC(2100, 0, 1)), secret, now)).toBe(false);
  });
});
