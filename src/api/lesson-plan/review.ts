import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { actorFromState, type RequestState } from '../../access/request-actor';
import { enqueueDistanceAfterCommit } from '../../notifications/queue';
import { accountOf, REVIEW_COMMENT_MAX, runLessonPlanStep } from '../../school/records/lesson-plan-rules';
import { relationId } from '../../school/records/draft';
import type { LessonPlanAction } from '../../school/rules/lesson-plan-workflow';

const PLAN = 'api::lesson-plan.lesson-plan';
const ASSOCIATION = 'api::methodical-association.methodical-association';

const invalid = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

/** The body of a review: `{ data: { decision: "approve" | "return", comment } }`, a comment required to return. */
export const reviewDecisionOf = (body: unknown): { action: LessonPlanAction; comment: string | null } => {
  const data = body && typeof body === 'object' && !Array.isArray(body) ? (body as { data?: unknown }).data : undefined;
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw invalid('data', 'Тело запроса: { "data": { "decision": "approve" | "return", "comment": "…" } }');
  }
  const { decision, comment, ...rest } = data as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length > 0) throw invalid(extra[0], `Неизвестные параметры: ${extra.join(', ')}; допустимы decision и comment`);
  if (decision !== 'approve' && decision !== 'return')
    throw invalid('decision', 'Решение: approve (согласовать) или return (вернуть на доработку)');
  if (comment !== undefined && comment !== null && typeof comment !== 'string') throw invalid('comment', 'Замечание — текст');
  const text = typeof comment === 'string' ? comment.trim() || null : null;
  if (text && text.length > REVIEW_COMMENT_MAX) throw invalid('comment', `Замечание не длиннее ${REVIEW_COMMENT_MAX} символов`);
  if (decision === 'return' && !text) throw invalid('comment', 'Возвращая конспект на доработку, напишите замечание: что исправить');
  return { action: decision, comment: text };
};

/**
 * One step of a plan's review by its REST caller: the teacher who wrote it submits it (to the head of
 * the methodical association they are a member of); that head approves or returns it. Plans the caller
 * may not read answer 404 (the record-scope rows); a step by somebody else answers 403; a step the
 * plan's state does not allow answers 400 from the rules. The answer is the plan as `findOne` gives it.
 */
export const stepLessonPlan = async (
  strapi: Core.Strapi,
  controller: Core.CoreAPI.Controller.Base,
  ctx: Context,
  decision: { action: LessonPlanAction; comment: string | null },
): Promise<unknown> => {
  const actor = actorFromState(ctx.state as RequestState);
  if (actor.kind !== 'user' || actor.id === null)
    throw new errors.ForbiddenError('Конспекты отправляют и проверяют под своей учётной записью');
  const documentId = String(ctx.params.id);
  const plan = (await strapi.db.query(PLAN).findOne({
    where: { documentId },
    select: ['id', 'state'],
    populate: { teacher: { select: ['id'] }, association: { select: ['id'], populate: { head: { select: ['id'] } } } },
  })) as {
    id: number;
    state: string;
    teacher: { id: number } | null;
    association: { id: number; head: { id: number } | null } | null;
  } | null;
  const isAuthor = plan !== null && relationId(plan.teacher) === actor.id;
  const isHead = plan !== null && relationId(plan.association?.head) === actor.id;
  // Somebody who may not see the plan at all: as if it did not exist.
  if (!plan || (!isAuthor && !(isHead && plan.state !== 'draft'))) throw new errors.NotFoundError('Конспект не найден');
  let associationId: number | undefined;
  if (decision.action === 'submit') {
    if (!isAuthor) throw new errors.ForbiddenError('Отправить конспект на проверку может только его автор');
    const association = (await strapi.db.query(ASSOCIATION).findOne({
      where: { members: { id: actor.id } },
      select: ['id'],
      populate: { head: { select: ['id'] } },
    })) as { id: number; head: { id: number } | null } | null;
    if (!association) {
      throw invalid(
        'association',
        'Вы не состоите ни в одном методическом объединении: попросите заместителя директора включить вас в объединение',
      );
    }
    if (!association.head) throw invalid('association', 'У вашего методического объединения не назначен руководитель');
    associationId = association.id;
  } else if (!isHead) {
    throw new errors.ForbiddenError('Конспект проверяет руководитель методического объединения, в которое он отправлен');
  }
  const account = await accountOf(strapi, actor.id);
  await runLessonPlanStep(
    { action: decision.action, accountId: actor.id, name: account?.name ?? actor.name, comment: decision.comment, associationId },
    () => strapi.documents(PLAN).update({ documentId, data: {} } as never),
  );
  await enqueueDistanceAfterCommit(strapi, { kind: 'lesson-plan', planId: plan.id, action: decision.action });
  await controller.validateQuery(ctx);
  const query = await controller.sanitizeQuery(ctx);
  const result = await strapi.documents(PLAN).findOne({ documentId, ...query } as never);
  return controller.transformResponse(await controller.sanitizeOutput(result as never, ctx));
};
