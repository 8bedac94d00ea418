import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { sendDownload } from '../../../../../school/download';
import { assertAdminAppointed } from '../policies/appointed';
import { getService } from '../utils';
import { staffAccountOf } from '../utils/staff';
import {
  validateBlankListPage,
  validateClassCards,
  validateFillYear,
  validateIssueFile,
  validateJournalPrint,
  validateProgressCertificate,
  validateRequestParams,
  validateSearch,
  validateStudentParams,
  validateSummaryPrint,
} from './validation/documents';

const MIME = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
} as const;

/** A file download with its Russian name (and an ASCII fallback for old clients). */
const attach = (ctx: Context, body: Buffer, fileName: string, format: keyof typeof MIME) =>
  sendDownload(ctx, body, { fileName, asciiName: `document.${format}`, type: MIME[format] });

/** Thin controller of the «Документы» admin API: validation, then the documents service. */
const documentsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => getService(strapi, 'documents');
  return {
    async choices(ctx: Context) {
      ctx.body = { data: await documents().choices() };
    },

    async searchPupils(ctx: Context) {
      const { q } = await validateSearch(ctx.query);
      ctx.body = { data: await documents().searchPupils(q) };
    },

    async pupil(ctx: Context) {
      const { student } = await validateStudentParams(ctx.params);
      ctx.body = { data: await documents().pupilDocuments(student) };
    },

    async fillYear(ctx: Context) {
      const { student } = await validateStudentParams(ctx.params);
      const { academicYear } = await validateFillYear(ctx.request.body);
      await staffAccountOf(strapi, ctx);
      ctx.body = { data: await documents().fillYear(student, academicYear) };
    },

    async admissionDocument(ctx: Context) {
      const { student } = await validateStudentParams(ctx.params);
      const id = Number(ctx.params.document);
      if (!Number.isInteger(id) || id <= 0) throw new errors.NotFoundError('Документ личного дела не найден');
      const { content, name, mime } = await documents().admissionDocument(student, id);
      sendDownload(ctx, content, { fileName: name, asciiName: 'document', type: mime });
    },

    async personalCard(ctx: Context) {
      const { student } = await validateStudentParams(ctx.params);
      const { pdf, number } = await documents().personalCard(student);
      attach(ctx, pdf, `Личная карта ${number}.pdf`, 'pdf');
    },

    /** Registers an аттестат: the certificate books are kept by the person appointed by order, when there is one. */
    async issueCertificate(ctx: Context) {
      const { student } = await validateStudentParams(ctx.params);
      const body = ctx.request.body as { data?: unknown } | undefined;
      if (!body?.data || typeof body.data !== 'object' || Array.isArray(body.data)) {
        throw new errors.ValidationError('Передайте данные выдачи объектом в поле data');
      }
      await assertAdminAppointed(strapi, ctx, 'certificate-books');
      await staffAccountOf(strapi, ctx);
      ctx.status = 201;
      ctx.body = { data: await documents().issueCertificate(student, body.data as Record<string, unknown>) };
    },

    /**
     * Issues a справка об обучении and registers it in the book; the secretary confirms that the data
     * are checked (`confirmed: true`), since the entry is never edited afterwards.
     */
    async issueStudyCertificate(ctx: Context) {
      const { student } = await validateStudentParams(ctx.params);
      const body = ctx.request.body as Record<string, unknown> | undefined;
      if (!body || typeof body !== 'object' || Array.isArray(body)) {
        throw new errors.ValidationError('Передайте данные справки объектом');
      }
      const { confirmed, ...input } = body;
      if (confirmed !== true) {
        const message = 'Подтвердите, что сведения проверены: запись в книге после выдачи не исправляется';
        throw new errors.ValidationError(message, { errors: [{ path: ['confirmed'], message, name: 'ValidationError' }] });
      }
      await assertAdminAppointed(strapi, ctx, 'certificate-books');
      await staffAccountOf(strapi, ctx);
      ctx.status = 201;
      ctx.body = { data: await documents().issueStudyCertificate(student, input) };
    },

    async studyCertificatePdf(ctx: Context) {
      const { student } = await validateStudentParams(ctx.params);
      const { pdf, fullName, number } = await documents().studyCertificatePdf(student, String(ctx.params.entry));
      attach(ctx, pdf, `Справка об обучении ${number} — ${fullName}.pdf`, 'pdf');
    },

    async studyCertificateBook(ctx: Context) {
      const { pdf, year } = await documents().studyCertificateBook(ctx.query.year);
      attach(ctx, pdf, `Книга регистрации справок об обучении ${year}.pdf`, 'pdf');
    },

    async issueFile(ctx: Context) {
      const { student } = await validateStudentParams(ctx.params);
      const input = await validateIssueFile(ctx.request.body);
      await staffAccountOf(strapi, ctx);
      ctx.body = { data: await documents().issueFile(student, input) };
    },

    async progressCertificate(ctx: Context) {
      const { student } = await validateStudentParams(ctx.params);
      const input = await validateProgressCertificate(ctx.request.body);
      const account = await staffAccountOf(strapi, ctx);
      ctx.status = 201;
      ctx.body = { data: await documents().progressCertificate(student, account?.id ?? null, input) };
    },

    async requestDocument(ctx: Context) {
      const { student } = await validateStudentParams(ctx.params);
      const { request } = await validateRequestParams(ctx.params);
      const { pdf, fileName } = await documents().requestDocument(student, request);
      attach(ctx, pdf, fileName, 'pdf');
    },

    async classCards(ctx: Context) {
      const { schoolClass } = await validateClassCards(ctx.query);
      const { zip, fileName } = await documents().classCards(schoolClass);
      attach(ctx, zip, fileName, 'zip');
    },

    async filesInventory(ctx: Context) {
      const { schoolClass } = await validateClassCards(ctx.query);
      const { pdf, fileName } = await documents().filesInventory(schoolClass);
      attach(ctx, pdf, fileName, 'pdf');
    },

    async certificateSupplement(ctx: Context) {
      const { student } = await validateStudentParams(ctx.params);
      const { pdf, fullName } = await documents().certificateSupplement(student, String(ctx.params.entry));
      attach(ctx, pdf, `Приложение к аттестату — ${fullName}.pdf`, 'pdf');
    },

    async blanks(ctx: Context) {
      const page = await validateBlankListPage(ctx.query);
      const { pagination, ...register } = await documents().blanks(ctx.query.level, ctx.query.state, page);
      ctx.body = { data: register, meta: { pagination } };
    },

    /** A receipt of аттестат blanks: the certificate books (and their register) are kept by the person appointed by order, when there is one. */
    async receiveBlanks(ctx: Context) {
      const body = ctx.request.body as { data?: unknown } | undefined;
      await assertAdminAppointed(strapi, ctx, 'certificate-books');
      await staffAccountOf(strapi, ctx);
      const received = await documents().receiveBlanks(body?.data);
      ctx.status = 201;
      ctx.body = { data: received, meta: { count: received.length } };
    },

    async writeOffBlank(ctx: Context) {
      const body = ctx.request.body as { data?: unknown } | undefined;
      await assertAdminAppointed(strapi, ctx, 'certificate-books');
      await staffAccountOf(strapi, ctx);
      ctx.body = { data: await documents().writeOffBlank(String(ctx.params.blank), body?.data) };
    },

    async blankRegister(ctx: Context) {
      const { pdf, selection } = await documents().blankRegister(ctx.query.level, ctx.query.year);
      attach(ctx, pdf, `Книга учёта бланков аттестатов${selection.year ? `, ${selection.year}` : ''}.pdf`, 'pdf');
    },

    async journalPrint(ctx: Context) {
      const { period, schoolClass } = await validateJournalPrint(ctx.query);
      const { pdf, fileName } = await documents().journalPrint(period, schoolClass);
      attach(ctx, pdf, fileName, 'pdf');
    },

    async summaryPrint(ctx: Context) {
      const { schoolClass, format } = await validateSummaryPrint(ctx.query);
      const { body, fileName } = await documents().summaryPrint(schoolClass, format);
      attach(ctx, body, fileName, format);
    },
  };
};

export default documentsController;
