import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { sendDownload } from '../../../school/download';
import { checkReportOf, checkReportPdf, journalPageOf, journalPagePdf } from '../reports';

const sendPdf = (ctx: Context, pdf: Buffer, asciiName: string, fileName: string): void => sendDownload(ctx, pdf, { fileName, asciiName });

/** Thin controller of the journal-check papers. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async checkReport(ctx: Context) {
    const report = await checkReportOf(strapi, ctx.query as Record<string, unknown>);
    sendPdf(ctx, await checkReportPdf(report), 'journal-check-report.pdf', `Справка о проверке ЭЖ ${report.from} — ${report.to}.pdf`);
  },
  async journalPage(ctx: Context) {
    const user = (ctx.state as { user?: { id?: number; role?: { type?: string } } }).user;
    if (!user?.id) throw new errors.UnauthorizedError('Войдите в систему');
    const page = await journalPageOf(strapi, { id: user.id, roleType: user.role?.type ?? '' }, String(ctx.params.journal));
    sendPdf(ctx, await journalPagePdf(page), 'journal-remarks.pdf', `Замечания по ведению журнала ${page.journal}.pdf`);
  },
});
