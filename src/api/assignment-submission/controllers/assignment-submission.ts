import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { checkSubmission } from '../../assignment/distance';

export default factories.createCoreController('api::assignment-submission.assignment-submission', ({ strapi }) => ({
  /** POST /api/assignment-submissions/:id/check */
  async check(ctx: Context) {
    ctx.body = await checkSubmission(strapi, ctx);
  },
}));
