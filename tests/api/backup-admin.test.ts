import { execFile } from 'child_process';
import { createHash, randomUUID } from 'crypto';
import fs from 'fs';
import path from 'path';
import { promisify } from 'util';
import { Client } from 'pg';
import type { Core } from '@strapi/strapi';
import supertest from 'supertest';
import { BACKUP_UID, LEGAL_HOLD_UID } from '../../src/plugins/records-archive/server/src/constants';
import type { BackupRecord } from '../../src/plugins/records-archive/server/src/services/backup';
import { getService } from '../../src/plugins/records-archive/server/src/utils';
import { adminLogin } from '../helpers/admin';
import { bootStrapi, createAccount, stopStrapi } from '../helpers/strapi';

/** Backups: rotation keeps the configured counts, a failed backup is never complete, the CLI, the admin API and its permissions. */

const APP_DIR = path.resolve(__dirname, '../..');
const run = promisify(execFile);

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

const configure = (settings: Record<string, unknown>) =>
  strapi.config.set('plugin::records-archive.backup', {
    dir: path.join(work, 'backups'),
    uploadsDir: path.join(work, 'uploads'),
    ...settings,
  });

const backups = () => getService(strapi, 'backup');
const rows = async (where: Record<string, unknown> = {}): Promise<BackupRecord[]> =>
  (await strapi.db.query(BACKUP_UID).findMany({ where, orderBy: { id: 'asc' } })) as BackupRecord[];

beforeAll(async () => {
  strapi = await bootStrapi();
  work = path.join(process.env.TEST_TMP_DIR as string, `backup-admin-${randomUUID()}`);
  fs.mkdirSync(path.join(work, 'uploads'), { recursive: true });
  fs.writeFileSync(path.join(work, 'uploads', 'photo.png'), Buffer.alloc(1000, 1));
  configure({});
  superToken = await adminLogin(strapi, { email: 'archivist@school.test', lastname: 'strapi-super-admin' });
  editorToken = await adminLogin(strapi, { email: 'editor@school.test', roleCode: 'strapi-editor', lastname: 'strapi-editor' });
});

afterAll(async () => {
  await stopStrapi(strapi);
  fs.rmSync(work, { recursive: true, force: true });
});

describe('rotation', () => {
  it('keeps the newest N of each scheduled kind, deletes the files of the others, and keeps manual and held backups', async () => {
    configure({ keep: { daily: 2, weekly: 1, monthly: 1 } });
    const made: Record<string, BackupRecord> = {};
    made.d1 = await backups().create({ kind: 'daily', trigger: 'schedule' });
    await strapi.db.query(LEGAL_HOLD_UID).create({
      data: { recordType: 'backup', recordDocumentId: made.d1.documentId, reason: 'Запрос суда', placedAt: new Date() },
    });
    for (const name of ['d2', 'd3', 'd4']) made[name] = await backups().create({ kind: 'daily', trigger: 'schedule' });
    made.w1 = await backups().create({ kind: 'weekly', trigger: 'schedule' });
    made.w2 = await backups().create({ kind: 'weekly', trigger: 'schedule' });
    made.m1 = await backups().create({ kind: 'monthly', trigger: 'schedule' });
    made.x1 = await backups().create({ kind: 'manual', trigger: 'cli' });

    const byId = new Map((await rows()).map((row) => [row.id, row]));
    const state = (name: string) => byId.get(made[name].id)?.state;
    expect(Object.fromEntries(Object.keys(made).map((name) => [name, state(name)]))).toEqual({
      d1: 'complete',
      d2: 'rotated',
      d3: 'complete',
      d4: 'complete',
      w1: 'rotated',
      w2: 'complete',
      m1: 'complete',
      x1: 'complete',
    });
    const folders = fs.readdirSync(path.join(work, 'backups')).sort();
    expect(folders).toEqual(['d1', 'd3', 'd4', 'w2', 'm1', 'x1'].map((name) => made[name].name).sort());
    expect(byId.get(made.d2.id)?.rotatedAt).toBeTruthy();
  });

  it('gives the nightly backup its kind by the calendar: a monthly and a weekly exist, so tonight is daily', async () => {
    const scheduled = await backups().runScheduled();
    expect(scheduled).toMatchObject({ kind: 'daily', trigger: 'schedule', state: 'complete' });
    // Still 2 dailies besides the held one after rotation.
    expect((await rows({ kind: 'daily', state: 'complete' })).length).toBe(3);
  });
});

describe('a failed backup', () => {
  // The failures below are on purpose: keep their error log out of the test output.
  let quiet: jest.SpyInstance;
  beforeEach(() => {
    quiet = jest.spyOn(strapi.log, 'error').mockImplementation(() => strapi.log);
  });
  afterEach(() => {
    quiet.mockRestore();
    configure({});
  });

  it('is recorded as failed, never complete, when the backup directory cannot be written, and the archivists are told', async () => {
    await createAccount(strapi, 'archivist', 'archivist.alerts');
    const blocker = path.join(work, 'a-file');
    fs.writeFileSync(blocker, 'not a directory');
    configure({ dir: path.join(blocker, 'backups') });
    const complete = (await rows({ state: 'complete' })).length;
    await expect(backups().create({ kind: 'manual', trigger: 'cli' })).rejects.toMatchObject({ name: 'BackupFailedError' });
    const [failed] = await rows({ state: 'failed' });
    expect(failed).toMatchObject({ state: 'failed', sha256: null, size: null });
    expect(failed.error).toMatch(/ENOTDIR|not a directory/);
    expect((await rows({ state: 'complete' })).length).toBe(complete);
    // The archivists hear of it by e-mail (the admin-panel archivist and school accounts with the role).
    const letters = (await strapi.db
      .query('api::notification.notification')
      .findMany({ where: { cause: 'archive-failure', recipient: 'archivist.alerts@school.test' } })) as Array<{
      subject: string;
      text: string;
    }>;
    expect(letters).toHaveLength(1);
    expect(letters[0].subject).toContain(`Резервная копия ${failed.name} не создана`);
    expect(letters[0].text).toMatch(/ENOTDIR|not a directory/);
  });

  it('leaves no partial folder when it fails half-way (after the database was copied), and the API answers 400', async () => {
    configure({ uploadsDir: path.join(work, 'uploads', 'photo.png') });
    const before = fs.readdirSync(path.join(work, 'backups'));
    const response = await api(superToken).post('/backups');
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ name: 'BackupFailedError' });
    expect(response.body.error.message).toMatch(/^Резервная копия не создана/);
    expect(response.body.error.details.backup).toMatchObject({ state: 'failed' });
    expect(fs.readdirSync(path.join(work, 'backups'))).toEqual(before);
  });
});

describe('the admin API of backups', () => {
  it('creates a manual backup now, lists it and serves its files to a super admin', async () => {
    const created = await api(superToken).post('/backups', {});
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ kind: 'manual', trigger: 'admin', state: 'complete' });
    expect(created.body.data.requestedBy).toMatch(/archivist@school\.test/);

    const list = await api(superToken).get('/backups?page=1&pageSize=5');
    expect(list.status).toBe(200);
    expect(list.body.data[0].id).toBe(created.body.data.id);
    expect(list.body.meta.pagination).toMatchObject({ page: 1, pageSize: 5 });

    const database = created.body.data.files[0].name;
    const file = await api(superToken)
      .get(`/backups/${created.body.data.id}/files/${database}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(file.status).toBe(200);
    expect(
      createHash('sha256')
        .update(file.body as Buffer)
        .digest('hex'),
    ).toBe(created.body.data.sha256);
    expect((await api(superToken).get(`/backups/${created.body.data.id}/files/secrets.env`)).status).toBe(404);
  });

  it('refuses unknown fields and other kinds', async () => {
    expect((await api(superToken).post('/backups', { kind: 'daily' })).status).toBe(400);
    const unknown = await api(superToken).post('/backups', { directory: '/etc' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/Неизвестное поле/);
  });

  it('gives the restore instructions in Russian with the command to run', async () => {
    const response = await api(superToken).get('/backups/restore-instructions');
    expect(response.status).toBe(200);
    expect(response.body.data.text).toMatch(/^Восстановление из резервной копии/);
    expect(response.body.data.command).toMatch(/^node scripts\/restore\.js backup-/);
  });

  it('needs the backup permissions: an editor gets 403, an anonymous caller 401', async () => {
    const [backup] = await rows({ state: 'complete' });
    for (const [method, url] of [
      ['get', '/backups'],
      ['post', '/backups'],
      ['get', `/backups/${backup.id}`],
      ['get', `/backups/${backup.id}/files/manifest.json`],
      ['get', '/backups/restore-instructions'],
    ] as const) {
      expect({ url, status: (await api(editorToken)[method](url)).status }).toEqual({ url, status: 403 });
      expect({ url, status: (await api()[method](url)).status }).toEqual({ url, status: 401 });
    }
  });
});

describe('scripts/backup.js', () => {
  it('makes a backup from the command line (Strapi loaded as a script) and records it', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, BACKUP_DIR: path.join(work, 'cli-backups'), LOG_LEVEL: 'error' };
    let database: string | null = null;
    if (process.env.DATABASE_CLIENT === 'postgres') {
      // A database of its own, as every test boot has.
      database = `cli_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
      const admin = new Client({ ...(strapi.config.get('database.connection.connection') as object), database: 'postgres' });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${database}`);
      await admin.end();
      env.DATABASE_NAME = database;
    } else {
      env.DATABASE_FILENAME = path.join(work, 'cli.db');
    }
    try {
      const { stdout } = await run(process.execPath, [path.join(APP_DIR, 'scripts/backup.js'), '--kind', 'manual'], { cwd: APP_DIR, env });
      expect(stdout).toMatch(/Резервная копия создана: backup-\S+-manual-/);
      const [folder] = fs.readdirSync(path.join(work, 'cli-backups'));
      expect(fs.readdirSync(path.join(work, 'cli-backups', folder)).sort()).toEqual(
        [process.env.DATABASE_CLIENT === 'postgres' ? 'database.dump' : 'database.sqlite', 'manifest.json', 'uploads.tar'].sort(),
      );
      const usage = await run(process.execPath, [path.join(APP_DIR, 'scripts/backup.js'), '--kind', 'yearly'], { cwd: APP_DIR, env }).catch(
        (error: { code: number; stderr: string }) => error,
      );
      expect(usage).toMatchObject({ code: 1, stderr: expect.stringMatching(/--kind must be one of/) });
    } finally {
      if (database) {
        const admin = new Client({ ...(strapi.config.get('database.connection.connection') as object), database: 'postgres' });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        await admin.end();
      }
    }
  });
});
