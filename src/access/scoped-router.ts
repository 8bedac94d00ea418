import { factories } from '@strapi/strapi';
import type { UID } from '@strapi/strapi';

/** The row-level read policy, `src/policies/record-scope.ts`. */
export const RECORD_SCOPE_POLICY = 'global::record-scope';

/**
 * A new object for every route: Strapi writes each route's auth scope into its config object
 * (`defaultsDeep`), so a config shared between routes would give them all the first route's scope.
 */
const scoped = () => ({ policies: [RECORD_SCOPE_POLICY] });

/**
 * The standard REST routes of a record type with row-level reads: lists narrowed to the caller's
 * rows, single rows outside them answered 404, and no `populate` side doors.
 */
export const createScopedRouter = (
  uid: UID.ContentType,
  options: { only?: Array<'find' | 'findOne' | 'create' | 'update' | 'delete'> } = {},
) => factories.createCoreRouter(uid, { ...options, config: { find: scoped(), findOne: scoped() } });
