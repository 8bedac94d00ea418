import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  EXTERNAL_ASSESSMENT,
  EXTERNAL_KIND_LABELS,
  EXTERNAL_KINDS,
  type ExternalKind,
} from '../../school/records/external-assessment-rules';

type Row = { id: number; documentId: string; [field: string]: unknown };

const fieldError = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

const round2 = (value: number): number => Math.round(value * 100) / 100;
const average = (values: number[]): number | null =>
  values.length ? round2(values.reduce((sum, value) => sum + value, 0) / values.length) : null;

const oneQueryValue = (value: unknown, field: string): string | null => {
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string') throw fieldError(field, `Параметр ${field} задаётся один раз, строкой`);
  return value.trim() || null;
};

export interface ObjectivityQuery {
  year?: unknown;
  subject?: unknown;
  grade?: unknown;
  kind?: unknown;
}

/**
 * Objectivity of marking (seed 003 §4.1-4.2): per class, subject and kind of external assessment,
 * the average external mark of the pupils who wrote it against the average of the same pupils' journal
 * marks in that subject (the annual mark, or else the mark of the latest period of the year), and the
 * share of pupils whose two marks differ by one point or more. A pupil counts once per group (their
 * latest result of the year); pupils without a journal mark are counted apart.
 */
export const objectivityReport = async (strapi: Core.Strapi, query: ObjectivityQuery) => {
  const yearName = oneQueryValue(query.year, 'year');
  const subjectName = oneQueryValue(query.subject, 'subject');
  const gradeText = oneQueryValue(query.grade, 'grade');
  const kindText = oneQueryValue(query.kind, 'kind');
  const grade = gradeText === null ? null : Number(gradeText);
  if (grade !== null && (!Number.isInteger(grade) || grade < 1 || grade > 11)) throw fieldError('grade', 'Параллель — число от 1 до 11');
  if (kindText !== null && !(EXTERNAL_KINDS as readonly string[]).includes(kindText)) {
    throw fieldError('kind', `Вид процедуры: ${EXTERNAL_KINDS.join(', ')}`);
  }
  const year = (await strapi.db.query('api::academic-year.academic-year').findOne({
    where: yearName ? { $or: [{ documentId: yearName }, { title: yearName }] } : { state: 'current' },
  })) as Row | null;
  if (!year) throw fieldError('year', yearName ? `Учебный год «${yearName}» не найден` : 'Текущий учебный год не задан: укажите year');
  let subject: Row | null = null;
  if (subjectName) {
    subject = (await strapi.db.query('api::subject.subject').findOne({
      where: { $or: [{ documentId: subjectName }, { name: subjectName }, { shortName: subjectName }] },
    })) as Row | null;
    if (!subject) throw fieldError('subject', `Предмет «${subjectName}» не найден`);
  }

  const results = (await strapi.db.query(EXTERNAL_ASSESSMENT).findMany({
    where: {
      mark: { $notNull: true },
      date: { $gte: year.startDate, $lte: year.endDate },
      subject: subject ? { id: subject.id } : { id: { $notNull: true } },
      ...(kindText ? { kind: kindText } : {}),
    },
    orderBy: [{ date: 'asc' }, { id: 'asc' }],
    populate: { student: { select: ['id', 'documentId', 'fullName'] }, subject: { select: ['id', 'documentId', 'name'] } },
  })) as Row[];
  const studentIds = [...new Set(results.map((result) => (result.student as Row | null)?.id).filter((id): id is number => !!id))];
  const enrollments = studentIds.length
    ? ((await strapi.db.query('api::enrollment.enrollment').findMany({
        where: { student: { id: { $in: studentIds } }, schoolClass: { academicYear: { id: year.id } } },
        populate: { student: { select: ['id'] }, schoolClass: { select: ['id', 'documentId', 'name', 'grade'] } },
      })) as Row[])
    : [];
  const marks = studentIds.length
    ? ((await strapi.db.query('api::mark.mark').findMany({
        where: {
          student: { id: { $in: studentIds } },
          kind: { $in: ['annual', 'periodic'] },
          numericValue: { $notNull: true },
          journal: { academicYear: { id: year.id } },
        },
        populate: {
          student: { select: ['id'] },
          journal: { select: ['id'], populate: { subject: { select: ['id'] } } },
          studyPeriod: { select: ['endDate'] },
        },
      })) as Row[])
    : [];

  /** The journal mark of a pupil in a subject: the annual one, else the latest period's. */
  const journalMark = new Map<string, { value: number; basis: 'annual' | 'periodic'; periodEnd: string }>();
  for (const mark of marks) {
    const subjectId = ((mark.journal as Row | null)?.subject as Row | null)?.id;
    const studentId = (mark.student as Row | null)?.id;
    if (!subjectId || !studentId) continue;
    const key = `${studentId}:${subjectId}`;
    const basis = mark.kind === 'annual' ? 'annual' : 'periodic';
    const periodEnd = basis === 'annual' ? '9999-12-31' : String((mark.studyPeriod as Row | null)?.endDate ?? '');
    const known = journalMark.get(key);
    if (!known || periodEnd > known.periodEnd) journalMark.set(key, { value: Number(mark.numericValue), basis, periodEnd });
  }

  const classOn = (studentId: number, date: string): Row | null => {
    const found = enrollments.find(
      (enrollment) =>
        (enrollment.student as Row | null)?.id === studentId &&
        String(enrollment.startDate) <= date &&
        (!enrollment.endDate || String(enrollment.endDate) >= date),
    );
    return (found?.schoolClass as Row | null) ?? null;
  };

  interface Group {
    schoolClass: Row;
    subject: Row;
    kind: ExternalKind;
    pupils: Map<number, { documentId: string; fullName: string; external: number; date: string }>;
  }
  const groups = new Map<string, Group>();
  for (const result of results) {
    const student = result.student as Row | null;
    const resultSubject = result.subject as Row | null;
    if (!student || !resultSubject) continue;
    const schoolClass = classOn(student.id, String(result.date));
    if (!schoolClass || (grade !== null && Number(schoolClass.grade) !== grade)) continue;
    const key = `${schoolClass.id}:${resultSubject.id}:${String(result.kind)}`;
    const group = groups.get(key) ?? { schoolClass, subject: resultSubject, kind: result.kind as ExternalKind, pupils: new Map() };
    groups.set(key, group);
    // Results come in date order: the latest of the year stands for the pupil.
    group.pupils.set(student.id, {
      documentId: student.documentId,
      fullName: String(student.fullName ?? ''),
      external: Number(result.mark),
      date: String(result.date),
    });
  }

  const collator = new Intl.Collator('ru');
  const data = [...groups.values()].map((group) => {
    const pupils = [...group.pupils.entries()].map(([studentId, pupil]) => {
      const journal = journalMark.get(`${studentId}:${group.subject.id}`) ?? null;
      return {
        documentId: pupil.documentId,
        fullName: pupil.fullName,
        date: pupil.date,
        external: pupil.external,
        journal: journal?.value ?? null,
        basis: journal?.basis ?? null,
        difference: journal ? journal.value - pupil.external : null,
      };
    });
    pupils.sort((a, b) => collator.compare(a.fullName, b.fullName));
    const compared = pupils.filter((pupil) => pupil.journal !== null);
    const differing = compared.filter((pupil) => Math.abs(pupil.difference as number) >= 1);
    return {
      schoolClass: { documentId: group.schoolClass.documentId, name: group.schoolClass.name, grade: group.schoolClass.grade },
      subject: { documentId: group.subject.documentId, name: group.subject.name },
      kind: group.kind,
      kindLabel: EXTERNAL_KIND_LABELS[group.kind],
      wrote: pupils.length,
      compared: compared.length,
      withoutJournalMark: pupils.length - compared.length,
      externalAverage: average(compared.map((pupil) => pupil.external)),
      journalAverage: average(compared.map((pupil) => pupil.journal as number)),
      differing: differing.length,
      differingShare: compared.length ? round2(differing.length / compared.length) : null,
      higherInJournal: differing.filter((pupil) => (pupil.difference as number) > 0).length,
      lowerInJournal: differing.filter((pupil) => (pupil.difference as number) < 0).length,
      pupils,
    };
  });
  data.sort(
    (a, b) =>
      Number(a.schoolClass.grade) - Number(b.schoolClass.grade) ||
      collator.compare(String(a.schoolClass.name), String(b.schoolClass.name)) ||
      collator.compare(String(a.subject.name), String(b.subject.name)) ||
      a.kind.localeCompare(b.kind),
  );
  return {
    data,
    meta: {
      year: { documentId: year.documentId, title: year.title },
      subject: subject ? { documentId: subject.documentId, name: subject.name } : null,
      grade,
      kind: kindText,
    },
  };
};
