import { randomUUID } from 'crypto';
import type { Core } from '@strapi/strapi';

/**
 * Leases make a scheduled job run once when several Strapi instances share one database: every
 * instance runs every cron task, and only the one that takes the lease does the work. A lease
 * expires by itself, so a crashed holder does not block the job for ever.
 */

export const LEASE_TABLE = 'records_archive_job_leases';

/** Creates the lease table if it is missing (idempotent; called from the plugin's bootstrap). */
export const ensureLeaseTable = async (strapi: Core.Strapi): Promise<void> => {
  const knex = strapi.db.connection;
  if (await knex.schema.hasTable(LEASE_TABLE)) return;
  await knex.schema.createTable(LEASE_TABLE, (table) => {
    table.string('name', 120).primary();
    table.string('holder', 120).notNullable();
    table.bigInteger('expires_at').notNullable();
  });
};

/** This process's identity as a lease holder. */
export const INSTANCE_ID = `${process.pid}-${randomUUID()}`;

/**
 * Takes the named lease for `ttlMs` if it is free or expired; true when this instance now holds it.
 * Atomic on SQLite and PostgreSQL alike: a conditional UPDATE that only one instance can win.
 */
export const acquireLease = async (strapi: Core.Strapi, name: string, ttlMs: number, holder: string = INSTANCE_ID): Promise<boolean> => {
  const knex = strapi.db.connection;
  const now = Date.now();
  await knex(LEASE_TABLE).insert({ name, holder: '', expires_at: 0 }).onConflict('name').ignore();
  const taken = await knex(LEASE_TABLE)
    .where({ name })
    .andWhere((query) => query.where('expires_at', '<', now).orWhere('holder', holder))
    .update({ holder, expires_at: now + ttlMs });
  return taken === 1;
};

/** Gives the lease back early (only if this instance still holds it). */
export const releaseLease = async (strapi: Core.Strapi, name: string, holder: string = INSTANCE_ID): Promise<void> => {
  await strapi.db.connection(LEASE_TABLE).where({ name, holder }).update({ expires_at: 0 });
};

/**
 * Runs `job` only if this instance takes the lease; returns null when another instance holds it.
 * The lease is released when the job ends, whether it succeeds or fails.
 */
export const runExclusively = async <T>(strapi: Core.Strapi, name: string, ttlMs: number, job: () => Promise<T>): Promise<T | null> => {
  if (!(await acquireLease(strapi, name, ttlMs))) return null;
  try {
    return await job();
  } finally {
    await releaseLease(strapi, name);
  }
};
