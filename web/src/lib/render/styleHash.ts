import { createHash } from 'node:crypto';

type StyleHash = `sha256-${string}`;

const known = new Map<string, StyleHash>();

/**
 * The content security policy's source for a `<style>` element holding exactly `css`
 * ('sha256-…', unquoted as Astro.csp.insertStyleHash takes it); each stylesheet's once.
 */
export const styleHash = (css: string): StyleHash => {
  let hash = known.get(css);
  if (hash === undefined) {
    hash = `sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}`;
    known.set(css, hash);
  }
  return hash;
};
