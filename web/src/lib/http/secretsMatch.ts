import { createHash, timingSafeEqual } from 'node:crypto';

/** Constant-time comparison; hashing first makes both sides the same length. */
export const secretsMatch = (given: string | null | undefined, expected: string): boolean => {
  if (!given) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
};
