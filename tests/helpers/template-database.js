'use strict';
// Boots Strapi once on the run's template database and stops it. Every API test file then starts
// from a copy of it (a file copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL) instead of an
// empty database: a first boot creates ~150 tables and syncs roles and permissions (about 30 s on a
// two-core machine), a boot on the copy only checks them (about 4 s). Run by global-setup.js in a
// child process of its own, so that no connection to the template outlives it.
require('./env');
const fs = require('fs');
const path = require('path');
const { createStrapi } = require('@strapi/strapi');
const { postgresAdmin } = require('./postgres-admin');

const APP_DIR = path.resolve(__dirname, '../..');
const usesPostgres = process.env.DATABASE_CLIENT === 'postgres';

const main = async () => {
  const template = process.env.TEST_TEMPLATE_DATABASE;
  if (usesPostgres) {
    const admin = await postgresAdmin();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    await admin.end();
    process.env.DATABASE_NAME = template;
  } else {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(template + suffix, { force: true });
    process.env.DATABASE_FILENAME = template;
  }
  const strapi = await createStrapi({ appDir: APP_DIR, distDir: path.join(APP_DIR, 'dist') }).load();
  await strapi.destroy();
  // Closing the last connection folds the write-ahead log into the file; a copy of the file alone
  // is then the whole database.
  if (!usesPostgres && fs.existsSync(`${template}-wal`)) throw new Error(`${template}-wal is left after the template's boot`);
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
