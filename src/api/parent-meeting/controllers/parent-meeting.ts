import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { sendDownload } from '../../../school/download';
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
    sendDownload(ctx, pdf, { fileName, asciiName: 'pupil-report.pdf' });
  },
}));
