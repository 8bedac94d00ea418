import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { sanitiseAndLog } from '../../special-condition/reading';
import { SPECIAL_CONDITION } from '../../../school/records/special-condition-rules';
import type { DiaryService } from '../services/diary';

const FIELDS = ['documentId', 'commissionDate', 'commissionNumber', 'conditions', 'diagnosis', 'validUntil'] as const;

/** Thin controller of the family's special-conditions route: its own child's records, each read audited. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: Context) {
    const user = (ctx.state as { user?: { id?: number; role?: { type?: string } } }).user;
    if (!user?.id) throw new errors.UnauthorizedError('Войдите в электронный дневник');
    const diary = strapi.service('api::diary.diary') as unknown as DiaryService;
    const pupil = await diary.requirePupil({ id: user.id, roleType: user.role?.type ?? '' }, String(ctx.params.student));
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
