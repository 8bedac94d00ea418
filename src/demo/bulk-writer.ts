/**
 * Batched inserts straight into Strapi's tables through knex, shaped exactly as the document service
 * would store them: table and column names, relation link tables and their order columns come from
 * `strapi.db.metadata`; each row gets a document id, timestamps, `published_at` (set, as Strapi does
 * for types without draft & publish) and a null locale. Works on SQLite and PostgreSQL.
 */
import { randomBytes } from 'crypto';
import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
  inverseOrderColumnName?: string;
}

interface AttributeMeta {
  type: string;
  columnName?: string;
  joinTable?: JoinTable;
}

interface ModelMeta {
  tableName: string;
  attributes: Record<string, AttributeMeta>;
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A fresh document id like Strapi's: 24 lowercase letters and digits, starting with a letter. */
export const createDocumentId = (() => {
  let pool = Buffer.alloc(0);
  let offset = 0;
  return (): string => {
    if (offset + 24 > pool.length) {
      pool = randomBytes(24 * 4096);
      offset = 0;
    }
    let id = ALPHABET[(pool[offset] as number) % 26] as string;
    for (let i = 1; i < 24; i += 1) id += ALPHABET[(pool[offset + i] as number) % 36];
    offset += 24;
    return id;
  };
})();

/** Rows per INSERT: at most 500, and never more bound values than the database accepts. */
const MAX_ROWS = 500;
const MAX_VARIABLES: Record<string, number> = { sqlite: 32766, postgres: 65535, mysql: 65535 };

export class BulkWriter {
  /** Rows written so far: records and relation links. */
  rows = 0;
  linkRows = 0;

  private readonly maxVariables: number;

  private readonly canReturn: boolean;

  constructor(
    private readonly strapi: Core.Strapi,
    private readonly trx: Knex.Transaction,
    private readonly now: Date = new Date(),
  ) {
    const client = String((strapi.db.dialect as { client?: string }).client ?? 'sqlite');
    this.maxVariables = MAX_VARIABLES[client] ?? 999;
    this.canReturn = client === 'sqlite' || client === 'postgres';
  }

  private meta(uid: UID.Schema): ModelMeta {
    return this.strapi.db.metadata.get(uid) as unknown as ModelMeta;
  }

  /**
   * Schema defaults for the attributes a record leaves out, as the document service fills them on
   * create (e.g. a study period's `state: 'open'`), so new schema fields need no change here.
   */
  private defaultsOf(uid: UID.Schema, given: readonly string[], column: (name: string) => string): Record<string, unknown> {
    const attributes = this.strapi.getModel(uid).attributes as Record<string, { type: string; default?: unknown }>;
    const defaults: Record<string, unknown> = {};
    for (const [name, attribute] of Object.entries(attributes)) {
      if (given.includes(name) || attribute.default === undefined) continue;
      if (['relation', 'media', 'component', 'dynamiczone'].includes(attribute.type)) continue;
      const value = typeof attribute.default === 'function' ? (attribute.default as () => unknown)() : attribute.default;
      defaults[column(name)] = typeof value === 'object' && value !== null ? JSON.stringify(value) : value;
    }
    return defaults;
  }

  private chunkSize(columns: number): number {
    return Math.max(1, Math.min(MAX_ROWS, Math.floor(this.maxVariables / Math.max(1, columns))));
  }

  /**
   * Inserts records (scalar attributes by their attribute names) and returns their ids in order.
   * Relations are written separately with `link`.
   */
  async insert(uid: UID.Schema, records: ReadonlyArray<Record<string, unknown>>): Promise<number[]> {
    if (records.length === 0) return [];
    const meta = this.meta(uid);
    const column = (name: string): string => {
      const attribute = meta.attributes[name];
      if (!attribute || attribute.type === 'relation') throw new Error(`${uid}.${name} is not a stored scalar attribute`);
      return attribute.columnName ?? name;
    };
    const fields = Object.keys(records[0] as Record<string, unknown>);
    const columns = fields.map(column);
    const stamps: Record<string, unknown> = { ...this.defaultsOf(uid, fields, column) };
    if (meta.attributes.createdAt) stamps[column('createdAt')] = this.now;
    if (meta.attributes.updatedAt) stamps[column('updatedAt')] = this.now;
    if (meta.attributes.publishedAt) stamps[column('publishedAt')] = this.now;
    if (meta.attributes.locale) stamps[column('locale')] = null;
    const documentIdColumn = column('documentId');
    const ids: number[] = [];
    const size = this.chunkSize(columns.length + Object.keys(stamps).length + 1);
    for (let start = 0; start < records.length; start += size) {
      const chunk = records.slice(start, start + size);
      const documentIds = chunk.map(() => createDocumentId());
      const rows = chunk.map((record, index) => {
        const row: Record<string, unknown> = { [documentIdColumn]: documentIds[index], ...stamps };
        fields.forEach((field, k) => {
          row[columns[k] as string] = record[field] ?? null;
        });
        return row;
      });
      let returned: Array<{ id: number | string; [key: string]: unknown }>;
      if (this.canReturn) {
        returned = await this.trx(meta.tableName).insert(rows).returning(['id', documentIdColumn]);
      } else {
        await this.trx(meta.tableName).insert(rows);
        returned = await this.trx(meta.tableName).select('id', documentIdColumn).whereIn(documentIdColumn, documentIds);
      }
      const idOf = new Map(returned.map((row) => [String(row[documentIdColumn]), Number(row.id)]));
      for (const documentId of documentIds) {
        const id = idOf.get(documentId);
        if (id === undefined) throw new Error(`Insert into ${meta.tableName} returned no id for ${documentId}`);
        ids.push(id);
      }
      this.rows += chunk.length;
    }
    return ids;
  }

  /**
   * Links records through a relation's join table, `[ownerId, targetId]` in the order the owner's
   * list should have. Order columns are filled as Strapi does: 1, 2, … per owner, and after the
   * current maximum per target for the inverse side.
   */
  async link(uid: UID.Schema, attributeName: string, pairs: ReadonlyArray<readonly [number, number]>): Promise<void> {
    if (pairs.length === 0) return;
    const attribute = this.meta(uid).attributes[attributeName];
    const joinTable = attribute?.joinTable;
    if (!joinTable) throw new Error(`${uid}.${attributeName} has no join table`);
    const ownerColumn = joinTable.joinColumn.name;
    const targetColumn = joinTable.inverseJoinColumn.name;
    const ownerOrder = new Map<number, number>();
    const targetOrder = new Map<number, number>();
    if (joinTable.inverseOrderColumnName) {
      const targets = [...new Set(pairs.map(([, target]) => target))];
      for (let start = 0; start < targets.length; start += 500) {
        const found = (await this.trx(joinTable.name)
          .select(targetColumn)
          .max(joinTable.inverseOrderColumnName, { as: 'max' })
          .whereIn(targetColumn, targets.slice(start, start + 500))
          .groupBy(targetColumn)) as Array<Record<string, unknown>>;
        for (const row of found) targetOrder.set(Number(row[targetColumn]), Number(row.max ?? 0));
      }
    }
    const rows = pairs.map(([owner, target]) => {
      const row: Record<string, number> = { [ownerColumn]: owner, [targetColumn]: target };
      if (joinTable.orderColumnName) {
        const next = (ownerOrder.get(owner) ?? 0) + 1;
        ownerOrder.set(owner, next);
        row[joinTable.orderColumnName] = next;
      }
      if (joinTable.inverseOrderColumnName) {
        const next = (targetOrder.get(target) ?? 0) + 1;
        targetOrder.set(target, next);
        row[joinTable.inverseOrderColumnName] = next;
      }
      return row;
    });
    const size = this.chunkSize(Object.keys(rows[0] as Record<string, number>).length);
    for (let start = 0; start < rows.length; start += size) {
      await this.trx(joinTable.name).insert(rows.slice(start, start + size));
    }
    this.rows += rows.length;
    this.linkRows += rows.length;
  }
}
