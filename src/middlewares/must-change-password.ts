import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * `global::must-change-password`: an account holding a one-time password (`mustChangePassword`, set
 * by the login slips) may call only what it needs to replace it; every other content-API request
 * with its token gets 403 `PasswordChangeRequired`.
 *
 * Why a global middleware that reads the token itself. The flag belongs to the account, not to a
 * route, so the check must hold for every content-API route — core, custom and plugin routes alike,
 * and routes added later. Strapi authenticates per route, after the global middlewares, and only
 * has `ctx.state.user` inside the route's own chain; a policy would have to be added to every route
 * of every router (and forgotten on the next one), and wrapping the users-permissions auth strategy
 * would patch the plugin's internals. So this middleware, placed after `strapi::body`, resolves the
 * Bearer token with the users-permissions `jwt` service — the very call its auth strategy makes, in
 * both the legacy and the refresh-token modes — and reads the one flag by primary key. Requests
 * without a Bearer token, with an API token or an invalid/expired token are left to the route's own
 * authentication; the admin panel's routes are outside the REST prefix and never checked.
 *
 * Allowed while the flag is on: `POST /auth/change-password` (which clears the flag, see
 * `src/extensions/users-permissions/strapi-server.ts`), `GET /users/me`, and signing in, refreshing
 * and signing out (`POST /auth/local`, `/auth/refresh`, `/auth/logout`), which read no school data.
 */

const USER_UID = 'plugin::users-permissions.user';

const ALLOWED = new Set(['POST /auth/change-password', 'GET /users/me', 'POST /auth/local', 'POST /auth/refresh', 'POST /auth/logout']);

export const PASSWORD_CHANGE_REQUIRED = 'PasswordChangeRequired';

/** 403 with the name clients can act on: `{ data: null, error: { status: 403, name: 'PasswordChangeRequired', … } }`. */
export const passwordChangeRequired = (): errors.PolicyError => {
  const error = new errors.PolicyError(
    'Смените пароль: вы вошли с одноразовым паролем. Задайте свой пароль (POST /api/auth/change-password), после этого дневник откроется',
    { reason: 'must-change-password' },
  );
  // `strapi::errors` answers 403 for every ForbiddenError (PolicyError is one) with the error's own name and message.
  (error as { name: string }).name = PASSWORD_CHANGE_REQUIRED;
  return error;
};

interface KoaLike {
  method: string;
  path: string;
  request: { header: Record<string, string | string[] | undefined> };
}

/** The request as «METHOD /path» inside the REST prefix (lower case, no trailing slash), or null outside it. */
const restRoute = (ctx: KoaLike, prefix: string): string | null => {
  const path = ctx.path.toLowerCase().replace(/\/+$/, '');
  const base = prefix.toLowerCase().replace(/\/+$/, '');
  if (path !== base && !path.startsWith(`${base}/`)) return null;
  return `${ctx.method.toUpperCase()} ${path.slice(base.length) || '/'}`;
};

const hasBearer = (ctx: KoaLike): boolean => {
  const header = ctx.request.header.authorization;
  return typeof header === 'string' && /^bearer\s+\S+$/i.test(header.trim());
};

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: KoaLike, next: () => Promise<unknown>) => {
    const route = restRoute(ctx, String(strapi.config.get('api.rest.prefix', '/api')));
    if (!route || ALLOWED.has(route) || !hasBearer(ctx)) return next();
    let userId: unknown;
    try {
      const token = (await strapi.plugin('users-permissions').service('jwt').getToken(ctx)) as { id?: unknown } | null;
      userId = token?.id;
    } catch {
      // Not a users-permissions token (an API token) or no longer valid: the route's authentication decides.
      return next();
    }
    if (userId === undefined || userId === null) return next();
    const account = (await strapi.db.query(USER_UID).findOne({ where: { id: userId }, select: ['id', 'mustChangePassword'] })) as {
      mustChangePassword?: boolean | null;
    } | null;
    if (account?.mustChangePassword) throw passwordChangeRequired();
    return next();
  };
