import type { Core } from '@strapi/strapi';
import {
  cancelSchedule,
  listSchedules,
  markFailureSeen,
  readSchedule,
  ScheduleRefused,
  setSchedule,
  type ScheduleRequest,
} from '../../../../scheduling/schedule-api';
import { readChicagoClock } from '../../../../scheduling/chicago-clock';
import { SCHEDULABLE } from '../../../../scheduling/scheduled-actions';
import { isLocalized, localeOfQuery } from '../../../../translation/site-locales';
import { actorOf } from '../../../../versions/actor';

type Context = Parameters<Core.ControllerHandler>[0];
type Ability = { can(action: string, subject: string): boolean };

const fail = (ctx: Context, status: number, message: string) => {
  ctx.status = status;
  ctx.body = { error: { message } };
};

const can = (ctx: Context, action: 'read' | 'publish', uid: string): boolean =>
  Boolean((ctx.state as { userAbility?: Ability }).userAbility?.can(`plugin::content-manager.explorer.${action}`, uid));

/** Publishing is what a schedule does later: staff who may not publish the type may not schedule it either. */
const mayPublish = (ctx: Context, uid: string): boolean => {
  if (can(ctx, 'publish', uid)) return true;
  fail(ctx, 403, `Scheduling needs the permission to publish ${SCHEDULABLE.get(uid) ?? uid}s.`);
  return false;
};

const scheduleId = (ctx: Context): number | null => {
  const raw = String((ctx as unknown as { params: Record<string, string> }).params.id);
  if (/^[1-9]\d{0,14}$/.test(raw)) return Number(raw);
  fail(ctx, 400, `No schedule is numbered «${raw}»: expected a schedule's number.`);
  return null;
};

/** Runs `work`, answering a refusal with its status and words. */
const answering = async (ctx: Context, work: () => Promise<unknown>, status = 200) => {
  try {
    ctx.body = await work();
    ctx.status = status;
  } catch (error) {
    if (error instanceof ScheduleRefused) return fail(ctx, error.status, error.message);
    throw error;
  }
};

/**
 * Scheduled publishes and unpublishes over HTTP (routes.ts): behind the admin login; reading
 * needs the permission to read the type, setting and cancelling the permission to publish it.
 */
export const schedulesController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `?uid=&documentId=&locale=`: one document's schedules; without them, the admin home's list. */
  async list(ctx: Context) {
    const query = ctx.query as Record<string, string | undefined>;
    const readable = (uid: string) => can(ctx, 'read', uid);
    if (!query.uid) return answering(ctx, () => listSchedules(strapi, readable));
    if (!SCHEDULABLE.has(query.uid) || !query.documentId)
      return fail(ctx, 400, 'Ask for one page or event: uid (a page or an event) and documentId.');
    if (!readable(query.uid)) return fail(ctx, 403, `This needs the permission to read ${query.uid}.`);
    let locale: string | null = null;
    if (isLocalized(strapi, query.uid)) {
      locale = localeOfQuery(query);
      if (locale === null) return fail(ctx, 400, `No language is «${String(query.locale)}».`);
    }
    return answering(ctx, () =>
      listSchedules(strapi, readable, { uid: query.uid!, documentId: query.documentId!, locale }),
    );
  },
  /** `?date=&time=&repeated=`: what a time on Chicago's clocks is, as the form shows it before it is sent. */
  clock(ctx: Context) {
    const query = ctx.query as Record<string, string | undefined>;
    ctx.body = readChicagoClock({
      date: query.date ?? '',
      time: query.time ?? '',
      repeated: query.repeated === 'second' ? 'second' : 'first',
    });
  },
  async set(ctx: Context) {
    const body = ((ctx.request as { body?: unknown }).body ?? {}) as Partial<ScheduleRequest>;
    if (typeof body.uid !== 'string' || !SCHEDULABLE.has(body.uid))
      return fail(ctx, 400, 'Only pages and events can be scheduled: send uid (api::page.page or api::event.event).');
    if (typeof body.documentId !== 'string' || typeof body.date !== 'string' || typeof body.time !== 'string')
      return fail(ctx, 400, 'Send documentId, date (YYYY-MM-DD) and time (HH:MM), Chicago time.');
    if (!mayPublish(ctx, body.uid)) return;
    return answering(ctx, () => setSchedule(strapi, body as ScheduleRequest, actorOf(strapi)), 201);
  },
  async cancel(ctx: Context) {
    const id = scheduleId(ctx);
    if (id === null) return;
    const found = await readSchedule(strapi, id);
    if (!found) return fail(ctx, 404, `No schedule is numbered ${id}.`);
    if (!mayPublish(ctx, found.uid)) return;
    return answering(ctx, () => cancelSchedule(strapi, id, actorOf(strapi)));
  },
  async seen(ctx: Context) {
    const id = scheduleId(ctx);
    if (id === null) return;
    const found = await readSchedule(strapi, id);
    if (!found) return fail(ctx, 404, `No schedule is numbered ${id}.`);
    // Whoever could fix it and publish: a failure marked seen leaves the admin's badge.
    if (!mayPublish(ctx, found.uid)) return;
    return answering(ctx, () => markFailureSeen(strapi, id));
  },
});
