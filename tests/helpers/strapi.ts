import { randomUUID } from 'crypto';
import fs from 'fs';
import path from 'path';
import { createStrapi, type Core } from '@strapi/strapi';
import supertest from 'supertest';

const APP_DIR = path.resolve(__dirname, '../..');

/**
 * Boots a real Strapi from the compiled dist/ on its own fresh SQLite file and mounts its HTTP
 * server (not listening on a port: supertest drives it in-process). One instance per test file.
 */
export const bootStrapi = async (): Promise<Core.Strapi> => {
  // Jest reuses a worker process for several files, so the name must be new for every boot.
  const dbFile = path.join(
    process.env.TEST_TMP_DIR as string,
    `worker-${process.env.JEST_WORKER_ID ?? '0'}-${process.pid}-${randomUUID()}.db`,
  );
  process.env.DATABASE_FILENAME = dbFile;
  const strapi = await createStrapi({ appDir: APP_DIR, distDir: path.join(APP_DIR, 'dist') }).load();
  await strapi.server.mount();
  return strapi;
};

export const stopStrapi = async (strapi: Core.Strapi | undefined): Promise<void> => {
  if (!strapi) return;
  const { filename } = strapi.config.get('database.connection.connection') as { filename?: string };
  await strapi.destroy();
  if (filename) fs.rmSync(filename, { force: true });
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
