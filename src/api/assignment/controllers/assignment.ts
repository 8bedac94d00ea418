import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { sendDownload } from '../../../school/download';
import { staffAssignmentMaterial, submissionsOfAssignment } from '../distance';

export default factories.createCoreController('api::assignment.assignment', ({ strapi }) => ({
  /** GET /api/assignments/:id/submissions */
  async submissions(ctx: Context) {
    ctx.body = await submissionsOfAssignment(strapi, ctx);
  },
  /** GET /api/assignments/:id/materials/:file: a material of the assignment (never by its public link). */
  async material(ctx: Context) {
    const { content, name, mime } = await staffAssignmentMaterial(strapi, ctx);
    sendDownload(ctx, content, { fileName: name, asciiName: 'material', type: mime });
  },
}));
