import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DateTime } from 'luxon';
import type { Context } from 'koa';
import { parseLocalDate, todayInZone, type LocalDate } from '../../../school/calendar';
import { sendDownload } from '../../../school/download';
import { weekStartOf } from '../../../school/rules/averages';
import { getSchoolSettings } from '../../../school/settings';
import type { DiaryReader, DiaryService } from '../services/diary';
import { renderDiaryWeekPdf, type DiaryWeekSheet } from '../week-pdf';
import { numberOrNull } from '../../../school/stored-values';

interface Row {
  id: number;
  documentId: string;
  [field: string]: unknown;
}

/** Staff who may print any pupil's week; a class teacher prints their own class's pupils. */
const WHOLE_SCHOOL = new Set(['deputy-director', 'director']);
const FAMILY = new Set(['parent', 'pupil']);

const fieldError = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

const readerOf = (ctx: Context): DiaryReader => {
  const user = (ctx.state as { user?: { id?: number; role?: { type?: string } } }).user;
  if (!user?.id) throw new errors.UnauthorizedError('Войдите в электронный дневник');
  return { id: user.id, roleType: user.role?.type ?? '' };
};

/** The week (Monday–Sunday) containing `date` (today by default, school time zone). */
const weekOf = (strapi: Core.Strapi, input: unknown): { day: LocalDate; weekStart: LocalDate; weekEnd: LocalDate } => {
  const day = input === undefined ? todayInZone(getSchoolSettings(strapi).timeZone) : parseLocalDate(input);
  if (!day) throw fieldError('date', 'Неделя задаётся любой её датой в формате ГГГГ-ММ-ДД');
  const weekStart = weekStartOf(day) as LocalDate;
  return { day, weekStart, weekEnd: DateTime.fromISO(weekStart).plus({ days: 6 }).toISODate() as LocalDate };
};

/** Enrollments of the pupil that cover some day of the week, latest first, with their class. */
const enrollmentsInWeek = async (strapi: Core.Strapi, studentId: number, weekStart: string, weekEnd: string): Promise<Row[]> =>
  (await strapi.db.query('api::enrollment.enrollment').findMany({
    where: {
      student: { id: studentId },
      startDate: { $lte: weekEnd },
      $or: [{ endDate: { $null: true } }, { endDate: { $gte: weekStart } }],
    },
    orderBy: { startDate: 'desc' },
    populate: { schoolClass: { select: ['id', 'name', 'grade'], populate: { classTeacher: { select: ['id'] } } } },
  })) as Row[];

/** One pupil's sheet: the diary service's week, as the paper diary prints it. */
const sheetOf = async (strapi: Core.Strapi, pupil: Row, date: LocalDate, className: string | null): Promise<DiaryWeekSheet> => {
  const diary = strapi.service('api::diary.diary') as unknown as DiaryService;
  const week = await diary.week(pupil, date);
  return {
    fullName: String(pupil.fullName ?? ''),
    className,
    weekStart: week.weekStart,
    weekEnd: week.weekEnd,
    lessons: week.lessons.map((lesson) => ({
      date: String(lesson.date),
      number: numberOrNull(lesson.number),
      subject: String(lesson.subject ?? ''),
      homework: (lesson.homework as string | null) ?? null,
    })),
    marks: week.marks.map((mark) => ({
      date: String(mark.date),
      subject: String(mark.subject ?? ''),
      value: String(mark.value),
      kind: String(mark.kind),
      workType: (mark.workType as string | null) ?? null,
      period: (mark.period as string | null) ?? null,
    })),
    attendance: week.attendance.map((absence) => ({
      date: String(absence.date),
      lesson: numberOrNull(absence.lesson),
      subject: String(absence.subject ?? ''),
      kind: String(absence.kind),
      minutesLate: numberOrNull(absence.minutesLate),
    })),
    entries: week.entries.map((entry) => ({
      date: String(entry.date),
      kindLabel: String(entry.kindLabel),
      subject: entry.subject ?? null,
      author: entry.author ?? null,
      text: String(entry.text ?? ''),
    })),
  };
};

/** A PDF as a download that no cache keeps (pupils' personal data). */
const sendPdf = (ctx: Context, pdf: Buffer, fileName: string): void => sendDownload(ctx, pdf, { fileName, asciiName: 'diary-week.pdf' });

/** Thin controller of the printed diary week. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const diary = (): DiaryService => strapi.service('api::diary.diary') as unknown as DiaryService;
  const print = async (ctx: Context, sheets: DiaryWeekSheet[], fileName: string) => {
    const settings = getSchoolSettings(strapi);
    const pdf = await renderDiaryWeekPdf({ schoolName: settings.name, printedOn: todayInZone(settings.timeZone), sheets });
    sendPdf(ctx, pdf, fileName);
  };

  return {
    /**
     * GET /api/diary/:student/week.pdf?date=: the family's own child (another child: 404), or for
     * staff the pupil of a class they lead that week (class teacher) or any pupil (deputy, director).
     */
    async pupil(ctx: Context) {
      const reader = readerOf(ctx);
      const { day, weekStart, weekEnd } = weekOf(strapi, ctx.query.date);
      const documentId = String(ctx.params.student);
      let pupil: Row;
      if (FAMILY.has(reader.roleType)) {
        pupil = await diary().requirePupil(reader, documentId);
      } else {
        const found = (await strapi.db.query('api::student.student').findOne({
          where: { documentId },
          select: ['id', 'documentId', 'fullName'],
        })) as Row | null;
        if (!found) throw new errors.NotFoundError('Обучающийся не найден');
        pupil = found;
      }
      const enrollments = await enrollmentsInWeek(strapi, pupil.id, weekStart, weekEnd);
      if (!FAMILY.has(reader.roleType) && !WHOLE_SCHOOL.has(reader.roleType)) {
        const leads = enrollments.some(
          (enrollment) => ((enrollment.schoolClass as Row | null)?.classTeacher as Row | null | undefined)?.id === reader.id,
        );
        if (!leads) throw new errors.NotFoundError('Обучающийся не найден');
      }
      const className = ((enrollments[0]?.schoolClass as Row | undefined)?.name as string | undefined) ?? null;
      await print(ctx, [await sheetOf(strapi, pupil, day, className)], `дневник-${String(pupil.fullName)}-${weekStart}.pdf`);
    },

    /**
     * GET /api/diary/classes/:schoolClass/week.pdf?date=: one sheet per pupil on the class list that
     * week, for the class teacher (the deputy director and the director too), offered only for a
     * class whose grade keeps paper diaries (school setting `paperDiaryGrades`).
     */
    async schoolClass(ctx: Context) {
      const reader = readerOf(ctx);
      const { day, weekStart, weekEnd } = weekOf(strapi, ctx.query.date);
      const schoolClass = await diary().requireClass(reader, String(ctx.params.schoolClass));
      const grades = getSchoolSettings(strapi).paperDiaryGrades;
      if (!grades.includes(Number(schoolClass.grade))) {
        throw fieldError(
          'schoolClass',
          `В ${String(schoolClass.grade)} классах бумажные дневники не ведутся (настройки школы: ${
            grades.length > 0 ? `${grades.join(', ')} классы` : 'ни в каких классах'
          }); выписку одного обучающегося можно напечатать из его дневника`,
        );
      }
      const pupils = await diary().classList(schoolClass.id, weekStart, weekEnd);
      const sheets: DiaryWeekSheet[] = [];
      for (const pupil of pupils) sheets.push(await sheetOf(strapi, pupil, day, String(schoolClass.name ?? '')));
      await print(ctx, sheets, `дневники-${String(schoolClass.name ?? '')}-${weekStart}.pdf`);
    },
  };
};
