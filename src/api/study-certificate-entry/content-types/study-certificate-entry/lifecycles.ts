import type { Core } from '@strapi/strapi';

declare const strapi: Core.Strapi;

const STUDY_CERTIFICATE_ENTRY = 'api::study-certificate-entry.study-certificate-entry';

/**
 * The registration number is taken again inside the write's own transaction, as in the certificate
 * book (`certificate-entry/.../lifecycles.ts`): SQLite holds the write lock from the transaction's
 * start (`BEGIN IMMEDIATE`); on PostgreSQL a transaction-scoped advisory lock of this book does the same.
 */
const BOOK_LOCK_KEY = 1_13_0_2026;
export default {
  async beforeCreate(event: { params: { data: Record<string, unknown> } }) {
    const { data } = event.params;
    if (!data.bookYear) return;
    if (strapi.db.dialect.client === 'postgres' && strapi.db.inTransaction()) {
      await strapi.db.transaction(({ trx }) => trx.raw('select pg_advisory_xact_lock(?)', [BOOK_LOCK_KEY]));
    }
    const last = (await strapi.db.query(STUDY_CERTIFICATE_ENTRY).findOne({
      where: { bookYear: data.bookYear },
      orderBy: { registrationNumber: 'desc' },
      select: ['registrationNumber'],
    })) as { registrationNumber?: number } | null;
    data.registrationNumber = Number(last?.registrationNumber ?? 0) + 1;
  },
};
