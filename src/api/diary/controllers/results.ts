import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { sendDownload } from '../../../school/download';
import { getSchoolSettings } from '../../../school/settings';
import { resultsSummary } from '../../competency-result/summary';
import { resultsSummaryPdf } from '../../competency-result/summary-pdf';
import { ownPupilOf } from '../caller';

/** Thin controller of the family's results route: its own child's three groups of results. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async summary(ctx: Context) {
    const pupil = await ownPupilOf(strapi, ctx);
    ctx.body = await resultsSummary(
      strapi,
      { id: pupil.id, documentId: pupil.documentId, fullName: String(pupil.fullName ?? '') },
      ctx.query.year,
    );
  },
  async pdf(ctx: Context) {
    const pupil = await ownPupilOf(strapi, ctx);
    const fullName = String(pupil.fullName ?? '');
    const { data } = await resultsSummary(strapi, { id: pupil.id, documentId: pupil.documentId, fullName }, ctx.query.year);
    const pdf = await resultsSummaryPdf(data, getSchoolSettings(strapi).name);
    sendDownload(ctx, pdf, { fileName: `Результаты ${fullName} ${String(data.academicYear.title)}.pdf`, asciiName: 'results.pdf' });
  },
});
