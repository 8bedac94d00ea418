import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { EXTERNAL_ASSESSMENT } from '../../../school/records/external-assessment-rules';
import { importExternalAssessments, readImportRows } from '../import';
import { objectivityReport } from '../objectivity';

type UploadedFile = { filepath?: string; originalFilename?: string | null; mimetype?: string | null };

export default factories.createCoreController(EXTERNAL_ASSESSMENT, ({ strapi }) => ({
  /** POST /api/external-assessments/import: a CSV or XLSX file (multipart field `file`) or `{ data: { rows } }`. */
  async import(ctx: Context) {
    const request = ctx.request as unknown as { files?: Record<string, UploadedFile | UploadedFile[]>; body?: unknown };
    const files = request.files ?? {};
    const given = files.file ?? Object.values(files)[0];
    const file = Array.isArray(given) ? given[0] : given;
    const body = (request.body ?? {}) as { data?: { rows?: unknown }; rows?: unknown };
    const rows = body.data && typeof body.data === 'object' ? body.data.rows : body.rows;
    const result = await importExternalAssessments(strapi, await readImportRows({ file, rows }));
    ctx.status = 201;
    ctx.body = { data: result };
  },

  /** GET /api/external-assessments/objectivity?year=&subject=&grade=&kind= */
  async objectivity(ctx: Context) {
    ctx.body = await objectivityReport(strapi, ctx.query);
  },
}));
