import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { sendDownload } from '../../../school/download';
import { readUpload } from '../../../school/private-uploads';

const MATERIAL = 'api::assessment-material.assessment-material';

/** Core REST of the bank of КИМ, plus the download of a КИМ's private files. */
export default factories.createCoreController(MATERIAL, ({ strapi }) => ({
  /** GET /api/assessment-materials/:id/files/:file: a file attached to the КИМ (never by its public link). */
  async file(ctx: Context) {
    const id = Number(ctx.params.file);
    const found = (await strapi.db.query(MATERIAL).findOne({
      where: { documentId: String(ctx.params.id) },
      select: ['id'],
      populate: { files: { select: ['id'] } },
    })) as { files?: Array<{ id: number }> } | null;
    if (!found) throw new errors.NotFoundError('КИМ не найден');
    if (!Number.isInteger(id) || !(found.files ?? []).some((file) => file.id === id)) throw new errors.NotFoundError('Файл КИМ не найден');
    const { content, name, mime } = await readUpload(strapi, id);
    sendDownload(ctx, content, { fileName: name, asciiName: 'kim', type: mime });
  },
}));
