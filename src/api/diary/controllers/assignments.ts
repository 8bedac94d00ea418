import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { pupilAssignments, submitWork } from '../../assignment/distance';
import { diaryReaderOf, ownPupilOf } from '../caller';

/** Thin controller: the family's own child (another child: 404), its assignments, and handing in work. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    const pupil = await ownPupilOf(strapi, ctx);
    ctx.body = { data: await pupilAssignments(strapi, pupil) };
  },
  async submit(ctx: Context) {
    const reader = diaryReaderOf(ctx);
    const pupil = await ownPupilOf(strapi, ctx, reader);
    ctx.status = 201;
    ctx.body = await submitWork(strapi, ctx, pupil, reader.roleType);
  },
});
