import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { EXTERNAL_ASSESSMENT } from '../../../school/records/external-assessment-rules';
import { importInputOf } from '../../../school/sheet-import';
import { importExternalAssessments, readImportRows } from '../import';
import { objectivityReport } from '../objectivity';

export default factories.createCoreController(EXTERNAL_ASSESSMENT, ({ strapi }) => ({
  /** POST /api/external-assessments/import: a CSV or XLSX file (multipart field `file`) or `{ data: { rows } }`. */
  async import(ctx: Context) {
    const result = await importExternalAssessments(strapi, await readImportRows(importInputOf(ctx.request)));
    ctx.status = 201;
    ctx.body = { data: result };
  },

  /** GET /api/external-assessments/objectivity?year=&subject=&grade=&kind= */
  async objectivity(ctx: Context) {
    ctx.body = await objectivityReport(strapi, ctx.query);
  },
}));
