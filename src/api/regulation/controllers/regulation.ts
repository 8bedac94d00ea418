import { factories, type Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { SCHOOL_ROLES } from '../../../access/role-permissions';
import { getRegulationService, type RegulationAudience } from '../services/regulation';

const REGULATION = 'api::regulation.regulation';

type CoreController = Core.CoreAPI.Controller.Base;

/** The roles that may edit the regulation (deputy director, director) also read its drafts. */
const EDITOR_ROLES = new Set(SCHOOL_ROLES.filter((role) => role.actions.includes(`${REGULATION}.update`)).map((role) => role.type));

interface AuthState {
  auth?: { strategy?: { name?: string } };
  user?: { role?: { type?: string } };
}

/** Public visitors, parents, pupils, other staff and every API token see adopted editions only. */
const audienceOf = (ctx: Context): RegulationAudience => {
  const state = ctx.state as AuthState;
  return { withDrafts: state.auth?.strategy?.name === 'users-permissions' && EDITOR_ROLES.has(state.user?.role?.type ?? '') };
};

export default factories.createCoreController(REGULATION, ({ strapi }) => ({
  /** GET /api/regulations: the editions, newest first; drafts only for those who edit the regulation. */
  async find(this: CoreController, ctx: Context) {
    await this.validateQuery(ctx);
    const query = await this.sanitizeQuery(ctx);
    const { results, pagination } = await getRegulationService(strapi).findEditions(query, audienceOf(ctx));
    const sanitized = await this.sanitizeOutput(results, ctx);
    return this.transformResponse(sanitized, { pagination });
  },

  /** GET /api/regulations/:id: one edition; a draft is «not found» for those who may not see drafts. */
  async findOne(this: CoreController, ctx: Context) {
    await this.validateQuery(ctx);
    const query = await this.sanitizeQuery(ctx);
    const edition = await getRegulationService(strapi).findEdition(String(ctx.params.id), query, audienceOf(ctx));
    if (!edition) throw new errors.NotFoundError('Редакция Положения не найдена');
    return this.transformResponse(await this.sanitizeOutput(edition, ctx));
  },

  /** GET /api/regulations/current: the edition in force. */
  async current(this: CoreController, ctx: Context) {
    await this.validateQuery(ctx);
    const query = await this.sanitizeQuery(ctx);
    const edition = await getRegulationService(strapi).findCurrent(query);
    if (!edition) throw new errors.NotFoundError('Действующая редакция Положения ещё не утверждена');
    return this.transformResponse(await this.sanitizeOutput(edition, ctx));
  },
}));
