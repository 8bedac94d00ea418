import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { directorSummary } from '../summary';

/** Core REST of the director's decisions, plus the summary they are taken on. */
export default factories.createCoreController('api::management-decision.management-decision', ({ strapi }) => ({
  async summary(ctx: Context) {
    ctx.body = { data: await directorSummary(strapi) };
  },
}));
