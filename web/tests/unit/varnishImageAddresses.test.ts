import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renditionQuery } from '../../src/lib/images/renditionAddress';
import {
  CROP_POSITIONS,
  CROP_WIDTHS,
  RENDITION_FORMATS,
  RENDITION_WIDTHS,
  type RenditionFormat,
} from '../../src/lib/images/renditions';
import { mediaAddress, mediaVersion } from '../../src/lib/http/uploads';

const VCL = readFileSync(path.resolve(import.meta.dirname, '../../../ops/varnish/default.vcl'), 'utf8');
/** A VCL string's regex as JavaScript reads it (VCL strings keep their backslashes doubled). */
const ruleFrom = (pattern: RegExp, what: string): RegExp => {
  const rule = pattern.exec(VCL)?.[1];
  if (!rule) throw new Error(`${what} not found in ops/varnish/default.vcl`);
  return new RegExp(rule.replaceAll('\\\\', '\\'));
};
/** What Varnish's std.querysort makes of an address: its parameters in name order. */
const querySorted = (address: string): string => {
  const [route, query = ''] = address.split('?');
  return `${route}?${query.split('&').sort().join('&')}`;
};
const V = mediaVersion('2026-05-01T10:00:00.000Z');

describe('the image addresses Varnish lets through', () => {
  const rule = /req\.url !~ "(\^\/_image[^"]+)"/.exec(VCL)?.[1];
  const pattern = ruleFrom(/req\.url !~ "(\^\/_image[^"]+)"/, 'the /_image rule');

  it('are the renditions the site writes: its formats, each at its quality, and its widths, none other', () => {
    const widths = /&w=\(([\d|]+)\)\$$/.exec(rule!)?.[1]?.split('|').map(Number);
    expect(widths, 'replace the widths of the /_image rule in ops/varnish/default.vcl with RENDITION_WIDTHS').toEqual([
      ...RENDITION_WIDTHS,
    ]);
    const formats = Object.keys(RENDITION_FORMATS) as RenditionFormat[];
    for (const format of formats) {
      for (const width of RENDITION_WIDTHS) {
        const written = querySorted(`/_image?${renditionQuery({ file: 'photo_1a2b.jpg', version: V, width, format })}`);
        expect(
          pattern.test(written),
          `${written}: the /_image rule in ops/varnish/default.vcl, RENDITION_FORMATS`,
        ).toBe(true);
      }
      // A format at another format's quality is no address the site writes.
      for (const other of formats.filter((f) => RENDITION_FORMATS[f] !== RENDITION_FORMATS[format])) {
        const swapped = `/_image?f=${format}&href=%2Fuploads%2Fphoto_1a2b.jpg&q=${RENDITION_FORMATS[other]}&v=${V}&w=828`;
        expect(pattern.test(swapped), swapped).toBe(false);
      }
    }
    expect(pattern.test(`/_image?f=webp&href=%2Fuploads%2Fphoto_1a2b.jpg&q=62&v=${V}&w=828&x=1`)).toBe(false);
    expect(pattern.test(`/_image?f=webp&href=%2Fuploads%2Fphoto_1a2b.jpg&q=62&v=${V}&w=829`)).toBe(false);
    expect(pattern.test(`/_image?f=png&href=https%3A%2F%2Fevil.example%2Fx.png&q=62&v=${V}&w=828`)).toBe(false);
  });

  it('include the crops the site writes, at every position staff can choose, and no other crop', () => {
    for (const x of CROP_POSITIONS)
      for (const width of CROP_WIDTHS)
        for (const format of Object.keys(RENDITION_FORMATS) as RenditionFormat[]) {
          const written = querySorted(
            `/_image?${renditionQuery({ file: 'photo_1a2b.jpg', version: V, width, format, crop: { x } })}`,
          );
          expect(pattern.test(written), `${written}: the /_image rule in ops/varnish/default.vcl, CROP_POSITIONS`).toBe(
            true,
          );
        }
    const whole = `f=webp&href=%2Fuploads%2Fphoto_1a2b.jpg&q=62&v=${V}&w=640`;
    for (const crop of ['crop=4x3-31', 'crop=5x4-50', 'crop=4x3-50-50', 'crop=4x3-050', 'crop='])
      expect(pattern.test(`/_image?${crop}&${whole}`), crop).toBe(false);
  });

  it('name the file’s version, so a replaced file’s renditions are new objects (and the old ones never match)', () => {
    expect(pattern.test('/_image?f=webp&href=%2Fuploads%2Fphoto_1a2b.jpg&q=62&w=828')).toBe(false);
    expect(pattern.test('/_image?f=webp&href=%2Fuploads%2Fphoto_1a2b.jpg&q=62&v=not-a-version&w=828')).toBe(false);
  });
});

describe('the media addresses Varnish keeps with their query', () => {
  const versioned = ruleFrom(/elsif \(req\.url ~ "(\^\/uploads\/[^"]+)"\)/, 'the versioned /uploads rule');

  it('are the versioned addresses the site writes; any other query is dropped (the bare file)', () => {
    const written = mediaAddress({ url: '/uploads/guide_1a2b.pdf', updatedAt: '2026-05-01T10:00:00.000Z' });
    expect(versioned.test(written), written).toBe(true);
    for (const other of [
      '/uploads/guide_1a2b.pdf',
      '/uploads/guide_1a2b.pdf?utm_source=x',
      `${written}&x=1`,
      '/uploads/guide_1a2b.pdf?v=old',
    ]) {
      expect(versioned.test(other), other).toBe(false);
    }
  });
});
