/**
 * A warning that anyone can trigger (a refused webhook or preview call) is written at most once a
 * minute per kind, with the count of those left out: a flood of bad requests cannot flood the log.
 */
const INTERVAL_MS = 60_000;
const seen = new Map<string, { since: number; leftOut: number }>();

export const warnAtMostOnceAMinute = (kind: string, message: string, now = Date.now()): void => {
  const last = seen.get(kind);
  if (last && now - last.since < INTERVAL_MS) {
    last.leftOut += 1;
    return;
  }
  seen.set(kind, { since: now, leftOut: 0 });
  console.warn(
    last?.leftOut ? `${message} (and ${last.leftOut} more since ${new Date(last.since).toISOString()})` : message,
  );
};
