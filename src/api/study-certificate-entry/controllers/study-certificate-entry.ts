import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { sendDownload } from '../../../school/download';
import { STUDY_CERTIFICATE_ENTRY } from '../../../school/records/study-certificate-rules';
import { assertNothingDerived, getStudyCertificateEntryService } from '../services/study-certificate-entry';

export default factories.createCoreController(STUDY_CERTIFICATE_ENTRY, ({ strapi }) => ({
  /** POST /api/study-certificate-entries: what the book computes is refused when typed; the record rules do the rest. */
  async create(ctx: Context) {
    assertNothingDerived((ctx.request as unknown as { body?: { data?: unknown } }).body?.data);
    return super.create(ctx);
  },

  /** GET /api/study-certificate-entries/:id/certificate.pdf: the справка об обучении of a registered entry. */
  async certificate(ctx: Context) {
    const { pdf, fullName, number } = await getStudyCertificateEntryService(strapi).certificatePdf(String(ctx.params.id));
    sendDownload(ctx, pdf, { fileName: `Справка об обучении ${number} — ${fullName}.pdf`, asciiName: 'study-certificate.pdf' });
  },

  /** GET /api/study-certificate-entries/book.pdf?year=: the book's pages of a year. */
  async book(ctx: Context) {
    const { pdf, year } = await getStudyCertificateEntryService(strapi).bookPdf(ctx.query.year);
    sendDownload(ctx, pdf, {
      fileName: `Книга регистрации справок об обучении ${year}.pdf`,
      asciiName: `study-certificate-book-${year}.pdf`,
    });
  },
}));
