import { factories, type Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { readerFromState, readScopeOf, type Reader } from '../../../access/record-scope';
import type { RequestState } from '../../../access/request-actor';
import { PORTFOLIO_ENTRY } from '../../../school/records/portfolio-rules';
import { sendDownload } from '../../../school/download';
import { olympiadWinners, portfolioSummaryPdf, readPortfolioStage } from '../portfolio';
import { reviewRecord } from '../review';

const readerOf = (ctx: Context): Reader => readerFromState(ctx.state as RequestState);

/** The pupil behind `:id`, if the caller may read their portfolio (a teacher: pupils of the classes they teach); 404 otherwise. */
const visiblePupil = async (strapi: Core.Strapi, ctx: Context) => {
  const reader = readerOf(ctx);
  if ((await readScopeOf(strapi, reader, PORTFOLIO_ENTRY)).kind === 'deny') {
    throw new errors.PolicyError('Портфолио обучающихся вам недоступно (152-ФЗ: персональные данные обучающихся)');
  }
  const scope = await readScopeOf(strapi, reader, 'api::student.student');
  const filter = scope.kind === 'rows' ? scope.filter : {};
  if (scope.kind === 'deny') throw new errors.NotFoundError('Обучающийся не найден');
  const student = (await strapi.db.query('api::student.student').findOne({
    where: { $and: [{ documentId: String(ctx.params.id) }, filter] },
    select: ['id', 'documentId', 'fullName', 'birthDate'],
  })) as { id: number; documentId: string; fullName: string } | null;
  if (!student) throw new errors.NotFoundError('Обучающийся не найден');
  return student;
};

export default factories.createCoreController(PORTFOLIO_ENTRY, ({ strapi }) => ({
  /** GET /api/students/:id/portfolio.pdf: the printable summary of the pupil's portfolio and rewards. */
  async summary(ctx: Context) {
    const stage = readPortfolioStage(ctx.query.stage);
    const student = await visiblePupil(strapi, ctx);
    const { pdf, fileName } = await portfolioSummaryPdf(strapi, student, stage);
    sendDownload(ctx, pdf, { fileName, asciiName: 'portfolio.pdf' });
  },

  /** POST /api/portfolio-entries/:id/review: the deputy director or the director approves the entry or returns it with a remark. */
  async review(this: Core.CoreAPI.Controller.Base, ctx: Context) {
    return reviewRecord(strapi, this, ctx, PORTFOLIO_ENTRY, 'Запись портфолио не найдена');
  },

  /** GET /api/portfolio-entries/olympiad-winners?year=: the school's olympiad winners and prize-winners of a year. */
  async olympiadWinners(ctx: Context) {
    ctx.body = await olympiadWinners(strapi, ctx.query.year);
  },
}));
