import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import type { Core, UID } from '@strapi/strapi';
import { alertArchivists } from '../../../../../notifications/archive-alerts';
import type { PgConnection } from '../backup/engines';
import { countRestoredRows, dropPostgresDatabase, restoreBackup, type RestoreTarget } from '../backup/restore';
import { BACKUP_UID, RESTORE_DRILL_UID } from '../constants';
import { currentActor } from '../disposition/actor';
import { runExclusively } from '../utils/lease';
import { BACKUP_LEASE, BACKUP_LEASE_TTL_MS, BackupBusyError, BackupFailedError, messageOf } from './backup';

/** The records whose restored rows a drill counts: the pupils, their journals and marks. */
const KEY_TYPES: Array<{ uid: UID.ContentType; label: string }> = [
  { uid: 'api::student.student', label: 'обучающиеся' },
  { uid: 'api::journal.journal', label: 'журналы' },
  { uid: 'api::mark.mark', label: 'отметки' },
];

export type DrillTrigger = 'schedule' | 'admin';

export interface RestoreDrillRecord {
  id: number;
  documentId: string;
  backupName: string | null;
  outcome: 'passed' | 'failed';
  engine: 'sqlite' | 'postgres' | null;
  trigger: DrillTrigger;
  requestedBy: string | null;
  startedAt: string;
  finishedAt: string | null;
  rows: Array<{ table: string; label: string; rows: number | null }> | null;
  uploadsExpected: number | null;
  uploadsRestored: number | null;
  error: string | null;
}

/**
 * The restore drill (R65, seed 002 §3.1.8: the technical functioning of the e-journal): the newest
 * complete backup is restored, as `scripts/restore.js` would after a failure, into a scratch
 * database (a temporary SQLite file, or a `<database>_restore_drill` PostgreSQL database dropped
 * afterwards) with its uploads into a temporary folder. It passes when every checksum holds, the
 * pupils', journals' and marks' tables come back and every upload is unpacked; each drill is recorded
 * with its evidence, and a failed one is written to the archivists. Monthly by schedule, or on demand.
 */
const createRestoreDrillService = ({ strapi }: { strapi: Core.Strapi }) => {
  const drills = () => strapi.db.query(RESTORE_DRILL_UID);

  const scratchTarget = (engine: string, scratchDir: string): RestoreTarget => {
    if (engine === 'sqlite') return { client: 'sqlite', filename: path.join(scratchDir, 'restore-drill.db') };
    const connection = strapi.config.get('database.connection.connection') as PgConnection & { database?: string };
    return { client: 'postgres', connection, database: `${connection.database ?? 'school'}_restore_drill` };
  };

  const drill = async (trigger: DrillTrigger, requestedBy: string): Promise<RestoreDrillRecord> => {
    const startedAt = new Date();
    const backup = (await strapi.db.query(BACKUP_UID).findOne({
      where: { state: 'complete' },
      orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    })) as { name: string; engine: string; directory: string; sha256: string | null } | null;
    if (!backup) throw new BackupFailedError('Нет ни одной резервной копии: сначала создайте копию, затем проверьте её восстановление');

    const scratchDir = await fs.mkdtemp(path.join(os.tmpdir(), 'records-restore-drill-'));
    const target = scratchTarget(backup.engine, scratchDir);
    const record: Record<string, unknown> = {
      backupName: backup.name,
      engine: backup.engine,
      trigger,
      requestedBy,
      startedAt,
    };
    try {
      const report = await restoreBackup({
        backupDir: backup.directory,
        target,
        uploadsDir: path.join(scratchDir, 'uploads'),
        force: true,
        expectedDatabaseSha256: backup.sha256 ?? undefined,
      });
      const tables = KEY_TYPES.map((type) => ({ ...type, table: strapi.getModel(type.uid).collectionName as string }));
      const counts = await countRestoredRows(
        target,
        tables.map((type) => type.table),
      );
      record.rows = tables.map((type) => ({ table: type.table, label: type.label, rows: counts[type.table] ?? null }));
      record.uploadsExpected = report.manifest.uploadsCount;
      record.uploadsRestored = report.uploadsRestored;
      const missing = tables.filter((type) => counts[type.table] === null).map((type) => type.label);
      const problems = [
        missing.length > 0 ? `в восстановленной базе нет таблиц: ${missing.join(', ')}` : null,
        report.uploadsRestored !== report.manifest.uploadsCount
          ? `восстановлено файлов ${report.uploadsRestored} из ${report.manifest.uploadsCount}`
          : null,
      ].filter((problem): problem is string => problem !== null);
      record.outcome = problems.length === 0 ? 'passed' : 'failed';
      record.error = problems.length === 0 ? null : problems.join('; ');
    } catch (error) {
      record.outcome = 'failed';
      record.error = messageOf(error);
    } finally {
      await fs.rm(scratchDir, { recursive: true, force: true }).catch(() => undefined);
      if (target.client === 'postgres') await dropPostgresDatabase(target).catch(() => undefined);
    }
    record.finishedAt = new Date();
    const row = (await drills().create({ data: record })) as unknown as RestoreDrillRecord;
    if (record.outcome === 'failed') {
      strapi.log.error(`[records-archive] restore drill of ${backup.name} failed: ${String(record.error)}`);
      await alertArchivists(strapi, {
        what: `Проверка восстановления резервной копии ${backup.name} не пройдена`,
        detail: `Причина: ${String(record.error)}`,
        page: 'Резервные копии',
      });
    }
    return row;
  };

  return {
    /** A drill now, from the admin panel; refused while a backup or another drill runs. */
    async runNow(): Promise<RestoreDrillRecord> {
      const actor = currentActor(strapi);
      const result = await runExclusively(strapi, BACKUP_LEASE, BACKUP_LEASE_TTL_MS, () => drill('admin', actor.name));
      if (result === null) throw new BackupBusyError();
      return result;
    },

    /** The monthly drill: on one instance only (the backup lease); null when another has it. */
    async runScheduled(): Promise<RestoreDrillRecord | null> {
      return runExclusively(strapi, BACKUP_LEASE, BACKUP_LEASE_TTL_MS, () => drill('schedule', 'Расписание'));
    },

    /** The drills, newest first. */
    async list({ limit = 20 }: { limit?: number } = {}): Promise<RestoreDrillRecord[]> {
      return (await drills().findMany({ orderBy: [{ startedAt: 'desc' }, { id: 'desc' }], limit })) as RestoreDrillRecord[];
    },
  };
};

export type RestoreDrillService = ReturnType<typeof createRestoreDrillService>;
export default createRestoreDrillService;
