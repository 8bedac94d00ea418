import { randomUUID } from 'crypto';
import fs from 'fs';
import path from 'path';
import { createStrapi, type Core } from '@strapi/strapi';
import supertest from 'supertest';
import { postgresAdmin } from './postgres-admin';

const APP_DIR = path.resolve(__dirname, '../..');

const usesPostgres = () => process.env.DATABASE_CLIENT === 'postgres';

/**
 * A fresh database for one test file: a copy of the run's template database (see
 * template-database.js), booted once already, as a SQLite file or a PostgreSQL database.
 */
const freshDatabase = async (): Promise<void> => {
  // Jest reuses a worker process for several files, so the name must be new for every boot.
  const name = `worker_${process.env.JEST_WORKER_ID ?? '0'}_${randomUUID().replace(/-/g, '')}`;
  if (usesPostgres()) {
    const admin = await postgresAdmin();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.TEST_TEMPLATE_DATABASE}`);
    await admin.end();
    process.env.DATABASE_NAME = name;
  } else {
    process.env.DATABASE_FILENAME = path.join(process.env.TEST_TMP_DIR as string, `${name}.db`);
    fs.copyFileSync(process.env.TEST_TEMPLATE_DATABASE as string, process.env.DATABASE_FILENAME);
  }
};

export const dropDatabase = async (connection: { filename?: string; database?: string }): Promise<void> => {
  // With the write-ahead log a crashed process leaves the -wal and -shm files beside the database.
  for (const suffix of ['', '-wal', '-shm']) if (connection.filename) fs.rmSync(connection.filename + suffix, { force: true });
  if (usesPostgres() && connection.database?.startsWith('worker_')) {
    const admin = await postgresAdmin();
    await admin.query(`DROP DATABASE IF EXISTS ${connection.database}`);
    await admin.end();
  }
};

/**
 * Boots a real Strapi from the compiled dist/ on its own fresh database and mounts its HTTP
 * server (not listening on a port: supertest drives it in-process). One instance per test file.
 */
export const bootStrapi = async (): Promise<Core.Strapi> => {
  await freshDatabase();
  const strapi = await createStrapi({ appDir: APP_DIR, distDir: path.join(APP_DIR, 'dist') }).load();
  // Strapi starts its cron even with `server.cron.enabled: false` (only the configured tasks are left
  // out), and the upload plugin schedules its weekly metrics 15 s after the first boot of a database:
  // a write to the core store in the middle of a test (the backup round trip compares whole tables).
  strapi.cron.remove('uploadWeekly');
  await strapi.server.mount();
  return strapi;
};

interface PoolCounters {
  numUsed(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
}

/**
 * Waits until no query holds or waits for a connection, several checks in a row. Strapi emits
 * its content events after commit without awaiting them (a findOne per write); a query started
 * after the pool is destroyed waits out the acquire timeout and then fails in whichever test
 * file the jest worker runs next.
 */
const waitForIdleDatabase = async (strapi: Core.Strapi): Promise<void> => {
  const pool = (strapi.db.connection.client as unknown as { pool?: PoolCounters }).pool;
  if (!pool) return;
  const deadline = Date.now() + 10_000;
  for (let idleChecks = 0; idleChecks < 3 && Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    const busy = pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates();
    idleChecks = busy === 0 ? idleChecks + 1 : 0;
  }
};

/** Destroys the instance and drops its database (unless kept, for another process to open). */
export const stopStrapi = async (strapi: Core.Strapi | undefined, { keepDatabase = false } = {}): Promise<void> => {
  if (!strapi) return;
  const connection = strapi.config.get('database.connection.connection') as { filename?: string; database?: string };
  await waitForIdleDatabase(strapi);
  await strapi.destroy();
  if (!keepDatabase) await dropDatabase(connection);
};

export type Api = ReturnType<typeof apiAs>;

/** A REST client for one users-permissions account (or anonymous when jwt is omitted). */
export const apiAs = (strapi: Core.Strapi, jwt?: string) => {
  const agent = supertest(strapi.server.httpServer);
  const auth = <T extends supertest.Test>(test: T): T => (jwt ? (test.set('Authorization', `Bearer ${jwt}`) as T) : test);
  return {
    get: (url: string) => auth(agent.get(url)),
    post: (url: string, data: unknown) => auth(agent.post(url)).send({ data }),
    put: (url: string, data: unknown) => auth(agent.put(url)).send({ data }),
    delete: (url: string) => auth(agent.delete(url)),
    raw: agent,
  };
};

/** Creates a confirmed users-permissions account with the given role type and returns its JWT. */
export const createAccount = async (
  strapi: Core.Strapi,
  roleType: string,
  username: string,
): Promise<{ id: number; documentId: string; jwt: string }> => {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: roleType } });
  if (!role) throw new Error(`No role ${roleType}`);
  const user = await strapi
    .plugin('users-permissions')
    .service('user')
    .add({
      username,
      email: `${username}@school.test`,
      password: 'Secret-pass-123',
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: role.id,
    });
  const jwt = strapi.plugin('users-permissions').service('jwt').issue({ id: user.id });
  return { id: user.id, documentId: user.documentId, jwt };
};
