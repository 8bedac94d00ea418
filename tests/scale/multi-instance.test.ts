/**
 * Several instances (README «Scaling out»): schools provisioned side by side on one PostgreSQL
 * cluster with scripts/provision-school.js, and one school served by two Strapi processes behind
 * no proxy at all (the test is the round-robin), sharing its database, uploads, archive and backup
 * folders. Runs only on PostgreSQL (`bash scripts/with-postgres.sh npx jest tests/scale`).
 */
import { execFile, spawn, type ChildProcess } from 'child_process';
import { randomBytes } from 'crypto';
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import { Client, type ClientConfig } from 'pg';
import supertest from 'supertest';

const APP_DIR = path.resolve(__dirname, '../..');
const PROVISION = path.join(APP_DIR, 'scripts', 'provision-school.js');
const STRAPI_BIN = path.join(APP_DIR, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
const onPostgres = process.env.DATABASE_CLIENT === 'postgres';
/** The nightly backup, every two seconds here: every instance fires it at each tick. */
const BACKUP_EVERY_MS = 2000;

interface Provisioned {
  code: string;
  name: string;
  database: string;
  role: string;
  env: Record<string, string>;
  admin: { email: string; password: string };
}

interface Instance {
  child: ChildProcess;
  url: string;
  output: () => string;
}

const cluster = (): ClientConfig => ({
  host: process.env.DATABASE_HOST,
  port: Number(process.env.DATABASE_PORT),
  user: process.env.DATABASE_USERNAME,
  password: process.env.DATABASE_PASSWORD || undefined,
  database: 'postgres',
});

const withClient = async <T>(config: ClientConfig, work: (client: Client) => Promise<T>): Promise<T> => {
  const client = new Client(config);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

/** Runs the provisioning script as the district's IT person would, with the cluster's admin in PG*. */
const provision = (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    const env = {
      ...process.env,
      PGHOST: process.env.DATABASE_HOST,
      PGPORT: process.env.DATABASE_PORT,
      PGUSER: process.env.DATABASE_USERNAME,
      PGPASSWORD: process.env.DATABASE_PASSWORD ?? '',
    };
    execFile(process.execPath, [PROVISION, ...args], { cwd: APP_DIR, env, maxBuffer: 4 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });

/** Every child started here, also those whose start failed: afterAll stops them all. */
const spawned = new Set<ChildProcess>();

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/** `strapi start` (the compiled dist/, no admin build needed) on a loopback port; resolves once /_health answers. */
const startInstance = async (env: Record<string, string>): Promise<Instance> => {
  const port = await freePort();
  const child = spawn(process.execPath, [STRAPI_BIN, 'start'], {
    cwd: APP_DIR,
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  spawned.add(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const instance = { child, url: `http://127.0.0.1:${port}`, output: () => output };
  // Generous: a loaded CI machine (two jest workers beside two booting servers) can be slow to boot.
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`An instance exited while starting:\n${output}`);
    const up = await fetch(`${instance.url}/_health`).then(
      (response) => response.status < 500,
      () => false,
    );
    if (up) return instance;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`An instance did not answer on /_health within 180 s:\n${output}`);
};

const stopChild = async (child: ChildProcess): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
};

const describeOnPostgres = onPostgres ? describe : describe.skip;

describeOnPostgres('several instances (PostgreSQL only)', () => {
  const run = `t${randomBytes(3).toString('hex')}`;
  const codes = [`${run}_a`, `${run}_b`];
  const schools: Provisioned[] = [];
  const instances: Instance[] = [];
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'school-records-shared-'));
  let startedAt = 0;
  let token = '';
  let adminJwt = '';

  beforeAll(async () => {
    // Two schools at once, as a district would: each run boots Strapi once against its own database.
    const results = await Promise.all(
      codes.map((code, i) => provision(['--code', code, '--name', `МБОУ «СОШ № ${i + 1}» (${run})`, '--json'])),
    );
    for (const result of results) {
      if (result.code !== 0) throw new Error(`provision-school failed (${result.code}):\n${result.stderr}`);
      schools.push(JSON.parse(result.stdout) as Provisioned);
    }
    // One school, two instances: its settings plus the folders every instance of it shares.
    const shared = {
      ...schools[0].env,
      DATABASE_URL: '',
      ARCHIVE_PRIMARY_DIR: path.join(storage, 'archive-primary'),
      ARCHIVE_SECONDARY_DIR: path.join(storage, 'archive-secondary'),
      BACKUP_DIR: path.join(storage, 'backups'),
      CRON_ENABLED: 'true',
      BEHIND_PROXY: 'true',
      BACKUP_CRON: `*/${BACKUP_EVERY_MS / 1000} * * * * *`,
    };
    instances.push(...(await Promise.all([startInstance(shared), startInstance(shared)])));
    startedAt = Date.now();
  }, 300_000);

  afterAll(async () => {
    await Promise.all([...spawned].map(stopChild));
    await withClient(cluster(), async (admin) => {
      for (const code of codes) {
        await admin.query(`DROP DATABASE IF EXISTS "school_${code}" WITH (FORCE)`);
        await admin.query(`DROP ROLE IF EXISTS "school_${code}"`);
      }
    });
    fs.rmSync(storage, { recursive: true, force: true });
  });

  const at = (i: number) => supertest(instances[i % instances.length].url);
  const asToken = <T extends supertest.Test>(test: T): T => test.set('Authorization', `Bearer ${token}`) as T;

  it('gives each school its own database, login role and super admin', async () => {
    expect(new Set(schools.map((school) => school.database)).size).toBe(codes.length);
    await withClient(cluster(), async (admin) => {
      for (const school of schools) {
        expect(school.database).toBe(`school_${school.code}`);
        const { rows } = await admin.query(
          `SELECT r.rolname, r.rolsuper, r.rolcreatedb, r.rolcreaterole, r.rolcanlogin
             FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba WHERE d.datname = $1`,
          [school.database],
        );
        expect(rows).toEqual([{ rolname: school.role, rolsuper: false, rolcreatedb: false, rolcreaterole: false, rolcanlogin: true }]);
        expect(school.env).toMatchObject({ DATABASE_CLIENT: 'postgres', DATABASE_NAME: school.database, DATABASE_USERNAME: school.role });
        expect(school.env.DATABASE_PASSWORD).toMatch(/^[0-9a-f]{48}$/);
        expect(school.env.APP_KEYS.split(',')).toHaveLength(4);
      }
      // Fresh secrets per school.
      expect(schools[0].env.ADMIN_JWT_SECRET).not.toBe(schools[1].env.ADMIN_JWT_SECRET);
      expect(schools[0].env.DATABASE_PASSWORD).not.toBe(schools[1].env.DATABASE_PASSWORD);
    });
    for (const school of schools) {
      const admins = await withClient(
        { ...cluster(), user: school.role, password: school.env.DATABASE_PASSWORD, database: school.database },
        (own) => own.query('SELECT email, is_active FROM admin_users'),
      );
      expect(admins.rows).toEqual([{ email: school.admin.email, is_active: true }]);
    }
  });

  it("refuses a school's role at another school's database", async () => {
    const [a, b] = schools;
    const connectAs = (school: Provisioned, database: string) =>
      withClient({ ...cluster(), user: school.role, password: school.env.DATABASE_PASSWORD, database }, (client) =>
        client.query('SELECT 1'),
      );
    await expect(connectAs(a, b.database)).rejects.toThrow(/permission denied for database/);
    await expect(connectAs(b, a.database)).rejects.toThrow(/permission denied for database/);
    await expect(connectAs(a, a.database)).resolves.toBeDefined();
  });

  it('refuses to provision a school twice, and bad input, changing nothing', async () => {
    const again = await provision(['--code', codes[0], '--name', 'Другая школа', '--json']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exist.*Nothing was changed/);
    expect(again.stdout).toBe('');
    const bad = await provision(['--code', 'Школа-17', '--name', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('[a-z0-9_]');
    const noName = await provision(['--code', 'x1']);
    expect(noName.stderr).toContain('--name is required');
    // The first school still has its one admin, and its role still its password.
    const admins = await withClient(
      { ...cluster(), user: schools[0].role, password: schools[0].env.DATABASE_PASSWORD, database: schools[0].database },
      (own) => own.query('SELECT count(*)::int AS n FROM admin_users'),
    );
    expect(admins.rows[0].n).toBe(1);
  });

  it('logs in with the printed super admin on one instance; the other honours the session and the token made there', async () => {
    const login = await at(0).post('/admin/login').send({ email: schools[0].admin.email, password: schools[0].admin.password });
    expect(login.status).toBe(200);
    adminJwt = login.body.data.token;
    const me = await at(1).get('/admin/users/me').set('Authorization', `Bearer ${adminJwt}`);
    expect(me.status).toBe(200);
    expect(me.body.data.email).toBe(schools[0].admin.email);
    const created = await at(1)
      .post('/admin/api-tokens')
      .set('Authorization', `Bearer ${adminJwt}`)
      .send({ name: `школьный скрипт ${run}`, description: 'multi-instance test', type: 'full-access', lifespan: null });
    expect(created.status).toBe(201);
    token = created.body.data.accessKey;
    expect((await asToken(at(0).get('/api/students'))).status).toBe(200);
  });

  it('sees every write from either instance, writes sent round-robin and at once', async () => {
    const pupils = Array.from({ length: 16 }, (_, i) => ({
      lastName: `Иванов${run}`,
      firstName: `Ученик${i}`,
      birthDate: `2015-0${1 + (i % 9)}-1${i % 10}`,
      gender: i % 2 ? 'female' : 'male',
    }));
    const created = await Promise.all(pupils.map((data, i) => asToken(at(i).post('/api/students')).send({ data })));
    for (const response of created) expect(response.status).toBe(201);
    const ids = created.map((response) => response.body.data.documentId as string);

    // Each pupil is corrected on the instance that did not create it.
    const updated = await Promise.all(
      ids.map((id, i) => asToken(at(i + 1).put(`/api/students/${id}`)).send({ data: { patronymic: `Отчество${i}` } })),
    );
    for (const response of updated) expect(response.status).toBe(200);

    for (const i of [0, 1]) {
      const list = await asToken(
        at(i).get(`/api/students?filters[lastName][$eq]=Иванов${run}&fields[0]=patronymic&pagination[pageSize]=100`),
      );
      expect(list.status).toBe(200);
      expect(new Map(list.body.data.map((row: { documentId: string; patronymic: string }) => [row.documentId, row.patronymic]))).toEqual(
        new Map(ids.map((id, n) => [id, `Отчество${n}`])),
      );
    }
    // The audit trail stayed one unbroken chain although two processes appended to it at once.
    for (const i of [0, 1]) {
      const verify = await asToken(at(i).get('/api/audit-entries/verify'));
      expect(verify.status).toBe(200);
      expect(verify.body.data).toMatchObject({ intact: true });
      expect(verify.body.data.entries).toBeGreaterThanOrEqual(2 * ids.length);
    }
  });

  it('serves a file uploaded through one instance from the other (shared public/uploads)', async () => {
    const content = Buffer.from(`материалы урока ${run}\n`, 'utf8');
    const upload = await asToken(at(0).post('/api/upload')).attach('files', content, {
      filename: `lesson-${run}.txt`,
      contentType: 'text/plain',
    });
    expect(upload.status).toBe(201);
    const file = upload.body[0] as { id: number; url: string };
    const served = await at(1).get(file.url);
    expect(served.status).toBe(200);
    expect(served.text).toBe(content.toString('utf8'));
    const removed = await asToken(at(1).delete(`/api/upload/files/${file.id}`));
    expect(removed.status).toBe(200);
    expect((await at(0).get(file.url)).status).toBe(404);
  });

  it('runs a scheduled job once per tick across both instances (database lease)', async () => {
    // Both instances fire the backup at every tick; the lease lets one of them write it. The window:
    // whole ticks from when both were up until at least four ticks later.
    const first = Math.ceil(startedAt / BACKUP_EVERY_MS) * BACKUP_EVERY_MS;
    const last = Math.max(first + 3 * BACKUP_EVERY_MS, Math.floor(Date.now() / BACKUP_EVERY_MS) * BACKUP_EVERY_MS);
    const ticksInWindow = (last - first) / BACKUP_EVERY_MS + 1;
    type BackupRow = { name: string; state: string; started_at: Date; finished_at: Date | null };
    const scheduledBackups = async (): Promise<BackupRow[]> =>
      (
        await withClient({ ...cluster(), database: schools[0].database }, (client) =>
          client.query(
            `SELECT name, state, started_at, finished_at FROM records_archive_backups WHERE trigger = 'schedule' ORDER BY started_at`,
          ),
        )
      ).rows as BackupRow[];
    // A backup row is written when its dump is done: the window is settled once a backup that
    // started after it is written.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, last + BACKUP_EVERY_MS - 200 - Date.now())));
    let backups = await scheduledBackups();
    for (let waited = 0; waited < 90_000 && !backups.some((row) => row.started_at.getTime() >= last + BACKUP_EVERY_MS); waited += 500) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      backups = await scheduledBackups();
    }
    const inWindow = backups.filter((row) => row.started_at.getTime() >= first && row.started_at.getTime() < last + BACKUP_EVERY_MS);
    const described = inWindow.map((row) => `${row.name} ${row.state} ${row.started_at.toISOString()}–${row.finished_at?.toISOString()}`);
    // None failed: two at once would clear each other's work.
    for (const row of inWindow) expect(`${row.name} ${row.state}`).toMatch(/ (complete|rotated)$/);
    // Never two at once: each started after the one before it was written.
    for (let i = 1; i < inWindow.length; i += 1) {
      const previousEnd = inWindow[i - 1].finished_at?.getTime() ?? Number.POSITIVE_INFINITY;
      expect([described[i], inWindow[i].started_at.getTime() >= previousEnd]).toEqual([described[i], true]);
    }
    // Once per tick, not once per instance: two instances each writing every tick would write about
    // twice as many. (A tick may pass without one: while a backup is still being written, or when a
    // starved machine's schedulers fire late and skip it: the scheduler does not catch up a missed tick.)
    expect(inWindow.length).toBeLessThanOrEqual(ticksInWindow + 1);
    // ... and the schedule kept writing backups through the window and after it.
    expect(inWindow.length).toBeGreaterThanOrEqual(2);
    expect(backups.some((row) => row.started_at.getTime() >= last + BACKUP_EVERY_MS)).toBe(true);
    // Written into the one shared backup folder, and the lease was taken by one of the two processes.
    expect(fs.readdirSync(path.join(storage, 'backups')).length).toBeGreaterThan(0);
    const lease = await withClient({ ...cluster(), database: schools[0].database }, (client) =>
      client.query(`SELECT holder FROM records_archive_job_leases WHERE name = 'records-archive-backup'`),
    );
    // A holder is `<process space>:<pid>:<random>` (src/plugins/records-archive/server/src/utils/lease.ts).
    expect(instances.map((instance) => String(instance.child.pid))).toContain(String(lease.rows[0]?.holder).split(':')[1]);
  });
});
