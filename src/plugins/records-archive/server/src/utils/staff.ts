import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import type { Reader } from '../../../../../access/record-scope';
import type { StaffAccountState } from '../../../../../school/records/author';

interface AdminState extends StaffAccountState {
  user?: { id: number; email?: string };
}

/**
 * The school account (users-permissions) of the admin-panel user, matched by e-mail: a teacher's
 * admin account reaches the journals listed under their school account. Put on the request state,
 * so the record rules record the staff member as the author (`setBy`) of what they write.
 */
export const staffAccountOf = async (strapi: Core.Strapi, ctx: Context): Promise<{ id: number } | null> => {
  const state = ctx.state as AdminState;
  const email = state.user?.email?.toLowerCase();
  if (!email) return null;
  const account = (await strapi.db.query('plugin::users-permissions.user').findOne({ where: { email }, select: ['id'] })) as {
    id: number;
  } | null;
  if (account) state.staffAccountId = account.id;
  return account;
};

/**
 * The admin-panel user as the REST rules see their school account (the same e-mail): pages that show
 * pupils' data with the staff member's own reach read through it. Refused (403) without such an account.
 */
export const staffReaderOf = async (strapi: Core.Strapi, ctx: Context): Promise<Reader & { id: number }> => {
  const state = ctx.state as AdminState;
  const email = state.user?.email?.toLowerCase();
  const account = email
    ? ((await strapi.db.query('plugin::users-permissions.user').findOne({
        where: { email, blocked: false },
        select: ['id'],
        populate: { role: { select: ['type'] } },
      })) as { id: number; role: { type: string } | null } | null)
    : null;
  if (!account?.role) {
    throw new errors.PolicyError(
      'Ваша учётная запись админ-панели не связана с учётной записью сотрудника школы (тот же e-mail): страница открывается с правами сотрудника',
    );
  }
  state.staffAccountId = account.id;
  return { kind: 'user', id: account.id, roleType: account.role.type };
};
