import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { actorFromState, type RequestState } from '../../../access/request-actor';
import type { ExchangeService } from '../services/exchange';

/**
 * Thin controller of the feed. Strapi has already checked the token's permission on this action; a
 * full-access token holds every action without anyone ticking this one, so only a custom token —
 * granted the feed explicitly, like the other personal-data grants — is let through.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async changes(ctx: Context) {
    const actor = actorFromState(ctx.state as RequestState);
    if (actor.kind !== 'api-token' || actor.tokenType !== 'custom') {
      throw new errors.PolicyError(
        'Ленту изменений читает только API-токен типа Custom, которому администратор явно разрешил exchange.changes (152-ФЗ: отметки и посещаемость — персональные данные)',
      );
    }
    const service = strapi.service('api::exchange.exchange') as unknown as ExchangeService;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await service.changes(ctx.query.after, ctx.query.limit);
  },
});
