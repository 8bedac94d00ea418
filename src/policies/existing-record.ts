import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';

type KoaPolicyContext = Core.PolicyContext & { params?: Record<string, string> };

/**
 * `global::existing-record`: on the core update and delete routes of a record type, an id that names
 * no record answers 404. Strapi's core delete answers 204 whatever the id, as if something had been
 * deleted. Who may change an existing record is decided later (permissions, write scope).
 */
const existingRecord = async (
  policyContext: KoaPolicyContext,
  config: { uid?: UID.ContentType } | undefined,
  { strapi }: { strapi: Core.Strapi },
): Promise<boolean> => {
  const documentId = policyContext.params?.id;
  if (!documentId || !config?.uid) return true;
  const found = await strapi.db.query(config.uid).count({ where: { documentId } });
  if (found === 0) throw new errors.NotFoundError('Запись не найдена');
  return true;
};

export default existingRecord;
