import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/**
 * Raw (knex) reads made while a write's transaction is open — e.g. a record rule that keeps an
 * analytics snapshot with the record — must run on that transaction: on SQLite the pool has one
 * connection, held by the transaction, so a read on the pool would wait for it forever. Strapi's
 * own queries follow the open transaction by themselves; raw queries follow it when the caller
 * binds it with `inCurrentTransaction` and the query takes its knex from `knexOf`.
 */
const bound = new AsyncLocalStorage<Knex>();

/** The knex for raw queries: the bound transaction, else the pool. */
export const knexOf = (strapi: Core.Strapi): Knex => bound.getStore() ?? (strapi.db.connection as unknown as Knex);

/** Runs `work` with raw queries bound to the open Strapi transaction (a nested `transaction` hands it back), or as is outside one. */
export const inCurrentTransaction = async <T>(strapi: Core.Strapi, work: () => Promise<T>): Promise<T> =>
  strapi.db.inTransaction() ? ((await strapi.db.transaction(({ trx }) => bound.run(trx as unknown as Knex, work))) as T) : work();
