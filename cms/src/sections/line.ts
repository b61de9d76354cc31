import { choice } from '../importer/field-values';
import { defineSection, sectionData } from '../section-kit/section-module';

export default defineSection({
  uid: 'sections.line',
  templates: ['line'],
  texts: {
    'sections.line': {
      mainField: 'style',
      fields: { style: { label: 'Style', description: 'Dotted, solid or dashed.' } },
    },
  },

  async importSection(fields, ctx) {
    return sectionData('sections.line', {
      style: choice(fields, 'style', ['Dotted', 'Solid', 'Dashed'], 'Dotted', ctx),
    });
  },
});
