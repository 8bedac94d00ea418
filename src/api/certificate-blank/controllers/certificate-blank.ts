import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { sendDownload } from '../../../school/download';
import { CERTIFICATE_BLANK } from '../../../school/records/certificate-blank-rules';
import { getCertificateBlankService } from '../services/certificate-blank';

export default factories.createCoreController(CERTIFICATE_BLANK, ({ strapi }) => ({
  /** POST /api/certificate-blanks/receive: a receipt (накладная) of blanks numbered from … to …. */
  async receive(ctx: Context) {
    const body = (ctx.request as unknown as { body?: { data?: unknown } }).body?.data;
    const received = await getCertificateBlankService(strapi).receive(body);
    ctx.status = 201;
    ctx.body = { data: received, meta: { count: received.length } };
  },

  /** GET /api/certificate-blanks/balance: what the register holds per level. */
  async balance(ctx: Context) {
    ctx.body = { data: await getCertificateBlankService(strapi).balance() };
  },

  /** GET /api/certificate-blanks/register.pdf?level=&year=: the printed register with the balance. */
  async register(ctx: Context) {
    const { pdf, selection } = await getCertificateBlankService(strapi).registerPdf(ctx.query.level, ctx.query.year);
    const part = [selection.levels.length === 1 ? selection.levels[0] : '', selection.year ?? ''].filter(Boolean).join('-');
    sendDownload(ctx, pdf, {
      fileName: `Книга учёта бланков аттестатов${selection.year ? `, ${selection.year}` : ''}.pdf`,
      asciiName: `blank-register${part ? `-${part}` : ''}.pdf`,
    });
  },
}));
