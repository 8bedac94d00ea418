import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { findPupils, pupilChoices, pupilOverview } from '../../../../../api/student/overview';
import { staffReaderOf } from '../utils/staff';

/**
 * The admin panel's pupil card («Ученик»): the REST overview (src/api/student/overview.ts) read with
 * the rights of the staff member's school account, so the page shows exactly what the API would.
 */
const pupilsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async choices(ctx: Context) {
    ctx.body = { data: await pupilChoices(strapi, await staffReaderOf(strapi, ctx), ctx.query.year) };
  },

  async find(ctx: Context) {
    ctx.body = { data: await findPupils(strapi, await staffReaderOf(strapi, ctx), { schoolClass: ctx.query.class, q: ctx.query.q }) };
  },

  async overview(ctx: Context) {
    ctx.body = await pupilOverview(
      strapi,
      await staffReaderOf(strapi, ctx),
      { student: ctx.params.student, year: ctx.query.year },
      'GET /records-archive/pupils/:student/overview',
    );
  },
});

export default pupilsController;
