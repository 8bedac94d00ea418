import { createReadStream } from 'fs';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils';
import { validateBackupParams, validateCreateBackup, validateDownloadParams, validateListBackups } from './validation/backup';

/** Admin API of backups: list, create now, one backup, download a file, restore instructions. */
const backupController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async findPage(ctx: Context) {
    const query = await validateListBackups(ctx.query);
    const { results, pagination } = await getService(strapi, 'backup').findPage(query);
    ctx.body = { data: results, meta: { pagination } };
  },

  async create(ctx: Context) {
    await validateCreateBackup(ctx.request.body ?? {});
    const backup = await getService(strapi, 'backup').create({ kind: 'manual', trigger: 'admin' });
    ctx.created({ data: backup });
  },

  async findOne(ctx: Context) {
    const { id } = await validateBackupParams({ id: ctx.params.id });
    ctx.body = { data: await getService(strapi, 'backup').findOne(id) };
  },

  async download(ctx: Context) {
    const { id, file } = await validateDownloadParams({ id: ctx.params.id, file: ctx.params.file });
    const filePath = await getService(strapi, 'backup').filePath(id, file);
    ctx.attachment(file);
    ctx.type = file.endsWith('.json') ? 'application/json' : 'application/octet-stream';
    ctx.body = createReadStream(filePath);
  },

  async instructions(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'backup').restoreInstructions() };
  },
});

export default backupController;
