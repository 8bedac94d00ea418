import type { Core } from '@strapi/strapi';
import { currentActor } from '../../access/request-actor';

/**
 * The users-permissions account (teacher, class teacher, …) behind the current REST request, or
 * null for admin-panel and script writes, which Strapi records itself in createdBy/updatedBy.
 */
export const currentRestAccount = (strapi: Core.Strapi): { id: number } | null => {
  const actor = currentActor(strapi);
  return actor.kind === 'user' && actor.id !== null ? { id: actor.id } : null;
};
