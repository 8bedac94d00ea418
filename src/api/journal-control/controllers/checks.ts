import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { checkSchedule } from '../checks';

/** Thin controller of the schedule of journal checks. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async schedule(ctx: Context) {
    ctx.body = { data: await checkSchedule(strapi, ctx.query as Record<string, unknown>) };
  },
});
