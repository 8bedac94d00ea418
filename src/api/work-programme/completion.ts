import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parseLocalDate, todayInZone, type LocalDate } from '../../school/calendar';
import { programmeCompletion, type PlanTopic, type ProgrammeCompletion } from '../../school/rules/programme-completion';
import { plannedResultsOf } from '../../school/rules/programme-mastery';
import { getSchoolSettings } from '../../school/settings';
import { staffNameOrNull } from '../../access/staff-name';

/**
 * Reading work programmes with their completion (R12): the family's view in the diary and the
 * deputy director's school-wide report. The computation itself is `programmeCompletion`
 * (`src/school/rules/programme-completion.ts`).
 */

export const WORK_PROGRAMME = 'api::work-programme.work-programme';

interface Row {
  id: number;
  documentId: string;
  [field: string]: unknown;
}

const fieldError = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

/** `date` of the request (`YYYY-MM-DD`), today in the school's zone by default. */
export const completionDate = (strapi: Core.Strapi, input: unknown): LocalDate => {
  if (input === undefined || input === '') return todayInZone(getSchoolSettings(strapi).timeZone);
  const date = parseLocalDate(input);
  if (!date) throw fieldError('date', 'Дата в формате ГГГГ-ММ-ДД');
  return date;
};

const PROGRAMME_POPULATE = {
  plan: true,
  file: { select: ['name', 'url', 'mime', 'size'] },
  teacher: { select: ['id', 'fullName', 'username'] },
  approvedBy: { select: ['id', 'fullName', 'username'] },
  journal: {
    select: ['id', 'documentId', 'title', 'kind', 'subgroup'],
    populate: {
      schoolClass: { select: ['id', 'documentId', 'name', 'grade', 'letter'] },
      subject: { select: ['id', 'name'] },
      academicYear: { select: ['id', 'title'] },
      teachers: { select: ['id', 'fullName', 'username'] },
    },
  },
} as const;

/** The thematic plan of a stored programme, each topic with its planned results. */
export const planOf = (programme: Row): Array<PlanTopic & { plannedResults: string[] }> =>
  ((programme.plan as Array<{ topic?: unknown; lessons?: unknown; plannedResults?: unknown }> | null) ?? []).map((item) => ({
    topic: String(item.topic ?? ''),
    lessons: Number(item.lessons ?? 0),
    plannedResults: plannedResultsOf(typeof item.plannedResults === 'string' ? item.plannedResults : null),
  }));

/** The study periods of each school year, as spans of study days. */
const spansOfYears = async (strapi: Core.Strapi, yearIds: number[]) => {
  const periods = yearIds.length
    ? ((await strapi.db.query('api::study-period.study-period').findMany({
        where: { academicYear: { id: { $in: yearIds } } },
        select: ['startDate', 'endDate'],
        populate: { academicYear: { select: ['id'] } },
      })) as Row[])
    : [];
  const spans = new Map<number, Array<{ start: string; end: string }>>();
  for (const period of periods) {
    const yearId = (period.academicYear as Row | null)?.id;
    if (yearId === undefined) continue;
    spans.set(yearId, [...(spans.get(yearId) ?? []), { start: String(period.startDate), end: String(period.endDate) }]);
  }
  return spans;
};

/** The held lessons (date and topic) of each journal up to the date. */
const lessonsOfJournals = async (strapi: Core.Strapi, journalIds: number[], date: LocalDate) => {
  const lessons = journalIds.length
    ? ((await strapi.db.query('api::lesson.lesson').findMany({
        where: { journal: { id: { $in: journalIds } }, date: { $lte: date } },
        select: ['date', 'topic'],
        populate: { journal: { select: ['id'] } },
      })) as Row[])
    : [];
  const byJournal = new Map<number, Array<{ date: string; topic: string | null }>>();
  for (const lesson of lessons) {
    const journalId = (lesson.journal as Row | null)?.id;
    if (journalId === undefined) continue;
    byJournal.set(journalId, [
      ...(byJournal.get(journalId) ?? []),
      { date: String(lesson.date), topic: (lesson.topic as string | null) ?? null },
    ]);
  }
  return byJournal;
};

export interface ProgrammeView {
  documentId: string;
  title: string;
  subject: string | null;
  schoolClass: string | null;
  journal: string | null;
  teacher: string | null;
  approval: { document: string | null; approvedOn: string | null; approvedBy: string | null };
  hoursPerYear: number | null;
  file: { name: string; url: string } | null;
  plan: PlanTopic[];
  completion: ProgrammeCompletion;
}

/** The programmes matching `where`, each with its completion on `date`. */
export const programmesWithCompletion = async (
  strapi: Core.Strapi,
  where: Record<string, unknown>,
  date: LocalDate,
): Promise<ProgrammeView[]> => {
  const programmes = (await strapi.db.query(WORK_PROGRAMME).findMany({ where, populate: PROGRAMME_POPULATE })) as Row[];
  const journals = programmes.map((programme) => programme.journal as Row | null).filter((journal): journal is Row => Boolean(journal));
  const yearIds = [
    ...new Set(journals.map((journal) => (journal.academicYear as Row | null)?.id).filter((id): id is number => typeof id === 'number')),
  ];
  const spans = await spansOfYears(strapi, yearIds);
  const lessons = await lessonsOfJournals(strapi, [...new Set(journals.map((journal) => journal.id))], date);
  return programmes.map((programme) => {
    const journal = programme.journal as Row | null;
    const yearId = (journal?.academicYear as Row | null)?.id;
    const plan = planOf(programme);
    const file = programme.file as Row | null;
    return {
      documentId: programme.documentId,
      title: String(programme.title ?? ''),
      subject: ((journal?.subject as Row | null)?.name as string | undefined) ?? null,
      schoolClass: ((journal?.schoolClass as Row | null)?.name as string | undefined) ?? null,
      journal: journal?.documentId ?? null,
      teacher: staffNameOrNull(programme.teacher as Row | null),
      approval: {
        document: (programme.approvalDocument as string | null) ?? null,
        approvedOn: (programme.approvedOn as string | null) ?? null,
        approvedBy: staffNameOrNull(programme.approvedBy as Row | null),
      },
      hoursPerYear: (programme.hoursPerYear as number | null) ?? null,
      file: file ? { name: String(file.name), url: String(file.url) } : null,
      plan,
      completion: programmeCompletion({
        plan,
        hoursPerYear: (programme.hoursPerYear as number | null) ?? null,
        lessons: journal ? (lessons.get(journal.id) ?? []) : [],
        spans: yearId === undefined ? [] : (spans.get(yearId) ?? []),
        date,
      }),
    };
  });
};

/**
 * The programmes of a pupil's subjects (the family's view): the journals of the pupil's class and
 * the cross-class journals listing the pupil, in the school year of that class.
 */
export const pupilProgrammes = async (strapi: Core.Strapi, studentId: number, schoolClass: Row | null, date: LocalDate) => {
  const yearId = ((schoolClass?.academicYear as Row | null)?.id as number | undefined) ?? null;
  const journalWhere = {
    $or: [...(schoolClass ? [{ schoolClass: { id: schoolClass.id } }] : []), { pupils: { id: studentId } }],
    ...(yearId === null ? {} : { academicYear: { id: yearId } }),
  };
  const journals = (await strapi.db.query('api::journal.journal').findMany({ where: journalWhere, select: ['id'] })) as Row[];
  if (journals.length === 0) return [];
  const programmes = await programmesWithCompletion(strapi, { journal: { id: { $in: journals.map((journal) => journal.id) } } }, date);
  return programmes
    .sort((a, b) => String(a.subject).localeCompare(String(b.subject), 'ru') || a.title.localeCompare(b.title, 'ru'))
    .map(({ plan: _plan, ...view }) => view);
};

/**
 * The deputy director's report (seed 002 §3.1.4): every programme of the school year containing
 * the date, class × subject, planned to date against delivered; the lagging ones first (most behind
 * first), then by class and subject. Journals of the year without a programme are listed apart.
 */
export const schoolCompletion = async (strapi: Core.Strapi, date: LocalDate) => {
  const year = (await strapi.db.query('api::academic-year.academic-year').findOne({
    where: { startDate: { $lte: date }, endDate: { $gte: date } },
    select: ['id', 'documentId', 'title'],
  })) as Row | null;
  if (!year) return { date, academicYear: null, lagging: 0, programmes: [], journalsWithoutProgramme: [] };
  const programmes = await programmesWithCompletion(strapi, { journal: { academicYear: { id: year.id } } }, date);
  const rows = programmes
    .map(({ plan: _plan, ...view }) => view)
    .sort(
      (a, b) =>
        b.completion.lag - a.completion.lag ||
        String(a.schoolClass).localeCompare(String(b.schoolClass), 'ru', { numeric: true }) ||
        String(a.subject).localeCompare(String(b.subject), 'ru'),
    );
  const covered = new Set(programmes.map((programme) => programme.journal));
  const journals = (await strapi.db.query('api::journal.journal').findMany({
    where: { academicYear: { id: year.id } },
    select: ['id', 'documentId', 'title'],
    orderBy: { title: 'asc' },
  })) as Row[];
  return {
    date,
    academicYear: year.title,
    lagging: rows.filter((row) => row.completion.lagging).length,
    programmes: rows,
    journalsWithoutProgramme: journals
      .filter((journal) => !covered.has(journal.documentId))
      .map((journal) => ({ documentId: journal.documentId, title: journal.title })),
  };
};
