import fs from 'fs/promises';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * Uploads that are personal data kept in a pupil's file (the admission documents: application,
 * birth-certificate copy, medical policy…) or a pupil's work handed in through the diary (audio of an
 * oral answer, photos and video), or a scan kept with a GIA result (a protocol, an итоговое сочинение) must not be readable by whoever learns their link: the
 * local upload provider serves everything under `public/uploads` to anyone. Such a file is known by
 * where it is attached (the morph link of `plugin::upload.file.related` to one of `PRIVATE_OWNERS`);
 * `global::private-uploads` answers 404 for its public URL (and its image formats), and it is read
 * only through the routes that check the reader's right to the personal file or the work.
 */

const FILE = 'plugin::upload.file';
/** The components and content types whose attached files are private. */
export const PRIVATE_OWNERS = [
  'personal-file.admission-document',
  'api::assignment-submission.assignment-submission',
  'api::assignment.assignment',
  // Scans of GIA protocols and of the сочинение itself (R54): other pupils' results, a pupil's work.
  'api::exam-result.exam-result',
  // Evidence of a pupil's result on an external e-learning platform (R83): screenshots, certificates, exported reports.
  'api::platform-result.platform-result',
  // The test papers of the bank of КИМ (R98): a pupil who finds the link must not read the work before writing it.
  'api::assessment-material.assessment-material',
] as const;
const FORMAT_PREFIX = /^(thumbnail|small|medium|large)_/;

interface MorphJoin {
  name: string;
  joinColumn: { name: string };
  morphColumn: { typeColumn: { name: string }; idColumn: { name: string } };
}

const relatedJoin = (strapi: Core.Strapi): MorphJoin =>
  (strapi.db.metadata.get(FILE) as unknown as { attributes: { related: { joinTable: MorphJoin } } }).attributes.related.joinTable;

/** Whether the upload `fileId` is attached to a private owner. */
export const isPrivateFile = async (strapi: Core.Strapi, fileId: number): Promise<boolean> => {
  const join = relatedJoin(strapi);
  const link = (await strapi.db
    .connection(join.name)
    .where(join.joinColumn.name, fileId)
    .whereIn(join.morphColumn.typeColumn.name, [...PRIVATE_OWNERS])
    .first(join.joinColumn.name)) as unknown;
  return Boolean(link);
};

/** The upload behind a public path `/uploads/<name>` (an image format's name included), if any. */
export const fileOfUploadPath = async (strapi: Core.Strapi, urlPath: string): Promise<{ id: number } | null> => {
  let name: string;
  try {
    name = decodeURIComponent(urlPath.slice('/uploads/'.length));
  } catch {
    return null;
  }
  if (!name || name.includes('/')) return null;
  const urls = [`/uploads/${name}`, `/uploads/${name.replace(FORMAT_PREFIX, '')}`];
  return (await strapi.db.query(FILE).findOne({ where: { url: { $in: urls } }, select: ['id'] })) as { id: number } | null;
};

/** The bytes of a file kept by the local upload provider, with its name and type. */
export const readUpload = async (strapi: Core.Strapi, fileId: number): Promise<{ content: Buffer; name: string; mime: string }> => {
  const file = (await strapi.db.query(FILE).findOne({ where: { id: fileId }, select: ['name', 'url', 'mime', 'provider'] })) as {
    name: string;
    url: string;
    mime: string;
    provider: string;
  } | null;
  if (!file) throw new errors.NotFoundError('Файл не найден');
  if (file.provider !== 'local' || !file.url.startsWith('/uploads/')) {
    throw new errors.ApplicationError('Файл хранится вне сервера школы: скачайте его из медиатеки');
  }
  const publicDir = (strapi.dirs as unknown as { static: { public: string } }).static.public;
  const content = await fs.readFile(path.join(publicDir, 'uploads', path.basename(file.url)));
  return { content, name: file.name, mime: file.mime };
};
