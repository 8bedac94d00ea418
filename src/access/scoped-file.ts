import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { sendDownload } from '../school/download';
import { readUpload } from '../school/private-uploads';
import { readScopeOf, readerFromState } from './record-scope';
import type { RequestState } from './request-actor';

export interface ScopedFileRoute {
  /** The record type the file is attached to, and its media field. */
  uid: UID.ContentType;
  field: string;
  /** The ASCII fallback of the download's file name. */
  asciiName: string;
  /** Russian messages: the caller may read no record of the type; no such record in reach; no such file on it. */
  denied: string;
  recordNotFound: string;
  fileNotFound: string;
}

/**
 * `GET …/:id/<field>/:file`: one private file (`src/school/private-uploads.ts`) attached to a record,
 * sent to a caller who may read that record under its read scope (record-scope.ts); a record outside
 * the scope, or a file not attached to it, answers 404. Shared by the GIA results' scans and the
 * evidence of results on external platforms.
 */
export const sendScopedRecordFile = async (strapi: Core.Strapi, ctx: Context, route: ScopedFileRoute): Promise<void> => {
  const scope = await readScopeOf(strapi, readerFromState(ctx.state as RequestState), route.uid);
  if (scope.kind === 'deny') throw new errors.PolicyError(route.denied);
  const filter = scope.kind === 'rows' ? scope.filter : {};
  const stored = (await strapi.db.query(route.uid).findOne({
    where: { $and: [{ documentId: String(ctx.params.id) }, filter] },
    populate: { [route.field]: { select: ['id'] } },
  })) as Record<string, Array<{ id: number }> | null> | null;
  if (!stored) throw new errors.NotFoundError(route.recordNotFound);
  const fileId = Number(ctx.params.file);
  if (!(stored[route.field] ?? []).some((file) => file.id === fileId)) throw new errors.NotFoundError(route.fileNotFound);
  const { content, name, mime } = await readUpload(strapi, fileId);
  sendDownload(ctx, content, { fileName: name, asciiName: route.asciiName, type: mime });
};
