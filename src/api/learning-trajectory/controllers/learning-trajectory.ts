import { factories, type Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { trajectoryFromAnalytics } from '../from-analytics';

/** Core CRUD (scoped by the record-scope policy and the record rules) and the trajectory drawn up from the analytics' lists. */
export default factories.createCoreController('api::learning-trajectory.learning-trajectory', ({ strapi }) => ({
  /** POST /api/learning-trajectories/from-analytics: a trajectory for a pupil of the «at risk» or leaders list. */
  async fromAnalytics(this: Core.CoreAPI.Controller.Base, ctx: Context) {
    return trajectoryFromAnalytics(strapi, this, ctx);
  },
}));
