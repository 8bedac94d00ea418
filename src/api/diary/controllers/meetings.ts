import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { ownPupilOf } from '../caller';

type Row = Record<string, unknown> & { id: number };

/** Thin controller: the family's own child (another family's child: 404) and the talks about their results. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    const pupil = await ownPupilOf(strapi, ctx);
    const talks = (await strapi.db.query('api::parent-meeting.parent-meeting').findMany({
      where: { kind: 'individual', student: { id: pupil.id } },
      orderBy: [{ date: 'desc' }, { id: 'desc' }],
      populate: { attendees: { select: ['fullName'] }, schoolClass: { select: ['name'] } },
    })) as Row[];
    ctx.body = {
      data: talks.map((talk) => ({
        documentId: talk.documentId,
        date: talk.date,
        topic: talk.topic,
        schoolClass: ((talk.schoolClass as Row | null)?.name as string | undefined) ?? null,
        attendees: ((talk.attendees as Row[] | null) ?? []).map((guardian) => guardian.fullName),
        participants: talk.participants ?? null,
        decisions: talk.decisions ?? null,
        followUpOn: talk.followUpOn ?? null,
      })),
    };
  },
});
