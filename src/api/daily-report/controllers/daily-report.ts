import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { actorFromState, type RequestState } from '../../../access/request-actor';
import { missingReports } from '../missing';

/** Core CRUD (scoped by the record-scope policy and the record rules) and the check of days without a report. */
export default factories.createCoreController('api::daily-report.daily-report', ({ strapi }) => ({
  /** GET /api/daily-reports/missing?from=&to=: days with lessons held and no report, per teacher of the reader's associations. */
  async missing(ctx: Context) {
    const actor = actorFromState(ctx.state as RequestState);
    if (actor.kind !== 'user' || actor.id === null) throw new errors.UnauthorizedError('Войдите под своей учётной записью');
    ctx.body = await missingReports(strapi, { id: actor.id, roleType: actor.roleType ?? '' }, ctx.query as Record<string, unknown>);
  },
}));
