import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { sendScopedRecordFile } from '../../../access/scoped-file';
import { sendDownload } from '../../../school/download';
import { todayInZone } from '../../../school/calendar';
import { EXAM_RESULT, runAcknowledge } from '../../../school/records/exam-result-rules';
import { getSchoolSettings } from '../../../school/settings';
import { importInputOf } from '../../../school/sheet-import';
import { acknowledgmentSheetPdf, examAcknowledgments } from '../acknowledgments';
import { importExamResults, readExamImportRows } from '../import';

const invalid = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

export default factories.createCoreController(EXAM_RESULT, ({ strapi }) => ({
  /** POST /api/exam-results/import: a CSV or XLSX protocol (multipart field `file`) or `{ data: { rows } }`; all rows or none. */
  async import(ctx: Context) {
    const result = await importExamResults(strapi, await readExamImportRows(importInputOf(ctx.request)));
    ctx.status = 201;
    ctx.body = { data: result };
  },

  /** POST /api/exam-results/:id/acknowledge `{ data: { acknowledgedOn? } }`: the pupil has seen the result and signed; the caller showed it. */
  async acknowledge(ctx: Context) {
    const body = ((ctx.request as unknown as { body?: unknown }).body ?? {}) as { data?: unknown };
    const data = body.data ?? {};
    if (typeof data !== 'object' || data === null || Array.isArray(data))
      throw invalid('data', 'Тело запроса: { "data": { "acknowledgedOn": "ГГГГ-ММ-ДД" } }');
    const { acknowledgedOn, ...rest } = data as Record<string, unknown>;
    for (const key of Object.keys(rest)) throw invalid(key, `Неизвестный параметр «${key}»: допустим только acknowledgedOn`);
    if (acknowledgedOn !== undefined && acknowledgedOn !== null && typeof acknowledgedOn !== 'string') {
      throw invalid('acknowledgedOn', 'Дата ознакомления в формате ГГГГ-ММ-ДД');
    }
    const documentId = String(ctx.params.id);
    const stored = await strapi.db.query(EXAM_RESULT).findOne({ where: { documentId }, select: ['id', 'acknowledgedOn'] });
    if (!stored) throw new errors.NotFoundError('Результат не найден');
    if (stored.acknowledgedOn)
      throw invalid('acknowledgedOn', `Обучающийся уже ознакомлен с результатом (${String(stored.acknowledgedOn)})`);
    const user = (ctx.state as { user?: { id?: number } }).user;
    const on = acknowledgedOn || todayInZone(getSchoolSettings(strapi).timeZone);
    const updated = await runAcknowledge(user?.id ?? null, () =>
      strapi
        .documents(EXAM_RESULT)
        .update({ documentId, data: { acknowledgedOn: on }, populate: { acknowledgedBy: { fields: ['fullName', 'username'] } } } as never),
    );
    ctx.body = { data: updated };
  },

  /** GET /api/exam-results/acknowledgments?year=&examKind=&subject=&date= — per exam, who has and has not acknowledged. */
  async acknowledgments(ctx: Context) {
    const data = await examAcknowledgments(strapi, ctx.query as Record<string, unknown>);
    ctx.body = { data, meta: { notAcknowledged: data.reduce((sum, group) => sum + group.notAcknowledged.length, 0) } };
  },

  /**
   * GET /api/exam-results/:id/scans/:file — one scan kept with the result (the protocol; for the сочинение the
   * work itself), to those who may read the result; never by its public link (`src/school/private-uploads.ts`).
   */
  async scan(ctx: Context) {
    await sendScopedRecordFile(strapi, ctx, {
      uid: EXAM_RESULT,
      field: 'scans',
      asciiName: 'scan',
      denied: 'Результаты ГИА вам недоступны',
      recordNotFound: 'Результат не найден',
      fileNotFound: 'Скан не найден у этого результата',
    });
  },

  /** GET /api/exam-results/acknowledgment-sheet.pdf?examKind=&subject=&date= — the sheet for signatures. */
  async acknowledgmentSheet(ctx: Context) {
    const sheet = await acknowledgmentSheetPdf(strapi, ctx.query as Record<string, unknown>);
    sendDownload(ctx, sheet.pdf, { fileName: sheet.fileName, asciiName: sheet.asciiName });
  },
}));
