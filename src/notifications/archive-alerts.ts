import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import { getSchoolSettings } from '../school/settings';
import { flushQueue, queueLetter } from './queue';
import { archiveFailureLetter } from './templates';

/**
 * Letters to the archivists when the archive fails them: a backup that was not made, a fixity check
 * that found a damaged or lost copy. Recipients: admin-panel users holding the archivist's staff role
 * (`school-archivist`) and school accounts with the archivist role, each address once. Queuing
 * never fails the job that failed: a problem here is only logged.
 */

export const ARCHIVE_FAILURE_CAUSE = 'archive-failure';

export interface ArchiveFailure {
  /** «Резервная копия daily-… не создана». */
  what: string;
  detail: string;
  /** The admin page to look at: «Резервные копии», «Журнал проверок целостности». */
  page: string;
}

const archivistAddresses = async (strapi: Core.Strapi): Promise<Array<{ email: string; userId: number | null }>> => {
  const admins = (await strapi.db.query('admin::user').findMany({
    where: { isActive: true, blocked: false, roles: { code: 'school-archivist' } },
    select: ['email'],
  })) as Array<{ email: string | null }>;
  const accounts = (await strapi.db.query('plugin::users-permissions.user').findMany({
    where: { role: { type: 'archivist' }, blocked: false },
    select: ['id', 'email'],
  })) as Array<{ id: number; email: string | null }>;
  const found = new Map<string, { email: string; userId: number | null }>();
  for (const admin of admins) if (admin.email?.includes('@')) found.set(admin.email.toLowerCase(), { email: admin.email, userId: null });
  for (const account of accounts)
    if (account.email?.includes('@')) found.set(account.email.toLowerCase(), { email: account.email, userId: account.id });
  return [...found.values()];
};

export const alertArchivists = async (strapi: Core.Strapi, failure: ArchiveFailure): Promise<number> => {
  try {
    const at = DateTime.now().setZone(getSchoolSettings(strapi).timeZone).toFormat('dd.MM.yyyy HH:mm');
    const letter = archiveFailureLetter({ ...failure, at });
    const recipients = await archivistAddresses(strapi);
    for (const recipient of recipients) {
      await queueLetter(strapi, { recipient: recipient.email, userId: recipient.userId, cause: ARCHIVE_FAILURE_CAUSE, letter });
    }
    if (recipients.length > 0) {
      void flushQueue(strapi).catch((error: Error) => strapi.log.warn(`[notifications] archive alert not sent yet: ${error.message}`));
    }
    return recipients.length;
  } catch (error) {
    strapi.log.error(`[notifications] archive alert not queued: ${(error as Error).message}`);
    return 0;
  }
};
