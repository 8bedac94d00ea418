import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { sendDownload } from '../../../school/download';
import { portfolioOf, portfolioSummaryPdf, readPortfolioStage } from '../../portfolio-entry/portfolio';
import type { DiaryService } from '../services/diary';

/** The family's own child, as the diary decides it (another family's child: 404). */
const ownPupil = async (strapi: Core.Strapi, ctx: Context) => {
  const user = (ctx.state as { user?: { id?: number; role?: { type?: string } } }).user;
  if (!user?.id) throw new errors.UnauthorizedError('Войдите в электронный дневник');
  const diary = strapi.service('api::diary.diary') as unknown as DiaryService;
  const pupil = await diary.requirePupil({ id: user.id, roleType: user.role?.type ?? '' }, String(ctx.params.student));
  return (await strapi.db
    .query('api::student.student')
    .findOne({ where: { id: pupil.id }, select: ['id', 'documentId', 'fullName', 'birthDate'] })) as {
    id: number;
    documentId: string;
    fullName: string;
  };
};

/** Thin controller of the family's portfolio routes. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: Context) {
    const stage = readPortfolioStage(ctx.query.stage);
    const pupil = await ownPupil(strapi, ctx);
    ctx.body = {
      data: await portfolioOf(strapi, pupil.id, stage),
      meta: { student: { documentId: pupil.documentId, fullName: pupil.fullName } },
    };
  },
  async pdf(ctx: Context) {
    const stage = readPortfolioStage(ctx.query.stage);
    const pupil = await ownPupil(strapi, ctx);
    const { pdf, fileName } = await portfolioSummaryPdf(strapi, pupil, stage);
    sendDownload(ctx, pdf, { fileName, asciiName: 'portfolio.pdf' });
  },
});
