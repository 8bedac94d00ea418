import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { LEARNING_TRAJECTORY } from '../../../school/records/learning-trajectory-rules';
import { ownPupilOf } from '../caller';

interface TrajectoryRow {
  documentId: string;
  basis: string;
  startsOn: string;
  nextReviewOn: string | null;
  agreedWithParentsOn: string | null;
  agreedWith: string | null;
  closedOn: string | null;
  outcome: string | null;
  academicYear: { title: string } | null;
  responsible: { username: string } | null;
  goals: Array<{
    goal: string;
    measures: string | null;
    expectedResult: string | null;
    dueOn: string | null;
    subject: { name: string } | null;
  }>;
  reviews: Array<{ reviewedOn: string; findings: string; changes: string | null }>;
}

/** Thin controller of the family's trajectories route: its own child's, the newest first. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: Context) {
    const pupil = await ownPupilOf(strapi, ctx);
    const rows = (await strapi.db.query(LEARNING_TRAJECTORY).findMany({
      where: { student: { id: pupil.id } },
      orderBy: [{ startsOn: 'desc' }, { id: 'desc' }],
      populate: {
        academicYear: { select: ['title'] },
        responsible: { select: ['username'] },
        goals: { populate: { subject: { select: ['name'] } } },
        reviews: true,
      },
    })) as TrajectoryRow[];
    ctx.body = {
      data: rows.map((row) => ({
        documentId: row.documentId,
        year: row.academicYear?.title ?? null,
        basis: row.basis,
        startsOn: row.startsOn,
        nextReviewOn: row.nextReviewOn,
        agreedWithParentsOn: row.agreedWithParentsOn,
        agreedWith: row.agreedWith,
        responsible: row.responsible?.username ?? null,
        goals: (row.goals ?? []).map((goal) => ({
          subject: goal.subject?.name ?? null,
          goal: goal.goal,
          measures: goal.measures,
          expectedResult: goal.expectedResult,
          dueOn: goal.dueOn,
        })),
        reviews: [...(row.reviews ?? [])]
          .sort((a, b) => a.reviewedOn.localeCompare(b.reviewedOn))
          .map((review) => ({ reviewedOn: review.reviewedOn, findings: review.findings, changes: review.changes })),
        closedOn: row.closedOn,
        outcome: row.outcome,
      })),
      meta: { student: { documentId: pupil.documentId } },
    };
  },
});
