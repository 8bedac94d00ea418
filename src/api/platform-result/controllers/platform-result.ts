import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { readScopeOf, readerFromState } from '../../../access/record-scope';
import type { RequestState } from '../../../access/request-actor';
import { sendDownload } from '../../../school/download';
import { readUpload } from '../../../school/private-uploads';
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
    const scope = await readScopeOf(strapi, readerFromState(ctx.state as RequestState), PLATFORM_RESULT);
    if (scope.kind === 'deny') throw new errors.PolicyError('Результаты на образовательных платформах вам недоступны');
    const filter = scope.kind === 'rows' ? scope.filter : {};
    const stored = (await strapi.db.query(PLATFORM_RESULT).findOne({
      where: { $and: [{ documentId: String(ctx.params.id) }, filter] },
      populate: { evidence: { select: ['id'] } },
    })) as { evidence?: Array<{ id: number }> | null } | null;
    if (!stored) throw new errors.NotFoundError('Результат не найден');
    const fileId = Number(ctx.params.file);
    if (!(stored.evidence ?? []).some((file) => file.id === fileId)) throw new errors.NotFoundError('Файл не найден у этого результата');
    const { content, name, mime } = await readUpload(strapi, fileId);
    sendDownload(ctx, content, { fileName: name, asciiName: 'evidence', type: mime });
  },
}));
