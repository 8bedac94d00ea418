#!/usr/bin/env node
'use strict';
/**
 * Fills the database with the demo school and the accounts to try it.
 *
 *   node scripts/seed.js [--students 825] [--seed 1] [--year 2025/2026] [--reset]
 *
 * - creates .env with fresh secrets on first run (scripts/ensure-env.js); Strapi reads it itself;
 * - compiles the TypeScript app and loads Strapi programmatically (no HTTP server);
 * - generates the demo school unless an academic year already exists (src/demo, generateSchool);
 *   --reset first deletes the database file (only a SQLite file under .tmp/ is ever deleted);
 * - publishes the demo regulation (Положение, scripts/demo-data/regulation.md) if there is none;
 * - creates the admin-panel super admin if there is no admin user (ADMIN_EMAIL, ADMIN_PASSWORD);
 * - creates one REST account per school role unless it exists (password DEMO_PASSWORD).
 */
const fs = require('fs');
const path = require('path');
const { ensureEnv } = require('./ensure-env');

const APP_DIR = path.resolve(__dirname, '..');
const DEFAULTS = {
  adminEmail: 'admin@school.local',
  adminPassword: 'Admin-2025!',
  demoPassword: 'Demo-2025!',
};

const USAGE = `Usage: node scripts/seed.js [--students N] [--seed N] [--year 2025/2026] [--reset]

  --students N   pupils in the demo school (default 825)
  --seed N       seed of the generator: the same seed gives the same school (default 1)
  --year Y       academic year, e.g. 2025/2026 (default)
  --reset        delete the SQLite database under .tmp/ first and start from scratch

Environment: ADMIN_EMAIL, ADMIN_PASSWORD (admin panel), DEMO_PASSWORD (REST demo accounts and
generated staff), DATABASE_* (see config/database.ts).`;

const parseArgs = (argv) => {
  const options = { students: undefined, seed: undefined, academicYear: undefined, reset: false, help: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const [name, inline] = arg.split('=', 2);
    const value = () => {
      const raw = inline ?? argv[(i += 1)];
      if (raw === undefined) throw new Error(`${name} needs a value`);
      return raw;
    };
    const integer = () => {
      const raw = value();
      if (!/^-?\d+$/.test(raw)) throw new Error(`${name} must be an integer, got "${raw}"`);
      return Number(raw);
    };
    if (name === '--students') options.students = integer();
    else if (name === '--seed') options.seed = integer();
    else if (name === '--year' || name === '--academic-year') options.academicYear = value();
    else if (name === '--reset') options.reset = true;
    else if (name === '--help' || name === '-h') options.help = true;
    else throw new Error(`Unknown option ${arg}\n\n${USAGE}`);
  }
  if (options.students !== undefined && options.students < 11) throw new Error('--students must be at least 11 (one class per grade)');
  return options;
};

/** The same password rules as `strapi admin:create-user`. */
const adminPasswordProblem = (password) => {
  if (password.length < 8) return 'at least 8 characters';
  if (!/[a-z]/.test(password)) return 'a lowercase letter';
  if (!/[A-Z]/.test(password)) return 'an uppercase letter';
  if (!/\d/.test(password)) return 'a digit';
  return null;
};

/** --reset: refuses unless the database is a SQLite file under .tmp/, then deletes it. */
const resetDatabase = (app) => {
  const connection = app.config.get('database.connection') || {};
  const client = connection.client;
  const filename = connection.connection && connection.connection.filename;
  const tmpDir = path.join(APP_DIR, '.tmp') + path.sep;
  if (client !== 'sqlite' || !filename || !path.resolve(filename).startsWith(tmpDir)) {
    throw new Error(`--reset only deletes a SQLite database under .tmp/; this one is ${client} ${filename || ''}`.trim());
  }
  const file = path.resolve(filename);
  for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  console.log(`Deleted ${path.relative(APP_DIR, file)}`);
};

const formatNumber = (value) => value.toLocaleString('ru-RU');

const printSummary = (summary) => {
  const c = summary.counts;
  console.log('');
  console.log(`Демо-школа ${summary.academicYear} (${summary.state}), seed ${summary.seed}:`);
  console.log(`  учебные периоды ${c.studyPeriods}, предметы ${c.subjects}, классы ${c.schoolClasses}, сотрудники ${c.users}`);
  console.log(
    `  обучающиеся ${formatNumber(c.students)}, зачисления ${formatNumber(c.enrollments)}, родители ${formatNumber(c.guardians)}`,
  );
  console.log(`  журналы ${c.journals}, уроки ${formatNumber(c.lessons)}, пропуски ${formatNumber(c.attendances)}`);
  console.log(
    `  отметки ${formatNumber(c.marks)}: текущие ${formatNumber(summary.marksByKind.current)}, ` +
      `за периоды ${formatNumber(summary.marksByKind.periodic)}, годовые ${formatNumber(summary.marksByKind.annual)}`,
  );
  console.log(
    `  записано строк ${formatNumber(summary.rows)} (из них связей ${formatNumber(summary.linkRows)}) за ${summary.seconds} с — ${formatNumber(summary.rowsPerSecond)} строк/с`,
  );
};

const main = async () => {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return;
  }
  process.chdir(APP_DIR);
  process.env.STRAPI_TELEMETRY_DISABLED = process.env.STRAPI_TELEMETRY_DISABLED || 'true';
  // No scheduled jobs in this short-lived process: on SQLite the generation's transaction holds the
  // only connection, and a job waiting for it would time out.
  process.env.CRON_ENABLED = 'false';
  const env = ensureEnv(APP_DIR);
  if (env.created) console.log(`Created ${path.relative(APP_DIR, env.file)} with new secrets.`);
  fs.mkdirSync(path.join(APP_DIR, '.tmp'), { recursive: true });
  fs.mkdirSync(path.join(APP_DIR, 'public', 'uploads'), { recursive: true });

  // Required only now, so that Strapi reads the .env just created.
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  const context = await compileStrapi({ appDir: APP_DIR });
  const app = createStrapi(context);
  if (options.reset) resetDatabase(app);
  await app.load();
  try {
    const demo = require(path.join(context.distDir, 'src', 'demo'));
    const demoPassword = process.env.DEMO_PASSWORD || DEFAULTS.demoPassword;

    const years = await app.db.query('api::academic-year.academic-year').count();
    if (years > 0) {
      console.log(`\nУчебных лет в базе: ${years}; демо-школа не создаётся (для новой базы: --reset).`);
    } else {
      const summary = await demo.generateSchool(app, {
        students: options.students,
        seed: options.seed,
        academicYear: options.academicYear,
        staffPassword: demoPassword,
        log: false,
      });
      printSummary(summary);
      console.log(`  учётные записи сотрудников — логины вида «ivanova.ma», пароль ${demoPassword}`);
    }

    const { seedDemoRegulation } = require(path.join(context.distDir, 'src', 'api', 'regulation', 'seed'));
    if (await seedDemoRegulation(app)) console.log('Положение (редакция 1) опубликовано: /regulation');

    const adminEmail = process.env.ADMIN_EMAIL || DEFAULTS.adminEmail;
    const adminPassword = process.env.ADMIN_PASSWORD || DEFAULTS.adminPassword;
    const problem = adminPasswordProblem(adminPassword);
    if (problem) throw new Error(`ADMIN_PASSWORD must contain ${problem}`);
    const admin = await demo.ensureSuperAdmin(app, { email: adminEmail, password: adminPassword, firstname: 'Администратор' });
    console.log('');
    console.log(
      admin.created
        ? `Администратор админ-панели создан: ${admin.email} / ${adminPassword}`
        : `Администраторы админ-панели уже есть (${admin.existing}); новый не создаётся.`,
    );

    const accounts = await demo.ensureDemoAccounts(app, demoPassword);
    console.log(`Демо-учётки REST API (пароль ${demoPassword}):`);
    for (const account of accounts) {
      const state = account.created ? 'создана' : 'уже есть';
      console.log(`  ${account.username.padEnd(14)} ${account.role.padEnd(16)} ${state}${account.note ? ` — ${account.note}` : ''}`);
    }
    const staff = await demo.ensureStaffAdminAccounts(app, demoPassword);
    console.log(`Сотрудники в админ-панели (пароль ${demoPassword}):`);
    for (const account of staff) console.log(`  ${account.email.padEnd(24)} ${account.role} ${account.created ? 'создана' : 'уже есть'}`);
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
