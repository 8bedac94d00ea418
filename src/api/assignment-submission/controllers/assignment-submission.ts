import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { sendDownload } from '../../../school/download';
import { checkSubmission, staffSubmissionFile } from '../../assignment/distance';

export default factories.createCoreController('api::assignment-submission.assignment-submission', ({ strapi }) => ({
  /** POST /api/assignment-submissions/:id/check */
  async check(ctx: Context) {
    ctx.body = await checkSubmission(strapi, ctx);
  },
  /** GET /api/assignment-submissions/:id/files/:file: a file of the work (never by its public link). */
  async file(ctx: Context) {
    const { content, name, mime } = await staffSubmissionFile(strapi, ctx);
    sendDownload(ctx, content, { fileName: name, asciiName: 'work', type: mime });
  },
}));
