import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { completionDate, schoolCompletion, WORK_PROGRAMME } from '../completion';

/** Core REST of work programmes, plus the school-wide completion report. */
export default factories.createCoreController(WORK_PROGRAMME, ({ strapi }) => ({
  /** GET /api/work-programmes/completion?date=: planned to date against delivered, lagging first. */
  async completion(ctx: Context) {
    ctx.body = { data: await schoolCompletion(strapi, completionDate(strapi, ctx.query.date)) };
  },
}));
