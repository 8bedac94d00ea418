import { createHash, randomUUID } from 'crypto';
import fs from 'fs';
import os from 'os';
import type { Core } from '@strapi/strapi';

/**
 * Leases make a scheduled job run once when several Strapi instances share one database: every
 * instance runs every cron task, and only the one that takes the lease does the work. A lease
 * expires by itself, so a crashed holder does not block the job for ever; a holder that crashed
 * on this machine since its last boot (its process is gone) gives it up at once, so a restarted
 * server re-runs an interrupted job without waiting for the expiry.
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

/**
 * Where a process id names one process: on Linux this boot of the kernel and this PID namespace
 * (containers on one host have their own; hostnames can repeat across machines, boot ids do not),
 * elsewhere the hostname. Hashed to keep holders short.
 */
const processSpace = (): string => {
  let space: string;
  try {
    space = `${fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()}\n${fs.readlinkSync('/proc/self/ns/pid')}`;
  } catch {
    space = os.hostname();
  }
  return createHash('sha256').update(space).digest('hex').slice(0, 16);
};

const PROCESS_SPACE = processSpace();

/** This process's identity as a lease holder: `<process space>:<pid>:<random>`. */
export const INSTANCE_ID = `${PROCESS_SPACE}:${process.pid}:${randomUUID()}`;

/** A holder from this process space whose process no longer runs (kill -9, out of memory, a crash). */
const heldByDeadProcess = (holder: string): boolean => {
  const [space, pid, id] = holder.split(':');
  if (space !== PROCESS_SPACE || !id || !/^\d+$/.test(pid) || Number(pid) === process.pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
};

/**
 * Takes the named lease for `ttlMs` if it is free, expired or held by a dead process of this machine;
 * true when this instance now holds it. Atomic on SQLite and PostgreSQL alike: a conditional UPDATE
 * that only one instance can win.
 */
export const acquireLease = async (strapi: Core.Strapi, name: string, ttlMs: number, holder: string = INSTANCE_ID): Promise<boolean> => {
  const knex = strapi.db.connection;
  const now = Date.now();
  await knex(LEASE_TABLE).insert({ name, holder: '', expires_at: 0 }).onConflict('name').ignore();
  const taken = await knex(LEASE_TABLE)
    .where({ name })
    .andWhere((query) => query.where('expires_at', '<', now).orWhere('holder', holder))
    .update({ holder, expires_at: now + ttlMs });
  if (taken === 1) return true;
  const current = (await knex(LEASE_TABLE).where({ name }).first('holder')) as { holder: string } | undefined;
  if (!current || !heldByDeadProcess(current.holder)) return false;
  // Conditional on the dead holder, so of several instances only one takes it over.
  const takenOver = await knex(LEASE_TABLE)
    .where({ name, holder: current.holder })
    .update({ holder, expires_at: now + ttlMs });
  return takenOver === 1;
};

/** Gives the lease back early (only if this instance still holds it). */
export const releaseLease = async (strapi: Core.Strapi, name: string, holder: string = INSTANCE_ID): Promise<void> => {
  await strapi.db.connection(LEASE_TABLE).where({ name, holder }).update({ expires_at: 0 });
};

/** Names of the leased jobs this process is running now (see `runExclusively`). */
const runningHere = new Set<string>();

/**
 * Runs `job` only if this instance takes the lease; returns null when another instance holds it,
 * or when this very process is still running the job from an earlier tick (a holder may renew its
 * own lease, so the database alone would let a slow job start twice here, the second clearing the
 * first's work and then releasing the lease under it). The lease is released when the job ends,
 * whether it succeeds or fails.
 */
export const runExclusively = async <T>(strapi: Core.Strapi, name: string, ttlMs: number, job: () => Promise<T>): Promise<T | null> => {
  if (runningHere.has(name)) return null;
  runningHere.add(name);
  try {
    if (!(await acquireLease(strapi, name, ttlMs))) return null;
    try {
      return await job();
    } finally {
      await releaseLease(strapi, name);
    }
  } finally {
    runningHere.delete(name);
  }
};
