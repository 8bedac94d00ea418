import type { Core } from '@strapi/strapi';

/**
 * A mark as stored, audited and answered, without what differs between any two marks made the same way
 * (ids, moments, the place in the audit chain): what the tests of the mark's fast path and of its batch
 * compare with the same mark made through the document service or posted alone.
 */

const MARK = 'api::mark.mark';
const AUDIT = 'api::audit-entry.audit-entry';

/** A stored mark with its relations as ids, without its ids and moments. */
export const storedMarkOf = async (strapi: Core.Strapi, documentId: string): Promise<Record<string, unknown>> => {
  const row = (await strapi.db.query(MARK).findOne({
    where: { documentId },
    populate: {
      student: { select: ['id'] },
      journal: { select: ['id'] },
      lesson: { select: ['id'] },
      studyPeriod: { select: ['id'] },
      setBy: { select: ['id'] },
    },
  })) as Record<string, unknown>;
  const { id, documentId: _documentId, createdAt, updatedAt, publishedAt, setAt, ...rest } = row;
  expect([id, createdAt, updatedAt, publishedAt, setAt].every((value) => value !== null && value !== undefined)).toBe(true);
  return rest;
};

/** The audit entry of a mark's creation, without its place in the chain and its moments. */
export const markCreationEntryOf = async (strapi: Core.Strapi, documentId: string): Promise<Record<string, unknown>> => {
  const entries = (await strapi.db.query(AUDIT).findMany({ where: { recordDocumentId: documentId } })) as Array<Record<string, unknown>>;
  expect(entries).toHaveLength(1);
  const {
    id,
    documentId: _documentId,
    sequence,
    hash,
    previousHash,
    occurredAt,
    createdAt: _createdAt,
    updatedAt: _updatedAt,
    publishedAt: _publishedAt,
    recordDocumentId,
    recordId,
    ...rest
  } = entries[0];
  expect(
    [id, sequence, hash, previousHash, occurredAt, recordDocumentId, recordId].every((value) => value !== null && value !== undefined),
  ).toBe(true);
  const after = { ...(rest.after as Record<string, unknown>) };
  expect(typeof after.setAt).toBe('string');
  for (const moment of ['setAt', 'createdAt', 'updatedAt', 'publishedAt']) delete after[moment];
  return { ...rest, after };
};

/** A created mark as the REST API answers it, without its ids and moments. */
export const markAnswerOf = (data: Record<string, unknown>): Record<string, unknown> => {
  const { id, documentId, createdAt, updatedAt, publishedAt, setAt, ...rest } = data;
  expect(
    [id, documentId, createdAt, updatedAt, publishedAt, setAt].every((value) => typeof value === 'number' || typeof value === 'string'),
  ).toBe(true);
  return rest;
};
