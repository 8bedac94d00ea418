import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { fixityView } from '../services/fixity';
import { getService } from '../utils';
import { validateListFixity, validateRunFixity } from './validation/archive';

/** Admin API of integrity checks: run one now, and the log of checks with their failures and repairs. */
const fixityCheckController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async run(ctx: Context) {
    await validateRunFixity(ctx.request.body ?? {});
    const user = ctx.state.user as { firstname?: string; lastname?: string; email?: string } | undefined;
    const requestedBy = user ? [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email : undefined;
    const check = await getService(strapi, 'fixity').verifyPackages({ trigger: 'manual', requestedBy });
    ctx.created({ data: fixityView(check) });
  },

  async findPage(ctx: Context) {
    const query = await validateListFixity(ctx.query);
    const { results, pagination } = await getService(strapi, 'fixity').findPage(query);
    ctx.body = { data: results.map(fixityView), meta: { pagination } };
  },
});

export default fixityCheckController;
