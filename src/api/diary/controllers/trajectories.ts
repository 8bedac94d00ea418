import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { LEARNING_TRAJECTORY } from '../../../school/records/learning-trajectory-rules';
import { TRAJECTORY_POPULATE, trajectoryView, type TrajectoryRow } from '../../learning-trajectory/view';
import { ownPupilOf } from '../caller';

/** Thin controller of the family's trajectories route: its own child's, the newest first. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: Context) {
    const pupil = await ownPupilOf(strapi, ctx);
    const rows = (await strapi.db.query(LEARNING_TRAJECTORY).findMany({
      where: { student: { id: pupil.id } },
      orderBy: [{ startsOn: 'desc' }, { id: 'desc' }],
      populate: TRAJECTORY_POPULATE,
    })) as TrajectoryRow[];
    ctx.body = { data: rows.map(trajectoryView), meta: { student: { documentId: pupil.documentId } } };
  },
});
