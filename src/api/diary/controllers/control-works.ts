import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { enterControlSelfAssessment, pupilControlWorks } from '../control-works';
import { ownPupilOf } from '../caller';

/** Thin controller: the family's own child (another child: 404), its control works and self-assessments (R78). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    const pupil = await ownPupilOf(strapi, ctx);
    ctx.body = await pupilControlWorks(strapi, ctx, pupil);
  },
  async selfAssess(ctx: Context) {
    const pupil = await ownPupilOf(strapi, ctx);
    ctx.body = await enterControlSelfAssessment(strapi, ctx, pupil);
  },
});
