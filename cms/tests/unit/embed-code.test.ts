import { describe, expect, it } from 'vitest';
import { readFrame } from '../../src/importer/iframe';

describe('the shape an embed code gives its frame', () => {
  it('is read from a wrapper whose height is a padding percentage of its width (Canva)', () => {
    const frame = readFrame(
      '<div style="position: relative; width: 100%; height: 0; padding-top: 129.4118%;"><iframe style="position: absolute; width: 100%; height: 100%" src="https://www.canva.com/design/DAF/view?embed"></iframe></div>',
    );
    expect(frame?.ratio).toBeCloseTo(8.5 / 11, 3);
  });

  it('is read from padding-bottom, from aspect-ratio, and from a width and height in pixels', () => {
    expect(
      readFrame('<div style="padding-bottom:56.25%"><iframe src="https://www.youtube.com/embed/x"></iframe></div>')
        ?.ratio,
    ).toBeCloseTo(16 / 9, 3);
    expect(
      readFrame('<iframe style="aspect-ratio: 4 / 5" src="https://www.canva.com/design/x"></iframe>')?.ratio,
    ).toBeCloseTo(0.8, 3);
    expect(
      readFrame('<iframe src="https://www.youtube.com/embed/x" width="560" height="315"></iframe>')?.ratio,
    ).toBeCloseTo(560 / 315, 3);
  });

  it('is unknown when the code says nothing of it: a width in percent is no shape', () => {
    expect(
      readFrame('<iframe src="https://www.youtube.com/embed/x" width="100%" height="400"></iframe>'),
    ).toMatchObject({ width: null, height: 400, ratio: null });
    expect(readFrame('https://www.canva.com/design/x/view')?.ratio).toBeNull();
  });
});

describe('a frame address', () => {
  it('may not leave its site through dot segments, written or encoded, nor name nothing', async () => {
    const { frameAddressProblem } = await import('../../src/shared-components/frame-sources');
    expect(frameAddressProblem('https://docs.google.com/forms/d/e/1FAIpQLSf/viewform?embedded=true')).toBeNull();
    expect(frameAddressProblem('https://www.facebook.com/plugins/video.php?href=x')).toBeNull();
    expect(frameAddressProblem('https://docs.google.com/forms/../../../evil')).toMatch(/leaves Google Forms/);
    expect(frameAddressProblem('https://docs.google.com/forms/%2e%2e/%2E%2E/evil')).toMatch(/leaves Google Forms/);
    expect(frameAddressProblem('https://www.canva.com/design/')).toMatch(/names no Canva item/);
    expect(frameAddressProblem('https://www.youtube.com/embed/')).toMatch(/names no YouTube item/);
  });
});
