import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { submissionsOfAssignment } from '../distance';

export default factories.createCoreController('api::assignment.assignment', ({ strapi }) => ({
  /** GET /api/assignments/:id/submissions */
  async submissions(ctx: Context) {
    ctx.body = await submissionsOfAssignment(strapi, ctx);
  },
}));
