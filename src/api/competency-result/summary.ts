import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { readScopeOf, type Reader } from '../../access/record-scope';
import { todayInZone, type LocalDate } from '../../school/calendar';
import {
  COMPETENCY_RESULT,
  COMPETENCY_SOURCE_LABELS,
  RESULT_GROUP_LABELS,
  UUD_KIND_LABELS,
  UUD_KINDS,
  type UudKind,
} from '../../school/records/competency-result-rules';
import { getSchoolSettings } from '../../school/settings';
import type { DiaryService } from '../diary/services/diary';

interface Row {
  id: number;
  documentId: string;
  [field: string]: unknown;
}

export interface Pupil {
  id: number;
  documentId: string;
  fullName: string;
}

const fieldError = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

/** The school year named by `year` (documentId), else the one containing today, else the latest. */
export const resolveYear = async (strapi: Core.Strapi, year: unknown): Promise<Row> => {
  const query = strapi.db.query('api::academic-year.academic-year');
  if (year !== undefined && year !== '') {
    const found = typeof year === 'string' ? ((await query.findOne({ where: { documentId: year } })) as Row | null) : null;
    if (!found) throw fieldError('year', 'Учебный год не найден');
    return found;
  }
  const today = todayInZone(getSchoolSettings(strapi).timeZone);
  const current = (await query.findOne({ where: { startDate: { $lte: today }, endDate: { $gte: today } } })) as Row | null;
  const latest = current ?? ((await query.findOne({ orderBy: { startDate: 'desc' } })) as Row | null);
  if (!latest) throw fieldError('year', 'В школе ещё нет учебных годов');
  return latest;
};

/** The pupil named by `student` (documentId), if a member of staff may read them (a teacher: pupils of the classes they teach or lead); 404 otherwise. */
export const visiblePupil = async (strapi: Core.Strapi, reader: Reader, studentDocumentId: unknown): Promise<Pupil> => {
  if (typeof studentDocumentId !== 'string' || !studentDocumentId) throw fieldError('student', 'Укажите обучающегося (documentId)');
  if ((await readScopeOf(strapi, reader, COMPETENCY_RESULT)).kind === 'deny') {
    throw new errors.PolicyError('Результаты обучающихся вам недоступны (152-ФЗ: персональные данные обучающихся)');
  }
  const scope = await readScopeOf(strapi, reader, 'api::student.student');
  if (scope.kind === 'deny') throw new errors.NotFoundError('Обучающийся не найден');
  const filter = scope.kind === 'rows' ? scope.filter : {};
  const student = (await strapi.db.query('api::student.student').findOne({
    where: { $and: [{ documentId: studentDocumentId }, filter] },
    select: ['id', 'documentId', 'fullName'],
  })) as Pupil | null;
  if (!student) throw new errors.NotFoundError('Обучающийся не найден');
  return student;
};

/**
 * The journals (documentIds) whose marks the reader may read — a teacher those they teach and those of
 * the class they lead (record-scope.ts); null: every journal. The summary's subject results keep to them.
 */
export const readableJournals = async (strapi: Core.Strapi, reader: Reader): Promise<Set<string> | null> => {
  const scope = await readScopeOf(strapi, reader, 'api::journal.journal');
  if (scope.kind === 'all') return null;
  if (scope.kind === 'deny') return new Set();
  const journals = (await strapi.db.query('api::journal.journal').findMany({ where: scope.filter, select: ['documentId'] })) as Array<{
    documentId: string;
  }>;
  return new Set(journals.map((journal) => journal.documentId));
};

interface ResultView {
  documentId: string;
  indicator: string;
  level: string;
  /** Position on the school's scale, 1 = the lowest; null when the scale has changed since. */
  levelRank: number | null;
  source: string;
  sourceLabel: string;
  date: string;
  note: string | null;
}

/**
 * A pupil's meta-subject results by kind of УУД and personal results of a school year, each with its
 * level's rank on the school's scale (`levels`).
 */
export const competencyGroupsOf = async (strapi: Core.Strapi, pupil: Pupil, year: Row) => {
  const levels = getSchoolSettings(strapi).competencyLevels;
  const rows = (await strapi.db.query(COMPETENCY_RESULT).findMany({
    where: { student: { id: pupil.id }, academicYear: { id: year.id } },
    orderBy: [{ date: 'asc' }, { id: 'asc' }],
  })) as Row[];
  const view = (row: Row): ResultView => {
    const rank = levels.indexOf(row.level as string);
    return {
      documentId: row.documentId,
      indicator: row.indicator as string,
      level: row.level as string,
      levelRank: rank < 0 ? null : rank + 1,
      source: row.source as string,
      sourceLabel: COMPETENCY_SOURCE_LABELS[row.source as keyof typeof COMPETENCY_SOURCE_LABELS] ?? String(row.source),
      date: row.date as string,
      note: (row.note as string | null) ?? null,
    };
  };
  const metaSubject = UUD_KINDS.map((kind: UudKind) => ({
    uudKind: kind,
    label: UUD_KIND_LABELS[kind],
    results: rows.filter((row) => row.resultGroup === 'meta-subject' && row.uudKind === kind).map(view),
  }));
  return {
    levels,
    metaSubject: { label: RESULT_GROUP_LABELS['meta-subject'], kinds: metaSubject },
    personal: { label: RESULT_GROUP_LABELS.personal, results: rows.filter((row) => row.resultGroup === 'personal').map(view) },
  };
};

/** The diary's marks by subject of the pupil's school year, kept to the `journals` given (null: every journal). */
export const subjectMarksOf = async (strapi: Core.Strapi, pupil: Pupil, year: Row, journals: Set<string> | null) => {
  const diary = strapi.service('api::diary.diary') as unknown as DiaryService;
  return (await diary.marks(pupil as unknown as Row, { from: year.startDate as LocalDate, to: year.endDate as LocalDate })).filter(
    (subject) => journals === null || journals.has(subject.journal),
  );
};

/**
 * A pupil's results of a school year in the three groups (R77): subject results (the weighted
 * average of each journal's current marks in the year, as the diary shows them; only the `journals`
 * given, when the reader may not read every journal's marks), meta-subject
 * results by kind of УУД and personal results, each with the levels on the school's scale.
 */
export const resultsSummary = async (strapi: Core.Strapi, pupil: Pupil, yearInput: unknown, journals: Set<string> | null = null) => {
  const year = await resolveYear(strapi, yearInput);
  const subjects = await subjectMarksOf(strapi, pupil, year, journals);
  const { levels, metaSubject, personal } = await competencyGroupsOf(strapi, pupil, year);
  return {
    data: {
      student: { documentId: pupil.documentId, fullName: pupil.fullName },
      academicYear: { documentId: year.documentId, title: year.title },
      levels,
      subject: {
        label: 'предметные',
        results: subjects.map((subject) => ({ subject: subject.subject, journal: subject.journal, average: subject.average })),
      },
      metaSubject,
      personal,
    },
  };
};
