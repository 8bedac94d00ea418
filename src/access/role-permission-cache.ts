import type { Core } from '@strapi/strapi';

/**
 * Every content-API request signed with a users-permissions token reads its role's permissions (143
 * rows for a teacher, in one query) and builds a CASL ability from them, in the plugin's auth
 * strategy. Under concurrent mark entry the two were the largest share of the server's CPU besides
 * the write itself (docs/benchmarks.md). Both depend only on the role's permissions, which change
 * rarely (Settings → Roles in the admin panel, the roles' sync at start, src/access/sync-roles.ts):
 *
 * - a role's permissions, once read, are kept for `ROLE_PERMISSIONS_TTL_MS`; any write of a
 *   permission or a role through Strapi's query engine on this instance drops them all at once
 *   (database lifecycles), so the next request reads them again. Another instance of the same school
 *   (README, «Scaling out») sees a change of a role within the TTL;
 * - an ability is built once per distinct list of actions and reused: it holds nothing of a request.
 *
 * The account itself (its role, whether it is blocked) is still read on every request.
 */

export const ROLE_PERMISSIONS_TTL_MS = 5_000;

const PERMISSION_UID = 'plugin::users-permissions.permission';
const ROLE_UID = 'plugin::users-permissions.role';
/** Abilities kept at most: one per role is the usual need; the bound only guards against churn. */
const ABILITIES_KEPT = 64;

type RoleId = number | string;
type Permission = { action?: unknown } & Record<string, unknown>;
type PermissionService = { findRolePermissions: (roleId: RoleId) => Promise<Permission[]> } & Record<string, unknown>;
type PermissionServiceEntry = PermissionService | ((deps: { strapi: Core.Strapi }) => PermissionService);

type CachedPermissions = Map<RoleId, { readAt: number; permissions: Promise<Permission[]> }>;

/** Each Strapi instance of the process keeps its own (role ids are its database's). */
const cachesByApp = new WeakMap<object, CachedPermissions>();

const cacheOf = (app: object): CachedPermissions => {
  let cache = cachesByApp.get(app);
  if (!cache) {
    cache = new Map();
    cachesByApp.set(app, cache);
  }
  return cache;
};

/** Forgets every role's permissions: the next request of each role reads them again. */
export const forgetRolePermissions = (strapi: Core.Strapi): void => cacheOf(strapi).clear();

/**
 * Wraps the users-permissions `permission` service (plugin extension, src/extensions/users-permissions)
 * so that `findRolePermissions` answers from the cache above. Each caller gets its own array.
 */
export const cachingRolePermissions = (entry: PermissionServiceEntry): PermissionServiceEntry => {
  const wrap = (service: PermissionService, app: object): PermissionService => {
    const read = service.findRolePermissions.bind(service);
    const rolePermissions = cacheOf(app);
    return {
      ...service,
      findRolePermissions: async (roleId: RoleId) => {
        const now = Date.now();
        let cached = rolePermissions.get(roleId);
        if (!cached || now - cached.readAt > ROLE_PERMISSIONS_TTL_MS) {
          cached = { readAt: now, permissions: read(roleId) };
          rolePermissions.set(roleId, cached);
          // A failed read is not kept.
          cached.permissions.catch(() => rolePermissions.delete(roleId));
        }
        return [...(await cached.permissions)];
      },
    };
  };
  // The plugin's services reach Strapi through the global where they are not given it.
  const globalApp = () => (globalThis as unknown as { strapi: object }).strapi;
  return typeof entry === 'function' ? (deps) => wrap(entry(deps), deps.strapi) : wrap(entry, globalApp());
};

type AbilityEngine = { generateAbility: (permissions: Permission[], options?: Record<string, unknown>) => Promise<unknown> };

/**
 * Drops the cached permissions whenever this instance writes a permission or a role, and lets the
 * content API's permission engine reuse the ability of a list of actions it has already built. Call
 * once at bootstrap.
 */
export const useRolePermissionCache = (strapi: Core.Strapi): void => {
  const forget = () => forgetRolePermissions(strapi);
  forget();
  strapi.db.lifecycles.subscribe({
    models: [PERMISSION_UID, ROLE_UID],
    afterCreate: forget,
    afterCreateMany: forget,
    afterUpdate: forget,
    afterUpdateMany: forget,
    afterDelete: forget,
    afterDeleteMany: forget,
  });

  const engine = (strapi as unknown as { contentAPI: { permissions: { engine: AbilityEngine } } }).contentAPI.permissions.engine;
  const build = engine.generateAbility.bind(engine);
  const abilities = new Map<string, Promise<unknown>>();
  engine.generateAbility = (permissions, options) => {
    // Only plain action lists (what users-permissions hands over) are reused; anything else is built anew.
    const plain =
      (!options || Object.keys(options).length === 0) && permissions.every((permission) => Object.keys(permission).length === 1);
    if (!plain) return build(permissions, options);
    const key = permissions.map((permission) => String(permission.action)).join('\n');
    let ability = abilities.get(key);
    if (!ability) {
      if (abilities.size >= ABILITIES_KEPT) abilities.clear();
      ability = build(permissions, options);
      abilities.set(key, ability);
      ability.catch(() => abilities.delete(key));
    }
    return ability;
  };
};
