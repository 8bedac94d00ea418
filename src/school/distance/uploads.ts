import type { Core } from '@strapi/strapi';
import type { RecordDraft } from '../records/draft';
import { UPLOAD_KINDS, uploadRefusal, type UploadCandidate, type UploadLimits } from '../rules/upload-limits';

/** The configured limits (`config/distance-learning.ts`), each kind falling back to «nothing allowed» when missing. */
export const uploadLimitsOf = (strapi: Core.Strapi): UploadLimits => {
  const configured = (strapi.config.get('distance-learning.uploadLimits') ?? {}) as Partial<UploadLimits>;
  return Object.fromEntries(
    UPLOAD_KINDS.map((kind) => [kind, { mimeTypes: configured[kind]?.mimeTypes ?? [], maxBytes: configured[kind]?.maxBytes ?? 0 }]),
  ) as UploadLimits;
};

const asId = (value: unknown): number | null => {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  if (value && typeof value === 'object' && !Array.isArray(value)) return asId((value as { id?: unknown }).id);
  return null;
};

/**
 * The uploaded files a media field of the write names, checked against the limits: each refused file
 * is reported at `[field, index]` with the reason (type or size) in Russian. Not written: nothing to
 * check (files already accepted stay).
 */
export const checkAttachedFiles = async (draft: RecordDraft, field: string): Promise<void> => {
  if (!(field in draft.data) || draft.data[field] === undefined || draft.data[field] === null) return;
  const given = draft.data[field];
  const list = Array.isArray(given) ? given : [given];
  const ids: number[] = [];
  list.forEach((item, index) => {
    const id = asId(item);
    if (id === null) draft.reportAt([field, String(index)], 'Файл указывается по id из загрузки (POST /api/upload)');
    else ids.push(id);
  });
  if (ids.length === 0) return;
  const files = (await draft.strapi.db
    .query('plugin::upload.file')
    .findMany({ where: { id: { $in: ids } }, select: ['id', 'name', 'mime', 'size'] })) as Array<{
    id: number;
    name: string;
    mime: string;
    size: number;
  }>;
  const limits = uploadLimitsOf(draft.strapi);
  list.forEach((item, index) => {
    const id = asId(item);
    if (id === null) return;
    const file = files.find((each) => each.id === id);
    if (!file) {
      draft.reportAt([field, String(index)], `Файл ${id} не найден: загрузите его заново`);
      return;
    }
    // The upload plugin keeps the size in kilobytes.
    const refusal = uploadRefusal({ name: file.name, mime: file.mime, size: Math.round(Number(file.size) * 1024) }, limits);
    if (refusal) draft.reportAt([field, String(index)], refusal);
  });
};

/** A file as received in a multipart request, before it is stored. */
export interface ReceivedFile extends UploadCandidate {
  filepath: string;
}
