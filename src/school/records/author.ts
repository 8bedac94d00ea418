import type { Core } from '@strapi/strapi';

interface RequestState {
  auth?: { strategy?: { name?: string } };
  user?: { id?: number; documentId?: string };
}

/**
 * The users-permissions account (teacher, class teacher, …) behind the current REST request, or
 * null for admin-panel and script writes, which Strapi records itself in createdBy/updatedBy.
 */
export const currentRestAccount = (strapi: Core.Strapi): { id: number } | null => {
  const state = strapi.requestContext.get()?.state as RequestState | undefined;
  if (state?.auth?.strategy?.name !== 'users-permissions' || typeof state.user?.id !== 'number') return null;
  return { id: state.user.id };
};
