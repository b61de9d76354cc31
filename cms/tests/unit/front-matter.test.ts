import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/importer/front-matter';

describe('readFrontMatter', () => {
  it('parses the YAML between the --- lines', () => {
    expect(readFrontMatter('---\ntitle: Hi there\nsections: []\n---\nbody').data).toEqual({ title: 'Hi there', sections: [] });
  });

  it('names the file line of broken YAML', () => {
    expect(() => readFrontMatter('---\ntitle: ok\nsections: [ unclosed\n---\n')).toThrow(/broken YAML front matter at line \d+/);
  });

  it('says so when there is no front matter', () => {
    expect(() => readFrontMatter('# Just markdown')).toThrow(/no front matter/);
  });

  it('refuses front matter that is not a set of fields', () => {
    expect(() => readFrontMatter('---\n- a\n- b\n---\n')).toThrow(/not a set of "key: value" fields/);
  });
});
