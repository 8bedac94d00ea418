import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { GridViewer, JournalGridService } from '../services/journal-grid';

interface GridContext {
  state: { user?: { id?: number; role?: { type?: string } } };
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body?: { data?: Record<string, unknown> } };
  body: unknown;
  status: number;
}

/** What each school role may do in the grid; the route permissions (role-permissions.ts) come first. */
const VIEWERS: Record<string, Omit<GridViewer, 'accountId'>> = {
  teacher: { readAll: false, writeAll: false, writeOwn: true, remark: false },
  'class-teacher': { readAll: false, writeAll: false, writeOwn: true, remark: false },
  'deputy-director': { readAll: true, writeAll: false, writeOwn: false, remark: true },
  director: { readAll: true, writeAll: false, writeOwn: false, remark: false },
};

const viewerOf = (ctx: GridContext): GridViewer => {
  const user = ctx.state.user;
  if (!user?.id) throw new errors.UnauthorizedError('Войдите, чтобы открыть журнал');
  const rights = VIEWERS[user.role?.type ?? ''];
  if (!rights) throw new errors.PolicyError('Журнал недоступен для вашей роли');
  return { accountId: user.id, ...rights };
};

const bodyOf = (ctx: GridContext): Record<string, unknown> => {
  const data = ctx.request.body?.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new errors.ValidationError('Тело запроса: { "data": { … } }');
  return data;
};

const periodParam = (ctx: GridContext): string | undefined => (typeof ctx.query.period === 'string' ? ctx.query.period : undefined);

/** Thin controller: who asks and what they sent; the service checks the journal and does the work. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const grids = (): JournalGridService => strapi.service('api::journal-grid.journal-grid') as unknown as JournalGridService;
  return {
    async choices(ctx: GridContext) {
      ctx.body = { data: await grids().choices(viewerOf(ctx)) };
    },
    async grid(ctx: GridContext) {
      ctx.body = { data: await grids().grid(ctx.params.journal, viewerOf(ctx), periodParam(ctx)) };
    },
    async saveCell(ctx: GridContext) {
      ctx.body = { data: await grids().saveCell(ctx.params.journal, viewerOf(ctx), bodyOf(ctx)) };
    },
    async savePeriodMark(ctx: GridContext) {
      ctx.body = { data: await grids().savePeriodMark(ctx.params.journal, viewerOf(ctx), bodyOf(ctx)) };
    },
    async saveLesson(ctx: GridContext) {
      ctx.body = { data: await grids().saveLesson(ctx.params.journal, viewerOf(ctx), ctx.params.lesson, bodyOf(ctx)) };
    },
    async addRemark(ctx: GridContext) {
      ctx.status = 201;
      ctx.body = { data: await grids().addRemark(ctx.params.journal, viewerOf(ctx), bodyOf(ctx)) };
    },
  };
};
