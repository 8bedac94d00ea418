import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import type { GridViewer, JournalGridService } from '../../../../../api/journal-grid/services/journal-grid';
import { pluginPermission, type JournalAction } from '../constants';
import { staffAccountOf } from '../utils/staff';

interface AdminState {
  userAbility?: { can(action: string): boolean };
}

/**
 * The admin panel's journal grid: the same service as the REST grid, for an admin-panel user. A
 * teacher's admin account reaches the journals of the school account with the same e-mail.
 */
const journalGridController = ({ strapi }: { strapi: Core.Strapi }) => {
  const grids = (): JournalGridService => strapi.service('api::journal-grid.journal-grid') as unknown as JournalGridService;

  const viewerOf = async (ctx: Context): Promise<GridViewer> => {
    const state = ctx.state as AdminState;
    const can = (action: JournalAction) => state.userAbility?.can(pluginPermission(action)) ?? false;
    const viewer = {
      readAll: can('journal.read-all') || can('journal.write-all'),
      writeAll: can('journal.write-all'),
      writeOwn: can('journal.own'),
      remark: can('journal.remark'),
    };
    if (!viewer.readAll && !viewer.writeOwn && !viewer.remark) throw new errors.ForbiddenError();
    // Writes are recorded as the staff member's (setBy); Strapi records the admin user as updatedBy.
    const account = await staffAccountOf(strapi, ctx);
    return { accountId: account?.id ?? null, ...viewer };
  };

  const bodyOf = (ctx: Context): Record<string, unknown> => {
    const body = ctx.request.body as { data?: unknown } | undefined;
    const data = body?.data;
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw new errors.ValidationError('Тело запроса: { "data": { … } }');
    return data as Record<string, unknown>;
  };

  return {
    async choices(ctx: Context) {
      ctx.body = { data: await grids().choices(await viewerOf(ctx)) };
    },
    async grid(ctx: Context) {
      const period = typeof ctx.query.period === 'string' ? ctx.query.period : undefined;
      ctx.body = { data: await grids().grid(ctx.params.journal, await viewerOf(ctx), period) };
    },
    async saveCell(ctx: Context) {
      ctx.body = { data: await grids().saveCell(ctx.params.journal, await viewerOf(ctx), bodyOf(ctx)) };
    },
    async savePeriodMark(ctx: Context) {
      ctx.body = { data: await grids().savePeriodMark(ctx.params.journal, await viewerOf(ctx), bodyOf(ctx)) };
    },
    async saveLesson(ctx: Context) {
      ctx.body = { data: await grids().saveLesson(ctx.params.journal, await viewerOf(ctx), ctx.params.lesson, bodyOf(ctx)) };
    },
    async addRemark(ctx: Context) {
      ctx.status = 201;
      ctx.body = { data: await grids().addRemark(ctx.params.journal, await viewerOf(ctx), bodyOf(ctx)) };
    },
  };
};

export default journalGridController;
