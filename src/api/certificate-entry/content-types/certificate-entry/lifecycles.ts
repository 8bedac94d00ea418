import type { Core } from '@strapi/strapi';

declare const strapi: Core.Strapi;

const CERTIFICATE_ENTRY = 'api::certificate-entry.certificate-entry';

/**
 * The registration number is taken again inside the write's own transaction: the record rules give
 * it before the transaction opens, so two registrations at the same moment could read the same last
 * number. On SQLite every write transaction holds the write lock from its start (`BEGIN IMMEDIATE`),
 * so numbers read here are never given twice; on PostgreSQL a transaction-scoped advisory lock of the
 * book does the same (released at commit or rollback).
 */
const BOOK_LOCK_KEY = 546_2020;
export default {
  async beforeCreate(event: { params: { data: Record<string, unknown> } }) {
    const { data } = event.params;
    if (!data.level || !data.bookYear) return;
    if (strapi.db.dialect.client === 'postgres' && strapi.db.inTransaction()) {
      // The write's own transaction (a nested `transaction` call hands back the open one).
      await strapi.db.transaction(({ trx }) => trx.raw('select pg_advisory_xact_lock(?)', [BOOK_LOCK_KEY]));
    }
    const last = (await strapi.db.query(CERTIFICATE_ENTRY).findOne({
      where: { level: data.level, bookYear: data.bookYear },
      orderBy: { registrationNumber: 'desc' },
      select: ['registrationNumber'],
    })) as { registrationNumber?: number } | null;
    data.registrationNumber = Number(last?.registrationNumber ?? 0) + 1;
  },
};
