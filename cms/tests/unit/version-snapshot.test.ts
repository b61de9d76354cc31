import { describe, expect, it } from 'vitest';
import { snapshotOf } from '../../src/versions/snapshot';

describe('a version’s content', () => {
  it('leaves out the row’s locale: a version from before the site had languages hashes as the same content now', () => {
    const before = { title: 'Terms of use', path: '/terms-of-use/', sections: [{ __component: 'sections.line' }] };
    const now = { ...before, locale: 'en', id: 12, documentId: 'abc', updatedAt: '2026-01-01T00:00:00.000Z' };
    expect(snapshotOf(now).hash).toBe(snapshotOf({ ...before, documentId: 'abc' }).hash);
    expect(snapshotOf(now).data).not.toHaveProperty('locale');
  });
});
