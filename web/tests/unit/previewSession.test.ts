import { describe, expect, it } from 'vitest';
import { createPreviewToken, isValidPreviewToken, PREVIEW_TTL_SECONDS } from '../../src/lib/previewSession';
import { secretsMatch } from '../../src/lib/secretsMatch';

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
