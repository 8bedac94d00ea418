import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { AUDIT_UID } from '../../../audit/audit-trail';

/**
 * The sync feed for external journal platforms (Дневник.ру, the regional АСУ): every create,
 * update and delete of marks, attendance and lessons, in the order they were committed, read from
 * the audit trail (`src/audit/`). The trail's `sequence` is the cursor: each entry is appended in
 * the write's own transaction, one at a time at the head of the chain (SQLite's write lock, a
 * PostgreSQL advisory lock held to commit), so a sequence number becomes visible only after every
 * smaller one — a reader that has seen N has seen all up to N. A page is cut at the trail's head
 * read before it, so nothing committed later slips in between pages; nothing is lost or repeated.
 *
 * Each change carries the record as it was right after that change (a deletion: as it was when
 * deleted), rebuilt from the record's current row and the trail's before-values walking back, so a
 * consumer that missed nothing can replay the feed as is.
 */

export const FEED_TYPES = {
  'api::mark.mark': 'mark',
  'api::attendance.attendance': 'attendance',
  'api::lesson.lesson': 'lesson',
} as const;
type FeedUid = keyof typeof FEED_TYPES;
export type FeedEntity = (typeof FEED_TYPES)[FeedUid];

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

type Snapshot = Record<string, unknown>;

interface TrailEntry {
  sequence: string | number;
  occurredAt: string | Date;
  action: 'create' | 'update' | 'delete';
  recordType: FeedUid;
  recordDocumentId: string;
  before: Snapshot | null;
  after: Snapshot | null;
}

export interface FeedChange {
  cursor: string;
  operation: 'create' | 'update' | 'delete';
  entity: FeedEntity;
  documentId: string;
  occurredAt: string;
  /** The fields an update changed, named as here; null for a create or a delete. */
  changedFields: string[] | null;
  pupil: string | null;
  journal: string | null;
  lesson: string | null;
  schoolClass: string | null;
  subject: string | null;
  studyPeriod: string | null;
  date: string | null;
  /** mark: current / periodic / annual / exam / final; attendance: absent / ill / excused / late; lesson: null. */
  kind: string | null;
  value: string | null;
  numericValue: number | null;
  weight: number | null;
  workType: string | null;
  minutesLate: number | null;
  lessonNumber: number | null;
  topic: string | null;
  homework: string | null;
  comment: string | null;
}

/** The record's fields as the feed names them; others (who set a mark and when, lesson materials) are not published. */
const FEED_FIELD_NAMES: Record<string, string> = {
  student: 'pupil',
  journal: 'journal',
  lesson: 'lesson',
  studyPeriod: 'studyPeriod',
  date: 'date',
  kind: 'kind',
  value: 'value',
  numericValue: 'numericValue',
  weight: 'weight',
  workType: 'workType',
  minutesLate: 'minutesLate',
  number: 'lessonNumber',
  topic: 'topic',
  homework: 'homework',
  comment: 'comment',
};

const fieldError = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

/** `after`: a non-negative whole number (the `cursor` of the last change read), 0 or absent to start. */
export const parseCursor = (input: unknown): number => {
  if (input === undefined || input === '') return 0;
  if (typeof input !== 'string' || !/^\d{1,15}$/.test(input)) {
    throw fieldError('after', 'Курсор after — целое неотрицательное число (cursor последнего прочитанного изменения), 0 — с начала');
  }
  return Number(input);
};

/** `limit`: 1..1000, 100 by default. */
export const parseLimit = (input: unknown): number => {
  if (input === undefined || input === '') return DEFAULT_LIMIT;
  const limit = typeof input === 'string' && /^\d{1,4}$/.test(input) ? Number(input) : NaN;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw fieldError('limit', `Размер страницы limit — целое число от 1 до ${MAX_LIMIT}`);
  }
  return limit;
};

const text = (value: unknown): string | null => (value === null || value === undefined || value === '' ? null : String(value));
const number = (value: unknown): number | null => {
  if (value === null || value === undefined || value === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
};

/** The values of each record as the trail snapshots them: relations as document ids. */
const RELATIONS: Record<FeedUid, string[]> = {
  'api::mark.mark': ['student', 'journal', 'lesson', 'studyPeriod'],
  'api::attendance.attendance': ['student', 'journal', 'lesson'],
  'api::lesson.lesson': ['journal', 'studyPeriod'],
};

/**
 * The record as it was after each of its changes, walking back from its current row (or from the
 * deletion's full before-values) through the trail's before-values of every later update.
 */
export const statesAfterEachChange = (current: Snapshot | null, history: TrailEntry[]): Map<number, Snapshot> => {
  const states = new Map<number, Snapshot>();
  let state: Snapshot | null = current;
  for (const entry of [...history].sort((a, b) => Number(b.sequence) - Number(a.sequence))) {
    const sequence = Number(entry.sequence);
    if (entry.action === 'delete') {
      state = { ...(entry.before ?? {}) };
      states.set(sequence, state);
    } else if (entry.action === 'update') {
      states.set(sequence, { ...(state ?? {}) });
      state = { ...(state ?? {}), ...(entry.before ?? {}) };
    } else {
      states.set(sequence, { ...(state ?? entry.after ?? {}) });
      state = null;
    }
  }
  return states;
};

const createExchangeService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** The current rows of records, as snapshots (relations as document ids). */
  const currentRows = async (uid: FeedUid, documentIds: string[]): Promise<Map<string, Snapshot>> => {
    if (documentIds.length === 0) return new Map();
    const populate = Object.fromEntries(RELATIONS[uid].map((name) => [name, { select: ['documentId'] }]));
    const rows = (await strapi.db.query(uid as UID.ContentType).findMany({
      where: { documentId: { $in: documentIds } },
      populate,
    })) as Array<Record<string, unknown>>;
    return new Map(
      rows.map((row) => {
        const snapshot: Snapshot = { ...row };
        for (const name of RELATIONS[uid]) snapshot[name] = (row[name] as { documentId?: string } | null)?.documentId ?? null;
        return [row.documentId as string, snapshot];
      }),
    );
  };

  /** The class and subject of each journal (from its row, or its trail when it has been deleted). */
  const journalsOf = async (documentIds: string[]): Promise<Map<string, { schoolClass: string | null; subject: string | null }>> => {
    const result = new Map<string, { schoolClass: string | null; subject: string | null }>();
    if (documentIds.length === 0) return result;
    const rows = (await strapi.db.query('api::journal.journal').findMany({
      where: { documentId: { $in: documentIds } },
      populate: { schoolClass: { select: ['documentId'] }, subject: { select: ['documentId'] } },
    })) as Array<{ documentId: string; schoolClass: { documentId: string } | null; subject: { documentId: string } | null }>;
    for (const row of rows) {
      result.set(row.documentId, { schoolClass: row.schoolClass?.documentId ?? null, subject: row.subject?.documentId ?? null });
    }
    const missing = documentIds.filter((documentId) => !result.has(documentId));
    if (missing.length > 0) {
      const trail = (await strapi.db.query(AUDIT_UID).findMany({
        where: { recordType: 'api::journal.journal', recordDocumentId: { $in: missing }, action: { $in: ['create', 'update', 'delete'] } },
        orderBy: { sequence: 'asc' },
      })) as TrailEntry[];
      for (const entry of trail) {
        const known = result.get(entry.recordDocumentId) ?? { schoolClass: null, subject: null };
        const values = entry.action === 'delete' ? (entry.before ?? {}) : (entry.after ?? {});
        if ('schoolClass' in values) known.schoolClass = text(values.schoolClass);
        if ('subject' in values) known.subject = text(values.subject);
        result.set(entry.recordDocumentId, known);
      }
    }
    return result;
  };

  return {
    /**
     * The changes after the cursor `after`, at most `limit`, oldest first; `meta.cursor` is what to
     * send as `after` next time, `meta.hasMore` whether to ask again at once.
     */
    async changes(afterInput: unknown, limitInput: unknown) {
      const after = parseCursor(afterInput);
      const limit = parseLimit(limitInput);
      const head = (await strapi.db.query(AUDIT_UID).findOne({ select: ['sequence'], orderBy: { sequence: 'desc' } })) as {
        sequence: string | number;
      } | null;
      const headSequence = Number(head?.sequence ?? 0);
      if (after > headSequence) {
        throw fieldError(
          'after',
          `Курсор ${after} впереди журнала изменений (последняя запись № ${headSequence}): база восстановлена из копии? Начните заново с after=0`,
        );
      }
      const found = (await strapi.db.query(AUDIT_UID).findMany({
        where: {
          sequence: { $gt: after, $lte: headSequence },
          recordType: { $in: Object.keys(FEED_TYPES) },
          action: { $in: ['create', 'update', 'delete'] },
        },
        orderBy: { sequence: 'asc' },
        limit: limit + 1,
      })) as TrailEntry[];
      const hasMore = found.length > limit;
      const page = found.slice(0, limit);
      // A page that is not full has read everything up to the head: the next one starts there.
      const cursor = hasMore ? Number(page[page.length - 1].sequence) : headSequence;

      const states = new Map<number, Snapshot>();
      for (const uid of Object.keys(FEED_TYPES) as FeedUid[]) {
        const documentIds = [...new Set(page.filter((entry) => entry.recordType === uid).map((entry) => entry.recordDocumentId))];
        if (documentIds.length === 0) continue;
        const history = (await strapi.db.query(AUDIT_UID).findMany({
          where: { recordType: uid, recordDocumentId: { $in: documentIds }, action: { $in: ['create', 'update', 'delete'] } },
          orderBy: { sequence: 'asc' },
        })) as TrailEntry[];
        const rows = await currentRows(uid, documentIds);
        for (const documentId of documentIds) {
          const own = history.filter((entry) => entry.recordDocumentId === documentId);
          for (const [sequence, state] of statesAfterEachChange(rows.get(documentId) ?? null, own)) states.set(sequence, state);
        }
      }
      const journals = await journalsOf([
        ...new Set([...states.values()].map((state) => text(state.journal)).filter((id): id is string => !!id)),
      ]);

      const data: FeedChange[] = page.map((entry) => {
        const entity = FEED_TYPES[entry.recordType];
        const state = states.get(Number(entry.sequence)) ?? {};
        const journal = text(state.journal);
        const ofJournal = journal ? journals.get(journal) : undefined;
        return {
          cursor: String(Number(entry.sequence)),
          operation: entry.action,
          entity,
          documentId: entry.recordDocumentId,
          occurredAt: new Date(entry.occurredAt).toISOString(),
          changedFields:
            entry.action === 'update'
              ? Object.keys(entry.after ?? {})
                  .filter((field) => field in FEED_FIELD_NAMES)
                  .map((field) => FEED_FIELD_NAMES[field])
                  .sort()
              : null,
          pupil: entity === 'lesson' ? null : text(state.student),
          journal,
          lesson: entity === 'lesson' ? entry.recordDocumentId : text(state.lesson),
          schoolClass: ofJournal?.schoolClass ?? null,
          subject: ofJournal?.subject ?? null,
          studyPeriod: entity === 'attendance' ? null : text(state.studyPeriod),
          date: text(state.date),
          kind: entity === 'lesson' ? null : text(state.kind),
          value: entity === 'mark' ? text(state.value) : null,
          numericValue: entity === 'mark' ? number(state.numericValue) : null,
          weight: entity === 'attendance' ? null : number(state.weight),
          workType: entity === 'attendance' ? null : text(state.workType),
          minutesLate: entity === 'attendance' ? number(state.minutesLate) : null,
          lessonNumber: entity === 'lesson' ? number(state.number) : null,
          topic: entity === 'lesson' ? text(state.topic) : null,
          homework: entity === 'lesson' ? text(state.homework) : null,
          comment: entity === 'lesson' ? null : text(state.comment),
        };
      });
      return { data, meta: { after: String(after), cursor: String(cursor), hasMore, limit } };
    },
  };
};

export type ExchangeService = ReturnType<typeof createExchangeService>;

export default createExchangeService;
