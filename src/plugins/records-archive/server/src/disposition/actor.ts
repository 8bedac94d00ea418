import type { Core } from '@strapi/strapi';

/**
 * Who did something, as it is written into acts, holds, backups and rule versions: kept as text
 * (with the account id) so that the record stays readable after the account is gone.
 */
export interface Actor {
  id: number | null;
  name: string;
  kind: 'admin' | 'api' | 'system';
}

export const SYSTEM_ACTOR: Actor = { id: null, name: 'system', kind: 'system' };

interface UserLike {
  id?: number;
  email?: string | null;
  username?: string | null;
  firstname?: string | null;
  lastname?: string | null;
}

interface RequestState {
  auth?: { strategy?: { name?: string } };
  user?: UserLike;
}

/** «Имя Фамилия <email>» of an admin user (or of a REST account). */
export const actorOfUser = (user: UserLike | null | undefined, kind: Actor['kind'] = 'admin'): Actor => {
  if (!user || typeof user.id !== 'number') return SYSTEM_ACTOR;
  const name = [user.firstname, user.lastname].filter(Boolean).join(' ').trim();
  const contact = user.email ?? user.username ?? `#${user.id}`;
  return { id: user.id, name: name ? `${name} <${contact}>` : contact, kind };
};

/** The user behind the current request (admin panel or REST), or the system for jobs and scripts. */
export const currentActor = (strapi: Core.Strapi): Actor => {
  const state = strapi.requestContext.get()?.state as RequestState | undefined;
  if (!state?.user) return SYSTEM_ACTOR;
  return actorOfUser(state.user, state.auth?.strategy?.name === 'admin' ? 'admin' : 'api');
};
