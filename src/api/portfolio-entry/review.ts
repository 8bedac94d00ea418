import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { actorFromState, type RequestState } from '../../access/request-actor';
import { checkReviewDecision, REVIEWER_ROLES, runReview } from '../../school/records/portfolio-rules';

/**
 * POST /api/portfolio-entries/:id/review and POST /api/rewards/:id/review: the deputy director (or
 * the director) approves a record or returns it for correction with a remark (seed 003 §5.5). The
 * decision is written through the document service, so the record rules and the audit trail see
 * it like any other write; the answer is the record as the core `findOne` gives it.
 */
export const reviewRecord = async (
  strapi: Core.Strapi,
  controller: Core.CoreAPI.Controller.Base,
  ctx: Context,
  uid: UID.ContentType,
  notFound: string,
): Promise<unknown> => {
  const actor = actorFromState(ctx.state as RequestState);
  if (actor.kind !== 'user' || actor.id === null || !REVIEWER_ROLES.has(actor.roleType ?? '')) {
    throw new errors.PolicyError('Записи портфолио и поощрения проверяют заместитель директора и директор под своей учётной записью');
  }
  const body = (ctx.request as { body?: { data?: unknown } }).body;
  const { decision, remark, issues } = checkReviewDecision(body && typeof body === 'object' ? body.data : undefined);
  if (issues.length > 0 || !decision) {
    throw new errors.ValidationError(issues.map((issue) => issue.message).join('; '), {
      errors: issues.map((issue) => ({ path: [issue.path], message: issue.message, name: 'ValidationError' })),
    });
  }
  const documentId = String(ctx.params.id);
  const stored = await strapi.db.query(uid).findOne({ where: { documentId }, select: ['id'] });
  if (!stored) throw new errors.NotFoundError(notFound);
  const accountId = actor.id;
  await runReview({ accountId, decision, remark }, () => strapi.documents(uid).update({ documentId, data: {} } as never));
  await controller.validateQuery(ctx);
  const query = await controller.sanitizeQuery(ctx);
  const result = await strapi.documents(uid).findOne({ documentId, ...query } as never);
  return controller.transformResponse(await controller.sanitizeOutput(result as never, ctx));
};
