import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { completionDate, pupilProgrammes } from '../../work-programme/completion';
import type { DiaryService } from '../services/diary';

/** Thin controller of the family's programmes route. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    const user = (ctx.state as { user?: { id?: number; role?: { type?: string } } }).user;
    if (!user?.id) throw new errors.UnauthorizedError('Войдите в электронный дневник');
    const diary = strapi.service('api::diary.diary') as unknown as DiaryService;
    const pupil = await diary.requirePupil({ id: user.id, roleType: user.role?.type ?? '' }, String(ctx.params.student));
    const date = completionDate(strapi, ctx.query.date);
    const schoolClass = await diary.currentClass(pupil.id);
    ctx.body = {
      data: await pupilProgrammes(strapi, pupil.id, schoolClass, date),
      meta: { student: { documentId: pupil.documentId, fullName: pupil.fullName }, date },
    };
  },
});
