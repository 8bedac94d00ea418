import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { resultsSummary } from '../../competency-result/summary';
import { ownPupilOf } from '../caller';

/** Thin controller of the family's results route: its own child's three groups of results. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async summary(ctx: Context) {
    const pupil = await ownPupilOf(strapi, ctx);
    ctx.body = await resultsSummary(
      strapi,
      { id: pupil.id, documentId: pupil.documentId, fullName: String(pupil.fullName ?? '') },
      ctx.query.year,
    );
  },
});
