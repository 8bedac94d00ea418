#!/usr/bin/env node
'use strict';
/**
 * Makes a backup of the database and the uploads from the command line, the same way the nightly
 * job does (SQLite: online backup API; PostgreSQL: pg_dump -Fc), and applies the rotation rule.
 *
 *   node scripts/backup.js [--kind manual|daily|weekly|monthly] [--scheduled] [--build]
 *
 * - loads Strapi like a script (no HTTP server) from dist/, compiling the app first if dist/ is
 *   missing or with --build; the backup is recorded in the admin panel's list («Резервные копии»);
 * - --scheduled picks the kind by the rotation calendar, as the nightly job does (for a system
 *   cron instead of Strapi's); it does nothing when another instance is making the backup;
 * - exits with 1 when the backup fails (the failed attempt is recorded, never marked complete).
 */
const fs = require('fs');
const path = require('path');

const APP_DIR = path.resolve(__dirname, '..');
const DIST_DIR = path.join(APP_DIR, 'dist');
const KINDS = ['manual', 'daily', 'weekly', 'monthly'];

const USAGE = `Usage: node scripts/backup.js [--kind manual|daily|weekly|monthly] [--scheduled] [--build]

  --kind K      kind of the backup (default manual; manual backups are never rotated out)
  --scheduled   choose the kind by the rotation calendar, like the nightly job
  --build       compile the app into dist/ first (done anyway when dist/ is missing)

Environment: BACKUP_DIR (default .backups), BACKUP_KEEP_DAILY / _WEEKLY / _MONTHLY (7 / 4 / 12),
DATABASE_* (see config/database.ts).`;

const parseArgs = (argv) => {
  const options = { kind: 'manual', scheduled: false, build: false, help: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const [name, inline] = arg.split('=', 2);
    if (name === '--kind') {
      const kind = inline ?? argv[(i += 1)];
      if (!KINDS.includes(kind)) throw new Error(`--kind must be one of ${KINDS.join(', ')}`);
      options.kind = kind;
    } else if (name === '--scheduled') options.scheduled = true;
    else if (name === '--build') options.build = true;
    else if (name === '--help' || name === '-h') options.help = true;
    else throw new Error(`Unknown option ${arg}\n\n${USAGE}`);
  }
  return options;
};

const formatBytes = (bytes) => `${(bytes / 1024 / 1024).toLocaleString('ru-RU', { maximumFractionDigits: 1 })} МБ`;

const main = async () => {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return;
  }
  process.chdir(APP_DIR);
  process.env.STRAPI_TELEMETRY_DISABLED = process.env.STRAPI_TELEMETRY_DISABLED || 'true';
  // A script has no use for Strapi's own scheduler.
  process.env.CRON_ENABLED = 'false';

  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  if (options.build || !fs.existsSync(path.join(DIST_DIR, 'src', 'index.js'))) await compileStrapi({ appDir: APP_DIR });
  const app = await createStrapi({ appDir: APP_DIR, distDir: DIST_DIR }).load();
  try {
    const backups = app.plugin('records-archive').service('backup');
    const backup = options.scheduled ? await backups.runScheduled() : await backups.create({ kind: options.kind, trigger: 'cli' });
    if (!backup) {
      console.log('Резервную копию сейчас делает другой экземпляр сервера; ничего не сделано.');
      return;
    }
    console.log(`Резервная копия создана: ${backup.name} (${backup.engine}, ${backup.kind}, ${formatBytes(backup.size)})`);
    console.log(`  папка:        ${backup.directory}`);
    console.log(`  SHA-256 базы: ${backup.sha256}`);
    console.log(`  файлов из загрузок: ${backup.uploadsCount}`);
    console.log(`Восстановление: node scripts/restore.js ${backup.name} --into <новый файл .db> | --database <новая база>`);
  } finally {
    await app.destroy();
  }
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
    process.exit(1);
  },
);
