import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { sendScopedRecordFile } from '../../../access/scoped-file';
import { PLATFORM_RESULT } from '../../../school/records/platform-result-rules';
import { importInputOf } from '../../../school/sheet-import';
import { importPlatformResults, readPlatformImportRows } from '../import';

const queryText = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

export default factories.createCoreController(PLATFORM_RESULT, ({ strapi }) => ({
  /** POST /api/platform-results/import?journal=&platform=: a CSV or XLSX file (multipart field `file`) or `{ data: { rows } }`. */
  async import(ctx: Context) {
    const parsed = await readPlatformImportRows(importInputOf(ctx.request));
    const result = await importPlatformResults(strapi, parsed, {
      journal: queryText(ctx.query.journal),
      platform: queryText(ctx.query.platform),
    });
    ctx.status = 201;
    ctx.body = { data: result };
  },

  /** GET /api/platform-results/:id/evidence/:file — to those who may read the result; never by its public link. */
  async evidence(ctx: Context) {
    await sendScopedRecordFile(strapi, ctx, {
      uid: PLATFORM_RESULT,
      field: 'evidence',
      asciiName: 'evidence',
      denied: 'Результаты на образовательных платформах вам недоступны',
      recordNotFound: 'Результат не найден',
      fileNotFound: 'Файл не найден у этого результата',
    });
  },
}));
