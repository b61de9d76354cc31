/**
 * What the schedule routes answer (src/plugins/site-tools/server/routes.ts, controllers/schedules.ts):
 * the server's own types, so the two cannot drift apart.
 */
import type { ScheduleEntry } from '../../../scheduling/schedule-api';

export type { ScheduleEntry } from '../../../scheduling/schedule-api';
export type { ClockReading } from '../../../scheduling/chicago-clock';

export type ScheduleLists = { upcoming: ScheduleEntry[]; failed: ScheduleEntry[]; recent: ScheduleEntry[] };

/** The types staff can schedule (src/scheduling/scheduled-actions.ts, SCHEDULABLE), kept in step with it. */
export const SCHEDULABLE_TYPES = new Set(['api::page.page', 'api::event.event']);

/** "Publish", "Unpublish (failed)": a schedule in a word or two. */
export const scheduleLabel = (entry: Pick<ScheduleEntry, 'action' | 'status'>): string => {
  const action = entry.action === 'publish' ? 'Publish' : 'Unpublish';
  return entry.status === 'scheduled' ? action : `${action} (${entry.status})`;
};

/** The message of a refused request, as the schedule routes word it. */
export const refusal = (error: unknown): string =>
  (error as { response?: { data?: { error?: { message?: string } } } }).response?.data?.error?.message ??
  (error instanceof Error ? error.message : String(error));
