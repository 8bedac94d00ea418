import { errors } from '@strapi/utils';
import { cachingRolePermissions } from '../../access/role-permission-cache';

/**
 * The school's additions to the users-permissions plugin (Strapi 5 plugin extension, run before the
 * plugin registers):
 * - `mustChangePassword` on the user: set with every one-time password (login slips,
 *   `src/api/login-slip`); while it is true the account may only change its password
 *   (`src/middlewares/must-change-password.ts`);
 * - changing (or resetting through the e-mailed code) one's password clears it;
 * - nobody sets it through the content API: `POST/PUT /api/users` and registration refuse the field.
 *   The plugin's own controllers pass the request body to the user service without input
 *   sanitisation (`user.update` edits with `{ ...ctx.request.body }`), and registration keeps only
 *   `username`, `email`, `password` and `register.allowedFields` — so the field is refused here,
 *   whatever `allowedFields` may later say. The admin panel's content manager may still set it.
 * - `fullName` («ФИО», at most 200 characters) names a staff account in reports, tables and PDFs
 *   (`src/access/staff-name.ts`); set in the admin panel, or by whoever may edit accounts through
 *   `PUT /api/users/:id` (never on one's own account, never at registration); a longer value is 400.
 * - a role that reads the account list only to name staff (the head of a methodical association naming
 *   a meeting's chair, secretary and executors) gets staff accounts only: `GET /api/users` leaves out
 *   parents' and pupils' accounts, and `GET /api/users/:id` of one answers 404.
 */

export const MUST_CHANGE_PASSWORD = 'mustChangePassword';
export const FULL_NAME = 'fullName';
export const FULL_NAME_MAX = 200;
const USER_UID = 'plugin::users-permissions.user';

type Ctx = {
  state: { user?: { id?: number; role?: { type?: string } } };
  params?: { id?: unknown };
  request: { body?: unknown };
  body?: unknown;
  status: number;
};
type Action = (ctx: Ctx, next?: () => Promise<unknown>) => Promise<unknown>;
type Controller = Record<string, Action>;
type ControllerEntry = Controller | ((deps: { strapi: unknown }) => Controller);

interface UserQuery {
  findOne: (params: Record<string, unknown>) => Promise<{ id: number } | null>;
  findMany: (params: Record<string, unknown>) => Promise<Array<{ id: number }>>;
  update: (params: Record<string, unknown>) => Promise<unknown>;
}

interface UsersPermissionsPlugin {
  contentTypes: Record<string, { schema: { attributes: Record<string, Record<string, unknown>> } }>;
  controllers: Record<string, ControllerEntry>;
  services: Record<string, unknown>;
}

/** The plugin's own controllers reach Strapi through the global too. */
const users = (): UserQuery =>
  (globalThis as unknown as { strapi: { db: { query: (uid: string) => UserQuery } } }).strapi.db.query(USER_UID);

const refuseFlag = (body: unknown): void => {
  if (body && typeof body === 'object' && MUST_CHANGE_PASSWORD in body) {
    const message = 'Признак «сменить пароль при входе» ставит школа при выдаче одноразового пароля; его нельзя задать через API';
    throw new errors.ValidationError(message, { errors: [{ path: [MUST_CHANGE_PASSWORD], message }] });
  }
};

const refuseFullName = (message: string): never => {
  throw new errors.ValidationError(message, { errors: [{ path: [FULL_NAME], message }] });
};

/** `fullName` in a body: a string of at most 200 characters, or null. */
const checkFullName = (body: unknown): void => {
  if (!body || typeof body !== 'object' || !(FULL_NAME in body)) return;
  const value = (body as Record<string, unknown>)[FULL_NAME];
  if (value === null) return;
  if (typeof value !== 'string') refuseFullName('ФИО — строка');
  else if (value.length > FULL_NAME_MAX) refuseFullName(`ФИО не длиннее ${FULL_NAME_MAX} символов`);
};

/** Nobody names themselves: the school sets the full name of an account. */
const refuseOwnFullName = (ctx: Ctx): void => {
  const body = ctx.request.body;
  if (!body || typeof body !== 'object' || !(FULL_NAME in body)) return;
  const own = ctx.state.user?.id;
  if (own === undefined || ctx.params?.id === undefined || String(ctx.params.id) === String(own)) {
    refuseFullName('ФИО сотрудника задаёт школа; в своей учётной записи его не изменить');
  }
};

const clearFlag = (id: number) => users().update({ where: { id }, data: { [MUST_CHANGE_PASSWORD]: false } });

/** The response's `user` shows the flag as it now is. */
const showCleared = (ctx: Ctx): void => {
  const user = (ctx.body as { user?: Record<string, unknown> } | undefined)?.user;
  if (user && MUST_CHANGE_PASSWORD in user) user[MUST_CHANGE_PASSWORD] = false;
};

const succeeded = (ctx: Ctx): boolean => ctx.status >= 200 && ctx.status < 300;

/** Roles that read accounts only to name staff; families' accounts are none of their business. */
const STAFF_ONLY_READERS = new Set(['methodologist']);
const FAMILY_ROLE_TYPES = ['parent', 'pupil', 'public', 'authenticated'];

const readsStaffOnly = (ctx: Ctx): boolean => STAFF_ONLY_READERS.has(ctx.state.user?.role?.type ?? '');

/** The ids among `ids` that are staff accounts. */
const staffAmong = async (ids: number[]): Promise<Set<number>> => {
  if (ids.length === 0) return new Set();
  const rows = await users().findMany({
    where: { id: { $in: ids }, role: { type: { $notIn: FAMILY_ROLE_TYPES } } },
    select: ['id'],
  });
  return new Set(rows.map((row) => row.id));
};

/** Wraps some actions of a controller, whether the plugin declares it as an object or as a factory. */
const wrapController = (entry: ControllerEntry, wrappers: Record<string, (original: Action) => Action>): ControllerEntry => {
  const wrap = (controller: Controller): Controller => {
    const wrapped = { ...controller };
    for (const [name, wrapper] of Object.entries(wrappers)) {
      if (typeof controller[name] === 'function') wrapped[name] = wrapper(controller[name]);
    }
    return wrapped;
  };
  return typeof entry === 'function' ? (deps) => wrap(entry(deps)) : wrap(entry);
};

export default (plugin: UsersPermissionsPlugin): UsersPermissionsPlugin => {
  plugin.contentTypes.user.schema.attributes[MUST_CHANGE_PASSWORD] = {
    type: 'boolean',
    default: false,
    configurable: false,
  };
  plugin.contentTypes.user.schema.attributes[FULL_NAME] = {
    type: 'string',
    maxLength: FULL_NAME_MAX,
    configurable: false,
  };

  // A role's permissions are read once per few seconds, not on every request (src/access/role-permission-cache.ts).
  plugin.services.permission = cachingRolePermissions(plugin.services.permission as Parameters<typeof cachingRolePermissions>[0]);

  plugin.controllers.auth = wrapController(plugin.controllers.auth, {
    changePassword: (original) => async (ctx, next) => {
      const result = await original(ctx, next);
      const id = ctx.state.user?.id;
      if (typeof id === 'number' && succeeded(ctx)) {
        await clearFlag(id);
        showCleared(ctx);
      }
      return result;
    },
    resetPassword: (original) => async (ctx, next) => {
      // The code identifies the account only until the reset clears it.
      const code = (ctx.request.body as { code?: unknown } | undefined)?.code;
      const account = typeof code === 'string' && code ? await users().findOne({ where: { resetPasswordToken: code } }) : null;
      const result = await original(ctx, next);
      if (account && succeeded(ctx)) {
        await clearFlag(account.id);
        showCleared(ctx);
      }
      return result;
    },
    register: (original) => async (ctx, next) => {
      refuseFlag(ctx.request.body);
      if (ctx.request.body && typeof ctx.request.body === 'object' && FULL_NAME in ctx.request.body) {
        refuseFullName('ФИО сотрудника задаёт школа; при регистрации его не указывают');
      }
      return original(ctx, next);
    },
  });

  const creating: (original: Action) => Action = (original) => async (ctx, next) => {
    refuseFlag(ctx.request.body);
    checkFullName(ctx.request.body);
    return original(ctx, next);
  };
  const updating: (original: Action) => Action = (original) => async (ctx, next) => {
    refuseFlag(ctx.request.body);
    checkFullName(ctx.request.body);
    refuseOwnFullName(ctx);
    return original(ctx, next);
  };
  const staffList: (original: Action) => Action = (original) => async (ctx, next) => {
    const result = await original(ctx, next);
    if (readsStaffOnly(ctx) && Array.isArray(ctx.body)) {
      const listed = ctx.body as Array<{ id?: number }>;
      const staff = await staffAmong(listed.map((account) => Number(account.id)));
      ctx.body = listed.filter((account) => staff.has(Number(account.id)));
    }
    return result;
  };
  const staffOne: (original: Action) => Action = (original) => async (ctx, next) => {
    const result = await original(ctx, next);
    const found = ctx.body as { id?: number } | undefined;
    if (readsStaffOnly(ctx) && found && typeof found.id === 'number' && !(await staffAmong([found.id])).has(found.id)) {
      throw new errors.NotFoundError('Учётная запись не найдена');
    }
    return result;
  };
  plugin.controllers.user = wrapController(plugin.controllers.user, {
    create: creating,
    update: updating,
    find: staffList,
    findOne: staffOne,
  });

  return plugin;
};
