#!/usr/bin/env node
'use strict';
/**
 * Provisions one school on a PostgreSQL cluster (README «Scaling out»):
 *
 *   PGHOST=db.district.local PGUSER=postgres PGPASSWORD=... \
 *     npm run provision:school -- --code sosh17 --name 'МБОУ «СОШ № 17»' --env-file /srv/school-records/sosh17/.env
 *
 * 1. creates the login role `school_<code>` (random password; not a superuser, cannot create
 *    databases or roles) and the database `school_<code>` owned by it, with CONNECT and TEMP taken
 *    from PUBLIC: no other school's role can connect to it;
 * 2. boots Strapi once from the compiled dist/ against it, as that role (migrations, schema,
 *    bootstrap: roles, retention rules, lease table), then destroys it;
 * 3. creates the school's first admin-panel super admin with a random password, shown once;
 * 4. prints the school's settings (DATABASE_*, fresh APP_KEYS and other secrets, SCHOOL_NAME) as an
 *    env block to put beside that school's instances, or writes them to --env-file.
 *
 * It refuses when the database or the role already exists (--force-existing adopts an existing
 * *empty* database and/or role, e.g. one made by a hosting panel; a database that already holds an
 * application is always refused). When a step fails, the database and role this run created are
 * dropped again, so the command can simply be re-run.
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { URL } = require('url');

const APP_DIR = path.resolve(__dirname, '..');
const PREFIX = 'school_';
const CODE_PATTERN = /^[a-z0-9_]+$/;
const MAX_IDENTIFIER = 63; // PostgreSQL's NAMEDATALEN - 1

const USAGE = `Usage: npm run provision:school -- --code <code> --name <school name> [options]

  --code CODE            the school's code: lowercase latin letters, digits, _ (database and role
                         are named ${PREFIX}<code>)
  --name NAME            the school's name, as on its printouts (SCHOOL_NAME)
  --admin-email EMAIL    the first admin-panel super admin (default admin.<code>@school.local)
  --time-zone ZONE       SCHOOL_TIME_ZONE of the school (default Europe/Moscow)
  --app-host HOST        DATABASE_HOST the school's instances use (default: the cluster host below)
  --app-port PORT        DATABASE_PORT the school's instances use (default: the cluster port below)
  --storage-root DIR     fills in ARCHIVE_PRIMARY_DIR, ARCHIVE_SECONDARY_DIR and BACKUP_DIR under DIR
                         (the shared storage of the school's instances); otherwise they are hints
  --env-file FILE        write the env block to FILE (mode 0600; an existing file is refused)
                         instead of printing it
  --json                 print one JSON object (database, role, env, admin) instead of the env block
  --force-existing       adopt a database and/or role of that name that already exist, provided the
                         database is empty; the role gets a new password
  -h, --help             this text

The cluster's admin connection (a role that may create roles and databases):
  --admin-url URL        postgres://user@host:port/postgres (or PROVISION_ADMIN_URL), else the
                         standard PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, PGSSLMODE
  --pg-host, --pg-port, --pg-user, --pg-database   override single parts (the password only
                         through PGPASSWORD or the URL, so that it does not show in 'ps')

The app must be compiled first (npm run build, or npx tsc): the school is bootstrapped from dist/.`;

class UsageError extends Error {}

const parseArgs = (argv) => {
  const options = { json: false, forceExisting: false, help: false };
  const valued = {
    '--code': 'code',
    '--name': 'name',
    '--admin-email': 'adminEmail',
    '--time-zone': 'timeZone',
    '--app-host': 'appHost',
    '--app-port': 'appPort',
    '--storage-root': 'storageRoot',
    '--env-file': 'envFile',
    '--admin-url': 'adminUrl',
    '--pg-host': 'pgHost',
    '--pg-port': 'pgPort',
    '--pg-user': 'pgUser',
    '--pg-database': 'pgDatabase',
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    if (name in valued) {
      const value = inline ?? argv[(i += 1)];
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
      options[valued[name]] = value;
    } else if (name === '--json') options.json = true;
    else if (name === '--force-existing') options.forceExisting = true;
    else if (name === '--help' || name === '-h') options.help = true;
    else throw new UsageError(`Unknown option ${arg}`);
  }
  if (options.help) return options;

  if (!options.code) throw new UsageError('--code is required');
  if (!CODE_PATTERN.test(options.code)) {
    throw new UsageError(`--code must contain only lowercase latin letters, digits and _ ([a-z0-9_]), got "${options.code}"`);
  }
  if (PREFIX.length + options.code.length > MAX_IDENTIFIER) {
    throw new UsageError(`--code is too long: at most ${MAX_IDENTIFIER - PREFIX.length} characters`);
  }
  options.name = (options.name ?? '').trim();
  if (!options.name) throw new UsageError('--name is required (the school\'s name, e.g. --name "МБОУ «СОШ № 17»")');
  if (/[\r\n]/.test(options.name)) throw new UsageError('--name must be one line');
  if (options.name.includes("'") && options.name.includes('"')) {
    throw new UsageError('--name may contain single or double quotes, not both (it is written quoted into the env block)');
  }
  options.adminEmail = (options.adminEmail ?? `admin.${options.code}@school.local`).toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(options.adminEmail))
    throw new UsageError(`--admin-email is not an e-mail address: "${options.adminEmail}"`);
  options.timeZone = options.timeZone ?? 'Europe/Moscow';
  try {
    new Intl.DateTimeFormat('en', { timeZone: options.timeZone });
  } catch {
    throw new UsageError(`--time-zone is not an IANA time zone: "${options.timeZone}"`);
  }
  for (const key of ['appPort', 'pgPort']) {
    if (options[key] !== undefined && !/^\d{1,5}$/.test(options[key]))
      throw new UsageError(`--${key === 'appPort' ? 'app-port' : 'pg-port'} must be a port number`);
  }
  if (options.envFile && options.json) throw new UsageError('--env-file and --json exclude each other');
  if (options.envFile) {
    if (fs.existsSync(options.envFile)) throw new UsageError(`${options.envFile} already exists; it is not overwritten`);
    if (!fs.existsSync(path.dirname(path.resolve(options.envFile))))
      throw new UsageError(`The folder of --env-file ${options.envFile} does not exist`);
  }
  return options;
};

/** The cluster's admin connection: flags over the URL over libpq's PG* variables. */
const adminConnection = (options) => {
  const connection = {};
  const url = options.adminUrl ?? process.env.PROVISION_ADMIN_URL;
  if (url) {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      throw new UsageError('--admin-url (or PROVISION_ADMIN_URL) is not a postgres:// URL');
    }
    if (!['postgres:', 'postgresql:'].includes(parsed.protocol)) throw new UsageError('--admin-url must start with postgres://');
    if (parsed.hostname) connection.host = decodeURIComponent(parsed.hostname);
    if (parsed.port) connection.port = Number(parsed.port);
    if (parsed.username) connection.user = decodeURIComponent(parsed.username);
    if (parsed.password) connection.password = decodeURIComponent(parsed.password);
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
    if (database) connection.database = database;
    if (['require', 'verify-ca', 'verify-full'].includes(parsed.searchParams.get('sslmode') ?? '')) connection.ssl = true;
  }
  if (options.pgHost) connection.host = options.pgHost;
  if (options.pgPort) connection.port = Number(options.pgPort);
  if (options.pgUser) connection.user = options.pgUser;
  if (options.pgDatabase) connection.database = options.pgDatabase;
  // Whatever is still missing, node-postgres takes from PGHOST, PGPORT, PGUSER, PGPASSWORD.
  connection.host = connection.host ?? process.env.PGHOST ?? 'localhost';
  connection.port = connection.port ?? Number(process.env.PGPORT || 5432);
  connection.database = connection.database ?? process.env.PGDATABASE ?? 'postgres';
  if (connection.ssl === undefined && ['require', 'verify-ca', 'verify-full'].includes(process.env.PGSSLMODE ?? '')) connection.ssl = true;
  return connection;
};

const secret = () => crypto.randomBytes(24).toString('base64');

/** The same rules as `strapi admin:create-user` (and scripts/seed.js). */
const adminPasswordProblem = (password) => {
  if (password.length < 8) return 'at least 8 characters';
  if (!/[a-z]/.test(password)) return 'a lowercase letter';
  if (!/[A-Z]/.test(password)) return 'an uppercase letter';
  if (!/\d/.test(password)) return 'a digit';
  return null;
};

const randomAdminPassword = () => {
  for (;;) {
    const candidate = crypto.randomBytes(15).toString('base64url');
    if (!adminPasswordProblem(candidate)) return candidate;
  }
};

/** A value as dotenv (and systemd's EnvironmentFile) read it back. */
const envValue = (value) => {
  const text = String(value);
  if (/^[A-Za-z0-9_./:@+=,-]*$/.test(text)) return text;
  return text.includes("'") ? `"${text}"` : `'${text}'`;
};

const ident = (name) => `"${name}"`;

/** Runs `work` with the output of Strapi's logger sent to stderr, so that stdout carries only the result. */
const withStdoutOnStderr = async (work) => {
  const write = process.stdout.write;
  process.stdout.write = process.stderr.write.bind(process.stderr);
  try {
    return await work();
  } finally {
    process.stdout.write = write;
  }
};

const log = (message) => process.stderr.write(`${message}\n`);

const main = async () => {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const distDir = path.join(APP_DIR, 'dist');
  if (!fs.existsSync(path.join(distDir, 'src', 'index.js')) || !fs.existsSync(path.join(distDir, 'config', 'database.js'))) {
    throw new UsageError('dist/ is missing: compile the app first (npm run build)');
  }

  // Reserve the settings file now, so that a school is never provisioned without a place for its settings.
  if (options.envFile) fs.writeFileSync(options.envFile, '', { mode: 0o600, flag: 'wx' });
  try {
    await provision(options, distDir);
  } catch (error) {
    if (options.envFile && fs.existsSync(options.envFile) && fs.statSync(options.envFile).size === 0) fs.rmSync(options.envFile);
    throw error;
  }
};

const provision = async (options, distDir) => {
  const { Client } = require('pg');
  const cluster = adminConnection(options);
  const database = `${PREFIX}${options.code}`;
  const role = database;
  const schema = process.env.DATABASE_SCHEMA || 'public';
  const connect = async (databaseName) => {
    const client = new Client({ ...cluster, database: databaseName });
    try {
      await client.connect();
    } catch (error) {
      throw new Error(
        `Cannot connect to PostgreSQL ${cluster.user ? `${cluster.user}@` : ''}${cluster.host}:${cluster.port}/${databaseName}: ${error.message}`,
      );
    }
    return client;
  };

  const admin = await connect(cluster.database);
  const created = { role: false, database: false };
  const dropCreated = async () => {
    if (created.database)
      await admin
        .query(`DROP DATABASE IF EXISTS ${ident(database)}`)
        .catch((error) => log(`  could not drop ${database}: ${error.message}`));
    if (created.role)
      await admin.query(`DROP ROLE IF EXISTS ${ident(role)}`).catch((error) => log(`  could not drop role ${role}: ${error.message}`));
    if (created.database || created.role)
      log(
        `Rolled back: dropped what this run created (${[created.database && `database ${database}`, created.role && `role ${role}`].filter(Boolean).join(', ')}).`,
      );
  };

  let result;
  try {
    const existingDatabase = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount > 0;
    const existingRole = (await admin.query('SELECT rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = $1', [role]))
      .rows[0];
    if ((existingDatabase || existingRole) && !options.forceExisting) {
      const what = [existingDatabase && `database ${database}`, existingRole && `role ${role}`].filter(Boolean).join(' and ');
      throw new UsageError(
        `The ${what} already exist${existingDatabase && existingRole ? '' : 's'} on ${cluster.host}:${cluster.port}: school "${options.code}" looks provisioned already. ` +
          'Nothing was changed. Choose another --code, or pass --force-existing to adopt an existing empty database and role.',
      );
    }
    if (existingRole && (existingRole.rolsuper || existingRole.rolcreatedb || existingRole.rolcreaterole)) {
      throw new UsageError(
        `Role ${role} exists and may create databases or roles, or is a superuser; a school's role must not. Nothing was changed.`,
      );
    }

    if (existingDatabase) {
      // Adopting: refuse before anything changes when the database already holds tables.
      const existing = await connect(database);
      try {
        const tables = await existing.query('SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1', [schema]);
        if (tables.rows[0].n > 0) {
          throw new UsageError(
            `Database ${database} is not empty (${tables.rows[0].n} tables in schema ${schema}): it already holds a school or something else, and is not adopted. Nothing was changed.`,
          );
        }
      } finally {
        await existing.end();
      }
    }

    log(`Provisioning ${options.name} (${options.code}) on ${cluster.host}:${cluster.port}`);
    const password = crypto.randomBytes(24).toString('hex');
    if (existingRole) {
      await admin.query(`ALTER ROLE ${ident(role)} WITH LOGIN PASSWORD ${admin.escapeLiteral(password)}`);
      log(`  role ${role}: existed, new password set`);
    } else {
      await admin.query(
        `CREATE ROLE ${ident(role)} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD ${admin.escapeLiteral(password)}`,
      );
      created.role = true;
      log(`  role ${role}: created`);
    }
    // A non-superuser admin (CREATEROLE) must be a member of the role to make it a database owner.
    const adminIsSuper = (await admin.query('SELECT rolsuper FROM pg_roles WHERE rolname = current_user')).rows[0]?.rolsuper;
    if (!adminIsSuper) await admin.query(`GRANT ${ident(role)} TO current_user`).catch(() => undefined);
    if (existingDatabase) {
      await admin.query(`ALTER DATABASE ${ident(database)} OWNER TO ${ident(role)}`);
      log(`  database ${database}: existed, owner set to ${role}`);
    } else {
      await admin.query(`CREATE DATABASE ${ident(database)} WITH OWNER ${ident(role)} ENCODING 'UTF8' TEMPLATE template0`);
      created.database = true;
      log(`  database ${database}: created (UTF8)`);
    }
    // Only the owner (and superusers) may connect: other schools' roles are refused at CONNECT.
    await admin.query(`REVOKE ALL ON DATABASE ${ident(database)} FROM PUBLIC`);
    await admin.query(`GRANT ALL ON DATABASE ${ident(database)} TO ${ident(role)}`);

    const own = await connect(database);
    try {
      await own.query(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)} AUTHORIZATION ${ident(role)}`);
      await own.query(`ALTER SCHEMA ${ident(schema)} OWNER TO ${ident(role)}`);
      await own.query(`REVOKE ALL ON SCHEMA ${ident(schema)} FROM PUBLIC`);
    } finally {
      await own.end();
    }

    const appHost = options.appHost ?? cluster.host;
    const appPort = options.appPort ? Number(options.appPort) : cluster.port;
    const env = {
      SCHOOL_NAME: options.name,
      SCHOOL_TIME_ZONE: options.timeZone,
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: appHost,
      DATABASE_PORT: String(appPort),
      DATABASE_NAME: database,
      DATABASE_USERNAME: role,
      DATABASE_PASSWORD: password,
      DATABASE_SCHEMA: schema,
      DATABASE_SSL: cluster.ssl ? 'true' : 'false',
      APP_KEYS: [secret(), secret(), secret(), secret()].join(','),
      API_TOKEN_SALT: secret(),
      ADMIN_JWT_SECRET: secret(),
      TRANSFER_TOKEN_SALT: secret(),
      JWT_SECRET: secret(),
      ENCRYPTION_KEY: secret(),
    };

    // Boot Strapi once as the school's own role: what it cannot do there, the instances cannot either.
    log('  migrations and bootstrap (Strapi from dist/) …');
    const bootStarted = Date.now();
    Object.assign(process.env, env, {
      DATABASE_URL: '',
      NODE_ENV: process.env.NODE_ENV || 'production',
      STRAPI_TELEMETRY_DISABLED: 'true',
      CRON_ENABLED: 'false',
      STARTUP_MESSAGE: 'false',
      LOG_LEVEL: process.env.PROVISION_LOG_LEVEL || 'warn',
    });
    const adminPassword = randomAdminPassword();
    const superAdmin = await withStdoutOnStderr(async () => {
      process.chdir(APP_DIR);
      // Required only now, so that the school's settings above win over any .env of this checkout.
      const { createStrapi } = require('@strapi/strapi');
      const app = await createStrapi({ appDir: APP_DIR, distDir, serveAdminPanel: false }).load();
      try {
        const { ensureSuperAdmin } = require(path.join(distDir, 'src', 'demo'));
        return await ensureSuperAdmin(app, {
          email: options.adminEmail,
          password: adminPassword,
          firstname: 'Администратор',
          lastname: options.name.slice(0, 100),
        });
      } finally {
        await app.destroy();
      }
    });
    log(`  done in ${((Date.now() - bootStarted) / 1000).toFixed(1)} s`);
    if (!superAdmin.created)
      throw new Error(`Database ${database} already has ${superAdmin.existing} admin user(s); no super admin was created`);

    result = { code: options.code, name: options.name, database, role, env, admin: { email: superAdmin.email, password: adminPassword } };
  } catch (error) {
    await dropCreated();
    throw error;
  } finally {
    await admin.end();
  }

  const storage = options.storageRoot ? path.resolve(options.storageRoot) : null;
  const lines = [
    `# school-records: ${options.name} (${options.code}), provisioned ${new Date().toISOString()} by scripts/provision-school.js`,
    '# The same file for every instance of this school. Keep it secret; do not commit.',
    ...Object.entries(result.env).map(([key, value]) => `${key}=${envValue(value)}`),
    '# Shared by all instances of this school (one mount each; README «Scaling out»):',
    `${storage ? '' : '# '}ARCHIVE_PRIMARY_DIR=${envValue(path.join(storage ?? `/srv/school-records/${options.code}`, 'archive-primary'))}`,
    `${storage ? '' : '# '}ARCHIVE_SECONDARY_DIR=${envValue(path.join(storage ?? `/mnt/second-disk/school-records/${options.code}`, 'archive-secondary'))}`,
    `${storage ? '' : '# '}BACKUP_DIR=${envValue(path.join(storage ?? `/srv/school-records/${options.code}`, 'backups'))}`,
    '# and <app>/public/uploads on every instance is the same shared folder.',
    '',
  ];
  const credentials = [
    '',
    `Admin panel super admin of ${options.name} (shown once, not stored anywhere; change it after the first login):`,
    `  e-mail:   ${result.admin.email}`,
    `  password: ${result.admin.password}`,
  ];

  if (options.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else if (options.envFile) {
    try {
      fs.writeFileSync(options.envFile, lines.join('\n'), { mode: 0o600 });
    } catch (error) {
      log(`\nCould not write ${options.envFile} (${error.message}); here are the settings instead:\n`);
      process.stdout.write(lines.join('\n'));
    }
    log(`\nSettings written to ${options.envFile} (mode 0600): put it beside the school's instances as .env.`);
    log(credentials.join('\n'));
  } else {
    log(credentials.join('\n'));
    log('\nSettings of the school (put them beside its instances as .env):\n');
    process.stdout.write(lines.join('\n'));
  }
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error(
      error instanceof UsageError
        ? `provision-school: ${error.message}`
        : `provision-school failed: ${error && error.message ? error.message : error}`,
    );
    if (error instanceof UsageError && /required|must|Unknown option|needs a value/.test(error.message)) {
      console.error('Run `npm run provision:school -- --help` for the options.');
    }
    if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
