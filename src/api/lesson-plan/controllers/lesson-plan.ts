import { factories, type Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { reviewDecisionOf, stepLessonPlan } from '../review';

/** Core CRUD (scoped by the record-scope policy and the record rules) and the two review actions. */
export default factories.createCoreController('api::lesson-plan.lesson-plan', ({ strapi }) => ({
  /** POST /api/lesson-plans/:id/submit: the author sends the plan to the head of their methodical association. */
  async submit(this: Core.CoreAPI.Controller.Base, ctx: Context) {
    return stepLessonPlan(strapi, this, ctx, { action: 'submit', comment: null });
  },
  /** POST /api/lesson-plans/:id/review: the head approves the plan or returns it with a comment. */
  async review(this: Core.CoreAPI.Controller.Base, ctx: Context) {
    return stepLessonPlan(strapi, this, ctx, reviewDecisionOf((ctx.request as { body?: unknown }).body));
  },
}));
