import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { PLATFORM_RESULT } from '../../../school/records/platform-result-rules';
import { ownPupilOf } from '../caller';

const FIELDS = ['documentId', 'platform', 'activity', 'date', 'score', 'maxScore', 'percent', 'url'] as const;

/** Thin controller of the family's results on external platforms: its own child's, newest first. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    const pupil = await ownPupilOf(strapi, ctx);
    const rows = (await strapi.db.query(PLATFORM_RESULT).findMany({
      where: { student: { id: pupil.id } },
      select: [...FIELDS],
      populate: {
        journal: { select: ['documentId', 'title'], populate: { subject: { select: ['documentId', 'name'] } } },
        assignment: { select: ['documentId', 'title'] },
        mark: { select: ['documentId', 'value', 'kind'] },
      },
      orderBy: [{ date: 'desc' }, { id: 'desc' }],
    })) as Array<Record<string, unknown> & { journal?: { subject?: unknown } | null }>;
    ctx.body = {
      data: rows.map((row) => ({
        ...Object.fromEntries(FIELDS.map((field) => [field, row[field] ?? null])),
        subject: row.journal?.subject ?? null,
        assignment: row.assignment ?? null,
        mark: row.mark ?? null,
      })),
      meta: { student: { documentId: pupil.documentId } },
    };
  },
});
