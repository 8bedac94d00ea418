import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { StoredRecord } from '../../school/records/draft';
import { classOfPupil, EXAM_RESULT, examJournalOf, isProtocolMarkWrite, runProtocolMark } from '../../school/records/exam-result-rules';

const MARK = 'api::mark.mark';

/**
 * The 9th grade's exam mark (mark kind `exam`, counted in the final marks of the аттестат) has one
 * source: the ОГЭ/ГВЭ protocol. Every write of a 9th-grade ОГЭ/ГВЭ result writes the pupil's exam
 * mark in their class journal of that subject — the latest result of the subject by date (a retake
 * replaces a failure) — in the same transaction; removing the last result removes the mark. Teachers
 * never type it: the mark rules refuse an exam mark in a 9th-grade journal outside this sync.
 */
export const syncJournalExamMark = async (strapi: Core.Strapi, studentId: number, subjectId: number): Promise<void> => {
  const latest = (await strapi.db.query(EXAM_RESULT).findOne({
    where: {
      student: { id: studentId },
      subject: { id: subjectId },
      examKind: { $in: ['oge', 'gve'] },
      grade: 9,
      mark: { $notNull: true },
    },
    orderBy: [{ date: 'desc' }, { id: 'desc' }],
    populate: { academicYear: { select: ['id', 'startDate'] } },
  })) as StoredRecord | null;
  const existing = (await strapi.db.query(MARK).findMany({
    where: {
      student: { id: studentId },
      kind: 'exam',
      journal: { subject: { id: subjectId }, kind: 'classroom', schoolClass: { grade: 9 } },
    },
    populate: { journal: { select: ['id'] } },
  })) as StoredRecord[];
  const year = latest?.academicYear as StoredRecord | null | undefined;
  const schoolClass = latest && year ? await classOfPupil(strapi, studentId, { id: year.id, startDate: String(year.startDate) }) : null;
  const journal = schoolClass ? await examJournalOf(strapi, schoolClass.id, subjectId) : null;
  await runProtocolMark(async () => {
    for (const mark of existing) {
      if (journal && (mark.journal as StoredRecord | null)?.id === journal.id) continue;
      await strapi.documents(MARK).delete({ documentId: mark.documentId });
    }
    if (!latest || !journal) return;
    const value = String(latest.mark);
    const current = existing.find((mark) => (mark.journal as StoredRecord | null)?.id === journal.id);
    if (current) {
      if (String(current.value) !== value || String(current.date) !== String(latest.date)) {
        await strapi.documents(MARK).update({ documentId: current.documentId, data: { value, date: latest.date } } as never);
      }
    } else {
      await strapi.documents(MARK).create({
        data: { kind: 'exam', journal: journal.documentId, student: { id: studentId }, value, date: latest.date },
      } as never);
    }
  });
};

const relationIdOf = (value: unknown): number | null => {
  const id = (value as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'number' ? id : null;
};

const pairOf = async (strapi: Core.Strapi, documentId: string): Promise<[number, number] | null> => {
  const row = (await strapi.db.query(EXAM_RESULT).findOne({
    where: { documentId },
    populate: { student: { select: ['id'] }, subject: { select: ['id'] } },
  })) as StoredRecord | null;
  const student = relationIdOf(row?.student);
  const subject = relationIdOf(row?.subject);
  return student !== null && subject !== null ? [student, subject] : null;
};

/**
 * Document-service middleware: after each create, update or delete of an exam result, the journal's
 * exam mark of the pupil and subject (before and after the write) follows, in the write's
 * transaction; a 9th-grade exam mark is not deleted by hand.
 */
export const examResultMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    const params = context.params as { documentId?: string };
    if (context.uid === MARK && context.action === 'delete' && params.documentId && !isProtocolMarkWrite()) {
      const mark = (await strapi.db.query(MARK).findOne({
        where: { documentId: params.documentId },
        populate: { journal: { select: ['kind'], populate: { schoolClass: { select: ['grade'] } } } },
      })) as StoredRecord | null;
      const journal = mark?.journal as StoredRecord | null | undefined;
      if (mark?.kind === 'exam' && journal?.kind === 'classroom' && Number((journal.schoolClass as StoredRecord | null)?.grade) === 9) {
        throw new errors.PolicyError('Экзаменационная отметка 9 класса снимается только вместе с результатом ГИА в протоколе');
      }
      return next();
    }
    if (context.uid !== EXAM_RESULT || !['create', 'update', 'delete'].includes(context.action)) return next();
    return strapi.db.transaction(async () => {
      const before = params.documentId ? await pairOf(strapi, params.documentId) : null;
      const result = await next();
      const documentId = (result as { documentId?: string } | null)?.documentId ?? params.documentId;
      const after = context.action !== 'delete' && documentId ? await pairOf(strapi, documentId) : null;
      const pairs = new Map<string, [number, number]>();
      for (const pair of [before, after]) if (pair) pairs.set(pair.join(':'), pair);
      for (const [student, subject] of pairs.values()) await syncJournalExamMark(strapi, student, subject);
      return result;
    });
  };
