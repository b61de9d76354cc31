import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/importer/front-matter';

describe('readFrontMatter', () => {
  it('parses the YAML between the --- lines', () => {
    expect(readFrontMatter('---\ntitle: Hi there\nsections: []\n---\nbody').data).toEqual({
      title: 'Hi there',
      sections: [],
    });
  });

  it('names the file line of broken YAML', () => {
    expect(() => readFrontMatter('---\ntitle: ok\nsections:\n  - a\n - b\n---\n')).toThrow(
      /broken YAML front matter at line \d+, column \d+/,
    );
  });

  it('names where an unclosed bracket or quote starts, not the end of the block where YAML gives up', () => {
    const at = (source: string) => {
      try {
        readFrontMatter(source);
      } catch (error) {
        return (error as Error).message;
      }
      return 'parsed';
    };
    expect(at('---\ntitle: ok\nsections: [ unclosed\ndescription: more\n\n---\n')).toMatch(
      /^broken YAML front matter at line 3, column 11: the "\[" that starts here is never closed/,
    );
    expect(
      at('---\ntitle: ok\nsections:\n- template: hero\n  heading: "Clear your record\n  alt_text: People\n---\n'),
    ).toMatch(/^broken YAML front matter at line 5, column 12: the " that starts here is never closed/);
    expect(at("---\ntitle: 'Open\ndescription: x\n---\n")).toMatch(
      /^broken YAML front matter at line 2, column 8: the ' that starts here is never closed/,
    );
  });

  it('says so when there is no front matter', () => {
    expect(() => readFrontMatter('# Just markdown')).toThrow(/no front matter/);
  });

  it('refuses front matter that is not a set of fields', () => {
    expect(() => readFrontMatter('---\n- a\n- b\n---\n')).toThrow(/not a set of "key: value" fields/);
  });
});
