/**
 * Loaded before Strapi in a test's own CMS process (NODE_OPTIONS=--import, see movedClockEnv): the
 * process's clock (`Date`, which Strapi, its cron and the database drivers read) runs from an
 * offset the test writes to MOVED_CLOCK_FILE, and jumps when the test writes another. Timers stay
 * on the real clock. Not @sinonjs/fake-timers: its clock advances in fixed steps on a timer, which
 * falls behind real time on a busy machine, and the tests measure runs to the second.
 */
import { readFileSync, watchFile } from 'node:fs';

const file = process.env.MOVED_CLOCK_FILE;
if (file) {
  const RealDate = Date;
  let offsetMs = 0;
  const read = () => {
    try {
      offsetMs = Number((JSON.parse(readFileSync(file, 'utf8')) as { offsetMs?: unknown }).offsetMs) || 0;
    } catch {
      // Half-written or gone: keep the last offset, the next change reads it again.
    }
  };
  read();
  watchFile(file, { interval: 25, persistent: false }, read);
  class MovedDate extends RealDate {
    constructor(...args: ConstructorParameters<DateConstructor> | []) {
      if (args.length === 0) super(RealDate.now() + offsetMs);
      else super(...(args as [number]));
    }
    static override now(): number {
      return RealDate.now() + offsetMs;
    }
    // Dates made by Node itself (a file's mtime) are still dates.
    static override [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof RealDate;
    }
  }
  globalThis.Date = MovedDate as DateConstructor;
}
