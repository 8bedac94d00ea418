import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { sendDownload } from '../../../school/download';
import { CERTIFICATE_ENTRY } from '../../../school/records/certificate-rules';
import { getCertificateEntryService } from '../services/certificate-entry';

export default factories.createCoreController(CERTIFICATE_ENTRY, ({ strapi }) => ({
  /** POST /api/certificate-entries/issue: computes the final marks from the journal and registers the аттестат. */
  async issue(ctx: Context) {
    const body = (ctx.request as unknown as { body?: { data?: unknown } }).body;
    const entry = await getCertificateEntryService(strapi).issue(body?.data);
    ctx.status = 201;
    ctx.body = { data: entry };
  },

  /** GET /api/certificate-entries/:id/supplement.pdf: the supplement of a registered аттестат with its final marks. */
  async supplement(ctx: Context) {
    const { pdf, fullName } = await getCertificateEntryService(strapi).supplementPdf(String(ctx.params.id));
    sendDownload(ctx, pdf, { fileName: `Приложение к аттестату — ${fullName}.pdf`, asciiName: 'supplement.pdf' });
  },

  /** GET /api/certificate-entries/book.pdf?level=&year=: the book's pages of a year. */
  async book(ctx: Context) {
    const { pdf, level, year } = await getCertificateEntryService(strapi).bookPdf(ctx.query.level, ctx.query.year);
    const name = `certificate-book-${level}-${year}.pdf`;
    ctx.set('Content-Disposition', `attachment; filename="${name}"`);
    ctx.set('Cache-Control', 'no-store');
    ctx.type = 'application/pdf';
    ctx.body = pdf;
  },
}));
