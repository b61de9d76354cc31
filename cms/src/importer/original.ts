import { stringify } from 'yaml';

/**
 * A value as the old file held it, whole and as YAML, for a note staff act on: short values on
 * the same line, longer ones on lines of their own. Nothing is ever cut.
 */
export const originalOf = (value: unknown): string => {
  const yaml = stringify(value, { lineWidth: 0 }).trimEnd();
  return yaml.includes('\n') ? `\n${yaml.replace(/^/gm, '    ')}` : ` ${yaml}`;
};
