import { factories, type Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { REWARD } from '../../../school/records/portfolio-rules';
import { reviewRecord } from '../../portfolio-entry/review';

export default factories.createCoreController(REWARD, ({ strapi }) => ({
  /** POST /api/rewards/:id/review: the deputy director or the director approves the reward or returns it with a remark. */
  async review(this: Core.CoreAPI.Controller.Base, ctx: Context) {
    return reviewRecord(strapi, this, ctx, REWARD, 'Поощрение не найдено');
  },
}));
