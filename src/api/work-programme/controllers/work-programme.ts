import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { readerFromState } from '../../../access/record-scope';
import type { RequestState } from '../../../access/request-actor';
import { completionDate, schoolCompletion, WORK_PROGRAMME } from '../completion';
import { programmeMasteryReport } from '../mastery';

/** Core REST of work programmes, plus the school-wide completion report and a programme's mastery of its planned results. */
export default factories.createCoreController(WORK_PROGRAMME, ({ strapi }) => ({
  /** GET /api/work-programmes/completion?date=: planned to date against delivered, lagging first. */
  async completion(ctx: Context) {
    ctx.body = { data: await schoolCompletion(strapi, completionDate(strapi, ctx.query.date)) };
  },

  /** GET /api/work-programmes/:id/mastery: each topic's planned results, its control works and the levels the pupils reached. */
  async mastery(ctx: Context) {
    ctx.body = { data: await programmeMasteryReport(strapi, readerFromState(ctx.state as RequestState), String(ctx.params.id)) };
  },
}));
