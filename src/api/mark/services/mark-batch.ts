import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { auditCreations } from '../../../audit/audit-trail';
import { prepareRecordWrite } from '../../../school/records';
import { preloadRelated, recordValidationError, type FieldIssue } from '../../../school/records/draft';
import { withSharedReads } from '../../../school/records/shared-reads';
import { emitCreated, markRelations, validateMarkData } from './fast-mark';

/**
 * `POST /api/marks/batch`: the current marks of a lesson column (or any few lessons) in one request, as a
 * journal client sends what a teacher has filled in, and as a portal sends the results of a test.
 *
 * Each mark is judged exactly as `POST /api/marks` judges one — the same record rules
 * (`prepareRecordWrite`) and Strapi's entity validation — and all are judged before anything is
 * written, so the batch is all or nothing: one refused mark refuses the batch (HTTP 400 naming each
 * refused mark's place and field, `data.3.value`), and nothing is stored. Inside the batch the rules'
 * common reads (the journal, the lesson, the period, «teaches this journal», the period lock, the class
 * list on the lesson's date) are made once (`withSharedReads`), and the pupils are read in one query
 * (`preloadRelated`). The rows are then written together: the marks in one insert, each relation's
 * link rows in one insert, and the audit entries chained in the order of the batch (`auditCreations`),
 * all in one transaction. Tests: tests/api/mark-batch.test.ts compares every mark with the same mark
 * posted alone.
 */

const MARK: UID.ContentType = 'api::mark.mark';

/** The most marks one batch carries: a lesson column is 25–40 pupils. */
export const MARK_BATCH_LIMIT = 100;

interface LinkTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
  inverseOrderColumnName?: string;
  on?: unknown;
  morphColumn?: unknown;
}

/** The link table of each of the mark's relations kept in one (all are to-one links without order columns). */
const linkTablesByInstance = new WeakMap<Core.Strapi, Map<string, LinkTable>>();

const linkTablesOf = (strapi: Core.Strapi): Map<string, LinkTable> => {
  let tables = linkTablesByInstance.get(strapi);
  if (!tables) {
    const metadata = strapi.db.metadata.get(MARK) as unknown as { attributes: Record<string, { joinTable?: LinkTable }> };
    tables = new Map();
    for (const name of markRelations(strapi).names) {
      const table = metadata.attributes[name]?.joinTable;
      // createdBy and updatedBy are columns of the row (admin writes only), not link tables.
      if (!table) continue;
      if (table.on || table.morphColumn || table.orderColumnName || table.inverseOrderColumnName) {
        throw new Error(`mark batch: the relation ${name} is not a plain link table; write it through strapi.db.query`);
      }
      tables.set(name, table);
    }
    linkTablesByInstance.set(strapi, tables);
  }
  return tables;
};

/** A new document id, made as the query engine makes one for a row without it (the attribute's default). */
const newDocumentId = (strapi: Core.Strapi): string => {
  const attribute = (strapi.db.metadata.get(MARK) as unknown as { attributes: { documentId?: { default?: unknown } } }).attributes
    .documentId;
  if (typeof attribute?.default !== 'function') throw new Error('mark batch: the mark has no document id default');
  return String((attribute.default as () => unknown)());
};

/** What one mark of the batch was refused for, its fields' paths placed under `data.<index>`. */
const issuesOfItem = (index: number, error: unknown): FieldIssue[] | null => {
  if (!(error instanceof errors.ValidationError)) return null;
  const place = `Отметка № ${index + 1}`;
  const details = error.details as { errors?: Array<{ path?: unknown; message?: string }>; key?: string; path?: string } | undefined;
  const listed = details?.errors ?? [];
  if (listed.length === 0) {
    // Strapi's input validation names the field (`path`, e.g. «Invalid key $ne at student»), or the unknown key itself.
    const field = typeof details?.path === 'string' && details.path ? details.path.split('.') : details?.key ? [details.key] : [];
    return [{ path: ['data', String(index), ...field], message: `${place}: ${error.message}`, name: 'ValidationError' }];
  }
  return listed.map((issue) => ({
    path: ['data', String(index), ...(Array.isArray(issue.path) ? issue.path.map(String) : issue.path ? [String(issue.path)] : [])],
    message: `${place}: ${issue.message ?? error.message}`,
    name: 'ValidationError' as const,
  }));
};

/** Refuses a batch that is not a list of 1…MARK_BATCH_LIMIT current marks, before anything is read. */
export const assertBatchShape = (data: unknown): Array<Record<string, unknown>> => {
  if (!Array.isArray(data)) {
    throw new errors.ValidationError('Отметки пакета передаются списком: { "data": [ { отметка }, … ] }', {
      errors: [{ path: ['data'], message: 'Отметки пакета передаются списком', name: 'ValidationError' }],
    });
  }
  if (data.length === 0 || data.length > MARK_BATCH_LIMIT) {
    const message = `В пакете от 1 до ${MARK_BATCH_LIMIT} отметок, а передано ${data.length}`;
    throw recordValidationError([{ path: ['data'], message, name: 'ValidationError' }]);
  }
  const issues: FieldIssue[] = [];
  data.forEach((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      issues.push({
        path: ['data', String(index)],
        message: `Отметка № ${index + 1}: передаётся объектом { поле: значение }`,
        name: 'ValidationError',
      });
      return;
    }
    const kind = (item as { kind?: unknown }).kind;
    if (kind !== undefined && kind !== null && kind !== 'current') {
      issues.push({
        path: ['data', String(index), 'kind'],
        message: `Отметка № ${index + 1}: пакетом выставляются только текущие отметки за уроки; отметку за период, год или экзамен выставляют по одной`,
        name: 'ValidationError',
      });
    }
  });
  if (issues.length > 0) throw recordValidationError(issues);
  return data as Array<Record<string, unknown>>;
};

/**
 * Judges every mark of the batch (`checkInput`: the controller's input validation and sanitising of
 * one item, then the record rules and the entity validation), then writes them all; returns the stored
 * rows in the order of the batch. Refuses the whole batch with every refused mark named.
 */
export const createMarkBatch = async (
  strapi: Core.Strapi,
  items: Array<Record<string, unknown>>,
  checkInput: (item: Record<string, unknown>) => Promise<Record<string, unknown>>,
): Promise<Array<Record<string, unknown>>> => {
  const links = linkTablesOf(strapi);
  return (await strapi.db.transaction(async ({ trx }) => {
    const judged = await withSharedReads(async () => {
      const issues: FieldIssue[] = [];
      const refuse = (index: number, error: unknown) => {
        const itemIssues = issuesOfItem(index, error);
        if (!itemIssues) throw error;
        issues.push(...itemIssues);
      };
      const inputs: Array<Record<string, unknown> | null> = [];
      for (const [index, item] of items.entries()) {
        try {
          inputs.push(await checkInput(item));
        } catch (error) {
          refuse(index, error);
          inputs.push(null);
        }
      }
      // The pupils of the column in one read; the rules of each mark find theirs among them.
      await preloadRelated(
        strapi,
        MARK,
        'student',
        inputs.map((input) => input?.student),
      );
      const marks: Array<{ fields: Record<string, unknown>; relations: Record<string, unknown> }> = [];
      for (const [index, input] of inputs.entries()) {
        if (!input) continue;
        try {
          const prepared = (await prepareRecordWrite(strapi, MARK, 'create', input)) ?? input;
          const { fields, links: relationValues } = await validateMarkData(strapi, { ...prepared, publishedAt: new Date() });
          // Relations kept in a link table are written below; any other (none from REST) stays in the row.
          const linked = Object.fromEntries(Object.entries(relationValues).filter(([name]) => links.has(name)));
          const inRow = Object.fromEntries(Object.entries(relationValues).filter(([name]) => !links.has(name)));
          marks.push({ fields: { ...fields, ...inRow }, relations: linked });
        } catch (error) {
          refuse(index, error);
        }
      }
      if (issues.length > 0) {
        // In the order of the batch (its input checks ran before the rules).
        issues.sort((a, b) => Number(a.path[1]) - Number(b.path[1]));
        throw recordValidationError(issues);
      }
      return marks;
    });

    // Each mark gets its document id here (as the query engine would), so the stored rows are found by
    // it: the ids an insert of many rows returns are not promised in the order of its rows.
    const documentIds = judged.map(() => newDocumentId(strapi));
    await strapi.db.query(MARK).createMany({ data: judged.map((mark, index) => ({ ...mark.fields, documentId: documentIds[index] })) });
    const stored = (await strapi.db.query(MARK).findMany({ where: { documentId: { $in: documentIds } } })) as Array<
      Record<string, unknown> & { id: number; documentId: string }
    >;
    const byDocumentId = new Map(stored.map((row) => [row.documentId, row]));
    const rows = documentIds.map((documentId) => {
      const row = byDocumentId.get(documentId);
      if (!row) throw new Error(`mark batch: the mark ${documentId} was not stored`);
      return row;
    });
    for (const [name, table] of links) {
      const linkRows = judged.flatMap((mark, index) => {
        const target = (mark.relations[name] as { id?: number } | null | undefined)?.id;
        return typeof target === 'number' ? [{ [table.joinColumn.name]: rows[index].id, [table.inverseJoinColumn.name]: target }] : [];
      });
      if (linkRows.length > 0) await trx(table.name).insert(linkRows);
    }
    await auditCreations(
      strapi,
      trx as never,
      MARK,
      rows.map((row) => row.documentId),
    );
    for (const row of rows) emitCreated(strapi, row.id);
    return rows;
  })) as Array<Record<string, unknown>>;
};
