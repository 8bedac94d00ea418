import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { printPupilReport } from '../pupil-report';

/** Core REST of parents' meetings and talks, plus the printable pupil report. */
export default factories.createCoreController('api::parent-meeting.parent-meeting', ({ strapi }) => ({
  async pupilReport(ctx: Context) {
    const user = (ctx.state as { user?: { id?: number; role?: { type?: string } } }).user;
    if (!user?.id) throw new errors.UnauthorizedError('Войдите в систему');
    const { pdf, fileName } = await printPupilReport(
      strapi,
      { id: user.id, roleType: user.role?.type ?? '' },
      String(ctx.params.student),
      ctx.query.period,
    );
    ctx.set('Content-Disposition', `attachment; filename="pupil-report.pdf"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
    ctx.set('Cache-Control', 'no-store');
    ctx.type = 'application/pdf';
    ctx.body = pdf;
  },
}));
