/**
 * Limits on the files of distance learning (lesson plans, daily reports, assignments, pupils'
 * submissions): each kind of file (document, image, audio, video) has its allowed types and its
 * largest size, configured in `config/distance-learning.ts`. Pure: no Strapi.
 */

export const UPLOAD_KINDS = ['document', 'image', 'audio', 'video'] as const;
export type UploadKind = (typeof UPLOAD_KINDS)[number];

export interface UploadKindLimit {
  /** MIME types of the kind, e.g. `application/pdf`; a trailing `/*` takes a whole family (`audio/*`). */
  mimeTypes: string[];
  /** Largest size of one file, in bytes. */
  maxBytes: number;
}

export type UploadLimits = Record<UploadKind, UploadKindLimit>;

export const UPLOAD_KIND_LABELS: Record<UploadKind, string> = {
  document: 'документ',
  image: 'изображение',
  audio: 'аудиозапись',
  video: 'видеозапись',
};

export interface UploadCandidate {
  name: string;
  mime: string;
  /** Bytes. */
  size: number;
}

const matches = (pattern: string, mime: string): boolean =>
  pattern.endsWith('/*') ? mime.startsWith(pattern.slice(0, -1)) : pattern === mime;

/** The kind a MIME type belongs to under the limits, or null when no kind allows it. */
export const uploadKindOf = (mime: string, limits: UploadLimits): UploadKind | null => {
  const type = mime.toLowerCase().split(';')[0].trim();
  return UPLOAD_KINDS.find((kind) => limits[kind].mimeTypes.some((pattern) => matches(pattern.toLowerCase(), type))) ?? null;
};

/** Bytes as a Russian reader reads them: «1,5 МБ», «300 КБ». */
export const formatBytes = (bytes: number): string => {
  if (bytes >= 1024 * 1024) return `${(Math.round((bytes / (1024 * 1024)) * 10) / 10).toString().replace('.', ',')} МБ`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} КБ`;
  return `${bytes} Б`;
};

/** Why a file is refused (its type or its size), in Russian naming the file; null when it is accepted. */
export const uploadRefusal = (file: UploadCandidate, limits: UploadLimits): string | null => {
  const kind = uploadKindOf(file.mime, limits);
  if (!kind) {
    const allowed = UPLOAD_KINDS.map((each) => `${UPLOAD_KIND_LABELS[each]} (${limits[each].mimeTypes.join(', ')})`).join('; ');
    return `Файл «${file.name}» не принят: тип ${file.mime || 'неизвестен'} не допускается. Допустимы: ${allowed}`;
  }
  const { maxBytes } = limits[kind];
  if (file.size > maxBytes) {
    return `Файл «${file.name}» не принят: ${formatBytes(file.size)} больше допустимого для типа «${UPLOAD_KIND_LABELS[kind]}» (${formatBytes(maxBytes)})`;
  }
  return null;
};
