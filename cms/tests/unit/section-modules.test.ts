import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allTexts } from '../../src/section-kit/content-model';
import { loadSectionModules, moduleName, ZONE_COMPONENTS } from '../../src/section-kit/registry';
import type { AttributeSchema } from '../../src/validation/check-document';
import { ALT_TEXT_REGEX } from '../../src/shared-components/alt-text';
import { STAFF_CONTENT } from '../../src/staff/staff-roles';
import { EMBED_SHAPES } from '../../src/sections/embed';
import { FRAME_SOURCES, frameSourcesRegex, videoAddressRegex } from '../../src/shared-components/frame-sources';
import { SRC, componentUids, schemaFromFiles } from '../support/schema-files';

beforeAll(async () => {
  await loadSectionModules();
});

/** Every model staff edit: the documents, and every component they reach. */
const reachableModels = (): string[] => {
  const seen = new Set<string>();
  const visit = (uid: string) => {
    if (seen.has(uid)) return;
    seen.add(uid);
    for (const attribute of Object.values(schemaFromFiles(uid)?.attributes ?? {})) {
      if (attribute.component) visit(attribute.component);
      for (const component of attribute.components ?? []) visit(component);
    }
  };
  STAFF_CONTENT.forEach(visit);
  return [...seen];
};

describe('the section types of the CMS', () => {
  it('have a module in src/sections/ for every component of the page’s sections zone, and no module outside it', () => {
    const files = readdirSync(path.join(SRC, 'sections'))
      .map((file) => file.replace(/\.ts$/, ''))
      .sort();
    const expected = ZONE_COMPONENTS.map(moduleName).sort();
    expect(
      files,
      'src/sections/<name>.ts and the zone list in src/api/page/content-types/page/schema.json differ',
    ).toEqual(expected);
  });

  it('each name their own component, the old site’s types import at least one old template, no template twice', async () => {
    const modules = await loadSectionModules();
    for (const uid of ZONE_COMPONENTS) expect(modules.get(uid)?.uid, `${uid}'s module`).toBe(uid);
    // The sixteen types of the old site each import its templates; a type born in the CMS may import none.
    for (const module of modules.values())
      if (module.templates) expect(module.templates.length, module.uid).toBeGreaterThan(0);
    const templates = [...modules.values()].flatMap((m) => m.templates ?? []);
    expect(templates.length).toBeGreaterThanOrEqual(16);
    expect(new Set(templates).size, 'a template is imported by two section types').toBe(templates.length);
  });

  it('give staff a label for every field of every model they edit, and a rule text for every field with a pattern', () => {
    const texts = allTexts();
    const missing: string[] = [];
    for (const uid of reachableModels()) {
      const attributes = Object.entries(schemaFromFiles(uid)!.attributes) as [string, AttributeSchema][];
      for (const [field, attribute] of attributes) {
        const text = texts[uid]?.fields[field];
        if (!text?.label) missing.push(`${uid}.${field}: label`);
        if (attribute.regex && !text?.rule) missing.push(`${uid}.${field}: rule (the message for its regex)`);
      }
    }
    expect(missing, 'add these to the module of the section (src/sections/), shared component or document').toEqual([]);
  });

  it('have no texts for a field or model that does not exist', () => {
    const stale = Object.entries(allTexts()).flatMap(([uid, texts]) => {
      const schema = schemaFromFiles(uid);
      if (!schema) return [uid];
      return Object.keys(texts.fields)
        .filter((field) => !(field in schema.attributes))
        .map((field) => `${uid}.${field}`);
    });
    expect(stale).toEqual([]);
  });

  it('give every alt-text field the one alt-text rule', () => {
    const fields = componentUids().flatMap((uid) =>
      Object.entries(schemaFromFiles(uid)!.attributes)
        .filter(([name]) => /alt ?text$/i.test(name))
        .map(([name, attribute]) => ({ at: `${uid}.${name}`, regex: attribute.regex })),
    );
    expect(fields.length).toBeGreaterThan(0);
    for (const { at, regex } of fields)
      expect(regex, `${at} must use ALT_TEXT_REGEX (src/shared-components/alt-text.ts)`).toBe(ALT_TEXT_REGEX);
  });

  it('keep the embed address pattern made from the one list of frame sources', () => {
    const regex = schemaFromFiles('sections.embed')!.attributes.url!.regex;
    expect(regex, 'replace the regex of "url" in src/components/sections/embed.json with this').toBe(
      frameSourcesRegex(FRAME_SOURCES.map((s) => s.prefix)),
    );
  });

  it('give the importer a width ÷ height for every embed shape staff can choose', () => {
    const shapes = schemaFromFiles('sections.embed')!.attributes.aspectRatio!.enum!.filter(
      (shape) => shape !== 'Fixed height',
    );
    expect(
      Object.keys(EMBED_SHAPES),
      'EMBED_SHAPES in src/sections/embed.ts must list the aspectRatio values of src/components/sections/embed.json',
    ).toEqual(shapes);
  });

  it('let a video card play what an embed may frame: its address pattern is made from the same list', () => {
    const regex = schemaFromFiles('sections.card-with-youtube')!.attributes.videoUrl!.regex;
    expect(regex, 'replace the regex of "videoUrl" in src/components/sections/card-with-youtube.json with this').toBe(
      videoAddressRegex(FRAME_SOURCES.map((s) => s.prefix)),
    );
    const rule = new RegExp(regex!);
    expect(
      rule.test(
        'https://www.facebook.com/plugins/video.php?height=314&href=https%3A%2F%2Fwww.facebook.com%2FLegalAidChicago%2Fvideos%2F757545795007193%2F',
      ),
    ).toBe(true);
    expect(rule.test('https://youtu.be/dQw4w9WgXcQ')).toBe(true);
    expect(rule.test('https://evil.example/plugins/video.php')).toBe(false);
  });

  it('warn of a photo too small for its place at the width their help text asks for (pluginOptions.site.idealWidth)', () => {
    const texts = allTexts();
    const asked: string[] = [];
    for (const uid of reachableModels()) {
      for (const [field, attribute] of Object.entries(schemaFromFiles(uid)?.attributes ?? {})) {
        const wanted = /at least (\d+) px wide/.exec(texts[uid]?.fields[field]?.description ?? '')?.[1];
        if (attribute.type !== 'media' || wanted === undefined) continue;
        asked.push(`${uid}.${field}`);
        const site = (attribute as { pluginOptions?: { site?: { idealWidth?: number } } }).pluginOptions?.site;
        expect(
          site?.idealWidth,
          `${uid} › ${field}: its help asks for ${wanted} px; set pluginOptions.site.idealWidth in its schema`,
        ).toBe(Number(wanted));
      }
    }
    expect(asked).toEqual(
      expect.arrayContaining([
        'sections.card-with-image.image',
        'sections.card-with-image.imageTwo',
        'sections.image.image',
      ]),
    );
  });
});
