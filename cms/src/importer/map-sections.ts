import { sectionModules } from '../section-kit/registry';
import type { SectionImport, SectionInput } from '../section-kit/section-module';
import { cmsShapedSection } from './cms-shaped-section';
import { FieldReader } from './field-reader';
import type { ImportContext } from './import-context';
import { originalOf } from './original';

/** The section types the old site had: those with an import. */
const importers = (): SectionImport[] =>
  [...sectionModules().values()].flatMap((module) =>
    module.templates && module.importSection
      ? [{ templates: module.templates, importSection: module.importSection.bind(module) }]
      : [],
  );

/** Which section type imports an old `template:` name. */
const moduleForTemplate = (template: string): SectionImport | undefined =>
  importers().find((module) => module.templates.includes(template));

/**
 * Maps the `sections:` list, each section by the module of its type (or, written as
 * `component: sections.<name>`, in the CMS's own shape: cms-shaped-section.ts). A section of an unknown
 * template, and every field no mapper read, is reported with its position and its whole
 * original, which also goes into the page's import notes.
 */
export const mapSections = async (raw: unknown, ctx: ImportContext): Promise<SectionInput[]> => {
  if (raw == null) return [];
  if (!Array.isArray(raw)) {
    ctx.warn('sections', 'is not a list: no sections imported');
    return [];
  }
  const sections: SectionInput[] = [];
  for (const [index, item] of raw.entries()) {
    const fields = FieldReader.of(item, `sections[${index}]`);
    if (fields.has('component')) {
      const section = await cmsShapedSection(fields, ctx);
      if (section) sections.push(section);
      reportUnread(fields, ctx);
      continue;
    }
    const template = fields.text('template');
    const module = template ? moduleForTemplate(template) : undefined;
    if (!module) {
      const known = importers()
        .flatMap((m) => m.templates)
        .join(', ');
      ctx.warn(
        fields.position,
        `template ${JSON.stringify(template)} has no section type here (${known}): the section was not imported; it was:${originalOf(item)}`,
      );
      continue;
    }
    const section = await module.importSection(fields, ctx);
    if (section) sections.push(section);
    reportUnread(fields, ctx);
  }
  return sections;
};

const reportUnread = (fields: FieldReader, ctx: ImportContext): void => {
  for (const { position, key, value } of fields.unread()) {
    ctx.warn(position, `unknown field "${key}" was not carried over; it was:${originalOf(value)}`);
  }
};
