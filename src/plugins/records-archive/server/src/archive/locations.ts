import path from 'path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ArchiveLocations } from './storage';

/**
 * Where the two copies of every archive package live. Neither is under `public/`, so nothing of
 * the archive is ever served without the admin's permission. Precedence: the plugin's config
 * (`config/plugins.ts` → `'records-archive': { config: { archive: { primaryDir, secondaryDir } } }`),
 * then `ARCHIVE_PRIMARY_DIR` / `ARCHIVE_SECONDARY_DIR`, then `<app>/.archive/primary|secondary`.
 * Relative paths count from the app's root. Put the second copy on another disk in production.
 */
export const archiveLocations = (strapi: Core.Strapi): ArchiveLocations => {
  const configured = (strapi.config.get('plugin::records-archive.archive', {}) ?? {}) as Partial<
    Record<'primaryDir' | 'secondaryDir', string>
  >;
  const root = strapi.dirs.app.root;
  const primary = path.resolve(root, configured.primaryDir || process.env.ARCHIVE_PRIMARY_DIR || '.archive/primary');
  const secondary = path.resolve(root, configured.secondaryDir || process.env.ARCHIVE_SECONDARY_DIR || '.archive/secondary');
  if (primary === secondary || primary.startsWith(`${secondary}${path.sep}`) || secondary.startsWith(`${primary}${path.sep}`)) {
    throw new errors.ApplicationError('Два места хранения архива должны быть разными каталогами, не вложенными друг в друга');
  }
  return { primary, secondary };
};

/** Another archive job holds the lease (on this or another instance); the request may be repeated later. */
export class ArchiveBusyError extends errors.ApplicationError {
  constructor(what: string) {
    super(`${what} уже выполняется (возможно, другим экземпляром сервера). Повторите попытку позже`, { code: 'ARCHIVE_BUSY' });
  }
}
