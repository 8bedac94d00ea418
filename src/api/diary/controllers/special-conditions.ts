import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { sanitiseAndLog, specialConditionsOf } from '../../special-condition/reading';
import { ownPupilOf } from '../caller';

/** Thin controller of the family's special-conditions route: its own child's records, each read audited. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: Context) {
    const pupil = await ownPupilOf(strapi, ctx);
    const data = await specialConditionsOf(strapi, pupil.id);
    await sanitiseAndLog(strapi, data, 'GET /api/diary/:student/special-conditions', { ownChild: true });
    ctx.body = { data, meta: { student: { documentId: pupil.documentId } } };
  },
});
