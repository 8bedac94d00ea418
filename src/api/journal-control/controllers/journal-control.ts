import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { JournalControlService } from '../services/journal-control';

interface ControlContext {
  state: { user?: { id?: number; role?: { type?: string } } };
  query: Record<string, unknown>;
  body: unknown;
}

/** Thin controller: who is asking and which day; the service does the rest. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async daily(ctx: ControlContext) {
    const user = ctx.state.user;
    if (!user?.id) throw new errors.UnauthorizedError('Войдите под своей учётной записью');
    const service = strapi.service('api::journal-control.journal-control') as unknown as JournalControlService;
    ctx.body = { data: await service.daily({ id: user.id, roleType: user.role?.type ?? '' }, ctx.query.date) };
  },
});
