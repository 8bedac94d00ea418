import { factories, type Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { getJournalRemarkService } from '../services/journal-remark';

const JOURNAL_REMARK = 'api::journal-remark.journal-remark';

interface AuthState {
  auth?: { strategy?: { name?: string } };
  user?: { id?: number };
}

export default factories.createCoreController(JOURNAL_REMARK, ({ strapi }) => ({
  /** POST /api/journal-remarks/:id/acknowledge: the journal's teacher has read the remarks. */
  async acknowledge(this: Core.CoreAPI.Controller.Base, ctx: Context) {
    const state = ctx.state as AuthState;
    if (state.auth?.strategy?.name !== 'users-permissions' || typeof state.user?.id !== 'number') {
      throw new errors.PolicyError('Отметить ознакомление может только учитель журнала под своей учётной записью');
    }
    await this.validateQuery(ctx);
    const query = await this.sanitizeQuery(ctx);
    const remark = await getJournalRemarkService(strapi).acknowledge(String(ctx.params.id), state.user.id, query);
    return this.transformResponse(await this.sanitizeOutput(remark, ctx));
  },
}));
