import type { Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { INVENTORY_CHECK_UID } from '../constants';

/**
 * Inventory checks are drafted, filled and signed only through the paper-archive service (and its
 * admin routes, which check the RBAC actions); a signed check is kept as it was signed. So no
 * document-service call writes or deletes a check directly.
 */

export const CHECK_WRITE_MESSAGE =
  'Проверки наличия проводятся и подписываются только в разделе «Бумажный архив»; акты проверок не удаляются';

/** Document-service middleware (registered in `register`). */
export const inventoryCheckMiddleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
  if (context.uid !== INVENTORY_CHECK_UID) return next();
  if (['create', 'update', 'clone', 'delete', 'publish', 'unpublish', 'discardDraft'].includes(context.action)) {
    throw new errors.ForbiddenError(CHECK_WRITE_MESSAGE);
  }
  return next();
};
