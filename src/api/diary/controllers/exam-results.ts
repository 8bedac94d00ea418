import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { EXAM_RESULT } from '../../../school/records/exam-result-rules';
import { EXAM_KIND_LABELS, type ExamKind } from '../../../school/rules/gia';
import { ownPupilOf } from '../caller';

const FIELDS = [
  'documentId',
  'examKind',
  'form',
  'date',
  'primaryScore',
  'scaledScore',
  'passingScore',
  'mark',
  'result',
  'passed',
  'protocolNumber',
  'protocolDate',
  'acknowledgedOn',
] as const;

/** Thin controller of the family's GIA results: its own child's, newest first. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    const pupil = await ownPupilOf(strapi, ctx);
    const rows = (await strapi.db.query(EXAM_RESULT).findMany({
      where: { student: { id: pupil.id } },
      select: [...FIELDS],
      populate: { subject: { select: ['documentId', 'name'] } },
      orderBy: [{ date: 'desc' }, { id: 'desc' }],
    })) as Array<Record<string, unknown>>;
    ctx.body = {
      data: rows.map((row) => ({
        ...Object.fromEntries(FIELDS.map((field) => [field, row[field] ?? null])),
        kindLabel: EXAM_KIND_LABELS[row.examKind as ExamKind],
        subject: row.subject ?? null,
      })),
      meta: { student: { documentId: pupil.documentId } },
    };
  },
});
