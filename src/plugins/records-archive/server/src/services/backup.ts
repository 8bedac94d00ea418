import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { alertArchivists } from '../../../../../notifications/archive-alerts';
import { errors } from '@strapi/utils';
import { backupSqlite, dumpPostgres, type PgConnection } from '../backup/engines';
import {
  databaseFileOf,
  describeFile,
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  UPLOADS_FILE,
  verifyBackup,
  type BackupEngine,
  type BackupFile,
  type BackupManifest,
} from '../backup/manifest';
import { backupsToRotate, DEFAULT_KEEP, SCHEDULED_KINDS, scheduledKind, type BackupKind, type RotationKeep } from '../backup/rotation';
import { writeTar } from '../backup/tar';
import { BACKUP_UID, LEGAL_HOLD_UID } from '../constants';
import { currentActor, SYSTEM_ACTOR, type Actor } from '../disposition/actor';
import { runExclusively } from '../utils/lease';
import { numberOrNull } from '../../../../../school/stored-values';

/**
 * Backups of the database and the uploads (seed 002 §3.1.8, 004 §3.12.2: a daily backup so the
 * journal can be restored after a failure). Each backup is a folder in the backup directory,
 * written as `<name>.partial` and renamed only once every file is written and read back, so a
 * failed or interrupted backup is never taken for a complete one.
 */

export type BackupTrigger = 'schedule' | 'admin' | 'cli';
export type BackupStatus = 'complete' | 'failed' | 'rotated';

export interface BackupRecord {
  id: number;
  documentId: string;
  name: string;
  kind: BackupKind;
  state: BackupStatus;
  engine: BackupEngine;
  trigger: BackupTrigger;
  requestedBy: string | null;
  startedAt: string;
  finishedAt: string | null;
  directory: string | null;
  files: BackupFile[] | null;
  sha256: string | null;
  size: number | null;
  uploadsCount: number | null;
  error: string | null;
  rotatedAt: string | null;
}

export interface BackupSettings {
  /** Where backup folders are written ($BACKUP_DIR, default `<app>/.backups`). */
  dir: string;
  /** The uploads folder that is archived with the database (default `public/uploads`). */
  uploadsDir: string;
  keep: RotationKeep;
}

export const BACKUP_LEASE = 'records-archive-backup';
/** How long a backup job (or a restore drill) may hold the backup lease. */
export const BACKUP_LEASE_TTL_MS = 6 * 60 * 60 * 1000;
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export const KIND_LABELS: Record<BackupKind, string> = {
  daily: 'ежедневная',
  weekly: 'еженедельная',
  monthly: 'ежемесячная',
  manual: 'ручная',
};

/** A backup could not be written; the attempt is recorded with state «failed». */
export class BackupFailedError extends errors.ApplicationError<'BackupFailedError'> {
  constructor(message: string, details?: unknown) {
    super(message, details);
    this.name = 'BackupFailedError';
  }
}

/** Another backup is being written (on this or another instance). */
export class BackupBusyError extends errors.ApplicationError<'BackupBusyError'> {
  constructor() {
    super('Резервное копирование уже выполняется. Повторите позже');
    this.name = 'BackupBusyError';
  }
}

const envInt = (name: string, fallback: number): number => {
  const value = Number.parseInt(process.env[name] ?? '', 10);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
};

const stamp = (date: Date): string =>
  date
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '');

const toRecord = (row: Record<string, unknown>): BackupRecord => {
  const date = (value: unknown): string | null => (value ? new Date(value as string).toISOString() : null);
  return {
    ...(row as unknown as BackupRecord),
    startedAt: date(row.startedAt) as string,
    finishedAt: date(row.finishedAt),
    rotatedAt: date(row.rotatedAt),
    size: numberOrNull(row.size),
  };
};

export const messageOf = (error: unknown): string =>
  error && typeof error === 'object' && 'message' in error ? String((error as { message: unknown }).message) : String(error);

const createBackupService = ({ strapi }: { strapi: Core.Strapi }) => {
  const backups = () => strapi.db.query(BACKUP_UID);

  const settings = (): BackupSettings => {
    const configured = (strapi.config.get('plugin::records-archive.backup') ?? {}) as Partial<BackupSettings> & {
      keep?: Partial<RotationKeep>;
    };
    return {
      dir: path.resolve(strapi.dirs.app.root, configured.dir ?? process.env.BACKUP_DIR ?? '.backups'),
      uploadsDir: path.resolve(strapi.dirs.app.root, configured.uploadsDir ?? path.join(strapi.dirs.static.public, 'uploads')),
      keep: {
        daily: configured.keep?.daily ?? envInt('BACKUP_KEEP_DAILY', DEFAULT_KEEP.daily),
        weekly: configured.keep?.weekly ?? envInt('BACKUP_KEEP_WEEKLY', DEFAULT_KEEP.weekly),
        monthly: configured.keep?.monthly ?? envInt('BACKUP_KEEP_MONTHLY', DEFAULT_KEEP.monthly),
      },
    };
  };

  const engine = (): BackupEngine => {
    const client = strapi.config.get('database.connection.client') as string;
    if (client === 'sqlite' || client === 'better-sqlite3') return 'sqlite';
    if (client === 'postgres' || client === 'pg') return 'postgres';
    throw new BackupFailedError(`Резервное копирование базы ${client} не поддерживается (только SQLite и PostgreSQL)`);
  };

  /** The folder of a backup inside the backup directory (names are checked: no path tricks). */
  const folderOf = (name: string): string => {
    if (!NAME_PATTERN.test(name)) throw new Error(`Unexpected backup name: ${name}`);
    return path.join(settings().dir, name);
  };

  /** Removes leftovers of interrupted backups; called while holding the backup lease. */
  const removePartials = async (dir: string): Promise<void> => {
    for (const entry of await fs.readdir(dir)) {
      if (entry.endsWith('.partial')) await fs.rm(path.join(dir, entry), { recursive: true, force: true });
    }
  };

  const heldBackups = async (): Promise<Set<string>> => {
    const holds = (await strapi.db
      .query(LEGAL_HOLD_UID)
      .findMany({ where: { recordType: 'backup', liftedAt: null }, select: ['recordDocumentId'] })) as Array<{
      recordDocumentId: string;
    }>;
    return new Set(holds.map((hold) => hold.recordDocumentId));
  };

  /** Writes one backup; must run under the backup lease. */
  const write = async (kind: BackupKind, trigger: BackupTrigger, actor: Actor): Promise<BackupRecord> => {
    const { dir, uploadsDir } = settings();
    const startedAt = new Date();
    const name = `backup-${stamp(startedAt)}-${kind}-${randomBytes(3).toString('hex')}`;
    const partial = path.join(dir, `${name}.partial`);
    const final = path.join(dir, name);
    let databaseEngine: BackupEngine | null = null;
    let renamed = false;
    try {
      databaseEngine = engine();
      await fs.mkdir(dir, { recursive: true });
      await removePartials(dir);
      await fs.mkdir(partial);
      const databaseFile = databaseFileOf(databaseEngine);
      const connection = strapi.config.get('database.connection.connection') as PgConnection & { filename?: string };
      if (databaseEngine === 'sqlite') await backupSqlite(connection.filename as string, path.join(partial, databaseFile));
      else await dumpPostgres(connection, path.join(partial, databaseFile));
      const uploadsCount = await writeTar(uploadsDir, path.join(partial, UPLOADS_FILE));
      const files = [await describeFile(partial, databaseFile), await describeFile(partial, UPLOADS_FILE)];
      const finishedAt = new Date();
      const manifest: BackupManifest = {
        format: MANIFEST_FORMAT,
        name,
        kind,
        engine: databaseEngine,
        startedAt: startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        database: databaseFile,
        uploads: UPLOADS_FILE,
        uploadsCount,
        files,
      };
      const manifestFile = await fs.open(path.join(partial, MANIFEST_FILE), 'w');
      try {
        await manifestFile.writeFile(JSON.stringify(manifest, null, 2));
        await manifestFile.sync();
      } finally {
        await manifestFile.close();
      }
      await verifyBackup(partial);
      await fs.rename(partial, final);
      renamed = true;
      const row = await backups().create({
        data: {
          name,
          kind,
          state: 'complete',
          engine: databaseEngine,
          trigger,
          requestedBy: actor.name,
          startedAt,
          finishedAt,
          directory: final,
          files,
          sha256: files[0].sha256,
          size: files.reduce((total, file) => total + file.size, 0),
          uploadsCount,
        },
      });
      return toRecord(row);
    } catch (error) {
      await fs.rm(renamed ? final : partial, { recursive: true, force: true }).catch(() => undefined);
      strapi.log.error(`[records-archive] backup ${name} failed: ${messageOf(error)}`);
      const row = await backups().create({
        data: {
          name,
          kind,
          state: 'failed',
          engine: databaseEngine ?? 'sqlite',
          trigger,
          requestedBy: actor.name,
          startedAt,
          finishedAt: new Date(),
          error: messageOf(error),
        },
      });
      await alertArchivists(strapi, {
        what: `Резервная копия ${name} не создана`,
        detail: `Причина: ${messageOf(error)}`,
        page: 'Резервные копии',
      });
      throw new BackupFailedError(`Резервная копия не создана: ${messageOf(error)}`, { backup: toRecord(row) });
    }
  };

  const service = {
    settings,

    /**
     * Makes a backup now (admin «create now», the CLI) and then applies the rotation rule.
     * Refused while another backup is being written.
     */
    async create({ kind = 'manual', trigger = 'admin' }: { kind?: BackupKind; trigger?: BackupTrigger } = {}): Promise<BackupRecord> {
      const actor = trigger === 'admin' ? currentActor(strapi) : SYSTEM_ACTOR;
      const result = await runExclusively(strapi, BACKUP_LEASE, BACKUP_LEASE_TTL_MS, async () => {
        const backup = await write(kind, trigger, actor);
        await service.rotate();
        return backup;
      });
      if (result === null) throw new BackupBusyError();
      return result;
    },

    /**
     * The nightly job: one backup whose kind follows the rotation calendar, then rotation. Runs on
     * one instance only; returns null when another instance has the job.
     */
    async runScheduled(now: Date = new Date()): Promise<BackupRecord | null> {
      return runExclusively(strapi, BACKUP_LEASE, BACKUP_LEASE_TTL_MS, async () => {
        const previous = (await backups().findMany({
          where: { state: { $in: ['complete', 'rotated'] }, kind: { $in: [...SCHEDULED_KINDS] } },
          select: ['kind', 'startedAt'],
        })) as Array<{ kind: BackupKind; startedAt: string }>;
        const timeZone = (strapi.config.get('school.timeZone') as string | undefined) ?? 'Europe/Moscow';
        const backup = await write(scheduledKind(now, previous, timeZone), 'schedule', SYSTEM_ACTOR);
        await service.rotate();
        return backup;
      });
    },

    /**
     * Keeps the newest N complete backups of each scheduled kind and deletes the files of the
     * others (their rows stay, with state «rotated»). Manual and held backups are kept.
     */
    async rotate(): Promise<BackupRecord[]> {
      const { keep } = settings();
      const complete = (await backups().findMany({ where: { state: 'complete' } })) as Array<Record<string, unknown>>;
      const held = await heldBackups();
      const ids = new Set(
        backupsToRotate(
          complete.map((row) => {
            const record = toRecord(row);
            return { id: record.id, kind: record.kind, startedAt: record.startedAt, held: held.has(record.documentId) };
          }),
          keep,
        ),
      );
      const rotated: BackupRecord[] = [];
      for (const row of complete.filter((candidate) => ids.has(candidate.id as number))) {
        await fs.rm(folderOf(row.name as string), { recursive: true, force: true });
        rotated.push(toRecord(await backups().update({ where: { id: row.id }, data: { state: 'rotated', rotatedAt: new Date() } })));
      }
      return rotated;
    },

    async findPage({ page = 1, pageSize = 25, state }: { page?: number; pageSize?: number; state?: BackupStatus } = {}) {
      const where = state ? { state } : {};
      const [rows, total] = await Promise.all([
        backups().findMany({ where, orderBy: [{ startedAt: 'desc' }, { id: 'desc' }], offset: (page - 1) * pageSize, limit: pageSize }),
        backups().count({ where }),
      ]);
      return {
        results: (rows as Array<Record<string, unknown>>).map(toRecord),
        pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) },
      };
    },

    async findOne(id: number): Promise<BackupRecord> {
      const row = await backups().findOne({ where: { id } });
      if (!row) throw new errors.NotFoundError('Резервная копия не найдена');
      return toRecord(row);
    },

    async findByDocumentId(documentId: string): Promise<BackupRecord | null> {
      const row = await backups().findOne({ where: { documentId } });
      return row ? toRecord(row) : null;
    },

    /** The path of one file of a complete backup, for download. */
    async filePath(id: number, fileName: string): Promise<string> {
      const backup = await service.findOne(id);
      if (backup.state !== 'complete') throw new errors.NotFoundError('Файлы этой резервной копии не сохранены или уже удалены');
      const allowed = [...(backup.files ?? []).map((file) => file.name), MANIFEST_FILE];
      if (!allowed.includes(fileName)) throw new errors.NotFoundError(`В резервной копии нет файла ${fileName}`);
      const file = path.join(folderOf(backup.name), fileName);
      const found = await fs.stat(file).catch(() => null);
      if (!found?.isFile()) throw new errors.NotFoundError(`Файл ${fileName} не найден в папке резервных копий`);
      return file;
    },

    /** Deletes the folder of a backup (disposition by act deletes the row itself). */
    async removeFiles(name: string): Promise<void> {
      await fs.rm(folderOf(name), { recursive: true, force: true });
    },

    /** How to restore, in Russian, with this server's settings filled in (for the admin page). */
    async restoreInstructions() {
      const { dir, uploadsDir } = settings();
      const databaseEngine = engine();
      const latest = (await backups().findOne({ where: { state: 'complete' }, orderBy: [{ startedAt: 'desc' }, { id: 'desc' }] })) as {
        name: string;
      } | null;
      const name = latest?.name ?? '<имя копии>';
      const command =
        databaseEngine === 'sqlite'
          ? `node scripts/restore.js ${name} --into .tmp/restored.db`
          : `node scripts/restore.js ${name} --database school_records_restored`;
      const steps = [
        'Выберите в списке копию в состоянии «готова» (по умолчанию — последнюю).',
        'Остановите сервер. Восстановление идёт в новую, пустую базу: рабочая база не затрагивается.',
        `На сервере в папке приложения выполните: ${command}`,
        'Скрипт сначала сверяет контрольные суммы всех файлов копии и откажется писать в непустую базу (перезапись — только с --force).',
        databaseEngine === 'sqlite'
          ? 'Укажите восстановленный файл в .env (DATABASE_FILENAME=.tmp/restored.db) и запустите сервер.'
          : 'Укажите восстановленную базу в .env (DATABASE_NAME=school_records_restored) и запустите сервер.',
        `Загруженные файлы восстанавливаются в ${uploadsDir} (другая папка — --uploads <папка>, без файлов — --no-uploads).`,
      ];
      return {
        engine: databaseEngine,
        backupDir: dir,
        latestBackup: latest?.name ?? null,
        command,
        steps,
        text: ['Восстановление из резервной копии', '', ...steps.map((step, index) => `${index + 1}. ${step}`)].join('\n'),
      };
    },
  };

  return service;
};

export type BackupService = ReturnType<typeof createBackupService>;

export default createBackupService;
