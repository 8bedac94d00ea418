import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const REGULATION = 'api::regulation.regulation';

interface StoredEdition {
  id: number;
  documentId: string;
  editionNumber: number | null;
  state: string;
}

const editions = (strapi: Core.Strapi) => strapi.db.query(REGULATION);

/**
 * Adopted editions are the history of the regulation (seed 003 §7.4): they stay readable and are
 * never deleted. A draft, never in force, may be.
 */
const refuseDeletingAdopted = async (strapi: Core.Strapi, documentId: string): Promise<void> => {
  const edition = (await editions(strapi).findOne({
    where: { documentId },
    select: ['id', 'state', 'editionNumber'],
  })) as StoredEdition | null;
  if (!edition || edition.state === 'draft') return;
  const what = edition.state === 'current' ? 'Действующую редакцию' : 'Редакцию, утратившую силу,';
  const message = `${what} Положения (№ ${String(edition.editionNumber)}) удалить нельзя: принятые редакции хранятся как история Положения`;
  throw new errors.ValidationError(message, { errors: [{ path: ['state'], message, name: 'ValidationError' }] });
};

/**
 * When an edition comes into force, every other edition in force loses it: state «superseded»,
 * when, and by which edition. Runs inside the transaction of the write that made it current.
 */
const supersedeOthers = async (strapi: Core.Strapi, documentId: string): Promise<void> => {
  const edition = (await editions(strapi).findOne({ where: { documentId }, select: ['id', 'state'] })) as StoredEdition | null;
  if (edition?.state !== 'current') return;
  const previous = (await editions(strapi).findMany({
    where: { state: 'current', id: { $ne: edition.id } },
    select: ['id'],
  })) as StoredEdition[];
  const supersededAt = new Date();
  for (const { id } of previous) {
    await editions(strapi).update({ where: { id }, data: { state: 'superseded', supersededAt, supersededBy: edition.id } });
  }
};

/**
 * The regulation's own document-service middleware: refuses to delete an adopted edition and, after a
 * write that puts an edition in force, supersedes the previous one in the same transaction. The
 * record rules (`src/school/records/regulation-rules.ts`) check the write itself.
 */
export const regulationLifecycleMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== REGULATION) return next();
    if (context.action === 'delete') {
      const { documentId } = context.params as { documentId?: string };
      if (documentId) await refuseDeletingAdopted(strapi, documentId);
      return next();
    }
    if (context.action !== 'create' && context.action !== 'update' && context.action !== 'clone') return next();
    return strapi.db.transaction(async () => {
      const result = await next();
      const documentId = (result as { documentId?: string } | null)?.documentId;
      if (documentId) await supersedeOthers(strapi, documentId);
      return result;
    });
  };

const registered = new WeakSet<Core.Strapi>();

/** Registers the middleware once per Strapi instance (called from the regulation API's `register`). */
export const registerRegulationLifecycle = (strapi: Core.Strapi): void => {
  if (registered.has(strapi)) return;
  registered.add(strapi);
  strapi.documents.use(regulationLifecycleMiddleware(strapi));
};
