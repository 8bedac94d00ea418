import type { Core } from '@strapi/strapi';
import { currentActor } from '../../access/request-actor';

/** Set on an admin request's Koa state when the admin user is a member of staff with a school account. */
export interface StaffAccountState {
  staffAccountId?: number;
}

/**
 * The users-permissions account (teacher, class teacher, …) behind the current write: the REST
 * caller, or the school account of an admin-panel user working in the journal grid (the grid's
 * admin routes put it on the request state). Null for other admin-panel and script writes, which
 * Strapi records itself in createdBy/updatedBy.
 */
export const currentRestAccount = (strapi: Core.Strapi): { id: number } | null => {
  const actor = currentActor(strapi);
  if (actor.kind === 'user' && actor.id !== null) return { id: actor.id };
  const staffAccountId = (strapi.requestContext.get()?.state as StaffAccountState | undefined)?.staffAccountId;
  return actor.kind === 'admin' && staffAccountId ? { id: staffAccountId } : null;
};
