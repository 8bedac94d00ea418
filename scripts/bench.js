#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: the figures of issue 9 («Benchmarks») on a scratch copy of the demo school.
 *
 *   node scripts/bench.js [--students 1000] [--seed 1] [--runs 50] [--posts 1000] [--clients 20] [--keep]
 *
 * - compiles the app and loads Strapi on a new SQLite file .tmp/bench-<timestamp>.db (deleted at the
 *   end unless --keep), with the archive in a temporary directory (always deleted);
 * - generates the school (src/demo, generateSchool), creates a deputy director, a teacher of one
 *   journal and a parent of one of its pupils, and serves HTTP on 127.0.0.1 on a free port;
 * - measures over loopback with a fixed number of requests: a journal page read the stock-Strapi way,
 *   a pupil's diary for a quarter, the analytics summary of the whole school and a class's pupil
 *   report (each beside the bare SQL it is built on), concurrent mark entry; then closes one
 *   quarter for the whole school through the records-archive plugin;
 * - prints a table and writes the same as JSON to bench-results/bench-<timestamp>.json.
 * Nothing is asserted: the figures are reported next to their baselines and the targets of issue 9.
 * See docs/benchmarks.md.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { Worker } = require('worker_threads');
const { ensureEnv } = require('./ensure-env');
const { httpClient, ms } = require('./bench-http');

const APP_DIR = path.resolve(__dirname, '..');

const USAGE = `Usage: node scripts/bench.js [--students N] [--seed N] [--runs N] [--posts N] [--clients N] [--keep]

  --students N   pupils in the generated school (default 1000)
  --seed N       seed of the generator (default 1)
  --runs N       timed runs of each read (default 50, after 5 warm-up runs)
  --posts N      marks posted in the mark-entry figure (default 1000)
  --clients N    concurrent clients posting marks (default 20)
  --keep         keep the scratch database .tmp/bench-<timestamp>.db
  --no-fast-path post every mark through the document service (the fast path of current marks off)
  --profile-marks FILE  write a CPU profile (.cpuprofile) of the mark-entry burst only
  --profile-sql  print the SQL statements of the mark-entry burst: count per post and time, by statement`;

const parseArgs = (argv) => {
  const options = {
    students: 1000,
    seed: 1,
    runs: 50,
    posts: 1000,
    clients: 20,
    keep: false,
    noFastPath: false,
    profileMarks: null,
    profileSql: false,
    help: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const [name, inline] = arg.split('=', 2);
    const integer = (min) => {
      const raw = inline ?? argv[(i += 1)];
      if (raw === undefined || !/^\d+$/.test(raw)) throw new Error(`${name} needs a whole number, got "${raw ?? ''}"`);
      if (Number(raw) < min) throw new Error(`${name} must be at least ${min}`);
      return Number(raw);
    };
    if (name === '--students') options.students = integer(11);
    else if (name === '--seed') options.seed = integer(0);
    else if (name === '--runs') options.runs = integer(1);
    else if (name === '--posts') options.posts = integer(1);
    else if (name === '--clients') options.clients = integer(1);
    else if (name === '--keep') options.keep = true;
    else if (name === '--no-fast-path') options.noFastPath = true;
    else if (name === '--profile-sql') options.profileSql = true;
    else if (name === '--profile-marks') {
      options.profileMarks = inline ?? argv[(i += 1)];
      if (!options.profileMarks) throw new Error('--profile-marks needs a file name');
    } else if (name === '--help' || name === '-h') options.help = true;
    else throw new Error(`Unknown option ${arg}\n\n${USAGE}`);
  }
  return options;
};

/**
 * Times every SQL statement knex runs until \`report(posts)\`, which prints them grouped by text
 * (parameters left out): how many per post, and their total and mean time (query to response).
 */
const profileSql = (knex) => {
  const started = new Map();
  const byText = new Map();
  const onQuery = (query) => started.set(query.__knexQueryUid, process.hrtime.bigint());
  const onResponse = (_response, query) => {
    const start = started.get(query.__knexQueryUid);
    if (start === undefined) return;
    started.delete(query.__knexQueryUid);
    const entry = byText.get(query.sql) ?? { count: 0, ms: 0 };
    entry.count += 1;
    entry.ms += Number(process.hrtime.bigint() - start) / 1e6;
    byText.set(query.sql, entry);
  };
  knex.on('query', onQuery);
  knex.on('query-response', onResponse);
  return {
    report(posts, unit = 'post') {
      knex.removeListener('query', onQuery);
      knex.removeListener('query-response', onResponse);
      const rows = [...byText].sort((a, b) => b[1].ms - a[1].ms);
      const count = rows.reduce((sum, [, entry]) => sum + entry.count, 0);
      const total = rows.reduce((sum, [, entry]) => sum + entry.ms, 0);
      console.log(`  SQL of mark entry: ${(count / posts).toFixed(1)} statements and ${(total / posts).toFixed(2)} ms per ${unit}`);
      for (const [sql, entry] of rows) {
        const text = sql.length > 150 ? `${sql.slice(0, 150)}…` : sql;
        console.log(
          `    ${(entry.count / posts).toFixed(2).padStart(5)}/${unit} ${(entry.ms / entry.count).toFixed(3).padStart(7)} ms  ${text}`,
        );
      }
    },
  };
};

/** Starts V8's CPU profiler in this process (server and clients share it); \`stop(file)\` writes the profile. */
const startCpuProfile = async () => {
  const inspector = require('inspector');
  const session = new inspector.Session();
  session.connect();
  const post = (method, params) =>
    new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await post('Profiler.stop');
      session.disconnect();
      fs.writeFileSync(file, JSON.stringify(profile));
      return file;
    },
  };
};

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');
const round = (value, digits = 1) => (value === null || value === undefined ? null : Number(value.toFixed(digits)));

/** The value below which the given share of the sorted samples lies (nearest rank). */
const percentile = (samples, share) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))];
};
const stats = (samples) => ({
  median: round(percentile(samples, 0.5), 2),
  p95: round(percentile(samples, 0.95), 2),
  runs: samples.length,
});

/** Times `run` `runs` times after a few warm-up calls; returns the samples in milliseconds. */
const timeRuns = async (runs, run) => {
  for (let i = 0; i < 5; i += 1) await run();
  const samples = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    await run();
    samples.push(ms(start));
  }
  return samples;
};

/** Throws with the response body when the status is not 2xx. */
const expectOk = (what, response) => {
  if (response.status < 200 || response.status >= 300) {
    throw new Error(`${what}: HTTP ${response.status} ${response.text.slice(0, 500)}`);
  }
  return response.json;
};

/** Table and column names of a relation with a link table, from Strapi's database metadata. */
const linkOf = (app, uid, attribute) => {
  const join = app.db.metadata.get(uid).attributes[attribute].joinTable;
  if (!join) throw new Error(`${uid}.${attribute} has no link table`);
  return { table: join.name, own: join.joinColumn.name, other: join.inverseJoinColumn.name };
};
const tableOf = (app, uid) => app.db.metadata.get(uid).tableName;
const columnOf = (app, uid, attribute) => {
  const meta = app.db.metadata.get(uid).attributes[attribute];
  return (meta && meta.columnName) || attribute;
};

/**
 * The bare-SQL baselines: the same rows the REST reads return, by knex on Strapi's connection —
 * marks joined through their link tables to the journal, period, lesson and pupil.
 */
const sqlQueries = (app) => {
  const knex = app.db.connection;
  const MARK = 'api::mark.mark';
  const LESSON = 'api::lesson.lesson';
  const marks = tableOf(app, MARK);
  const journals = tableOf(app, 'api::journal.journal');
  const periods = tableOf(app, 'api::study-period.study-period');
  const students = tableOf(app, 'api::student.student');
  const lessons = tableOf(app, LESSON);
  const docId = columnOf(app, MARK, 'documentId');
  const fullName = columnOf(app, 'api::student.student', 'fullName');
  const mj = linkOf(app, MARK, 'journal');
  const mp = linkOf(app, MARK, 'studyPeriod');
  const ms_ = linkOf(app, MARK, 'student');
  const ml = linkOf(app, MARK, 'lesson');
  const lj = linkOf(app, LESSON, 'journal');
  const lp = linkOf(app, LESSON, 'studyPeriod');

  const marksOf = () =>
    knex(`${marks} as m`)
      .join(`${mp.table} as mp`, `mp.${mp.own}`, 'm.id')
      .join(`${periods} as p`, 'p.id', `mp.${mp.other}`)
      .leftJoin(`${ms_.table} as ms`, `ms.${ms_.own}`, 'm.id')
      .leftJoin(`${students} as s`, 's.id', `ms.${ms_.other}`)
      .leftJoin(`${ml.table} as ml`, `ml.${ml.own}`, 'm.id');

  return {
    /** The journal page: the marks of one journal and period with the pupil's name, and the lessons. */
    async journalPage(journalDocumentId, periodDocumentId) {
      const markRows = await marksOf()
        .join(`${mj.table} as mj`, `mj.${mj.own}`, 'm.id')
        .join(`${journals} as j`, 'j.id', `mj.${mj.other}`)
        .where(`j.${docId}`, journalDocumentId)
        .andWhere(`p.${docId}`, periodDocumentId)
        .select('m.*', `s.${docId} as student_document_id`, `s.${fullName} as student_full_name`, `ml.${ml.other} as lesson_id`)
        .orderBy('m.id');
      const lessonRows = await knex(`${lessons} as l`)
        .join(`${lj.table} as lj`, `lj.${lj.own}`, 'l.id')
        .join(`${journals} as j`, 'j.id', `lj.${lj.other}`)
        .join(`${lp.table} as lp`, `lp.${lp.own}`, 'l.id')
        .join(`${periods} as p`, 'p.id', `lp.${lp.other}`)
        .where(`j.${docId}`, journalDocumentId)
        .andWhere(`p.${docId}`, periodDocumentId)
        .select('l.*')
        .orderBy('l.id');
      return { marks: markRows.length, lessons: lessonRows.length };
    },
    /** The diary: one pupil's marks in one period with the subject of their journal. */
    async diary(studentDocumentId, periodDocumentId) {
      const subjects = tableOf(app, 'api::subject.subject');
      const js = linkOf(app, 'api::journal.journal', 'subject');
      const rows = await marksOf()
        .join(`${mj.table} as mj`, `mj.${mj.own}`, 'm.id')
        .join(`${js.table} as js`, `js.${js.own}`, `mj.${mj.other}`)
        .join(`${subjects} as sub`, 'sub.id', `js.${js.other}`)
        .where(`s.${docId}`, studentDocumentId)
        .andWhere(`p.${docId}`, periodDocumentId)
        .select('m.*', `sub.${columnOf(app, 'api::subject.subject', 'name')} as subject_name`)
        .orderBy('m.id');
      return { marks: rows.length };
    },
    /** Current marks of a journal in a period as (pupil, lesson, value) triples: valid pairs to post. */
    async markPairs(journalId, periodId) {
      return knex(`${marks} as m`)
        .join(`${mj.table} as mj`, `mj.${mj.own}`, 'm.id')
        .join(`${mp.table} as mp`, `mp.${mp.own}`, 'm.id')
        .join(`${ms_.table} as ms`, `ms.${ms_.own}`, 'm.id')
        .join(`${students} as s`, 's.id', `ms.${ms_.other}`)
        .join(`${ml.table} as ml`, `ml.${ml.own}`, 'm.id')
        .join(`${lessons} as l`, 'l.id', `ml.${ml.other}`)
        .where(`mj.${mj.other}`, journalId)
        .andWhere(`mp.${mp.other}`, periodId)
        .andWhere('m.kind', 'current')
        .select(`s.${docId} as student`, `l.${docId} as lesson`, 'm.value as value')
        .limit(2000);
    },
  };
};

/**
 * The bare SQL under the analytics reports: per pupil × journal, the weighted sums of the current
 * marks of a period (weight as stored) and the period marks, for this quarter and the previous one;
 * for one class, only its pupils, plus their absences. Returns the number of rows read.
 */
const analyticsBaseline = (app) => {
  const knex = app.db.connection;
  const MARK = 'api::mark.mark';
  const marks = tableOf(app, MARK);
  const ms_ = linkOf(app, MARK, 'student');
  const mj = linkOf(app, MARK, 'journal');
  const mp = linkOf(app, MARK, 'studyPeriod');
  const col = (name) => columnOf(app, MARK, name);
  const es = linkOf(app, 'api::enrollment.enrollment', 'student');
  const ec = linkOf(app, 'api::enrollment.enrollment', 'schoolClass');
  const as = linkOf(app, 'api::attendance.attendance', 'student');
  /** The pupils of a class, read first: the mark queries then go in by the pupil link, as the service's do. */
  const pupilsOf = async (classId) =>
    (
      await knex(`${ec.table} as ec`)
        .join(`${es.table} as es`, `es.${es.own}`, `ec.${ec.own}`)
        .where(`ec.${ec.other}`, classId)
        .distinct(`es.${es.other} as id`)
    ).map((row) => row.id);
  const grouped = (periodId, pupils) => {
    const byPeriod = (query) =>
      pupils
        ? query.whereRaw('+?? = ?', [`mp.${mp.other}`, periodId]).whereIn(`ms.${ms_.other}`, pupils)
        : query.where(`mp.${mp.other}`, periodId);
    const sums = byPeriod(
      knex(`${marks} as m`)
        .join(`${mp.table} as mp`, `mp.${mp.own}`, 'm.id')
        .join(`${ms_.table} as ms`, `ms.${ms_.own}`, 'm.id')
        .join(`${mj.table} as mj`, `mj.${mj.own}`, 'm.id'),
    )
      .andWhere(`m.${col('kind')}`, 'current')
      .whereNotNull(`m.${col('numericValue')}`)
      .groupBy(`ms.${ms_.other}`, `mj.${mj.other}`)
      .select(`ms.${ms_.other} as student`, `mj.${mj.other} as journal`)
      .select(knex.raw(`SUM(m.${col('numericValue')} * m.${col('weight')}) as s, SUM(m.${col('weight')}) as w, COUNT(*) as n`));
    const periodMarks = byPeriod(
      knex(`${marks} as m`)
        .join(`${mp.table} as mp`, `mp.${mp.own}`, 'm.id')
        .join(`${ms_.table} as ms`, `ms.${ms_.own}`, 'm.id')
        .join(`${mj.table} as mj`, `mj.${mj.own}`, 'm.id'),
    )
      .andWhere(`m.${col('kind')}`, 'periodic')
      .select(`ms.${ms_.other} as student`, `mj.${mj.other} as journal`, `m.${col('value')} as value`);
    return Promise.all([sums, periodMarks]);
  };
  return {
    async summary(quarter, previous, classId) {
      let rows = 0;
      const pupils = classId === null ? null : await pupilsOf(classId);
      for (const period of previous ? [quarter, previous] : [quarter]) {
        const [sums, periodMarks] = await grouped(period.id, pupils);
        rows += sums.length + periodMarks.length;
      }
      if (pupils !== null) {
        const absences = await knex(`${tableOf(app, 'api::attendance.attendance')} as a`)
          .join(`${as.table} as ast`, `ast.${as.own}`, 'a.id')
          .whereIn(`ast.${as.other}`, pupils)
          .andWhere(`a.${columnOf(app, 'api::attendance.attendance', 'date')}`, '>=', quarter.startDate)
          .andWhere(`a.${columnOf(app, 'api::attendance.attendance', 'date')}`, '<=', quarter.endDate)
          .groupBy(`ast.${as.other}`, `a.${columnOf(app, 'api::attendance.attendance', 'kind')}`)
          .select(`ast.${as.other} as student`)
          .count({ n: '*' });
        rows += absences.length;
      }
      return rows;
    },
  };
};

/**
 * A quarter and a journal in it with the most current marks among the quarter-scheme classes of
 * the middle grades: a typical busy journal page.
 */
const pickJournal = async (app) => {
  const quarters = await app.db
    .query('api::study-period.study-period')
    .findMany({ where: { scheme: 'quarter' }, orderBy: { number: 'asc' } });
  if (quarters.length === 0) throw new Error('The generated school has no quarters');
  const quarter = quarters.find((period) => period.number === 2) || quarters[0];
  const journals = await app.db.query('api::journal.journal').findMany({
    populate: { schoolClass: { select: ['id', 'name', 'grade'] }, subject: { select: ['id', 'name'] } },
  });
  const mp = linkOf(app, 'api::mark.mark', 'studyPeriod');
  const mj = linkOf(app, 'api::mark.mark', 'journal');
  const counts = await app.db
    .connection(`${mj.table} as mj`)
    .join(`${mp.table} as mp`, `mp.${mp.own}`, `mj.${mj.own}`)
    .where(`mp.${mp.other}`, quarter.id)
    .groupBy(`mj.${mj.other}`)
    .select(`mj.${mj.other} as journal`)
    .count({ marks: '*' });
  const marksOf = new Map(counts.map((row) => [Number(row.journal), Number(row.marks)]));
  const candidates = journals
    .filter((journal) => journal.schoolClass && journal.schoolClass.grade >= 5 && journal.schoolClass.grade <= 9)
    .sort((a, b) => (marksOf.get(b.id) || 0) - (marksOf.get(a.id) || 0));
  const journal = candidates[0];
  if (!journal || !marksOf.get(journal.id)) throw new Error(`No journal of grades 5–9 has marks in ${quarter.title}`);
  return { quarter, quarters, journal, marks: marksOf.get(journal.id) };
};

/** Creates a confirmed users-permissions account with the given role type and returns its JWT. */
const createAccount = async (app, roleType, username) => {
  const role = await app.db.query('plugin::users-permissions.role').findOne({ where: { type: roleType } });
  if (!role) throw new Error(`No users-permissions role ${roleType}`);
  const user = await app
    .plugin('users-permissions')
    .service('user')
    .add({
      username,
      email: `${username}@bench.test`,
      password: 'Bench-pass-123',
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: role.id,
    });
  const jwt = app.plugin('users-permissions').service('jwt').issue({ id: user.id });
  return { id: user.id, documentId: user.documentId, jwt };
};

const runBench = async (app, options, distDir) => {
  const results = { figures: [] };
  const figure = (row) => {
    results.figures.push(row);
    return row;
  };

  // 4. The generator.
  const demo = require(path.join(distDir, 'src', 'demo'));
  console.log(`Generating the school: ${options.students} pupils, seed ${options.seed}…`);
  const summary = await demo.generateSchool(app, { students: options.students, seed: options.seed, log: false });
  results.school = { academicYear: summary.academicYear, state: summary.state, counts: summary.counts, seconds: summary.seconds };
  console.log(
    `  ${summary.academicYear}: ${summary.counts.students} pupils, ${summary.counts.journals} journals, ` +
      `${summary.counts.lessons} lessons, ${summary.counts.marks} marks in ${summary.seconds} s`,
  );

  const { quarter, quarters, journal, marks: journalMarks } = await pickJournal(app);
  const sql = sqlQueries(app);
  console.log(
    `  journal page: ${journal.schoolClass.name} ${journal.subject ? journal.subject.name : ''}, ${quarter.title} (${journalMarks} marks)`,
  );

  // Accounts.
  const deputy = await createAccount(app, 'deputy-director', 'bench.deputy');
  const teacher = await createAccount(app, 'teacher', 'bench.teacher');
  await app.documents('api::journal.journal').update({
    documentId: journal.documentId,
    data: { teachers: { connect: [teacher.documentId] } },
  });
  const pairs = await sql.markPairs(journal.id, quarter.id);
  if (pairs.length === 0) throw new Error('The chosen journal has no current marks to derive valid posts from');
  const pupil = await app.db.query('api::student.student').findOne({
    where: { documentId: pairs[0].student },
    populate: { guardians: { select: ['id', 'documentId'] } },
  });
  if (!pupil || pupil.guardians.length === 0) throw new Error(`Pupil ${pairs[0].student} has no guardian to link a parent to`);
  const parent = await createAccount(app, 'parent', 'bench.parent');
  await app.db.query('api::guardian.guardian').update({ where: { id: pupil.guardians[0].id }, data: { user: parent.id } });

  // HTTP on loopback, on a port the system picks.
  await app.server.mount();
  const server = app.server.httpServer;
  // The client keeps its sockets between phases; the bare-SQL baselines in between can take longer
  // than Node's 5 s keep-alive timeout, after which the server would drop a socket under a request.
  server.keepAliveTimeout = 10 * 60 * 1000;
  server.headersTimeout = server.keepAliveTimeout + 1000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  console.log(`  serving on http://127.0.0.1:${port}`);
  const client = httpClient(port, Math.max(options.clients, 1));

  try {
    // Sanity: the deputy reads the journal (the whole school is theirs).
    expectOk('deputy reads the journal', await client.request('GET', `/api/journals/${journal.documentId}`, deputy.jwt));

    // 1. The journal page the stock-Strapi way, as the teacher.
    const q = (params) => params.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&');
    const marksUrl = (page) =>
      `/api/marks?${q([
        ['filters[journal][documentId][$eq]', journal.documentId],
        ['filters[studyPeriod][documentId][$eq]', quarter.documentId],
        ['pagination[pageSize]', '500'],
        ['pagination[page]', String(page)],
        ['populate[student][fields][0]', 'fullName'],
      ])}`;
    const lessonsUrl = `/api/lessons?${q([
      ['filters[journal][documentId][$eq]', journal.documentId],
      ['filters[studyPeriod][documentId][$eq]', quarter.documentId],
      ['pagination[pageSize]', '500'],
    ])}`;
    const restPage = async () => {
      let page = 1;
      let count = 0;
      for (;;) {
        const body = expectOk('GET /api/marks as the teacher', await client.request('GET', marksUrl(page), teacher.jwt));
        count += body.data.length;
        if (page >= body.meta.pagination.pageCount) break;
        page += 1;
      }
      const lessons = expectOk('GET /api/lessons as the teacher', await client.request('GET', lessonsUrl, teacher.jwt));
      return { marks: count, lessons: lessons.data.length };
    };
    const restShape = await restPage();
    const sqlShape = await sql.journalPage(journal.documentId, quarter.documentId);
    if (restShape.marks !== sqlShape.marks || restShape.lessons !== sqlShape.lessons) {
      console.warn(`  warning: REST returned ${JSON.stringify(restShape)}, SQL ${JSON.stringify(sqlShape)}`);
    }
    console.log(`Journal page: ${restShape.marks} marks, ${restShape.lessons} lessons; ${options.runs} runs each…`);
    const pageRest = stats(await timeRuns(options.runs, restPage));
    const pageSql = stats(await timeRuns(options.runs, () => sql.journalPage(journal.documentId, quarter.documentId)));
    results.journalPage = { rest: pageRest, sql: pageSql, rows: restShape, journal: journal.documentId, period: quarter.documentId };
    figure({
      figure: 'journal page, stock Strapi REST (marks+lessons), median ms',
      value: pageRest.median,
      baseline: pageSql.median,
      target: null,
    });
    figure({ figure: 'journal page, stock Strapi REST (marks+lessons), p95 ms', value: pageRest.p95, baseline: pageSql.p95, target: null });

    // 1b. The same page through our grid endpoint: pupils, lessons, marks, attendance, period marks,
    // averages and remarks in one request (what the admin «Журнал» page loads).
    const gridUrl = `/api/journal-grid/${journal.documentId}?period=${encodeURIComponent(quarter.documentId)}`;
    const gridBody = expectOk('GET the journal grid as the teacher', await client.request('GET', gridUrl, teacher.jwt));
    const gridMarks = gridBody.data.cells.reduce((total, cell) => total + cell.marks.length, 0) + gridBody.data.periodMarks.length;
    console.log(`Journal grid: ${gridBody.data.pupils.length} pupils × ${gridBody.data.lessons.length} lessons, ${gridMarks} marks…`);
    const pageGrid = stats(
      await timeRuns(options.runs, async () => expectOk('GET the journal grid', await client.request('GET', gridUrl, teacher.jwt))),
    );
    results.journalGrid = { rest: pageGrid, sql: pageSql, marks: gridMarks };
    figure({
      figure: 'journal page, grid endpoint (one request), median ms',
      value: pageGrid.median,
      baseline: pageSql.median,
      target: null,
    });
    figure({ figure: 'journal page, grid endpoint (one request), p95 ms', value: pageGrid.p95, baseline: pageSql.p95, target: '< 100' });
    figure({
      figure: 'journal page: stock REST / grid endpoint, median',
      value: Math.round((pageRest.median / pageGrid.median) * 10) / 10,
      baseline: null,
      target: null,
    });

    // 2. The diary for a quarter, as the parent.
    const diaryUrl = `/api/diary/${pupil.documentId}/marks?period=${encodeURIComponent(quarter.documentId)}`;
    expectOk('GET diary marks as the parent', await client.request('GET', diaryUrl, parent.jwt));
    const diaryRows = await sql.diary(pupil.documentId, quarter.documentId);
    console.log(`Diary: ${pupil.fullName}, ${quarter.title} (${diaryRows.marks} marks); ${options.runs} runs each…`);
    const diaryRest = stats(
      await timeRuns(options.runs, async () => expectOk('GET diary marks', await client.request('GET', diaryUrl, parent.jwt))),
    );
    const diarySql = stats(await timeRuns(options.runs, () => sql.diary(pupil.documentId, quarter.documentId)));
    results.diary = { rest: diaryRest, sql: diarySql, marks: diaryRows.marks, student: pupil.documentId };
    figure({ figure: 'diary for a quarter REST, median ms', value: diaryRest.median, baseline: diarySql.median, target: null });
    figure({ figure: 'diary for a quarter REST, p95 ms', value: diaryRest.p95, baseline: diarySql.p95, target: null });

    // 2b. Analytics (issue 8): the whole-school summary by class and one class's pupil report, as
    // the deputy director, each beside the bare SQL aggregates it is built on (the grouped sums of
    // current marks and the period marks of this quarter and the previous one; for the class also
    // the absences), without the rules that turn them into measures.
    const analyticsSql = analyticsBaseline(app);
    const summaryUrl = `/api/analytics/summary?groupBy=class&period=${encodeURIComponent(quarter.documentId)}`;
    const summaryBody = expectOk('GET the analytics summary as the deputy', await client.request('GET', summaryUrl, deputy.jwt));
    const previousQuarter = quarters.find((period) => period.number === quarter.number - 1) || null;
    const schoolRows = await analyticsSql.summary(quarter, previousQuarter, null);
    console.log(
      `Analytics: whole school ${summaryBody.data.groups.length} classes, ${summaryBody.data.total.current.results} results ` +
        `(${schoolRows} grouped rows); ${options.runs} runs each…`,
    );
    const summaryRest = stats(
      await timeRuns(options.runs, async () => expectOk('GET the analytics summary', await client.request('GET', summaryUrl, deputy.jwt))),
    );
    const summarySql = stats(await timeRuns(options.runs, () => analyticsSql.summary(quarter, previousQuarter, null)));
    console.log(`  whole-school summary: median ${summaryRest.median} ms (bare SQL ${summarySql.median} ms)`);
    const reportClass = await app.db
      .query('api::school-class.school-class')
      .findOne({ where: { id: journal.schoolClass.id }, select: ['id', 'documentId', 'name'] });
    const classUrl = `/api/analytics/pupils?period=${encodeURIComponent(quarter.documentId)}&class=${encodeURIComponent(reportClass.documentId)}`;
    const classBody = expectOk('GET the class report as the deputy', await client.request('GET', classUrl, deputy.jwt));
    console.log(`Analytics: class ${journal.schoolClass.name}, ${classBody.data.pupils.length} pupils…`);
    const classRest = stats(
      await timeRuns(options.runs, async () => expectOk('GET the class report', await client.request('GET', classUrl, deputy.jwt))),
    );
    const classSql = stats(await timeRuns(options.runs, () => analyticsSql.summary(quarter, previousQuarter, journal.schoolClass.id)));
    results.analytics = {
      summary: {
        rest: summaryRest,
        sql: summarySql,
        classes: summaryBody.data.groups.length,
        results: summaryBody.data.total.current.results,
      },
      classReport: { rest: classRest, sql: classSql, pupils: classBody.data.pupils.length, schoolClass: reportClass.documentId },
    };
    figure({
      figure: 'analytics, whole-school summary REST, median ms',
      value: summaryRest.median,
      baseline: summarySql.median,
      target: '< 1000',
    });
    figure({ figure: 'analytics, whole-school summary REST, p95 ms', value: summaryRest.p95, baseline: summarySql.p95, target: null });
    figure({ figure: 'analytics, class report REST, median ms', value: classRest.median, baseline: classSql.median, target: '< 1000' });
    figure({ figure: 'analytics, class report REST, p95 ms', value: classRest.p95, baseline: classSql.p95, target: null });

    // 3. Mark entry: N concurrent clients posting current marks for (pupil, lesson) pairs that
    // already carry a mark, so each pupil is on the class list on the lesson date.
    console.log(`Mark entry: ${options.posts} posts by ${options.clients} concurrent clients…`);
    const bodies = Array.from({ length: options.posts }, (_, index) => {
      const pair = pairs[index % pairs.length];
      return { data: { kind: 'current', journal: journal.documentId, lesson: pair.lesson, student: pair.student, value: pair.value } };
    });
    const profiler = options.profileMarks ? await startCpuProfile() : null;
    const sqlProfile = options.profileSql ? profileSql(app.db.connection) : null;
    // The clients post from a worker thread: the server's thread serves only (scripts/bench-http.js).
    const postFromWorker = (route, bodiesToPost) =>
      new Promise((resolve, reject) => {
        const clients = new Worker(path.join(__dirname, 'bench-http.js'), {
          workerData: { task: 'post-marks', port, jwt: teacher.jwt, bodies: bodiesToPost, clients: options.clients, route },
        });
        clients.once('message', (message) => (message.failed ? reject(new Error(message.failed)) : resolve(message)));
        clients.once('error', reject);
      });
    const burst = await postFromWorker('/api/marks', bodies);
    const { latencies, errors } = burst;
    const entrySeconds = burst.seconds;
    if (profiler) console.log(`  CPU profile of mark entry: ${await profiler.stop(options.profileMarks)}`);
    if (sqlProfile) sqlProfile.report(options.posts);
    const ok = options.posts - errors.length;
    // Baseline: the same rows inserted by bare SQL (the mark and its five links), one transaction per mark.
    const sqlEntry = await sqlInsertBaseline(app, journal, quarter, pairs, options);
    results.markEntry = {
      posts: options.posts,
      clients: options.clients,
      seconds: round(entrySeconds, 2),
      marksPerSecond: round(ok / entrySeconds),
      latency: stats(latencies),
      errors: errors.length,
      firstError: errors[0] || null,
      sqlBaseline: sqlEntry,
    };
    if (errors.length > 0) console.error(`  ${errors.length} errors; the first: ${errors[0]}`);
    figure({
      figure: 'mark entry, marks/s',
      value: ok / entrySeconds,
      baseline: sqlEntry.marksPerSecond,
      target: '> 300',
      higherIsBetter: true,
    });
    figure({ figure: 'mark entry, p95 ms', value: percentile(latencies, 0.95), baseline: sqlEntry.p95, target: null });
    figure({ figure: 'mark entry, errors', value: errors.length, baseline: null, target: '0' });

    // 3b. The same marks as lesson columns: each post carries the marks of one lesson of the journal
    // (`POST /api/marks/batch`), as a journal client saves what the teacher filled in for a lesson.
    // A column holds each pupil once: a mark of a pupil already in the lesson's open column starts a new one.
    const openColumns = new Map();
    const batches = [];
    for (const body of bodies) {
      let column = openColumns.get(body.data.lesson);
      if (!column || column.data.some((mark) => mark.student === body.data.student)) {
        column = { data: [] };
        openColumns.set(body.data.lesson, column);
        batches.push(column);
      }
      column.data.push(body.data);
    }
    const batchSizes = batches.map((batch) => batch.data.length);
    console.log(
      `Mark entry in lesson columns: ${options.posts} marks in ${batches.length} batches (${Math.min(...batchSizes)}–${Math.max(...batchSizes)} marks each) by ${options.clients} concurrent clients…`,
    );
    const batchSql = options.profileSql ? profileSql(app.db.connection) : null;
    const batchProfiler = options.profileMarks ? await startCpuProfile() : null;
    const batchBurst = await postFromWorker('/api/marks/batch', batches);
    if (batchProfiler) {
      const batchProfile = options.profileMarks.replace(/(\.cpuprofile)?$/, '-batch.cpuprofile');
      console.log(`  CPU profile of mark entry in lesson columns: ${await batchProfiler.stop(batchProfile)}`);
    }
    if (batchSql) batchSql.report(options.posts, 'mark');
    const batchRate = batchBurst.stored / batchBurst.seconds;
    results.markEntryBatch = {
      marks: options.posts,
      batches: batches.length,
      marksPerBatch: { min: Math.min(...batchSizes), median: percentile(batchSizes, 0.5), max: Math.max(...batchSizes) },
      clients: options.clients,
      seconds: round(batchBurst.seconds, 2),
      marksPerSecond: round(batchRate),
      latency: stats(batchBurst.latencies),
      errors: batchBurst.errors.length,
      firstError: batchBurst.errors[0] || null,
    };
    if (batchBurst.errors.length > 0) console.error(`  ${batchBurst.errors.length} errors; the first: ${batchBurst.errors[0]}`);
    figure({
      figure: 'mark entry in lesson columns (batch), marks/s',
      value: batchRate,
      baseline: sqlEntry.marksPerSecond,
      target: '> 300',
      higherIsBetter: true,
    });
    figure({
      figure: 'mark entry in lesson columns, p95 ms per batch',
      value: percentile(batchBurst.latencies, 0.95),
      baseline: null,
      target: null,
    });
    figure({ figure: 'mark entry in lesson columns, errors', value: batchBurst.errors.length, baseline: null, target: '0' });
  } finally {
    client.close();
    await new Promise((resolve) => server.close(resolve));
  }

  // 4. The generator, from its summary.
  const pupilsPerSecond = summary.counts.students / summary.seconds;
  const marksPerSecond = summary.counts.marks / summary.seconds;
  figure({ figure: 'generator, pupils/s', value: pupilsPerSecond, baseline: null, target: null, higherIsBetter: true });
  figure({ figure: 'generator, marks/s', value: marksPerSecond, baseline: null, target: null, higherIsBetter: true });
  figure({ figure: 'generator, rows/s', value: summary.rowsPerSecond, baseline: null, target: null, higherIsBetter: true });

  // 5. Closing the first quarter for the whole school.
  const closing = quarters[0];
  console.log(`Closing ${closing.title} for the whole school…`);
  let peakRss = process.memoryUsage().rss;
  const rssBefore = peakRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const closeStart = process.hrtime.bigint();
  let closeResult;
  try {
    closeResult = await app
      .plugin('records-archive')
      .service('period-closing')
      .closePeriod({ studyPeriodDocumentId: closing.documentId, authorisedBy: 'bench' });
  } finally {
    clearInterval(sampler);
  }
  const closeSeconds = ms(closeStart) / 1000;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  results.quarterClose = {
    studyPeriod: closing.documentId,
    title: closing.title,
    seconds: round(closeSeconds, 2),
    rssBeforeMiB: round(rssBefore / 2 ** 20),
    peakRssMiB: round(peakRss / 2 ** 20),
    processMaxRssMiB: round(process.resourceUsage().maxRSS / 1024),
    result: closeResult && {
      state: closeResult.studyPeriod && closeResult.studyPeriod.state,
      packages: Array.isArray(closeResult.packages) ? closeResult.packages.length : closeResult.packages,
    },
  };
  figure({ figure: 'quarter close, whole school, s', value: closeSeconds, baseline: null, target: '< 60' });
  figure({ figure: 'quarter close, peak RSS MiB', value: peakRss / 2 ** 20, baseline: null, target: null });

  // 6. The year-end summary sheets (сводные ведомости) of every class: a package per class.
  console.log(`Archiving the summary sheets of ${summary.academicYear} for the whole school…`);
  const year = await app.db.query('api::academic-year.academic-year').findOne({ where: { title: summary.academicYear } });
  const yearStart = process.hrtime.bigint();
  const yearResult = await app
    .plugin('records-archive')
    .service('period-closing')
    .archiveSchoolYear({ academicYearDocumentId: year.documentId, authorisedBy: 'bench' });
  const yearSeconds = ms(yearStart) / 1000;
  results.yearSummary = { seconds: round(yearSeconds, 2), packages: yearResult.packages.length };
  figure({
    figure: `year-end summary sheets, whole school (${yearResult.packages.length} classes), s`,
    value: yearSeconds,
    baseline: null,
    target: null,
  });

  // 7. A whole class's personal cards (личные карты) as PDF, one per pupil, zipped: the class of the journal page.
  const cardsClass = await app.db
    .query('api::school-class.school-class')
    .findOne({ where: { id: journal.schoolClass.id }, select: ['documentId', 'name'] });
  console.log(`Personal cards of class ${cardsClass.name} as PDF…`);
  const cardsStart = process.hrtime.bigint();
  const cards = await app.plugin('records-archive').service('documents').classCards(cardsClass.documentId);
  const cardsSeconds = ms(cardsStart) / 1000;
  const cardCount = cards.cards;
  results.classCards = { seconds: round(cardsSeconds, 2), cards: cardCount, withoutFile: cards.withoutFile, zipBytes: cards.zip.length };
  figure({
    figure: `personal cards of a class as PDF (${cardsClass.name}, ${cardCount} pupils), s`,
    value: cardsSeconds,
    baseline: null,
    target: null,
  });
  return results;
};

/**
 * Bare-SQL insert baseline for mark entry: the mark row and its five link rows in one transaction
 * per mark, the same N marks by the same number of concurrent callers (on SQLite they queue on the
 * one connection). The rows are deleted right after: nothing of it stays.
 */
const sqlInsertBaseline = async (app, journal, quarter, pairs, options) => {
  const knex = app.db.connection;
  const MARK = 'api::mark.mark';
  const marks = tableOf(app, MARK);
  const lessonIds = new Map();
  const studentIds = new Map();
  for (const pair of pairs.slice(0, Math.min(pairs.length, options.posts))) {
    if (!lessonIds.has(pair.lesson)) {
      const row = await knex(tableOf(app, 'api::lesson.lesson'))
        .where(columnOf(app, MARK, 'documentId'), pair.lesson)
        .first('id');
      lessonIds.set(pair.lesson, row.id);
    }
    if (!studentIds.has(pair.student)) {
      const row = await knex(tableOf(app, 'api::student.student'))
        .where(columnOf(app, MARK, 'documentId'), pair.student)
        .first('id');
      studentIds.set(pair.student, row.id);
    }
  }
  const links = ['journal', 'studyPeriod', 'student', 'lesson'].map((name) => [name, linkOf(app, MARK, name)]);
  const col = (name) => columnOf(app, MARK, name);
  const created = [];
  const latencies = [];
  let next = 0;
  const start = process.hrtime.bigint();
  const worker = async () => {
    for (;;) {
      const index = next;
      next += 1;
      if (index >= options.posts) return;
      const pair = pairs[index % pairs.length];
      const t0 = process.hrtime.bigint();
      await knex.transaction(async (trx) => {
        const now = new Date();
        const [inserted] = await trx(marks)
          .insert({
            [col('documentId')]: `bench${index}`.padEnd(24, 'x'),
            [col('kind')]: 'current',
            [col('value')]: pair.value,
            [col('numericValue')]: Number(pair.value) || null,
            [col('weight')]: 1,
            [col('date')]: quarter.startDate,
            [col('setAt')]: now,
            [col('createdAt')]: now,
            [col('updatedAt')]: now,
          })
          .returning('id');
        const id = typeof inserted === 'object' ? inserted.id : inserted;
        created.push(id);
        const targets = {
          journal: journal.id,
          studyPeriod: quarter.id,
          student: studentIds.get(pair.student),
          lesson: lessonIds.get(pair.lesson),
        };
        for (const [name, link] of links) await trx(link.table).insert({ [link.own]: id, [link.other]: targets[name] });
      });
      latencies.push(ms(t0));
    }
  };
  await Promise.all(Array.from({ length: options.clients }, worker));
  const seconds = ms(start) / 1000;
  for (const [, link] of links) await knex(link.table).whereIn(link.own, created).del();
  await knex(marks).whereIn('id', created).del();
  return { marksPerSecond: round(options.posts / seconds), p95: round(percentile(latencies, 0.95), 2), seconds: round(seconds, 2) };
};

const formatValue = (value) => {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'number') return String(value);
  if (Number.isInteger(value)) return String(value);
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
};

/** Ratio to the baseline: for times value/baseline, for rates baseline/value (how many times slower). */
const ratioOf = (row) => {
  if (typeof row.value !== 'number' || typeof row.baseline !== 'number' || row.baseline === 0 || row.value === 0) return null;
  return row.higherIsBetter ? row.baseline / row.value : row.value / row.baseline;
};

const printTable = (rows) => {
  const header = ['figure', 'value', 'baseline', 'ratio', 'target'];
  const lines = rows.map((row) => [
    row.figure,
    formatValue(row.value),
    formatValue(row.baseline),
    row.ratio === null ? '—' : `${row.ratio.toFixed(1)}×`,
    row.target || '—',
  ]);
  const widths = header.map((name, i) => Math.max(name.length, ...lines.map((line) => line[i].length)));
  const format = (line) => line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log('');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const line of lines) console.log(format(line));
};

const main = async () => {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return;
  }
  process.chdir(APP_DIR);
  const runStamp = stamp();
  const dbFile = path.join(APP_DIR, '.tmp', `bench-${runStamp}.db`);
  const archiveDir = fs.mkdtempSync(path.join(os.tmpdir(), 'school-bench-archive-'));
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  process.env.CRON_ENABLED = 'false';
  process.env.STARTUP_MESSAGE = 'false';
  process.env.DATABASE_CLIENT = 'sqlite';
  process.env.DATABASE_FILENAME = dbFile;
  process.env.ARCHIVE_PRIMARY_DIR = path.join(archiveDir, 'primary');
  process.env.ARCHIVE_SECONDARY_DIR = path.join(archiveDir, 'secondary');
  ensureEnv(APP_DIR);
  fs.mkdirSync(path.join(APP_DIR, '.tmp'), { recursive: true });
  fs.mkdirSync(path.join(APP_DIR, 'public', 'uploads'), { recursive: true });

  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  let app;
  try {
    console.log('Compiling and loading Strapi…');
    const context = await compileStrapi({ appDir: APP_DIR });
    app = createStrapi(context);
    await app.load();
    // Per-request http logging would swamp the output and the timings.
    app.log.level = 'warn';
    // For a comparison: every mark through the document service (src/api/mark/services/fast-mark.ts).
    if (options.noFastPath) app.config.set('api.marks.fastPath', false);
    for (const transport of app.log.transports || []) transport.level = 'warn';
    const started = new Date();
    const results = await runBench(app, options, context.distDir);
    for (const row of results.figures) {
      row.value = typeof row.value === 'number' ? round(row.value, 2) : row.value;
      row.ratio = ratioOf(row);
      row.ratio = row.ratio === null ? null : round(row.ratio, 2);
    }
    printTable(results.figures);
    const report = {
      date: started.toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0] && os.cpus()[0].model,
        memoryGiB: round(os.totalmem() / 2 ** 30),
        node: process.version,
      },
      database: 'sqlite',
      options,
      ...results,
    };
    const outDir = path.join(APP_DIR, 'bench-results');
    fs.mkdirSync(outDir, { recursive: true });
    const outFile = path.join(outDir, `bench-${runStamp}.json`);
    fs.writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nWritten ${path.relative(APP_DIR, outFile)}`);
  } finally {
    if (app) await app.destroy().catch((error) => console.error(`Stopping Strapi: ${error.message}`));
    fs.rmSync(archiveDir, { recursive: true, force: true });
    if (options.keep) console.log(`Kept ${path.relative(APP_DIR, dbFile)}`);
    else for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true });
  }
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`bench failed: ${error instanceof Error ? error.message : error}`);
    if (error instanceof Error && error.stack) console.error(error.stack);
    process.exit(1);
  },
);
