import { factories, type Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import type { StoredRecord } from '../../../school/records/draft';
import { runYearCertification, YEARLY_RESULT } from '../../../school/records/personal-file-rules';

interface AuthState {
  auth?: { strategy?: { name?: string } };
  user?: { id?: number };
}

export default factories.createCoreController(YEARLY_RESULT, ({ strapi }) => ({
  /**
   * POST /api/yearly-results/:id/certify: the class teacher of the pupil's class of that year
   * certifies the page (seed 003 §4.9: «заверяются … подписью классного руководителя»); from then
   * on it is read-only.
   */
  async certify(this: Core.CoreAPI.Controller.Base, ctx: Context) {
    const state = ctx.state as AuthState;
    if (state.auth?.strategy?.name !== 'users-permissions' || typeof state.user?.id !== 'number') {
      throw new errors.PolicyError('Итоги года заверяет классный руководитель под своей учётной записью');
    }
    const userId = state.user.id;
    const documentId = String(ctx.params.id);
    const stored = (await strapi.db.query(YEARLY_RESULT).findOne({
      where: { documentId },
      populate: { schoolClass: { select: ['name'], populate: { classTeacher: { select: ['id'] } } } },
    })) as StoredRecord | null;
    if (!stored) throw new errors.NotFoundError('Итоги года не найдены');
    const schoolClass = stored.schoolClass as StoredRecord | null;
    if ((schoolClass?.classTeacher as StoredRecord | null)?.id !== userId) {
      throw new errors.PolicyError(`Итоги года заверяет классный руководитель класса ${String(schoolClass?.name ?? '')}`);
    }
    await runYearCertification(userId, () => strapi.documents(YEARLY_RESULT).update({ documentId, data: {} } as never));
    await this.validateQuery(ctx);
    const query = await this.sanitizeQuery(ctx);
    const result = await strapi.documents(YEARLY_RESULT).findOne({ documentId, ...query } as never);
    return this.transformResponse(await this.sanitizeOutput(result as never, ctx));
  },
}));
