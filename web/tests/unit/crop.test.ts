import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cropImage } from '../../src/lib/images/crop';

/** A photo `width` × `height` whose left half is red and right half blue. */
const halves = async (width: number, height: number) => {
  const half = (r: number, b: number) =>
    sharp({ create: { width: width / 2, height, channels: 3, background: { r, g: 0, b } } })
      .png()
      .toBuffer();
  return sharp({ create: { width, height, channels: 3, background: '#000' } })
    .composite([
      { input: await half(255, 0), left: 0, top: 0 },
      { input: await half(0, 255), left: width / 2, top: 0 },
    ])
    .jpeg()
    .toBuffer();
};
/** The cropped image's size, and the colour at its middle. */
const seen = async (bytes: Uint8Array | null) => {
  if (bytes === null) throw new Error('no crop was made');
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  const middle = (Math.floor(info.height / 2) * info.width + Math.floor(info.width / 2)) * info.channels;
  return { width: info.width, height: info.height, red: data[middle]! > 128, blue: data[middle + 2]! > 128 };
};

describe('a crop of a media image', () => {
  it('is the 4:3 window at the focus, as tall as the photo: its left at 0 %, its right at 100 %', async () => {
    const photo = new Uint8Array(await halves(1200, 300));
    expect(await seen(await cropImage(photo, { x: 0 }, 828))).toEqual({
      width: 400,
      height: 300,
      red: true,
      blue: false,
    });
    expect(await seen(await cropImage(photo, { x: 100 }, 828))).toEqual({
      width: 400,
      height: 300,
      red: false,
      blue: true,
    });
  });

  it('is made at most as wide as the rendition asked for, in the same pass', async () => {
    const photo = new Uint8Array(await halves(2400, 600));
    expect(await seen(await cropImage(photo, { x: 0 }, 360))).toEqual({
      width: 360,
      height: 270,
      red: true,
      blue: false,
    });
  });

  it('is no crop of a photo less than 1.6 times as wide as tall: the whole is the answer', async () => {
    expect(await cropImage(new Uint8Array(await halves(1580, 1000)), { x: 50 }, 828)).toBeNull();
    expect(await cropImage(new Uint8Array(await halves(1600, 1000)), { x: 50 }, 828)).not.toBeNull();
  });

  it('gives a drawing back as it is, for the image service to refuse as it refuses it whole', async () => {
    const svg = new TextEncoder().encode(
      '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100"><rect width="400" height="100"/></svg>',
    );
    expect(await cropImage(svg, { x: 50 }, 360)).toBe(svg);
  });

  it('is taken of the photo as it stands upright (its EXIF orientation applied first)', async () => {
    // Stored 200 wide and 1000 tall, and turned a quarter clockwise when shown (orientation 6):
    // upright, it is 1000 wide; its stored top, red, shows on the right.
    const stored = await sharp({ create: { width: 200, height: 1000, channels: 3, background: '#000' } })
      .composite([
        {
          input: await sharp({ create: { width: 200, height: 500, channels: 3, background: { r: 255, g: 0, b: 0 } } })
            .png()
            .toBuffer(),
          left: 0,
          top: 0,
        },
        {
          input: await sharp({ create: { width: 200, height: 500, channels: 3, background: { r: 0, g: 0, b: 255 } } })
            .png()
            .toBuffer(),
          left: 0,
          top: 500,
        },
      ])
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect(await seen(await cropImage(new Uint8Array(stored), { x: 100 }, 828))).toEqual({
      width: 267,
      height: 200,
      red: true,
      blue: false,
    });
  });

  it('crops every frame of an animation, which stays one', async () => {
    const frame = (background: string) =>
      sharp({ create: { width: 400, height: 100, channels: 4, background } })
        .png()
        .toBuffer();
    const animation = await sharp([await frame('#f00'), await frame('#00f')], { join: { animated: true } })
      .gif()
      .toBuffer();
    const cropped = await cropImage(new Uint8Array(animation), { x: 50 }, 828);
    if (cropped === null) throw new Error('no crop was made');
    const { width, height, pages, format } = await sharp(cropped).metadata();
    expect({ width, height, pages, format }).toEqual({ width: 133, height: 100, pages: 2, format: 'webp' });
  });
});
