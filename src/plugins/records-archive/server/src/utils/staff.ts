import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
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
