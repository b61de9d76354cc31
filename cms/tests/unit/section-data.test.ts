import { describe, expect, it } from 'vitest';
import { sectionData } from '../../src/section-kit/section-module';

// What an importSection returns is checked field by field by the type checker (`pnpm typecheck`
// compiles this file): each `@ts-expect-error` below fails the check if the mistake compiles.
describe('a section’s data, as a module’s importSection writes it', () => {
  it('does not compile with a misspelt field, nor with a value of the wrong kind', () => {
    // @ts-expect-error -- the hero has `heading`, not `headng`
    const misspelt = sectionData('sections.hero', { headng: 'Clear your record' });
    // @ts-expect-error -- `style` is one of the hero's styles
    const wrongValue = sectionData('sections.hero', { style: 'Fancy' });
    expect([misspelt.__component, wrongValue.__component]).toEqual(['sections.hero', 'sections.hero']);
  });

  it('takes a draft: any field may still be empty, and names its type', () => {
    const draft = sectionData('sections.text-area', { body: null });
    expect(draft).toEqual({ __component: 'sections.text-area', body: null });
  });
});
