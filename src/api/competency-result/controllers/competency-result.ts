import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { readerFromState, type Reader } from '../../../access/record-scope';
import type { RequestState } from '../../../access/request-actor';
import { COMPETENCY_RESULT } from '../../../school/records/competency-result-rules';
import { sendDownload } from '../../../school/download';
import { getSchoolSettings } from '../../../school/settings';
import { readableJournals, resultsSummary, visiblePupil } from '../summary';
import { resultsSummaryPdf } from '../summary-pdf';

const readerOf = (ctx: Context): Reader => readerFromState(ctx.state as RequestState);

export default factories.createCoreController(COMPETENCY_RESULT, ({ strapi }) => ({
  /** GET /api/competency-results/summary?student=&year=: a pupil's subject, meta-subject and personal results of a year. */
  async summary(ctx: Context) {
    const reader = readerOf(ctx);
    const pupil = await visiblePupil(strapi, reader, ctx.query.student);
    // A teacher's summary holds the subject results of the journals whose marks they may read.
    ctx.body = await resultsSummary(strapi, pupil, ctx.query.year, await readableJournals(strapi, reader));
  },

  /** GET /api/competency-results/summary.pdf?student=&year=: the same summary, printed. */
  async summaryPdf(ctx: Context) {
    const reader = readerOf(ctx);
    const pupil = await visiblePupil(strapi, reader, ctx.query.student);
    const { data } = await resultsSummary(strapi, pupil, ctx.query.year, await readableJournals(strapi, reader));
    const pdf = await resultsSummaryPdf(data, getSchoolSettings(strapi).name);
    sendDownload(ctx, pdf, { fileName: `Результаты ${pupil.fullName} ${String(data.academicYear.title)}.pdf`, asciiName: 'results.pdf' });
  },
}));
