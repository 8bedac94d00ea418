import { factories } from '@strapi/strapi';
import type { UID } from '@strapi/strapi';

/** The row-level read policy, `src/policies/record-scope.ts`. */
export const RECORD_SCOPE_POLICY = 'global::record-scope';
/** Updates and deletes of a record that does not exist answer 404, `src/policies/existing-record.ts`. */
export const EXISTING_RECORD_POLICY = 'global::existing-record';

/**
 * A new object for every route: Strapi writes each route's auth scope into its config object
 * (`defaultsDeep`), so a config shared between routes would give them all the first route's scope.
 */
const scoped = () => ({ policies: [RECORD_SCOPE_POLICY] });
const existing = (uid: UID.ContentType) => ({ policies: [{ name: EXISTING_RECORD_POLICY, config: { uid } }] });

/** Route config of the core update and delete routes: 404 for an id that names no record. */
export const existingRecordRoutes = (uid: UID.ContentType) => ({ update: existing(uid), delete: existing(uid) });

/**
 * The standard REST routes of a record type with row-level reads: lists narrowed to the caller's
 * rows, single rows outside them answered 404, and no `populate` side doors; updates and deletes of
 * an unknown id answer 404.
 */
export const createScopedRouter = (
  uid: UID.ContentType,
  options: { only?: Array<'find' | 'findOne' | 'create' | 'update' | 'delete'> } = {},
) => factories.createCoreRouter(uid, { ...options, config: { find: scoped(), findOne: scoped(), ...existingRecordRoutes(uid) } });
