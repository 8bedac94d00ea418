import { createHash } from 'crypto';
import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { currentActor } from '../access/request-actor';
import { currentArchiveProcedure } from '../school/records/procedure';
import { canonicalJson } from './canonical-json';

export const AUDIT_UID = 'api::audit-entry.audit-entry';

/** The hash a chain starts from. */
export const GENESIS_HASH = '0'.repeat(64);

/** Fields never copied into the trail: secrets, and bookkeeping the trail already holds. */
export const AUDIT_REDACTED_FIELDS: ReadonlySet<string> = new Set([
  'password',
  'resetPasswordToken',
  'confirmationToken',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
]);

/**
 * Health data (152-ФЗ ст. 10) kept out of the trail, which more roles read (the archivist): the trail
 * holds a digest instead, so a change still shows and the value can be checked, never read.
 */
const DIGESTED: Record<string, readonly string[]> = { 'api::special-condition.special-condition': ['diagnosis'] };

const digestOf = (value: unknown): unknown =>
  value === null || value === undefined || value === '' ? value : `sha256:${createHash('sha256').update(String(value)).digest('hex')}`;

/** Our records and the archive plugin's; the trail itself and Strapi's internals are not audited. */
export const isAudited = (uid: string): boolean =>
  (uid.startsWith('api::') && uid !== AUDIT_UID) || uid.startsWith('plugin::records-archive.');

type Snapshot = Record<string, unknown>;

interface LinkTable {
  name: string;
  joinColumn: { name: string; referencedColumn: string };
  inverseJoinColumn: { name: string; referencedColumn: string };
  on?: unknown;
  morphColumn?: unknown;
  orderColumnName?: string;
}
interface RelationMetadata {
  type: string;
  relation?: string;
  target?: string;
  joinTable?: LinkTable;
}

/**
 * The relations the trail keeps, by how they are read: a to-one relation kept in a plain link table is
 * joined (all of them in one query); any other (to-many, media, morph) is populated.
 */
interface AuditedRelations {
  joined: Array<{ name: string; linkTable: LinkTable; targetTable: string }>;
  populated: string[];
  names: Set<string>;
}

const auditedRelationsByType = new Map<string, AuditedRelations>();

const auditedRelationsOf = (strapi: Core.Strapi, uid: UID.ContentType): AuditedRelations => {
  const known = auditedRelationsByType.get(uid);
  if (known) return known;
  const attributes = strapi.getModel(uid).attributes as Record<string, { type: string }>;
  const metadata = strapi.db.metadata.get(uid) as unknown as { attributes: Record<string, RelationMetadata> };
  const relations: AuditedRelations = { joined: [], populated: [], names: new Set() };
  for (const [name, attribute] of Object.entries(attributes)) {
    if ((attribute.type !== 'relation' && attribute.type !== 'media') || AUDIT_REDACTED_FIELDS.has(name)) continue;
    relations.names.add(name);
    const column = metadata.attributes[name];
    const linkTable = column?.joinTable;
    const toOne = column?.type === 'relation' && (column.relation === 'oneToOne' || column.relation === 'manyToOne');
    if (toOne && column.target && linkTable && !linkTable.on && !linkTable.morphColumn) {
      const targetTable = (strapi.db.metadata.get(column.target as UID.Schema) as unknown as { tableName: string }).tableName;
      relations.joined.push({ name, linkTable, targetTable });
    } else {
      relations.populated.push(name);
    }
  }
  auditedRelationsByType.set(uid, relations);
  return relations;
};

type Ref = string | number | null;
const refOf = (item: { documentId?: string | null; id?: number | null }): Ref => item.documentId ?? item.id ?? null;

/** The to-one relations of rows as document ids, by row id, in one query (inside the caller's transaction, if any). */
const joinedRefs = async (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  ids: number[],
  joined: AuditedRelations['joined'],
): Promise<Map<number, Snapshot>> => {
  const refs = new Map<number, Snapshot>();
  if (joined.length === 0 || ids.length === 0) return refs;
  const table = (strapi.db.metadata.get(uid) as unknown as { tableName: string }).tableName;
  const rows = (await strapi.db.transaction(({ trx }) => {
    let query = trx(`${table} as t0`).whereIn('t0.id', ids);
    const columns: string[] = ['t0.id as rowId'];
    joined.forEach(({ linkTable, targetTable }, index) => {
      const link = `l${index}`;
      const target = `r${index}`;
      query = query
        .leftJoin(`${linkTable.name} as ${link}`, `${link}.${linkTable.joinColumn.name}`, `t0.${linkTable.joinColumn.referencedColumn}`)
        .leftJoin(
          `${targetTable} as ${target}`,
          `${target}.${linkTable.inverseJoinColumn.referencedColumn}`,
          `${link}.${linkTable.inverseJoinColumn.name}`,
        );
      columns.push(`${target}.document_id as d${index}`, `${target}.id as i${index}`);
    });
    return query.select(columns);
  })) as Array<Record<string, string | number | null>>;
  for (const row of rows) {
    refs.set(
      Number(row.rowId),
      Object.fromEntries(
        joined.map(({ name }, index) => {
          const targetId = row[`i${index}`];
          return [
            name,
            targetId === null || targetId === undefined
              ? null
              : refOf({ documentId: row[`d${index}`] as string | null, id: Number(targetId) }),
          ];
        }),
      ),
    );
  }
  return refs;
};

/** The values of stored rows as the trail keeps them: relations as document ids, secrets left out, by row id. */
const snapshotsOf = async (strapi: Core.Strapi, uid: UID.ContentType, where: Record<string, unknown>): Promise<AuditSnapshot[]> => {
  const relations = auditedRelationsOf(strapi, uid);
  const populate = Object.fromEntries(relations.populated.map((name) => [name, { select: ['id', 'documentId'] }]));
  const rows = (await strapi.db.query(uid).findMany({ where, populate, orderBy: { id: 'asc' } })) as Array<Record<string, unknown>>;
  const joined = await joinedRefs(
    strapi,
    uid,
    rows.map((row) => row.id as number),
    relations.joined,
  );
  return rows.map((stored) => {
    const values: Snapshot = {};
    for (const [name, value] of Object.entries(stored)) {
      if (AUDIT_REDACTED_FIELDS.has(name) || name === 'id' || name === 'documentId') continue;
      if (relations.names.has(name)) {
        values[name] = Array.isArray(value)
          ? value.map((item: { documentId?: string; id?: number }) => refOf(item))
          : value
            ? refOf(value as { documentId?: string; id?: number })
            : null;
      } else if (DIGESTED[uid]?.includes(name)) {
        values[name] = digestOf(value);
      } else {
        values[name] = value instanceof Date ? value.toISOString() : value;
      }
    }
    const id = stored.id as number;
    if (relations.joined.length > 0) {
      Object.assign(values, joined.get(id) ?? Object.fromEntries(relations.joined.map(({ name }) => [name, null])));
    }
    return { id, documentId: stored.documentId as string, values };
  });
};

/** The stored record as plain values, relations as document ids, secrets left out. */
const snapshot = async (strapi: Core.Strapi, uid: UID.ContentType, documentId: string): Promise<AuditSnapshot | null> =>
  (await snapshotsOf(strapi, uid, { documentId }))[0] ?? null;

/** Only the fields that changed, before and after, so an entry reads «value: 4 → 5». */
const changedFields = (before: Snapshot, after: Snapshot): { before: Snapshot; after: Snapshot } => {
  const changedBefore: Snapshot = {};
  const changedAfter: Snapshot = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (canonicalJson(before[key]) !== canonicalJson(after[key])) {
      changedBefore[key] = before[key] ?? null;
      changedAfter[key] = after[key] ?? null;
    }
  }
  return { before: changedBefore, after: changedAfter };
};

export interface AuditEntryContent {
  sequence: number;
  occurredAt: string;
  action: 'create' | 'update' | 'delete' | 'read';
  recordType: string;
  recordDocumentId: string;
  recordId: number | null;
  actorKind: string;
  actorId: number | null;
  actorName: string | null;
  origin: string;
  procedure: string | null;
  reason: string | null;
  before: unknown;
  after: unknown;
  previousHash: string;
}

/** The hash of an entry: SHA-256 over its canonical content, which includes the previous hash. */
export const hashAuditEntry = (entry: AuditEntryContent): string =>
  createHash('sha256')
    .update(
      canonicalJson({
        sequence: Number(entry.sequence),
        occurredAt: new Date(entry.occurredAt).toISOString(),
        action: entry.action,
        recordType: entry.recordType,
        recordDocumentId: entry.recordDocumentId,
        recordId: entry.recordId ?? null,
        actorKind: entry.actorKind,
        actorId: entry.actorId ?? null,
        actorName: entry.actorName ?? null,
        origin: entry.origin,
        procedure: entry.procedure ?? null,
        reason: entry.reason ?? null,
        before: entry.before ?? null,
        after: entry.after ?? null,
        previousHash: entry.previousHash,
      }),
    )
    .digest('hex');

const CHAIN_LOCK_KEY = 7_201_501;

/** Appends entries at the head of the chain, in their order; call inside the write's transaction. */
const appendEntries = async (
  strapi: Core.Strapi,
  trx: { raw: (sql: string, bindings: unknown[]) => Promise<unknown> },
  contents: Array<Omit<AuditEntryContent, 'sequence' | 'previousHash'>>,
) => {
  if (contents.length === 0) return;
  // PostgreSQL: one writer at the head of the chain at a time (SQLite writes are serial anyway).
  if (strapi.db.dialect.client === 'postgres') await trx.raw('select pg_advisory_xact_lock(?)', [CHAIN_LOCK_KEY]);
  const head = (await strapi.db.query(AUDIT_UID).findOne({ select: ['sequence', 'hash'], orderBy: { sequence: 'desc' } })) as {
    sequence: string | number;
    hash: string;
  } | null;
  let sequence = Number(head?.sequence ?? 0);
  let previousHash = head?.hash ?? GENESIS_HASH;
  const entries = contents.map((content) => {
    sequence += 1;
    const entry: AuditEntryContent = { ...content, sequence, previousHash };
    previousHash = hashAuditEntry(entry);
    return { ...entry, hash: previousHash };
  });
  if (entries.length === 1) await strapi.db.query(AUDIT_UID).create({ data: entries[0] });
  else await strapi.db.query(AUDIT_UID).createMany({ data: entries });
};

/** Appends one entry at the head of the chain; call inside the write's transaction. */
const appendEntry = (
  strapi: Core.Strapi,
  trx: { raw: (sql: string, bindings: unknown[]) => Promise<unknown> },
  content: Omit<AuditEntryContent, 'sequence' | 'previousHash'>,
) => appendEntries(strapi, trx, [content]);

const WRITE_ACTIONS = new Set(['create', 'update', 'delete', 'clone']);

/**
 * Records that someone read records of a special category of personal data (health, 152-ФЗ ст. 10):
 * one entry with action `read` per record disclosed, chained like every other entry, in one
 * transaction (the head of the chain read once, the entries written in one insert). `after` names the fields shown (a teacher is not shown the diagnosis).
 */
export const logReads = async (
  strapi: Core.Strapi,
  uid: string,
  reads: Array<{ id: number; documentId: string; fields: string[]; student?: string | null }>,
  route: string,
): Promise<void> => {
  if (reads.length === 0) return;
  const actor = currentActor(strapi);
  await strapi.db.transaction(async ({ trx }) => {
    await appendEntries(
      strapi,
      trx as never,
      reads.map((read) => ({
        occurredAt: new Date().toISOString(),
        action: 'read' as const,
        recordType: uid,
        recordDocumentId: read.documentId,
        recordId: read.id,
        actorKind: actor.kind,
        actorId: actor.id,
        actorName: actor.name,
        origin: actor.origin,
        procedure: null,
        reason: route,
        before: null,
        after: { fields: read.fields, student: read.student ?? null },
      })),
    );
  });
};

/** A record as the trail stores it (`snapshotForAudit`): its ids and its values, relations as document ids. */
export type AuditSnapshot = { id: number; documentId: string; values: Snapshot };

/** The stored record as the trail sees it; read it before a change to pass as `before` to `auditWrite`. */
export const snapshotForAudit = snapshot;

/** Who makes the current write, through which door, and in which archive procedure (with its reason). */
const writeContext = (
  strapi: Core.Strapi,
): Pick<AuditEntryContent, 'actorKind' | 'actorId' | 'actorName' | 'origin' | 'procedure' | 'reason'> => {
  const actor = currentActor(strapi);
  const procedure = currentArchiveProcedure();
  return {
    actorKind: actor.kind,
    actorId: actor.id,
    actorName: actor.name,
    origin: actor.origin,
    procedure: procedure?.kind ?? null,
    reason: procedure ? `${procedure.reason} (${procedure.authorisedBy})` : null,
  };
};

/**
 * Appends the entry of one write that has just been made, inside its transaction: reads the record
 * as it is now (none after a delete), keeps only the changed fields of an update (no entry when
 * nothing changed) and records who made it, through which door, in which procedure. The
 * document-service middleware below and the direct write paths (the mark fast path,
 * src/api/mark/services/fast-mark.ts) both call it, so every entry is made the same way.
 */
export const auditWrite = async (
  strapi: Core.Strapi,
  trx: { raw: (sql: string, bindings: unknown[]) => Promise<unknown> },
  write: { uid: UID.ContentType; action: 'create' | 'update' | 'delete'; documentId: string; before: AuditSnapshot | null },
): Promise<void> => {
  const { uid, action, documentId, before } = write;
  const after = action === 'delete' ? null : await snapshot(strapi, uid, documentId);
  const diff = action === 'update' && before && after ? changedFields(before.values, after.values) : null;
  if (diff && Object.keys(diff.after).length === 0) return;
  await appendEntry(strapi, trx, {
    ...writeContext(strapi),
    occurredAt: new Date().toISOString(),
    action,
    recordType: uid,
    recordDocumentId: documentId,
    recordId: after?.id ?? before?.id ?? null,
    before: diff ? diff.before : (before?.values ?? null),
    after: diff ? diff.after : (after?.values ?? null),
  });
};

/**
 * Appends the entries of records just created together (the marks of a batch,
 * src/api/mark/services/mark-batch.ts), inside their transaction: each entry as `auditWrite` makes it
 * for one create, the records read in one query and the entries chained in the order of `documentIds`.
 */
export const auditCreations = async (
  strapi: Core.Strapi,
  trx: { raw: (sql: string, bindings: unknown[]) => Promise<unknown> },
  uid: UID.ContentType,
  documentIds: string[],
): Promise<void> => {
  if (documentIds.length === 0) return;
  const stored = new Map((await snapshotsOf(strapi, uid, { documentId: { $in: documentIds } })).map((row) => [row.documentId, row]));
  const context = writeContext(strapi);
  await appendEntries(
    strapi,
    trx,
    documentIds.map((documentId) => {
      const after = stored.get(documentId);
      if (!after) throw new Error(`auditCreations: ${uid} ${documentId} is not stored`);
      return {
        ...context,
        occurredAt: new Date().toISOString(),
        action: 'create' as const,
        recordType: uid,
        recordDocumentId: documentId,
        recordId: after.id,
        before: null,
        after: after.values,
      };
    }),
  );
};

/**
 * Document-service middleware: every create, update and delete of an audited record writes an audit
 * entry in the same transaction — who, when, through which door, the values before and after.
 * The trail itself accepts no write through the document service (admin panel or REST): it is
 * appended here, below that layer, and never changed.
 */
export const auditTrailMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid === AUDIT_UID && WRITE_ACTIONS.has(context.action)) {
      throw new errors.PolicyError('Журнал изменений только дописывается системой: записи нельзя создавать, править или удалять');
    }
    if (!isAudited(context.uid) || !WRITE_ACTIONS.has(context.action)) return next();
    const uid = context.uid;
    const params = context.params as { documentId?: string };
    return strapi.db.transaction(async ({ trx }) => {
      const before = params.documentId && context.action !== 'clone' ? await snapshotForAudit(strapi, uid, params.documentId) : null;
      const result = await next();
      const documentId = (result as { documentId?: string } | null)?.documentId ?? params.documentId;
      if (!documentId || (context.action !== 'create' && context.action !== 'clone' && !before)) return result;
      const action = context.action === 'clone' ? 'create' : (context.action as 'create' | 'update' | 'delete');
      await auditWrite(strapi, trx as never, { uid, action, documentId, before });
      return result;
    });
  };

export interface AuditVerification {
  intact: boolean;
  entries: number;
  headHash: string;
  /** The first entry where the chain breaks, and why. */
  brokenAt?: { sequence: number; documentId: string; problem: string };
}

/** Walks the whole trail in order and recomputes every hash and link; reads in pages. */
export const verifyAuditTrail = async (strapi: Core.Strapi): Promise<AuditVerification> => {
  let previousHash = GENESIS_HASH;
  let expectedSequence = 1;
  let count = 0;
  const pageSize = 1000;
  for (let offset = 0; ; offset += pageSize) {
    const page = (await strapi.db.query(AUDIT_UID).findMany({ orderBy: { sequence: 'asc' }, offset, limit: pageSize })) as Array<
      AuditEntryContent & { hash: string; documentId: string }
    >;
    for (const entry of page) {
      const sequence = Number(entry.sequence);
      const broken = (problem: string): AuditVerification => ({
        intact: false,
        entries: count,
        headHash: previousHash,
        brokenAt: { sequence, documentId: entry.documentId, problem },
      });
      if (sequence !== expectedSequence) return broken(`ожидалась запись № ${expectedSequence}: записи удалены или вставлены`);
      if (entry.previousHash !== previousHash) return broken('ссылка на предыдущую запись не совпадает');
      if (hashAuditEntry(entry) !== entry.hash) return broken('содержимое записи изменено после записи');
      previousHash = entry.hash;
      expectedSequence += 1;
      count += 1;
    }
    if (page.length < pageSize) break;
  }
  return { intact: true, entries: count, headHash: previousHash };
};
