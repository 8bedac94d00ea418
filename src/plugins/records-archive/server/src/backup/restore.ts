import fs from 'fs';
import path from 'path';
import { Client } from 'pg';
import Database from 'better-sqlite3';
import { LEASE_TABLE } from '../utils/lease';
import { explicitPgConnection, restorePostgres, sqliteTableCount, type PgConnection } from './engines';
import { UPLOADS_FILE, verifyBackup, type BackupManifest } from './manifest';
import { listFiles, readTar } from './tar';

/**
 * Restoring a backup into a fresh database, without Strapi (the server may be the thing that is
 * broken). Checks every checksum first, refuses a target that already holds tables unless forced,
 * and only then writes. Used by `scripts/restore.js` and by the round-trip test.
 */

export type RestoreTarget =
  | { client: 'sqlite'; filename: string }
  | { client: 'postgres'; connection: PgConnection; database: string; maintenanceDatabase?: string };

export interface RestoreOptions {
  /** The backup folder (with manifest.json). */
  backupDir: string;
  target: RestoreTarget;
  /** Where the uploads are unpacked (the app's public/uploads); null leaves them out. */
  uploadsDir: string | null;
  /** Overwrite a target database or uploads folder that is not empty. */
  force?: boolean;
  /** The database file's SHA-256 recorded in the `backup` row, when known. */
  expectedDatabaseSha256?: string;
}

export interface RestoreReport {
  manifest: BackupManifest;
  target: string;
  uploadsRestored: number;
}

/** The restore would overwrite something, or the backup does not fit the target. */
export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

const quoteIdentifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;

const pgClient = async (connection: PgConnection, database: string): Promise<Client> => {
  const explicit = explicitPgConnection(connection);
  const client = new Client({
    host: explicit.host,
    port: explicit.port ? Number(explicit.port) : undefined,
    user: explicit.user,
    password: explicit.password || undefined,
    database,
    ssl: explicit.ssl ? { rejectUnauthorized: false } : undefined,
  });
  await client.connect();
  return client;
};

/** Creates the PostgreSQL database if missing; returns how many tables it already holds. */
const preparePostgres = async (target: Extract<RestoreTarget, { client: 'postgres' }>): Promise<number> => {
  const admin = await pgClient(target.connection, target.maintenanceDatabase ?? 'postgres');
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [target.database]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${quoteIdentifier(target.database)}`);
      return 0;
    }
  } finally {
    await admin.end();
  }
  const client = await pgClient(target.connection, target.database);
  try {
    const tables = await client.query(
      "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
    );
    return (tables.rows[0] as { n: number }).n;
  } finally {
    await client.end();
  }
};

const restoreSqliteFile = async (source: string, filename: string): Promise<void> => {
  await fs.promises.mkdir(path.dirname(filename), { recursive: true });
  const temporary = `${filename}.restoring-${process.pid}`;
  await fs.promises.copyFile(source, temporary);
  if (sqliteTableCount(temporary) === 0) throw new Error('The restored SQLite file holds no tables');
  for (const suffix of ['-journal', '-wal', '-shm']) await fs.promises.rm(filename + suffix, { force: true });
  await fs.promises.rename(temporary, filename);
};

/**
 * The job leases in the copy belong to the server that made it (the backup job itself held one):
 * the restored database starts with none, so its jobs are not blocked until they expire.
 */
const freeLeases = async (target: RestoreTarget): Promise<void> => {
  if (target.client === 'sqlite') {
    const db = new Database(target.filename, { fileMustExist: true });
    try {
      const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(LEASE_TABLE);
      if (exists) db.prepare(`DELETE FROM ${LEASE_TABLE}`).run();
    } finally {
      db.close();
    }
    return;
  }
  const client = await pgClient(target.connection, target.database);
  try {
    await client.query(`DELETE FROM ${LEASE_TABLE}`).catch((error: { code?: string }) => {
      if (error.code !== '42P01') throw error; // no such table: nothing to free
    });
  } finally {
    await client.end();
  }
};

const visibleFiles = async (dir: string): Promise<string[]> =>
  (await listFiles(dir)).filter((file) => !path.posix.basename(file).startsWith('.'));

export const describeTarget = (target: RestoreTarget): string =>
  target.client === 'sqlite' ? `SQLite ${target.filename}` : `PostgreSQL ${target.database}`;

export const restoreBackup = async (options: RestoreOptions): Promise<RestoreReport> => {
  const { backupDir, target, uploadsDir, force = false } = options;
  const manifest = await verifyBackup(backupDir, options.expectedDatabaseSha256);
  if (manifest.engine !== target.client) {
    throw new RestoreRefusedError(`Копия сделана из ${manifest.engine}, а восстановить её просят в ${target.client}`);
  }

  const tables = target.client === 'sqlite' ? sqliteTableCount(target.filename) : await preparePostgres(target);
  if (tables > 0 && !force) {
    throw new RestoreRefusedError(
      `База ${describeTarget(target)} не пуста (таблиц: ${tables}). Восстанавливайте в новую базу или добавьте --force, чтобы перезаписать её`,
    );
  }
  if (uploadsDir && !force && (await visibleFiles(uploadsDir)).length > 0) {
    throw new RestoreRefusedError(`Папка загрузок ${uploadsDir} не пуста. Укажите пустую папку или добавьте --force`);
  }

  const database = path.join(backupDir, manifest.database);
  if (target.client === 'sqlite') await restoreSqliteFile(database, target.filename);
  else await restorePostgres(target.connection, target.database, database, tables > 0);
  await freeLeases(target);

  let uploadsRestored = 0;
  if (uploadsDir) {
    await fs.promises.mkdir(uploadsDir, { recursive: true });
    const entries = await readTar(path.join(backupDir, manifest.uploads || UPLOADS_FILE), (entry) => path.join(uploadsDir, entry.name));
    uploadsRestored = entries.length;
  }
  return { manifest, target: describeTarget(target), uploadsRestored };
};

/**
 * Rows of the given tables in a restored database (the evidence of a restore drill); a table the
 * restore lacks counts as null.
 */
export const countRestoredRows = async (target: RestoreTarget, tables: readonly string[]): Promise<Record<string, number | null>> => {
  const counts: Record<string, number | null> = {};
  if (target.client === 'sqlite') {
    const db = new Database(target.filename, { readonly: true, fileMustExist: true });
    try {
      for (const table of tables) {
        const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
        counts[table] = exists
          ? Number((db.prepare(`SELECT count(*) AS n FROM ${quoteIdentifier(table)}`).get() as { n: number }).n)
          : null;
      }
    } finally {
      db.close();
    }
    return counts;
  }
  const client = await pgClient(target.connection, target.database);
  try {
    for (const table of tables) {
      const exists = await client.query("SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = $1", [table]);
      counts[table] =
        exists.rowCount === 0
          ? null
          : Number((await client.query(`SELECT count(*)::int AS n FROM ${quoteIdentifier(table)}`)).rows[0].n as number);
    }
  } finally {
    await client.end();
  }
  return counts;
};

/** Removes a scratch PostgreSQL database (a restore drill's), if it exists. */
export const dropPostgresDatabase = async (target: Extract<RestoreTarget, { client: 'postgres' }>): Promise<void> => {
  const admin = await pgClient(target.connection, target.maintenanceDatabase ?? 'postgres');
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(target.database)}`);
  } finally {
    await admin.end();
  }
};
