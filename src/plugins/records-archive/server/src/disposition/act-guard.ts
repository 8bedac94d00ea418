import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DESTRUCTION_ACT_UID } from '../constants';

/**
 * A destruction act is kept permanently: nothing deletes it, whatever the route. Acts are drafted,
 * approved and executed only through the disposition service (and its admin routes, which check
 * the RBAC actions), never by writing the document directly.
 */

export const ACT_KEPT_MESSAGE = 'Акт о выделении к уничтожению хранится постоянно и не может быть удалён';
const ACT_WRITE_MESSAGE = 'Акты составляются, утверждаются и исполняются только в разделе «Уничтожение по акту»';

/** Document-service middleware (registered in `register`). */
export const destructionActMiddleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
  if (context.uid !== DESTRUCTION_ACT_UID) return next();
  if (context.action === 'delete') throw new errors.ForbiddenError(ACT_KEPT_MESSAGE);
  if (['create', 'update', 'clone', 'publish', 'unpublish', 'discardDraft'].includes(context.action)) {
    throw new errors.ForbiddenError(ACT_WRITE_MESSAGE);
  }
  return next();
};

let unsubscribe: (() => void) | null = null;

/** Database lifecycles (subscribed in `bootstrap`): even a query-engine delete of an act is refused. */
export const guardActDeletes = (strapi: Core.Strapi): void => {
  unsubscribe?.();
  unsubscribe = strapi.db.lifecycles.subscribe({
    models: [DESTRUCTION_ACT_UID],
    beforeDelete() {
      throw new errors.ForbiddenError(ACT_KEPT_MESSAGE);
    },
    beforeDeleteMany() {
      throw new errors.ForbiddenError(ACT_KEPT_MESSAGE);
    },
  });
};

/** Removes the lifecycle subscription (`destroy`). */
export const releaseActGuard = (): void => {
  unsubscribe?.();
  unsubscribe = null;
};
