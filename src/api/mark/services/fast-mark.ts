import type { Core, Schema, UID } from '@strapi/strapi';
import { sanitize } from '@strapi/utils';
import { auditWrite } from '../../../audit/audit-trail';
import { isEventListened } from '../../../events/listened-events';
import { prepareRecordWrite } from '../../../school/records';

/**
 * The fast path of `POST /api/marks` for a current mark (the journal grid's cell, issue 9: mark entry
 * over 300 marks/s). It makes the same write as the document service, below it:
 *
 * - the very same rules (`prepareRecordWrite`: scale, pupil on the list on the lesson date, lesson not
 *   in the future, the teacher's own journal, period not closed, weight default, setBy/setAt);
 * - Strapi's own entity validation of the model (required, lengths, enumerations, min/max);
 * - the row through Strapi's query engine (`strapi.db.query`: the mark row and its link rows, a new
 *   documentId, publishedAt as the document service sets it for a type without drafts);
 * - the audit entry through the trail's own `auditWrite`, in the same transaction, so the hash chain
 *   is the same;
 * - the `entry.create` event (webhooks) after the commit, with the entry populated as Strapi does,
 *   when anything listens for it.
 *
 * What it leaves out is the document service's generic machinery this one write does not need
 * (parameter and locale pipelines, component handling, the id transforms of every relation — the
 * rules hand back the ids they already resolved). Tests: tests/api/mark-fast-path.test.ts runs the same
 * inputs through both paths and compares refusals, rows and audit entries.
 *
 * Switched off by `api.marks.fastPath: false` in the configuration (then every mark takes the
 * document service). Document-service middlewares do not run here: today only the audit trail and
 * the record rules concern marks (`src/index.ts`), and both are called above; one added later for
 * marks must be called here too.
 */

const MARK: UID.ContentType = 'api::mark.mark';

/** Whether a create can take the fast path: a current mark, with no query parameters that shape the answer. */
export const takesFastPath = (strapi: Core.Strapi, data: unknown, query: Record<string, unknown> | undefined): boolean => {
  if (strapi.config.get<boolean>('api.marks.fastPath', true) === false) return false;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  if (query && Object.keys(query).length > 0) return false;
  const kind = (data as { kind?: unknown }).kind;
  return kind === undefined || kind === null || kind === 'current';
};

/** The mark's relations, read off its model once per Strapi instance (a model does not change while it runs). */
interface MarkRelations {
  names: Set<string>;
  /** Each relation with `populate: true`, as Strapi's deep populate gives them for the event. */
  eventPopulate: Record<string, true>;
}

const relationsByInstance = new WeakMap<Core.Strapi, MarkRelations>();

export const markRelations = (strapi: Core.Strapi): MarkRelations => {
  let relations = relationsByInstance.get(strapi);
  if (!relations) {
    const names = Object.entries(strapi.getModel(MARK).attributes as Record<string, { type: string }>)
      .filter(([, attribute]) => attribute.type === 'relation')
      .map(([name]) => name);
    relations = { names: new Set(names), eventPopulate: Object.fromEntries(names.map((name) => [name, true as const])) };
    relationsByInstance.set(strapi, relations);
  }
  return relations;
};

/**
 * The mark's model without its relations, for Strapi's entity validation of the fields: the relations
 * are the records the rules have just loaded (they refuse one that names nothing), so validating them
 * again would only repeat the existence reads, and Strapi builds every attribute's validator anew on
 * each call.
 */
const fieldsModelByInstance = new WeakMap<Core.Strapi, Schema.ContentType>();

const fieldsModelOf = (strapi: Core.Strapi): Schema.ContentType => {
  let fieldsModel = fieldsModelByInstance.get(strapi);
  if (!fieldsModel) {
    const model = strapi.getModel(MARK);
    const relations = markRelations(strapi).names;
    fieldsModel = {
      ...model,
      attributes: Object.fromEntries(Object.entries(model.attributes).filter(([name]) => !relations.has(name))),
    } as Schema.ContentType;
    fieldsModelByInstance.set(strapi, fieldsModel);
  }
  return fieldsModel;
};

/** What the mark will hold, split: its fields validated by Strapi's entity validation, its relations as the rules gave them. */
export const validateMarkData = async (
  strapi: Core.Strapi,
  data: Record<string, unknown>,
): Promise<{ fields: Record<string, unknown>; links: Record<string, unknown> }> => {
  const relations = markRelations(strapi).names;
  const fields = Object.fromEntries(Object.entries(data).filter(([name]) => !relations.has(name)));
  const valid = (await strapi.entityValidator.validateEntityCreation(
    fieldsModelOf(strapi),
    fields as never,
    { isDraft: false } as never,
  )) as Record<string, unknown>;
  return { fields: valid, links: Object.fromEntries(Object.entries(data).filter(([name]) => relations.has(name))) };
};

/**
 * Emits `entry.create` after the commit, with the entry as the document service's event manager sends
 * it — when anything receives it (a webhook of `entry.create`, src/events/listened-events.ts): else
 * the mark is not read back with its relations for nobody.
 */
export const emitCreated = (strapi: Core.Strapi, id: number): void => {
  if (!isEventListened(strapi, 'entry.create')) return;
  const model = strapi.getModel(MARK);
  const emit = async () => {
    const entry = await strapi.db.query(MARK).findOne({ where: { id }, populate: markRelations(strapi).eventPopulate });
    const sanitized = await sanitize.sanitizers.defaultSanitizeOutput(
      { schema: model, getModel: (uid) => strapi.getModel(uid as UID.Schema) },
      entry,
    );
    await strapi.eventHub.emit('entry.create', { model: model.modelName, uid: model.uid, entry: sanitized });
  };
  void strapi.db.transaction(({ onCommit }) => {
    onCommit(() => {
      emit().catch((error: unknown) => strapi.log.error(`entry.create event of mark ${id}: ${String(error)}`));
    });
  });
};

/**
 * Creates one current mark from the (sanitised) REST input and returns the stored row, as
 * `strapi.documents('api::mark.mark').create({ data })` would; refuses what the document service refuses.
 */
export const createCurrentMark = async (strapi: Core.Strapi, input: Record<string, unknown>): Promise<Record<string, unknown>> => {
  const created = (await strapi.db.transaction(async ({ trx }) => {
    const prepared = (await prepareRecordWrite(strapi, MARK, 'create', input)) ?? input;
    // The document service sets publishedAt on every write of a type without drafts.
    const { fields, links } = await validateMarkData(strapi, { ...prepared, publishedAt: new Date() });
    const row = (await strapi.db.query(MARK).create({ data: { ...fields, ...links } })) as Record<string, unknown> & {
      id: number;
      documentId: string;
    };
    await auditWrite(strapi, trx as never, { uid: MARK, action: 'create', documentId: row.documentId, before: null });
    emitCreated(strapi, row.id);
    return row;
  })) as Record<string, unknown>;
  return created;
};
