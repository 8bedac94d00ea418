import type { Core } from '@strapi/strapi';

export type ActorKind = 'admin' | 'user' | 'api-token' | 'system';
export type RequestOrigin = 'admin-panel' | 'rest-api' | 'script';

/** Who is behind the current write, and through which door it came. */
export interface Actor {
  kind: ActorKind;
  id: number | null;
  name: string;
  origin: RequestOrigin;
  /** The users-permissions role type (teacher, parent, …) of a REST account. */
  roleType?: string;
  /** The type of an API token: read-only, full-access or custom. */
  tokenType?: string;
}

export interface RequestState {
  auth?: { strategy?: { name?: string }; credentials?: { id?: number; name?: string; type?: string } };
  user?: { id?: number; username?: string; email?: string; firstname?: string; lastname?: string; role?: { type?: string } };
}

const SYSTEM: Actor = { kind: 'system', id: null, name: 'система', origin: 'script' };

/** Reads the actor from a request's Koa state; anything without an authenticated caller is the system's. */
export const actorFromState = (state: RequestState | undefined): Actor => {
  const strategy = state?.auth?.strategy?.name;
  if (!state || !strategy) return SYSTEM;
  if (strategy === 'admin' && state.user) {
    const name = [state.user.firstname, state.user.lastname].filter(Boolean).join(' ') || state.user.email || 'администратор';
    return { kind: 'admin', id: state.user.id ?? null, name, origin: 'admin-panel' };
  }
  if (strategy === 'users-permissions' && state.user) {
    return {
      kind: 'user',
      id: state.user.id ?? null,
      name: state.user.username ?? '',
      origin: 'rest-api',
      roleType: state.user.role?.type,
    };
  }
  if (strategy === 'content-api-token' || strategy === 'api-token') {
    const token = state.auth?.credentials;
    return { kind: 'api-token', id: token?.id ?? null, name: token?.name ?? 'API-токен', origin: 'rest-api', tokenType: token?.type };
  }
  return SYSTEM;
};

/** The actor of the current request (Strapi's request context); writes outside a request are the system's. */
export const currentActor = (strapi: Core.Strapi): Actor => actorFromState(strapi.requestContext.get()?.state as RequestState | undefined);
