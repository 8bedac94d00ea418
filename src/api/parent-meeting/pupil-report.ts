import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { formatLocalDate, todayInZone, type LocalDate } from '../../school/calendar';
import { weightedAverage } from '../../school/rules/averages';
import { getSchoolSettings } from '../../school/settings';
import { pupilReportPdf, type PupilReport } from './pupil-report-pdf';

/**
 * The printable report of one pupil's results for the talk with the parents (seed 004 §4: the
 * results are discussed with the parents to decide how to improve them): the pupil's subjects in a
 * study period or the school year with the marks, the weighted average and the period mark, the
 * absences, and the record of earlier talks with their decisions and follow-up dates. For the class
 * teacher of the pupil's class, the deputy director and the director.
 */

type Row = Record<string, unknown> & { id: number; documentId: string };

const WHOLE_SCHOOL = new Set(['deputy-director', 'director']);

const ATTENDANCE_LABELS: Record<string, string> = {
  absent: 'без уважительной причины',
  ill: 'по болезни',
  excused: 'по уважительной причине',
  late: 'опоздания',
};

const rows = (strapi: Core.Strapi, uid: string, params: Record<string, unknown>) =>
  strapi.db.query(uid as never).findMany(params) as Promise<Row[]>;

export interface ReportReader {
  id: number;
  roleType: string;
}

/** The pupil, if the reader may print their report: the deputy and director any pupil, a class teacher the pupils of a class they lead. */
const requirePupil = async (strapi: Core.Strapi, reader: ReportReader, studentDocumentId: string): Promise<Row> => {
  const pupil = (await strapi.db
    .query('api::student.student')
    .findOne({ where: { documentId: studentDocumentId }, select: ['id', 'documentId', 'fullName', 'birthDate'] })) as Row | null;
  if (!pupil) throw new errors.NotFoundError('Обучающийся не найден');
  if (WHOLE_SCHOOL.has(reader.roleType)) return pupil;
  if (reader.roleType === 'class-teacher') {
    const own = await strapi.db
      .query('api::enrollment.enrollment')
      .count({ where: { student: { id: pupil.id }, schoolClass: { classTeacher: { id: reader.id } } } });
    if (own > 0) return pupil;
  }
  throw new errors.PolicyError('Отчёт о результатах печатает классный руководитель обучающегося или администрация школы');
};

/** The class the pupil was in on the day (else their latest), with its school year. */
export const classOn = async (strapi: Core.Strapi, pupilId: number, day: LocalDate): Promise<Row | null> => {
  const enrollments = await rows(strapi, 'api::enrollment.enrollment', {
    where: { student: { id: pupilId } },
    orderBy: { startDate: 'desc' },
    populate: {
      schoolClass: { select: ['id', 'name', 'grade'], populate: { academicYear: { select: ['id', 'title', 'startDate', 'endDate'] } } },
    },
  });
  const covering = enrollments.find(
    (enrollment) => (enrollment.startDate as string) <= day && (!enrollment.endDate || (enrollment.endDate as string) >= day),
  );
  return ((covering ?? enrollments[0])?.schoolClass as Row | undefined) ?? null;
};

export const buildPupilReport = async (
  strapi: Core.Strapi,
  reader: ReportReader,
  studentDocumentId: string,
  periodInput: unknown,
): Promise<PupilReport> => {
  const pupil = await requirePupil(strapi, reader, studentDocumentId);
  const today = todayInZone(getSchoolSettings(strapi).timeZone);
  let period: Row | null = null;
  if (periodInput !== undefined && periodInput !== '') {
    if (typeof periodInput !== 'string') {
      throw new errors.ValidationError('Учебный период задаётся его documentId', {
        errors: [{ path: ['period'], message: 'Учебный период задаётся его documentId', name: 'ValidationError' }],
      });
    }
    period = (await strapi.db.query('api::study-period.study-period').findOne({ where: { documentId: periodInput } })) as Row | null;
    if (!period) {
      throw new errors.ValidationError('Учебный период не найден', {
        errors: [{ path: ['period'], message: 'Учебный период не найден', name: 'ValidationError' }],
      });
    }
  }
  const schoolClass = await classOn(strapi, pupil.id, period ? (period.endDate as LocalDate) : today);
  if (!schoolClass) throw new errors.ApplicationError('Обучающийся не числится ни в одном классе');
  const year = schoolClass.academicYear as Row & { title: string; startDate: LocalDate; endDate: LocalDate };
  const from = (period?.startDate as LocalDate | undefined) ?? year.startDate;
  const to = (period?.endDate as LocalDate | undefined) ?? year.endDate;

  const journals = await rows(strapi, 'api::journal.journal', {
    where: { schoolClass: { id: schoolClass.id } },
    populate: { subject: { select: ['name'] }, pupils: { select: ['id'] } },
  });
  const ownJournals = journals.filter((journal) => {
    const pupils = (journal.pupils as Row[] | null) ?? [];
    return pupils.length === 0 || pupils.some((listed) => listed.id === pupil.id);
  });
  const marks = await rows(strapi, 'api::mark.mark', {
    where: { student: { id: pupil.id }, journal: { id: { $in: ownJournals.map((journal) => journal.id).concat(0) } } },
    populate: { journal: { select: ['id'] }, studyPeriod: { select: ['id'] } },
  });
  const subjects = ownJournals
    .map((journal) => {
      const ofJournal = marks.filter((mark) => (mark.journal as Row).id === journal.id);
      const current = ofJournal.filter((mark) => mark.kind === 'current' && (mark.date as string) >= from && (mark.date as string) <= to);
      const periodMark = period
        ? ofJournal.find((mark) => mark.kind === 'periodic' && (mark.studyPeriod as Row | null)?.id === period?.id)
        : undefined;
      const annual = period ? undefined : ofJournal.find((mark) => mark.kind === 'annual');
      return {
        subject: ((journal.subject as Row | null)?.name as string | undefined) ?? String(journal.title ?? ''),
        marks: current.sort((a, b) => String(a.date).localeCompare(String(b.date))).map((mark) => String(mark.value)),
        average: weightedAverage(
          current.map((mark) => ({ numericValue: (mark.numericValue as number | null) ?? null, weight: mark.weight as number })),
        ),
        summaryMark: ((periodMark ?? annual)?.value as string | undefined) ?? null,
      };
    })
    .sort((a, b) => a.subject.localeCompare(b.subject, 'ru'));

  const absences = await rows(strapi, 'api::attendance.attendance', {
    where: { student: { id: pupil.id }, date: { $gte: from, $lte: to } },
    select: ['kind'],
  });
  const attendance = Object.entries(ATTENDANCE_LABELS)
    .map(([kind, label]) => ({ label, count: absences.filter((entry) => entry.kind === kind).length }))
    .filter((entry) => entry.count > 0);

  const talks = await rows(strapi, 'api::parent-meeting.parent-meeting', {
    where: { kind: 'individual', student: { id: pupil.id } },
    orderBy: [{ date: 'asc' }, { id: 'asc' }],
    populate: { attendees: { select: ['fullName'] } },
  });

  return {
    schoolName: getSchoolSettings(strapi).name,
    fullName: pupil.fullName as string,
    className: schoolClass.name as string,
    scope: period ? String(period.title ?? `${formatLocalDate(from)} — ${formatLocalDate(to)}`) : `${year.title} учебный год`,
    from,
    to,
    printedOn: today,
    subjects,
    attendance,
    talks: talks.map((talk) => ({
      date: talk.date as LocalDate,
      topic: talk.topic as string,
      participants: [
        ((talk.attendees as Row[] | null) ?? []).map((guardian) => guardian.fullName as string).join(', '),
        (talk.participants as string | null) ?? '',
      ]
        .filter(Boolean)
        .join('; '),
      decisions: (talk.decisions as string | null) ?? '',
      followUpOn: (talk.followUpOn as LocalDate | null) ?? null,
    })),
  };
};

export const printPupilReport = async (strapi: Core.Strapi, reader: ReportReader, studentDocumentId: string, periodInput: unknown) => {
  const report = await buildPupilReport(strapi, reader, studentDocumentId, periodInput);
  return { pdf: await pupilReportPdf(report), fileName: `Результаты обучения — ${report.fullName}.pdf` };
};
