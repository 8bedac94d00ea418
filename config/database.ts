import path from 'path';
import type { Core } from '@strapi/strapi';

/** The part of a better-sqlite3 connection the pool setup uses. */
interface PreparedStatement {
  /** True while the statement is iterating its rows. */
  busy: boolean;
}

interface SqliteConnection {
  pragma(source: string): unknown;
  prepare(source: string): PreparedStatement;
}

/** Compiled statements kept per SQLite connection (cleared when full; Strapi issues a few hundred). */
const STATEMENT_CACHE_SIZE = 2000;

/**
 * SQLite (better-sqlite3) is the embedded default; PostgreSQL is the scale path.
 * Switch with DATABASE_CLIENT=postgres and the usual DATABASE_* variables.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Database => {
  const client = env('DATABASE_CLIENT', 'sqlite');

  if (client === 'postgres') {
    return {
      connection: {
        client: 'postgres',
        connection: {
          connectionString: env('DATABASE_URL'),
          host: env('DATABASE_HOST', 'localhost'),
          port: env.int('DATABASE_PORT', 5432),
          database: env('DATABASE_NAME', 'school_records'),
          user: env('DATABASE_USERNAME', 'school_records'),
          password: env('DATABASE_PASSWORD', ''),
          ssl: env.bool('DATABASE_SSL', false) ? { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) } : false,
          schema: env('DATABASE_SCHEMA', 'public'),
        },
        pool: { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) },
        acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      },
    };
  }

  // Write-ahead log: readers (backups, `npm run audit:verify`, a second process) do not block the
  // server's writes, and a write that meets another process's lock waits up to the busy timeout
  // instead of failing with SQLITE_BUSY. synchronous=NORMAL is safe with WAL against a crashed
  // process (the database never corrupts, committed writes survive); only a power loss may undo the
  // last commits — set DATABASE_SQLITE_SYNCHRONOUS=FULL where that matters more than write speed.
  const busyTimeout = env.int('DATABASE_BUSY_TIMEOUT', 10000);
  const synchronous = env('DATABASE_SQLITE_SYNCHRONOUS', 'NORMAL') === 'FULL' ? 'FULL' : 'NORMAL';
  return {
    connection: {
      client: 'sqlite',
      connection: {
        filename: path.resolve(process.cwd(), env('DATABASE_FILENAME', '.tmp/data.db')),
      },
      useNullAsDefault: true,
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      pool: {
        // Runs on every new better-sqlite3 connection, after Strapi's own setup (foreign keys).
        afterCreate: (connection: unknown, done: (error?: Error, connection?: unknown) => void) => {
          const sqlite = connection as SqliteConnection;
          try {
            sqlite.pragma('journal_mode = WAL');
            sqlite.pragma(`busy_timeout = ${busyTimeout}`);
            sqlite.pragma(`synchronous = ${synchronous}`);
            // Transactions take the write lock as they begin. Knex begins them deferred, and a
            // transaction that read first and writes after another process has committed fails at
            // once with «database is locked» (SQLITE_BUSY_SNAPSHOT), whatever the busy timeout. The
            // server has one connection, so this makes nothing serial that was not serial already.
            const prepare = sqlite.prepare.bind(sqlite);
            // Knex prepares every query anew; Strapi's queries repeat with new bindings, so compiled
            // statements are kept (a statement still iterating is never handed out twice).
            const statements = new Map<string, PreparedStatement>();
            sqlite.prepare = (source: string) => {
              const sql = source === 'BEGIN;' ? 'BEGIN IMMEDIATE;' : source;
              const cached = statements.get(sql);
              if (cached && !cached.busy) return cached;
              const statement = prepare(sql);
              if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
              statements.set(sql, statement);
              return statement;
            };
            done(undefined, connection);
          } catch (error) {
            done(error as Error, connection);
          }
        },
      },
    },
  };
};

export default config;
