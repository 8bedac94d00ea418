import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { answerWithDocument, downloadIssuedDocument } from '../answer';

/** Core REST of the register of requests, plus answering one with a document and downloading it as issued. */
export default factories.createCoreController('api::results-request.results-request', ({ strapi }) => ({
  async answer(ctx: Context) {
    ctx.body = { data: await answerWithDocument(strapi, ctx) };
  },
  async document(ctx: Context) {
    await downloadIssuedDocument(strapi, ctx);
  },
}));
