import { spawn } from 'child_process';
import { createHash } from 'crypto';
import fs from 'fs';
import path from 'path';
import knexFactory, { type Knex } from 'knex';
import { createStrapi, type Core } from '@strapi/strapi';
import { verifyAuditTrail } from '../../src/audit/audit-trail';
import { ADMIN_TEST_PASSWORD, adminLogin } from '../helpers/admin';
import { buildArchiveSchool, verifyBagDirectory, type ArchiveSchool } from '../helpers/archive-fixture';
import { killAllServers, killServer, startServer, stopServer, type ServerProcess } from '../helpers/server-process';
import { bootStrapi, createAccount, dropDatabase, stopStrapi } from '../helpers/strapi';

/**
 * Faults: the real server (`strapi start` from dist/) as a child process on its own database,
 * killed with SIGKILL in the middle of a burst of mark entry and in the middle of a quarter
 * close, then started again on the same database. What was acknowledged must be there, nothing
 * may be half-written, the audit chain must verify, and a closing must finish on a re-run.
 */

const APP_DIR = path.resolve(__dirname, '../..');
const usesPostgres = process.env.DATABASE_CLIENT === 'postgres';
const ADMIN_EMAIL = 'crash-archivist@school.test';

let school: ArchiveSchool;
let deputyJwt: string;
let serverEnv: Record<string, string>;
let connection: { filename?: string; database?: string };
let pragmas: { journalMode: unknown; busyTimeout: unknown; synchronous: unknown } | undefined;
let server: ServerProcess | undefined;
let db: Knex | undefined;
let verifier: Core.Strapi | undefined;

/** Marks the burst acknowledged (2xx), by the comment that tags each request. */
const acknowledged = new Map<string, string>();
let unanswered = 0;

/** A plain connection of the test process to the server's database, for what the server does not show. */
const openDatabase = (): Knex =>
  usesPostgres
    ? knexFactory({
        client: 'pg',
        connection: {
          host: process.env.DATABASE_HOST,
          port: Number(process.env.DATABASE_PORT),
          user: process.env.DATABASE_USERNAME,
          password: process.env.DATABASE_PASSWORD || undefined,
          database: connection.database,
        },
        pool: { min: 0, max: 2 },
      })
    : knexFactory({ client: 'better-sqlite3', connection: { filename: connection.filename as string }, useNullAsDefault: true });

const call = async (method: string, url: string, bearer?: string, body?: unknown): Promise<{ status: number; body: any }> => {
  const response = await fetch(`${(server as ServerProcess).url}${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
};

const adminToken = async (): Promise<string> => {
  const login = await call('POST', '/admin/login', undefined, { email: ADMIN_EMAIL, password: ADMIN_TEST_PASSWORD });
  if (login.status !== 200) throw new Error(`admin login ${login.status}: ${JSON.stringify(login.body)}`);
  return login.body.data.token as string;
};

const sha256 = (content: Buffer | string): string => createHash('sha256').update(content).digest('hex');

interface PackageRecord {
  document_id: string;
  version: number;
  state: string;
  bag_path: string;
  source_digest: string | null;
  tagmanifest_sha_256: string | null;
  files: string | Array<{ path: string; sha256: string; size: number }> | null;
}

const packageRows = async (): Promise<PackageRecord[]> =>
  (await (db as Knex)('records_archive_packages')
    .select('document_id', 'version', 'state', 'bag_path', 'source_digest', 'tagmanifest_sha_256', 'files')
    .orderBy('bag_path')) as PackageRecord[];

const periodState = async (documentId: string): Promise<string> =>
  (await (db as Knex)('study_periods').where({ document_id: documentId }).first('state')).state as string;

/**
 * A complete package must be whole: both copies pass an independent BagIt check, every file
 * matches the digest recorded in its row, and its journal.json is exactly the data of its source
 * digest (the digest the closing compares to decide that a package is up to date).
 */
const expectIntact = (row: PackageRecord): void => {
  const recorded = (typeof row.files === 'string' ? JSON.parse(row.files) : row.files) as Array<{ path: string; sha256: string }>;
  expect(recorded.length).toBeGreaterThan(0);
  for (const location of [school.locations.primary, school.locations.secondary]) {
    const bag = path.join(location, row.bag_path);
    const { problems, checksums } = verifyBagDirectory(bag);
    expect({ bag, problems }).toEqual({ bag, problems: [] });
    expect(Object.fromEntries(recorded.map((file) => [file.path, file.sha256]))).toEqual(checksums);
    expect(checksums['tagmanifest-sha256.txt']).toBe(row.tagmanifest_sha_256);
    const {
      school: _school,
      description: _description,
      ...data
    } = JSON.parse(fs.readFileSync(path.join(bag, 'data', 'journal.json'), 'utf8'));
    expect(sha256(JSON.stringify(data))).toBe(row.source_digest);
  }
};

/**
 * A second process that takes SQLite's write lock over and over (20 ms held, 30 ms free) for at
 * most `durationMs`; it prints a dot per transaction, so `transactions()` counts them.
 */
const lockingWriter = (filename: string, durationMs: number) => {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1], { timeout: 10000 });
    const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    for (const end = Date.now() + Number(process.argv[2]); Date.now() < end; pause(30)) {
      db.prepare('BEGIN IMMEDIATE').run();
      pause(20);
      db.prepare('COMMIT').run();
      process.stdout.write('.');
    }`;
  const child = spawn(process.execPath, ['-e', script, filename, String(durationMs)], {
    cwd: APP_DIR,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let dots = 0;
  child.stdout.on('data', (chunk: Buffer) => (dots += chunk.length));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    transactions: () => dots,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
};

beforeAll(async () => {
  const seeding = await bootStrapi();
  if (!usesPostgres) {
    const knex = seeding.db.connection;
    const first = async (sql: string) => Object.values(((await knex.raw(sql)) as Array<Record<string, unknown>>)[0])[0];
    pragmas = {
      journalMode: await first('PRAGMA journal_mode'),
      busyTimeout: await first('PRAGMA busy_timeout'),
      synchronous: await first('PRAGMA synchronous'),
    };
  }
  school = await buildArchiveSchool(seeding);
  deputyJwt = (await createAccount(seeding, 'deputy-director', 'crash-deputy')).jwt;
  await adminLogin(seeding, { email: ADMIN_EMAIL });
  connection = { ...(seeding.config.get('database.connection.connection') as typeof connection) };
  await stopStrapi(seeding, { keepDatabase: true });
  serverEnv = {
    ...(usesPostgres ? { DATABASE_NAME: connection.database as string } : { DATABASE_FILENAME: connection.filename as string }),
    ARCHIVE_PRIMARY_DIR: school.locations.primary,
    ARCHIVE_SECONDARY_DIR: school.locations.secondary,
  };
  db = openDatabase();
});

afterAll(async () => {
  await killAllServers();
  await db?.destroy();
  if (verifier) await stopStrapi(verifier);
  else if (connection) await dropDatabase(connection);
});

describe('SQLite', () => {
  (usesPostgres ? it.skip : it)('runs with a write-ahead log and a busy timeout, so writes of several processes queue', () => {
    expect(pragmas).toEqual({ journalMode: 'wal', busyTimeout: 10000, synchronous: 1 });
  });
});

describe('kill -9 during a burst of mark entry', () => {
  const CLIENTS = 6;
  const KILL_AFTER = 60;
  const PER_CLIENT = 40;

  it('keeps every acknowledged mark, whole and in the audit trail, after a restart', async () => {
    server = await startServer(serverEnv);
    const [ivanov, petrova, sidorov] = school.pupils5a;
    const pupils = [ivanov, petrova, sidorov];
    const [sep2, sep3] = school.lessons;
    let killing: Promise<void> | undefined;
    const client = async (index: number) => {
      for (let n = 0; n < PER_CLIENT && !killing; n += 1) {
        const comment = `burst:${index}:${n}`;
        try {
          const response = await call('POST', '/api/marks', school.teacher.jwt, {
            data: {
              kind: 'current',
              journal: school.mathJournal.documentId,
              lesson: (n % 2 ? sep3 : sep2).documentId,
              student: pupils[(index + n) % pupils.length].documentId,
              value: String(2 + ((index + n) % 4)),
              comment,
            },
          });
          if (response.status >= 200 && response.status < 300) acknowledged.set(comment, response.body.data.documentId);
          else throw new Error(`${response.status} ${JSON.stringify(response.body)}`);
        } catch (error) {
          // Only a request cut off by the kill may fail.
          if (!killing) throw error;
          unanswered += 1;
        }
        if (acknowledged.size >= KILL_AFTER && !killing) killing = killServer(server);
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, index) => client(index)));
    await killing;
    expect(killing).toBeDefined();
    expect(server.child.signalCode).toBe('SIGKILL');

    server = await startServer(serverEnv);
    const stored = await call(
      'GET',
      '/api/marks?populate[student][fields][0]=documentId&populate[lesson][fields][0]=documentId&populate[journal][fields][0]=documentId&pagination[pageSize]=500',
      deputyJwt,
    );
    expect(stored.status).toBe(200);
    const all = stored.body.data as Array<{
      documentId: string;
      comment: string | null;
      numericValue: number;
      date: string;
      student: unknown;
      lesson: unknown;
      journal: unknown;
    }>;
    const marks = all.filter((mark) => mark.comment?.startsWith('burst:'));
    const byComment = new Map(marks.map((mark) => [mark.comment, mark]));
    // Every acknowledged write is there…
    for (const [comment, documentId] of acknowledged) expect(byComment.get(comment)?.documentId).toBe(documentId);
    // …and beyond them at most the requests the kill cut off (committed, but never answered).
    expect(marks.length - acknowledged.size).toBeGreaterThanOrEqual(0);
    expect(marks.length - acknowledged.size).toBeLessThanOrEqual(unanswered);
    // No mark lost its relations or derived fields.
    for (const mark of marks) {
      expect(mark).toMatchObject({ student: expect.any(Object), lesson: expect.any(Object), journal: expect.any(Object) });
      expect(mark.numericValue).toEqual(expect.any(Number));
      expect(mark.date).toMatch(/^2025-09-0[23]$/);
    }
    // Exactly one audit entry per stored mark, none for a mark that is not there, and the chain verifies.
    const audit = await call(
      'GET',
      '/api/audit-entries?filters[recordType][$eq]=api::mark.mark&filters[action][$eq]=create&fields[0]=recordDocumentId&pagination[pageSize]=500',
      deputyJwt,
    );
    expect(audit.status).toBe(200);
    const audited = (audit.body.data as Array<{ recordDocumentId: string }>).map((entry) => entry.recordDocumentId).sort();
    expect(audited).toEqual(all.map((mark) => mark.documentId).sort());
    const verify = await call('GET', '/api/audit-entries/verify', deputyJwt);
    expect(verify.body.data).toMatchObject({ intact: true });
    // The restarted server takes new marks.
    const after = await call('POST', '/api/marks', school.teacher.jwt, {
      data: { kind: 'current', journal: school.mathJournal.documentId, lesson: sep2.documentId, student: ivanov.documentId, value: '5' },
    });
    expect(after.status).toBe(201);
  });
});

describe('kill -9 during a quarter close', () => {
  it('leaves no package complete that is not, and a re-run finishes with the same packages', async () => {
    const quarter = school.quarters[0];
    const token = await adminToken();
    const closing = call('POST', `/records-archive/periods/${quarter.documentId}/close`, token, { authorisedBy: 'Архивариус' }).then(
      (response) => `answered ${response.status}`,
      (error: Error) => `cut off: ${error.message}`,
    );
    // Kill as soon as the first package is complete: the others are still being built.
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const complete = await (db as Knex)('records_archive_packages').where({ state: 'complete' }).count({ n: '*' });
      if (Number(complete[0].n) > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await killServer(server);
    expect(await closing).toMatch(/^cut off/);

    const crashed = await packageRows();
    const completeAtCrash = crashed.filter((row) => row.state === 'complete');
    expect(completeAtCrash.length).toBeGreaterThanOrEqual(1);
    expect(completeAtCrash.length).toBeLessThan(3);
    expect(await periodState(quarter.documentId)).toBe('open');
    for (const row of completeAtCrash) expectIntact(row);

    server = await startServer(serverEnv);
    const admin = await adminToken();
    const rerun = await call('POST', `/records-archive/periods/${quarter.documentId}/close`, admin, { authorisedBy: 'Архивариус' });
    expect({ status: rerun.status, error: rerun.body?.error }).toEqual({ status: 200, error: undefined });
    expect(rerun.body.data).toMatchObject({ alreadyClosed: false, studyPeriod: { state: 'closed' } });

    const finished = await packageRows();
    expect(finished.map((row) => [row.bag_path, row.state])).toEqual([
      ['2025-2026/quarter-1/1A', 'complete'],
      ['2025-2026/quarter-1/5A', 'complete'],
      ['2025-2026/quarter-1/5B', 'complete'],
    ]);
    for (const row of finished) expectIntact(row);
    // What was complete before the crash was kept, not rebuilt.
    for (const row of completeAtCrash) {
      expect(finished.find((candidate) => candidate.document_id === row.document_id)).toMatchObject({
        version: row.version,
        tagmanifest_sha_256: row.tagmanifest_sha_256,
      });
    }
    // The crashed run does not stay «running» for ever.
    const runs = await (db as Knex)('records_archive_closing_runs').where({ kind: 'period-closing' }).orderBy('id').select('state');
    expect(runs.map((run: { state: string }) => run.state)).toEqual(['failed', 'complete']);
    // The application's own integrity check agrees.
    const fixity = await call('POST', '/records-archive/fixity-checks', admin, {});
    expect(fixity.body.data).toMatchObject({ state: 'passed', packagesChecked: 3, damagedCopies: 0 });

    // Closing again changes nothing: the same data gives the same source digests, so no new versions.
    const again = await call('POST', `/records-archive/periods/${quarter.documentId}/close`, admin, { authorisedBy: 'Архивариус' });
    expect(again.status).toBe(200);
    expect(again.body.data.alreadyClosed).toBe(true);
    expect(await packageRows()).toEqual(finished);
  });
});

describe('a bounded load on loopback', () => {
  const REQUESTS = 300;
  const CONCURRENCY = 8;
  const TIME_LIMIT_MS = 20_000;

  it('answers every request (on SQLite while another process takes the write lock now and then)', async () => {
    const quarter2Lesson = school.lessons[2];
    // Another process writing to the same SQLite file meanwhile: short write transactions, 20 ms
    // each, 30 ms apart, for a bounded time; the server's writes wait for them (busy timeout).
    const writer = usesPostgres ? null : lockingWriter(connection.filename as string, TIME_LIMIT_MS);
    const started = Date.now();
    const statuses = new Map<number, number>();
    let issued = 0;
    const worker = async () => {
      while (issued < REQUESTS && Date.now() - started < TIME_LIMIT_MS) {
        const n = (issued += 1);
        const response =
          n % 3 === 0
            ? await call('POST', '/api/marks', school.teacher.jwt, {
                data: {
                  kind: 'current',
                  journal: school.mathJournal.documentId,
                  lesson: quarter2Lesson.documentId,
                  student: school.pupils5a[n % 3].documentId,
                  value: '4',
                  comment: `load:${n}`,
                },
              })
            : await call(
                'GET',
                `/api/marks?filters[journal][documentId][$eq]=${school.mathJournal.documentId}&pagination[pageSize]=100`,
                school.teacher.jwt,
              );
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
    };
    try {
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    } finally {
      await writer?.stop();
    }
    const transactions = writer?.transactions() ?? 0;
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `load: ${issued} requests in ${seconds.toFixed(1)} s (${(issued / seconds).toFixed(0)}/s), statuses ${JSON.stringify([...statuses])}; ${transactions} write transactions of another process`,
    );
    const refused = [...statuses.keys()].filter((status) => status >= 300);
    const serverLog = refused.length ? (server as ServerProcess).output().slice(-3000) : '';
    expect({ refused, serverLog }).toEqual({ refused: [], serverLog: '' });
    expect(issued).toBeGreaterThan(0);
  });
});

describe('after the crashes', () => {
  it('the audit trail verifies and no mark is missing a relation (checked in a fresh process)', async () => {
    await stopServer(server);
    verifier = await createStrapi({ appDir: APP_DIR, distDir: path.join(APP_DIR, 'dist') }).load();
    expect(await verifyAuditTrail(verifier)).toMatchObject({ intact: true });
    const marks = (await verifier.db.query('api::mark.mark').findMany({
      populate: { student: { select: ['id'] }, journal: { select: ['id'] }, lesson: { select: ['id'] }, studyPeriod: { select: ['id'] } },
    })) as Array<{ kind: string; student: unknown; journal: unknown; lesson: unknown; studyPeriod: unknown }>;
    const current = marks.filter((mark) => mark.kind === 'current');
    expect(current.length).toBeGreaterThan(acknowledged.size);
    expect(current.filter((mark) => !mark.student || !mark.journal || !mark.lesson || !mark.studyPeriod)).toEqual([]);
  });
});
