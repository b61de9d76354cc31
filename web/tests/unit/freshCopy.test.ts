import { describe, expect, it } from 'vitest';
import { FreshCopy } from '../../src/lib/cms/freshCopy';

/** A CMS read that answers only when the test says so, with the version of the content at that time. */
const controlledLoads = () => {
  let version = 1;
  const waiting: (() => void)[] = [];
  let loads = 0;
  const load = async () => {
    loads += 1;
    const seen = version;
    await new Promise<void>((resolve) => waiting.push(resolve));
    return { data: seen, stale: false };
  };
  return {
    load,
    publish: () => (version += 1),
    answerAll: () => waiting.splice(0).forEach((resolve) => resolve()),
    loads: () => loads,
  };
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a fresh copy of CMS content', () => {
  it('loads once for everybody who asks at the same time', async () => {
    const cms = controlledLoads();
    const copy = new FreshCopy('the test content', cms.load, 60_000);
    const both = Promise.all([copy.get(), copy.get()]);
    await settle();
    cms.answerAll();
    expect((await both).map((r) => r.data)).toEqual([1, 1]);
    expect(cms.loads()).toBe(1);
  });

  it('never gives someone who asks after a change the load that began before it', async () => {
    const cms = controlledLoads();
    const copy = new FreshCopy('the test content', cms.load, 60_000);
    const before = copy.get(); // a render started before the publish
    await settle();
    cms.publish();
    copy.invalidate(); // the webhook
    const after = copy.get(); // a render started after it
    await settle();
    cms.answerAll(); // the earlier load ends with the old version
    expect((await before).data).toBe(1);
    await settle();
    cms.answerAll();
    expect((await after).data).toBe(2);
    expect(cms.loads()).toBe(2);
  });

  it('serves the copy it has, marked stale, when the CMS fails after a change', async () => {
    let fail = false;
    const copy = new FreshCopy(
      'the test content',
      async () => {
        if (fail) throw new Error('CMS down');
        return { data: 'settings', stale: false };
      },
      60_000,
    );
    expect((await copy.get()).data).toBe('settings');
    fail = true;
    copy.invalidate();
    expect(await copy.get()).toEqual({ data: 'settings', stale: true });
  });
});
