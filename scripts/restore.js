#!/usr/bin/env node
'use strict';
/**
 * Restores a backup made by the records-archive plugin into a FRESH database, without starting
 * Strapi (the server may be what is broken).
 *
 *   node scripts/restore.js <backup> --into <sqlite file>      [--uploads <dir> | --no-uploads] [--sha256 <hex>] [--force]
 *   node scripts/restore.js <backup> --database <pg database>  [--uploads <dir> | --no-uploads] [--sha256 <hex>] [--force]
 *
 * - <backup> is a backup folder, or the name of one in BACKUP_DIR (default .backups);
 * - every file is checked against the backup's manifest (size and SHA-256) before anything is
 *   written; --sha256 also checks the database file against the value shown in the admin panel;
 * - a target database that already holds tables (or a non-empty uploads folder) is refused unless
 *   --force; PostgreSQL: the database is created if missing (connection from DATABASE_* in .env);
 * - uploads go to public/uploads unless --uploads <dir> or --no-uploads.
 */
const fs = require('fs');
const path = require('path');

const APP_DIR = path.resolve(__dirname, '..');
const MODULE = path.join(APP_DIR, 'dist', 'src', 'plugins', 'records-archive', 'server', 'src', 'backup', 'restore.js');

const USAGE = `Usage: node scripts/restore.js <backup> (--into <sqlite file> | --database <pg database>) [options]

  <backup>            backup folder, or its name in BACKUP_DIR (default .backups)
  --into FILE         SQLite: restore into this new database file
  --database NAME     PostgreSQL: restore into this database (created if missing) on the server of DATABASE_*
  --uploads DIR       unpack the uploads here (default public/uploads)
  --no-uploads        leave the uploads out
  --sha256 HEX        the database file's SHA-256 from the admin panel, checked too
  --force             overwrite a target database or uploads folder that is not empty

Environment: BACKUP_DIR; for PostgreSQL DATABASE_URL or DATABASE_HOST, DATABASE_PORT, DATABASE_USERNAME,
DATABASE_PASSWORD, DATABASE_SSL (read from .env too).`;

const parseArgs = (argv) => {
  const options = { backup: null, into: null, database: null, uploads: undefined, sha256: undefined, force: false, help: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const [name, inline] = arg.split('=', 2);
    const value = () => {
      const raw = inline ?? argv[(i += 1)];
      if (raw === undefined || raw === '') throw new Error(`${name} needs a value`);
      return raw;
    };
    if (name === '--into') options.into = value();
    else if (name === '--database') options.database = value();
    else if (name === '--uploads') options.uploads = value();
    else if (name === '--no-uploads') options.uploads = null;
    else if (name === '--sha256') options.sha256 = value().toLowerCase();
    else if (name === '--force') options.force = true;
    else if (name === '--help' || name === '-h') options.help = true;
    else if (!arg.startsWith('-') && !options.backup) options.backup = arg;
    else throw new Error(`Unknown option ${arg}\n\n${USAGE}`);
  }
  if (options.help) return options;
  if (!options.backup) throw new Error(`Name the backup to restore.\n\n${USAGE}`);
  if (Boolean(options.into) === Boolean(options.database)) throw new Error(`Give exactly one of --into or --database.\n\n${USAGE}`);
  return options;
};

const loadEnv = () => {
  try {
    require('dotenv').config({ path: path.join(APP_DIR, '.env'), quiet: true });
  } catch {
    // No dotenv: the environment alone is used.
  }
};

const postgresConnection = () => ({
  connectionString: process.env.DATABASE_URL || undefined,
  host: process.env.DATABASE_HOST || 'localhost',
  port: Number(process.env.DATABASE_PORT || 5432),
  user: process.env.DATABASE_USERNAME || 'school_records',
  password: process.env.DATABASE_PASSWORD || '',
  ssl: ['true', '1'].includes(String(process.env.DATABASE_SSL).toLowerCase()),
});

const resolveBackupDir = (backup) => {
  const candidates = [path.resolve(backup), path.resolve(APP_DIR, process.env.BACKUP_DIR || '.backups', backup)];
  const found = candidates.find((candidate) => fs.existsSync(path.join(candidate, 'manifest.json')));
  if (!found) throw new Error(`Резервная копия не найдена: ${backup} (искали: ${candidates.join(', ')})`);
  return found;
};

/** The compiled restore module; compiles the app first if dist/ is missing. */
const restoreModule = async () => {
  if (!fs.existsSync(MODULE)) {
    console.log('dist/ не найден: компилирую приложение…');
    const { compileStrapi } = require('@strapi/strapi');
    await compileStrapi({ appDir: APP_DIR, ignoreDiagnostics: true });
  }
  return require(MODULE);
};

const formatBytes = (bytes) => `${(bytes / 1024 / 1024).toLocaleString('ru-RU', { maximumFractionDigits: 1 })} МБ`;

const main = async () => {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return;
  }
  loadEnv();
  const { restoreBackup } = await restoreModule();
  const backupDir = resolveBackupDir(options.backup);
  const target = options.into
    ? { client: 'sqlite', filename: path.resolve(options.into) }
    : { client: 'postgres', connection: postgresConnection(), database: options.database };
  const uploadsDir = options.uploads === null ? null : path.resolve(options.uploads || path.join(APP_DIR, 'public', 'uploads'));

  const report = await restoreBackup({ backupDir, target, uploadsDir, force: options.force, expectedDatabaseSha256: options.sha256 });
  const { manifest } = report;
  const size = manifest.files.reduce((total, file) => total + file.size, 0);
  console.log(
    `Резервная копия ${manifest.name} (${manifest.engine}, ${manifest.kind}, сделана ${manifest.finishedAt}, ${formatBytes(size)})`,
  );
  console.log(`Контрольные суммы совпадают: ${manifest.files.map((file) => file.name).join(', ')}`);
  console.log(`База восстановлена: ${report.target}`);
  console.log(
    uploadsDir ? `Загруженные файлы: ${report.uploadsRestored} → ${uploadsDir}` : 'Загруженные файлы не восстанавливались (--no-uploads)',
  );
  console.log(
    target.client === 'sqlite'
      ? `Дальше: DATABASE_FILENAME=${target.filename} в .env и запуск сервера.`
      : `Дальше: DATABASE_NAME=${target.database} в .env и запуск сервера.`,
  );
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
    process.exit(1);
  },
);
