import { randomUUID } from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Client } from 'pg';
import type { Core } from '@strapi/strapi';
import supertest from 'supertest';
import { RESTORE_DRILL_UID } from '../../src/plugins/records-archive/server/src/constants';
import { getService } from '../../src/plugins/records-archive/server/src/utils';
import { adminLogin } from '../helpers/admin';
import { make } from '../helpers/school-fixture';
import { bootStrapi, createAccount, stopStrapi } from '../helpers/strapi';

/** Restore drills (R65): the newest backup restored into a scratch database, recorded with its evidence. */

let strapi: Core.Strapi;
let work: string;
let superToken: string;
let editorToken: string;

const api = (token?: string) => {
  const agent = supertest(strapi.server.httpServer);
  const auth = <T extends supertest.Test>(test: T): T => (token ? (test.set('Authorization', `Bearer ${token}`) as T) : test);
  return {
    get: (url: string) => auth(agent.get(`/records-archive${url}`)),
    post: (url: string, body: object = {}) => auth(agent.post(`/records-archive${url}`)).send(body),
  };
};

beforeAll(async () => {
  strapi = await bootStrapi();
  work = path.join(process.env.TEST_TMP_DIR as string, `restore-drill-${randomUUID()}`);
  fs.mkdirSync(path.join(work, 'uploads', 'nested'), { recursive: true });
  fs.writeFileSync(path.join(work, 'uploads', 'photo.png'), Buffer.alloc(1000, 1));
  fs.writeFileSync(path.join(work, 'uploads', 'nested', 'scan.pdf'), Buffer.alloc(500, 2));
  strapi.config.set('plugin::records-archive.backup', { dir: path.join(work, 'backups'), uploadsDir: path.join(work, 'uploads') });
  superToken = await adminLogin(strapi, { email: 'drill.archivist@school.test', lastname: 'strapi-super-admin' });
  editorToken = await adminLogin(strapi, { email: 'drill.editor@school.test', roleCode: 'strapi-editor', lastname: 'strapi-editor' });
  await createAccount(strapi, 'archivist', 'drill.alerts');
});

afterAll(async () => {
  await stopStrapi(strapi);
  fs.rmSync(work, { recursive: true, force: true });
});

const usesPostgres = process.env.DATABASE_CLIENT === 'postgres';
const scratchDirs = () => new Set(fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('records-restore-drill-')));

/** Whether the drill's scratch PostgreSQL database is still there. */
const scratchDatabaseLeft = async (): Promise<boolean> => {
  const connection = strapi.config.get('database.connection.connection') as {
    host: string;
    port: number;
    user: string;
    password: string;
    database: string;
  };
  const client = new Client({ ...connection, password: connection.password || undefined, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [`${connection.database}_restore_drill`]);
    return (found.rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
};

describe('restore drills', () => {
  it('refuses a drill while there is no backup yet, saying what to do first', async () => {
    const response = await api(superToken).post('/restore-drills');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('Нет ни одной резервной копии');
    expect(await strapi.db.query(RESTORE_DRILL_UID).count()).toBe(0);
  });

  it('restores the newest backup into a scratch database and records the pupils, journals, marks and files it brought back', async () => {
    await make(strapi, 'api::student.student', { lastName: 'Восстановленный', firstName: 'Пётр', birthDate: '2014-03-01', gender: 'male' });
    const students = await strapi.db.query('api::student.student').count();
    const backup = await getService(strapi, 'backup').create({ kind: 'manual', trigger: 'cli' });
    const dirsBefore = scratchDirs();

    const response = await api(superToken).post('/restore-drills', {});
    expect(response.status).toBe(201);
    expect(response.body.data).toMatchObject({
      backupName: backup.name,
      outcome: 'passed',
      engine: usesPostgres ? 'postgres' : 'sqlite',
      trigger: 'admin',
      uploadsExpected: 2,
      uploadsRestored: 2,
      error: null,
    });
    expect(response.body.data.requestedBy).toMatch(/drill\.archivist@school\.test/);
    const rows = response.body.data.rows as Array<{ label: string; rows: number | null }>;
    expect(rows.map((row) => row.label)).toEqual(['обучающиеся', 'журналы', 'отметки']);
    expect(rows[0].rows).toBe(students);
    expect(rows.every((row) => row.rows !== null)).toBe(true);
    // Nothing of the scratch restore is left behind.
    expect([...scratchDirs()].filter((name) => !dirsBefore.has(name))).toEqual([]);
    if (usesPostgres) expect(await scratchDatabaseLeft()).toBe(false);

    const list = await api(superToken).get('/restore-drills');
    expect(list.body.data.map((drill: { documentId: string }) => drill.documentId)).toEqual([response.body.data.documentId]);
    const home = (await api(superToken).get('/home/archivist')).body.data;
    expect(home.lastRestoreDrill).toMatchObject({ backupName: backup.name, outcome: 'passed' });
  });

  it('records a failed drill when the newest backup is damaged, and tells the archivists', async () => {
    const backup = await getService(strapi, 'backup').create({ kind: 'manual', trigger: 'cli' });
    const database = path.join(backup.directory as string, (backup.files as Array<{ name: string }>)[0].name);
    fs.appendFileSync(database, Buffer.from('damage'));

    const drill = await getService(strapi, 'restore-drill').runScheduled();
    expect(drill).toMatchObject({ backupName: backup.name, outcome: 'failed', trigger: 'schedule', requestedBy: 'Расписание' });
    expect(drill?.error).toBeTruthy();
    const letters = (await strapi.db
      .query('api::notification.notification')
      .findMany({ where: { cause: 'archive-failure', recipient: 'drill.alerts@school.test' } })) as Array<{ subject: string }>;
    expect(letters.map((letter) => letter.subject)).toEqual([
      expect.stringContaining(`Проверка восстановления резервной копии ${backup.name}`),
    ]);
    const home = (await api(superToken).get('/home/archivist')).body.data;
    expect(home.lastRestoreDrill).toMatchObject({ backupName: backup.name, outcome: 'failed' });
  });

  it('is run only with the backup permission, and refuses unknown fields', async () => {
    expect((await api(editorToken).post('/restore-drills')).status).toBe(403);
    expect((await api(editorToken).get('/restore-drills')).status).toBe(403);
    expect((await api().get('/restore-drills')).status).toBe(401);
    const unknown = await api(superToken).post('/restore-drills', { target: '/etc' });
    expect(unknown.status).toBe(400);
  });
});
