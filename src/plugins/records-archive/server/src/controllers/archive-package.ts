import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { packageView } from '../services/archive-package';
import { getService } from '../utils';
import { validateDocumentParams, validateDownload, validateListPackages } from './validation/archive';

const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Admin API of archive packages: list, one package, download (the bag as ZIP, or one file of it). */
const archivePackageController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async findPage(ctx: Context) {
    const query = await validateListPackages(ctx.query);
    const { results, pagination } = await getService(strapi, 'archive-package').findPage(query);
    ctx.body = { data: results.map((row) => packageView(row)), meta: { pagination } };
  },

  async findOne(ctx: Context) {
    const { documentId } = await validateDocumentParams(ctx.params);
    ctx.body = { data: packageView(await getService(strapi, 'archive-package').findOne(documentId), true) };
  },

  async download(ctx: Context) {
    const { documentId } = await validateDocumentParams(ctx.params);
    const { file } = await validateDownload(ctx.query);
    const packages = getService(strapi, 'archive-package');
    const row = await packages.findOne(documentId);
    if (file) {
      const found = await packages.file(row, file);
      const extension = found.path.slice(found.path.lastIndexOf('.'));
      ctx.attachment(found.path.split('/').pop() as string);
      ctx.type = CONTENT_TYPES[extension] ?? 'application/octet-stream';
      ctx.body = found.content;
      return;
    }
    const zip = await packages.zip(row);
    ctx.attachment(zip.filename);
    ctx.type = 'application/zip';
    ctx.body = zip.content;
  },
});

export default archivePackageController;
