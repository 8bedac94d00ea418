import { execFile } from 'child_process';
import { createHash, randomUUID } from 'crypto';
import fs from 'fs';
import path from 'path';
import { promisify } from 'util';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import type { Core } from '@strapi/strapi';
import { BackupIntegrityError, verifyBackup } from '../../src/plugins/records-archive/server/src/backup/manifest';
import { listFiles } from '../../src/plugins/records-archive/server/src/backup/tar';
import { restoreBackup, RestoreRefusedError, type RestoreTarget } from '../../src/plugins/records-archive/server/src/backup/restore';
import type { BackupRecord } from '../../src/plugins/records-archive/server/src/services/backup';
import { getService } from '../../src/plugins/records-archive/server/src/utils';
import { buildMiniSchool, make } from '../helpers/school-fixture';
import { bootStrapi, stopStrapi } from '../helpers/strapi';

/**
 * Backup → restore into a fresh database loses nothing: the same tables, the same number of rows
 * and the same content (a SHA-256 per table over its rows), and the same uploads. On SQLite in the
 * normal run, on PostgreSQL (pg_dump / pg_restore) under scripts/with-postgres.sh.
 */

const APP_DIR = path.resolve(__dirname, '../..');
const usesPostgres = process.env.DATABASE_CLIENT === 'postgres';
const run = promisify(execFile);

let strapi: Core.Strapi;
let work: string;
const restoredDatabases: string[] = [];

interface TableDigest {
  rows: number;
  sha256: string;
}

const normalise = (value: unknown): unknown => {
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('hex');
  return value;
};

/** Row count and a content hash of every table: rows serialised with sorted keys, sorted, hashed. */
const digestRows = (rows: Array<Record<string, unknown>>): TableDigest => {
  const lines = rows
    .map((row) =>
      JSON.stringify(
        Object.keys(row)
          .sort()
          .map((key) => [key, normalise(row[key])]),
      ),
    )
    .sort();
  return { rows: rows.length, sha256: createHash('sha256').update(lines.join('\n')).digest('hex') };
};

const sqliteDigests = (file: string): Record<string, TableDigest> => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{
        name: string;
      }>
    ).map((table) => table.name);
    return Object.fromEntries(
      tables.map((table) => [table, digestRows(db.prepare(`SELECT * FROM "${table}"`).all() as Array<Record<string, unknown>>)]),
    );
  } finally {
    db.close();
  }
};

const pgConnection = () =>
  strapi.config.get('database.connection.connection') as { host: string; port: number; user: string; password: string; database: string };

const pgClient = async (database: string): Promise<Client> => {
  const connection = pgConnection();
  const client = new Client({ ...connection, password: connection.password || undefined, database });
  await client.connect();
  return client;
};

const pgDigests = async (database: string): Promise<Record<string, TableDigest>> => {
  const client = await pgClient(database);
  try {
    const tables = (await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")).rows.map(
      (row: { tablename: string }) => row.tablename,
    );
    const digests: Record<string, TableDigest> = {};
    for (const table of tables) digests[table] = digestRows((await client.query(`SELECT * FROM "${table}"`)).rows);
    return digests;
  } finally {
    await client.end();
  }
};

const sourceDigests = (): Promise<Record<string, TableDigest>> | Record<string, TableDigest> =>
  usesPostgres ? pgDigests(pgConnection().database) : sqliteDigests(strapi.config.get('database.connection.connection.filename') as string);

const targetDigests = (target: RestoreTarget): Promise<Record<string, TableDigest>> | Record<string, TableDigest> =>
  target.client === 'sqlite' ? sqliteDigests(target.filename) : pgDigests(target.database);

const freshTarget = (label: string): RestoreTarget => {
  if (!usesPostgres) return { client: 'sqlite', filename: path.join(work, `${label}.db`) };
  const database = `restored_${label}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  restoredDatabases.push(database);
  return { client: 'postgres', connection: pgConnection(), database };
};

const uploadDigests = async (dir: string): Promise<Record<string, string>> =>
  Object.fromEntries(
    await Promise.all(
      (await listFiles(dir)).map(async (file) => [
        file,
        createHash('sha256')
          .update(await fs.promises.readFile(path.join(dir, file)))
          .digest('hex'),
      ]),
    ),
  );

let backup: BackupRecord;
let before: Record<string, TableDigest>;
let uploadsSource: string;

beforeAll(async () => {
  strapi = await bootStrapi();
  work = path.join(process.env.TEST_TMP_DIR as string, `backup-roundtrip-${randomUUID()}`);
  uploadsSource = path.join(work, 'uploads-source');
  fs.mkdirSync(path.join(uploadsSource, 'thumbnails'), { recursive: true });
  fs.writeFileSync(path.join(uploadsSource, 'journal_5A_2025.pdf'), Buffer.from('%PDF-1.4 тестовый файл'));
  fs.writeFileSync(path.join(uploadsSource, 'thumbnails', 'small_photo.jpg'), Buffer.alloc(70_000, 7));
  strapi.config.set('plugin::records-archive.backup', { dir: path.join(work, 'backups'), uploadsDir: uploadsSource });

  const school = await buildMiniSchool(strapi);
  const marks: Array<[number, number, string]> = [
    [0, 0, '5'],
    [0, 1, '4'],
    [1, 0, '3'],
    [1, 2, '5'],
    [2, 1, '2'],
  ];
  for (const [lesson, pupil, value] of marks) {
    await make(strapi, 'api::mark.mark', {
      kind: 'current',
      journal: school.mathJournal.documentId,
      lesson: school.lessons[lesson].documentId,
      student: school.pupils5a[pupil].documentId,
      value,
    });
  }

  // Nothing else writes between the snapshot and the backup: the restored copy must equal it.
  before = await sourceDigests();
  backup = await getService(strapi, 'backup').create({ kind: 'manual', trigger: 'cli' });
});

afterAll(async () => {
  if (usesPostgres && strapi) {
    const admin = await pgClient('postgres');
    for (const database of restoredDatabases) await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  }
  await stopStrapi(strapi);
  fs.rmSync(work, { recursive: true, force: true });
});

describe('a backup', () => {
  it('is recorded complete with its files, checksum, size and engine', async () => {
    expect(backup).toMatchObject({ state: 'complete', kind: 'manual', engine: usesPostgres ? 'postgres' : 'sqlite', uploadsCount: 2 });
    const folder = path.join(work, 'backups', backup.name);
    const manifest = await verifyBackup(folder, backup.sha256 as string);
    expect(manifest.files.map((file) => file.name)).toEqual([usesPostgres ? 'database.dump' : 'database.sqlite', 'uploads.tar']);
    expect(backup.size).toBe(manifest.files.reduce((total, file) => total + file.size, 0));
    expect(backup.sha256).toBe(
      createHash('sha256')
        .update(fs.readFileSync(path.join(folder, manifest.database)))
        .digest('hex'),
    );
    expect(fs.readdirSync(path.join(work, 'backups')).filter((entry) => entry.endsWith('.partial'))).toEqual([]);
  });

  it('restores into a fresh database with the same tables, row counts and content hashes, and the same uploads', async () => {
    const target = freshTarget('fresh');
    const uploads = path.join(work, 'uploads-restored');
    const report = await restoreBackup({
      backupDir: path.join(work, 'backups', backup.name),
      target,
      uploadsDir: uploads,
      expectedDatabaseSha256: backup.sha256 as string,
    });
    expect(report.uploadsRestored).toBe(2);
    const after = await targetDigests(target);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    expect(Object.keys(before).length).toBeGreaterThan(20);
    expect(before.marks.rows).toBe(5);
    expect(before.students.rows).toBe(6);
    for (const table of Object.keys(before)) expect({ table, ...after[table] }).toEqual({ table, ...before[table] });
    expect(await uploadDigests(uploads)).toEqual(await uploadDigests(uploadsSource));
  });

  it('is not restored over a database that already holds tables, unless forced', async () => {
    const target = freshTarget('twice');
    const backupDir = path.join(work, 'backups', backup.name);
    await restoreBackup({ backupDir, target, uploadsDir: null });
    await expect(restoreBackup({ backupDir, target, uploadsDir: null })).rejects.toThrow(RestoreRefusedError);
    await expect(restoreBackup({ backupDir, target, uploadsDir: null })).rejects.toThrow(/не пуста/);
    await restoreBackup({ backupDir, target, uploadsDir: null, force: true });
    expect(await targetDigests(target)).toEqual(before);
  });

  it('is refused when a file does not match its checksum, before anything is written', async () => {
    const copy = path.join(work, 'damaged');
    fs.cpSync(path.join(work, 'backups', backup.name), copy, { recursive: true });
    const database = path.join(copy, usesPostgres ? 'database.dump' : 'database.sqlite');
    const bytes = fs.readFileSync(database);
    bytes[bytes.length - 100] ^= 0xff;
    fs.writeFileSync(database, bytes);
    const target = freshTarget('damaged');
    await expect(restoreBackup({ backupDir: copy, target, uploadsDir: null })).rejects.toThrow(BackupIntegrityError);
    if (target.client === 'sqlite') expect(fs.existsSync(target.filename)).toBe(false);
  });

  it('is restored by scripts/restore.js, which checks the checksums first', async () => {
    const backupDir = path.join(work, 'backups', backup.name);
    const target = freshTarget('cli');
    const args = target.client === 'sqlite' ? ['--into', target.filename] : ['--database', target.database];
    const uploads = path.join(work, 'uploads-cli');
    const { stdout } = await run(process.execPath, [path.join(APP_DIR, 'scripts/restore.js'), backupDir, ...args, '--uploads', uploads], {
      cwd: APP_DIR,
      env: { ...process.env, BACKUP_DIR: path.join(work, 'backups') },
    });
    expect(stdout).toMatch(/Контрольные суммы совпадают/);
    expect(await targetDigests(target)).toEqual(before);
    expect(await uploadDigests(uploads)).toEqual(await uploadDigests(uploadsSource));
    // A second run into the same target is refused with a non-zero exit code.
    await expect(
      run(process.execPath, [path.join(APP_DIR, 'scripts/restore.js'), backup.name, ...args, '--no-uploads'], {
        cwd: APP_DIR,
        env: { ...process.env, BACKUP_DIR: path.join(work, 'backups') },
      }),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/не пуста/) });
  });
});
