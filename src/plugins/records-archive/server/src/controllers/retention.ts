import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils';
import { validateHistoryParams } from './validation/retention';

/** Admin API of the retention policy's history: every version of a rule, newest first. */
const retentionController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async history(ctx: Context) {
    const { documentId } = await validateHistoryParams({ documentId: ctx.params.documentId });
    const versions = await getService(strapi, 'retention-history').history(documentId);
    ctx.body = { data: versions, meta: { total: versions.length } };
  },
});

export default retentionController;
