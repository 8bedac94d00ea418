import { execFile } from 'child_process';
import fs from 'fs';
import path from 'path';
import Database from 'better-sqlite3';

/**
 * Copying the database while the server runs. SQLite: the online backup API, which copies a
 * consistent snapshot page by page (restarting if another connection writes meanwhile).
 * PostgreSQL: `pg_dump -Fc`, a consistent snapshot in one transaction, restored with `pg_restore`.
 */

export interface PgConnection {
  connectionString?: string;
  host?: string;
  port?: number | string;
  database?: string;
  user?: string;
  password?: string;
  ssl?: unknown;
}

/** Copies the SQLite database `source` into the new file `target` and checks the copy. */
export const backupSqlite = async (source: string, target: string): Promise<void> => {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  // The copy keeps the source's write-ahead log mode, and a read-only look at it would leave -wal
  // and -shm files beside it: a backup is one self-contained file, so it leaves WAL mode (the
  // server turns WAL on again when it opens a restored file).
  const copy = new Database(target, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const result = copy.pragma('quick_check', { simple: true });
    if (result !== 'ok') throw new Error(`The SQLite copy fails its integrity check: ${String(result)}`);
  } finally {
    copy.close();
  }
};

/** Number of user tables in a SQLite file (0 for a missing or empty file). */
export const sqliteTableCount = (file: string): number => {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return 0;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").get() as {
      n: number;
    };
    return row.n;
  } finally {
    db.close();
  }
};

/** Where a PostgreSQL client program is: $PG_BIN, else PATH, else the newest /usr/lib/postgresql/<v>/bin. */
export const pgProgram = (name: 'pg_dump' | 'pg_restore'): string => {
  if (process.env.PG_BIN) return path.join(process.env.PG_BIN, name);
  const onPath = (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, name)));
  if (onPath) return name;
  const root = '/usr/lib/postgresql';
  if (fs.existsSync(root)) {
    const versions = fs
      .readdirSync(root)
      .filter((version) => fs.existsSync(path.join(root, version, 'bin', name)))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length > 0) return path.join(root, versions[0], 'bin', name);
  }
  return name;
};

/** The connection with a `postgres://user:password@host:port/database` string read into its parts. */
export const explicitPgConnection = (connection: PgConnection): PgConnection => {
  if (!connection.connectionString) return connection;
  const url = new URL(connection.connectionString);
  return {
    host: url.hostname || connection.host,
    port: url.port || connection.port,
    user: decodeURIComponent(url.username) || connection.user,
    password: decodeURIComponent(url.password) || connection.password,
    database: decodeURIComponent(url.pathname.replace(/^\//, '')) || connection.database,
    ssl: connection.ssl || ['require', 'verify-ca', 'verify-full'].includes(url.searchParams.get('sslmode') ?? ''),
  };
};

/** The connection arguments of pg_dump / pg_restore, and the password through PGPASSWORD. */
export const pgArguments = (given: PgConnection, database?: string): { args: string[]; env: NodeJS.ProcessEnv } => {
  const connection = explicitPgConnection(given);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (connection.password) env.PGPASSWORD = String(connection.password);
  if (connection.ssl && !env.PGSSLMODE) env.PGSSLMODE = 'require';
  const args: string[] = [];
  if (connection.host) args.push('--host', String(connection.host));
  if (connection.port) args.push('--port', String(connection.port));
  if (connection.user) args.push('--username', String(connection.user));
  args.push('--dbname', database ?? String(connection.database));
  return { args, env };
};

const run = (program: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> =>
  new Promise((resolve, reject) => {
    execFile(program, args, { env, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`${path.basename(program)} failed: ${(stderr || error.message).trim()}`));
      else resolve();
    });
  });

/** `pg_dump -Fc` of the whole database into `target`. */
export const dumpPostgres = async (connection: PgConnection, target: string): Promise<void> => {
  const { args, env } = pgArguments(connection);
  await run(pgProgram('pg_dump'), ['--format=custom', '--no-password', '--file', target, ...args], env);
};

/** `pg_restore` of a custom-format dump into `database`, in one transaction; `clean` drops what exists first. */
export const restorePostgres = async (connection: PgConnection, database: string, dump: string, clean: boolean): Promise<void> => {
  const { args, env } = pgArguments(connection, database);
  const options = ['--no-owner', '--no-acl', '--no-password', '--exit-on-error', '--single-transaction'];
  if (clean) options.push('--clean', '--if-exists');
  await run(pgProgram('pg_restore'), [...options, ...args, dump], env);
};
