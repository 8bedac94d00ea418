import type { Core, UID } from '@strapi/strapi';

/**
 * Table and column names of our record types from Strapi's database metadata, for the few reads
 * that go to knex directly for speed (the journal grid). Names are never hard-coded: Strapi owns
 * them and may shorten long ones.
 */

interface AttributeMeta {
  columnName?: string;
  joinTable?: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };
}

interface ModelMeta {
  tableName: string;
  attributes: Record<string, AttributeMeta>;
}

const metaOf = (strapi: Core.Strapi, uid: UID.Schema): ModelMeta => strapi.db.metadata.get(uid) as unknown as ModelMeta;

export const tableOf = (strapi: Core.Strapi, uid: UID.Schema): string => metaOf(strapi, uid).tableName;

export const columnOf = (strapi: Core.Strapi, uid: UID.Schema, attribute: string): string =>
  metaOf(strapi, uid).attributes[attribute]?.columnName ?? attribute;

export interface LinkTable {
  table: string;
  /** The column holding the id of the record that owns the relation. */
  own: string;
  /** The column holding the id of the related record. */
  other: string;
}

/** The link table of a relation (Strapi 5 keeps every relation in one). */
export const linkOf = (strapi: Core.Strapi, uid: UID.Schema, attribute: string): LinkTable => {
  const join = metaOf(strapi, uid).attributes[attribute]?.joinTable;
  if (!join) throw new Error(`${uid}.${attribute} has no link table`);
  return { table: join.name, own: join.joinColumn.name, other: join.inverseJoinColumn.name };
};
