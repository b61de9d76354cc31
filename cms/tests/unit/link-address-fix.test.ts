import { describe, expect, it } from 'vitest';
import { withScheme } from '../../src/admin/staff/link-address-fix';

describe('an address typed or pasted in the rich-text link pop-up', () => {
  it('is written out as https when it starts with www. and names a host', () => {
    expect(withScheme('www.cannabisequityil.org/services/')).toBe('https://www.cannabisequityil.org/services/');
    expect(withScheme('  WWW.example.org ')).toBe('https://WWW.example.org');
  });

  it('is left as typed otherwise: what the pop-up or the save decides about it is theirs', () => {
    for (const address of [
      'https://www.example.org/',
      '/contact-us/',
      'mailto:a@example.org',
      'www.',
      'www.example',
      '//evil.example/x',
    ])
      expect(withScheme(address)).toBe(address);
  });
});
