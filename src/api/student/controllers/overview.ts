import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { readerFromState } from '../../../access/record-scope';
import type { RequestState } from '../../../access/request-actor';
import { pupilOverview } from '../overview';

/** Thin controller of `GET /api/students/:id/overview?year=`: the whole pupil on one page (src/api/student/overview.ts). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: Context) {
    ctx.body = await pupilOverview(
      strapi,
      readerFromState(ctx.state as RequestState),
      { student: ctx.params.id, year: ctx.query.year },
      'GET /api/students/:id/overview',
    );
  },
});
