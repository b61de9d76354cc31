import type { Core } from '@strapi/strapi';

/**
 * Strapi's request log line without the query string: staff search help requests and
 * submissions by name or phone number (`?_q=…`, `filters[contact]…`), and Strapi's own logger
 * (`strapi::logger`) writes `ctx.url` whole, so those searches would land in every log. The path,
 * the status and the time are what ops read a request log for.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler =>
  async (ctx, next) => {
    const start = Date.now();
    await next();
    strapi.log.http(`${ctx.method} ${ctx.path} (${Math.ceil(Date.now() - start)} ms) ${ctx.status}`);
  };
