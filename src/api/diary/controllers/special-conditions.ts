import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { sanitiseAndLog } from '../../special-condition/reading';
import { SPECIAL_CONDITION } from '../../../school/records/special-condition-rules';
import { ownPupilOf } from '../caller';

const FIELDS = ['documentId', 'commissionDate', 'commissionNumber', 'conditions', 'diagnosis', 'validUntil'] as const;

/** Thin controller of the family's special-conditions route: its own child's records, each read audited. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: Context) {
    const pupil = await ownPupilOf(strapi, ctx);
    const rows = (await strapi.db.query(SPECIAL_CONDITION).findMany({
      where: { student: { id: pupil.id } },
      select: [...FIELDS],
      orderBy: [{ commissionDate: 'desc' }, { id: 'desc' }],
    })) as Array<Record<string, unknown>>;
    const data = rows.map((row) => Object.fromEntries(FIELDS.map((field) => [field, row[field] ?? null])));
    await sanitiseAndLog(strapi, data, 'GET /api/diary/:student/special-conditions', { ownChild: true });
    ctx.body = { data, meta: { student: { documentId: pupil.documentId } } };
  },
});
