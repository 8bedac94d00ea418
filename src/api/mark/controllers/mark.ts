import { factories, type Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { createCurrentMark, takesFastPath } from '../services/fast-mark';
import { assertBatchShape, createMarkBatch } from '../services/mark-batch';

/**
 * The core controller of marks, with the fast path for creating a current mark (the journal grid's
 * cell): the same input checks and output sanitising as the core `create`, the write below the
 * document service with the same rules and audit entry (src/api/mark/services/fast-mark.ts); and the
 * batch of current marks (`POST /api/marks/batch`, src/api/mark/services/mark-batch.ts).
 */
export default factories.createCoreController('api::mark.mark', ({ strapi }) => ({
  async create(this: Core.CoreAPI.Controller.Base, ctx: Context) {
    const body = (ctx.request.body ?? {}) as { data?: unknown };
    if (!takesFastPath(strapi, body.data, ctx.query as Record<string, unknown>)) return super.create(ctx);
    await this.validateInput(body.data as never, ctx);
    const data = (await this.sanitizeInput(body.data as never, ctx)) as Record<string, unknown>;
    const entity = await createCurrentMark(strapi, data);
    const sanitized = await this.sanitizeOutput(entity as never, ctx);
    ctx.status = 201;
    return this.transformResponse(sanitized);
  },

  async createBatch(this: Core.CoreAPI.Controller.Base, ctx: Context) {
    const body = (ctx.request.body ?? {}) as { data?: unknown };
    const items = assertBatchShape(body.data);
    const created = await createMarkBatch(strapi, items, async (item) => {
      await this.validateInput(item as never, ctx);
      return (await this.sanitizeInput(item as never, ctx)) as Record<string, unknown>;
    });
    const sanitized = await Promise.all(created.map((entity) => this.sanitizeOutput(entity as never, ctx)));
    ctx.status = 201;
    return { data: sanitized, meta: { count: sanitized.length } };
  },
}));
