import { describe, expect, it } from 'vitest';
import { extractSymbol } from '../../src/importer/svg-symbol';

const SPRITE = `<svg xmlns="http://www.w3.org/2000/svg" style="display: none">
  <symbol id="logo" viewBox="0 0 20 10"><path d="M0 0 L10.000 0 L10.000 10.000 Z"/><title>Logo</title></symbol>
  <symbol id="arrow" viewBox="0 0 8 8"><path d="M0 4h8"/></symbol>
</svg>`;

describe('a symbol of an SVG sprite', () => {
  it('becomes an SVG file of its own, sized by its viewBox', () => {
    const svg = extractSymbol(SPRITE, 'logo')!;
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* width="20" height="10"[^>]*viewBox="0 0 20 10"[^>]*>/,
    );
    expect(svg).toContain('<path d="');
    expect(svg).not.toContain('arrow');
    expect(svg).not.toContain('display');
  });

  it('takes the colour the old site gave it from CSS, when it is a hex colour', () => {
    expect(extractSymbol(SPRITE, 'logo', '#10A882')).toMatch(/fill="#10a882"/i);
    expect(extractSymbol(SPRITE, 'logo', 'red;" onload="alert(1)')).not.toContain('onload');
  });

  it('is null when the sprite has no such symbol', () => {
    expect(extractSymbol(SPRITE, 'missing')).toBeNull();
  });
});
