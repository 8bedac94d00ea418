import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import type { DiaryService } from '../services/diary';

type Row = Record<string, unknown> & { id: number };

/** Thin controller: the family's own child (another family's child: 404) and the talks about their results. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    const user = (ctx.state as { user?: { id?: number; role?: { type?: string } } }).user;
    if (!user?.id) throw new errors.UnauthorizedError('Войдите в электронный дневник');
    const diary = strapi.service('api::diary.diary') as unknown as DiaryService;
    const pupil = await diary.requirePupil({ id: user.id, roleType: user.role?.type ?? '' }, String(ctx.params.student));
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
