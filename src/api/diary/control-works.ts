import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { todayInZone, type LocalDate } from '../../school/calendar';
import { compareSelfAssessment, summariseSelfAssessment } from '../../school/rules/self-assessment';
import { schemeForGrade } from '../../school/rules/study-periods';
import { getSchoolSettings } from '../../school/settings';
import { bodyFieldError } from './caller';
import type { DateRange, DiaryService } from './services/diary';

/**
 * Self-assessment of control works in the diary (R78): the pupil's control works of a range with the
 * self-assessment beside the teacher's mark, and entering the self-assessment before the mark. The
 * record rules (src/school/records/control-self-assessment-rules.ts) judge every write.
 */

const SELF = 'api::control-self-assessment.control-self-assessment';
type Row = { id: number; documentId: string; [field: string]: unknown };

const diary = (strapi: Core.Strapi) => strapi.service('api::diary.diary') as unknown as DiaryService;

/** `from`/`to` or `period` when given; by default the study period of the pupil's class that holds today. */
const rangeOf = async (strapi: Core.Strapi, pupil: Row, query: Record<string, unknown>): Promise<DateRange> => {
  if (query.from !== undefined || query.to !== undefined || query.period !== undefined) return diary(strapi).resolveRange(query);
  const settings = getSchoolSettings(strapi);
  const today = todayInZone(settings.timeZone);
  const enrollment = (await strapi.db.query('api::enrollment.enrollment').findOne({
    where: { student: { id: pupil.id }, startDate: { $lte: today }, $or: [{ endDate: { $null: true } }, { endDate: { $gte: today } }] },
    populate: { schoolClass: { select: ['grade'], populate: { academicYear: { select: ['id'] } } } },
  })) as Row | null;
  const schoolClass = enrollment?.schoolClass as { grade: number; academicYear: { id: number } | null } | null;
  if (schoolClass?.academicYear) {
    const scheme = schemeForGrade(schoolClass.grade, settings.periodSchemes);
    const period = (await strapi.db.query('api::study-period.study-period').findOne({
      where: {
        academicYear: { id: schoolClass.academicYear.id },
        startDate: { $lte: today },
        endDate: { $gte: today },
        ...(scheme ? { scheme } : {}),
      },
    })) as Row | null;
    if (period) return { from: period.startDate as LocalDate, to: period.endDate as LocalDate, period: period.title as string };
  }
  return diary(strapi).resolveRange({});
};

/** The pupil's control works (lessons of work type control-work of their journals, on the list that day) in the range. */
const controlWorksOf = async (strapi: Core.Strapi, pupil: Row, range: DateRange): Promise<Row[]> => {
  const lessons = (await strapi.db.query('api::lesson.lesson').findMany({
    where: {
      workType: 'control-work',
      date: { $gte: range.from, $lte: range.to },
      $or: [{ journal: { schoolClass: { enrollments: { student: { id: pupil.id } } } } }, { journal: { pupils: { id: pupil.id } } }],
    },
    orderBy: [{ date: 'asc' }, { number: 'asc' }],
    populate: {
      journal: {
        select: ['id', 'title'],
        populate: { subject: { select: ['name', 'scale'] }, schoolClass: { select: ['id'] }, pupils: { select: ['id'] } },
      },
    },
  })) as Row[];
  const enrollments = (await strapi.db.query('api::enrollment.enrollment').findMany({
    where: { student: { id: pupil.id } },
    select: ['startDate', 'endDate'],
    populate: { schoolClass: { select: ['id'] } },
  })) as Row[];
  return lessons.filter((lesson) => {
    const journal = lesson.journal as Row;
    const named = (journal.pupils as Row[]) ?? [];
    if (named.length > 0 && !named.some((member) => member.id === pupil.id)) return false;
    const schoolClass = journal.schoolClass as Row | null;
    if (!schoolClass) return true;
    const date = String(lesson.date);
    return enrollments.some(
      (enrollment) =>
        (enrollment.schoolClass as Row | null)?.id === schoolClass.id &&
        String(enrollment.startDate) <= date &&
        (enrollment.endDate === null || String(enrollment.endDate) >= date),
    );
  });
};

const selfView = (row: Row | undefined, teacherMark: string | null) =>
  row
    ? {
        documentId: row.documentId,
        value: row.value as string,
        note: (row.note as string | null) ?? null,
        enteredAt: row.enteredAt ?? null,
        comparison: compareSelfAssessment(String(row.value), teacherMark),
      }
    : null;

/** GET /api/diary/:student/control-works: each control work with the self-assessment and, once set, the teacher's mark beside it. */
export const pupilControlWorks = async (strapi: Core.Strapi, ctx: Context, pupil: Row) => {
  const range = await rangeOf(strapi, pupil, ctx.query as Record<string, unknown>);
  const lessons = await controlWorksOf(strapi, pupil, range);
  const lessonIds = lessons.map((lesson) => lesson.id);
  const [selves, marks] =
    lessonIds.length === 0
      ? [[], []]
      : ((await Promise.all([
          strapi.db.query(SELF).findMany({
            where: { student: { id: pupil.id }, lesson: { id: { $in: lessonIds } } },
            populate: { lesson: { select: ['id'] } },
          }),
          strapi.db.query('api::mark.mark').findMany({
            where: { student: { id: pupil.id }, lesson: { id: { $in: lessonIds } } },
            select: ['id', 'value', 'date'],
            populate: { lesson: { select: ['id'] } },
            orderBy: [{ id: 'desc' }],
          }),
        ])) as [Row[], Row[]]);
  const today = todayInZone(getSchoolSettings(strapi).timeZone);
  const works = lessons.map((lesson) => {
    const mark = marks.find((each) => (each.lesson as Row | null)?.id === lesson.id);
    const teacherMark = mark ? String(mark.value) : null;
    const self = selves.find((each) => (each.lesson as Row | null)?.id === lesson.id);
    const journal = lesson.journal as Row;
    return {
      lesson: { documentId: lesson.documentId, date: lesson.date, number: lesson.number, topic: lesson.topic ?? null },
      subject: ((journal.subject as Row | null)?.name as string | undefined) ?? null,
      journal: { title: journal.title },
      selfAssessment: selfView(self, teacherMark),
      /** The teacher's mark, shown beside the self-assessment once it exists. */
      teacherMark,
      /** Whether the self-assessment may still be entered or changed: from the day of the work, until the teacher's mark. */
      open: teacherMark === null && String(lesson.date) <= today,
    };
  });
  return {
    data: works,
    meta: {
      range,
      selfAssessment: summariseSelfAssessment(
        works.map((work) => ({ self: work.selfAssessment?.value ?? null, teacher: work.teacherMark })),
      ),
    },
  };
};

/**
 * POST /api/diary/:student/control-works/:lesson/self-assessment `{ data: { value, note? } }`: enters
 * the pupil's self-assessment, or changes it while the teacher has not marked the work (afterwards:
 * 400 for a new one, 403 for a change). Never touches the teacher's mark.
 */
export const enterControlSelfAssessment = async (strapi: Core.Strapi, ctx: Context, pupil: Row) => {
  const lesson = (await strapi.db.query('api::lesson.lesson').findOne({
    where: { documentId: String(ctx.params.lesson) },
    select: ['id'],
  })) as Row | null;
  if (!lesson) throw new errors.NotFoundError('Урок не найден');
  const data = ((ctx.request as { body?: Record<string, unknown> }).body ?? {}).data;
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw bodyFieldError('data', 'Тело запроса: { "data": { "value": "4", "note": "что получилось, что нет" } }');
  const { value, note, ...rest } = data as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length > 0) throw bodyFieldError(extra[0], `Неизвестные параметры: ${extra.join(', ')}; допустимы value и note`);
  const existing = (await strapi.db.query(SELF).findOne({
    where: { student: { id: pupil.id }, lesson: { id: lesson.id } },
    select: ['id', 'documentId'],
  })) as Row | null;
  const saved = existing
    ? await strapi.documents(SELF).update({ documentId: existing.documentId, data: { value, note } } as never)
    : await strapi.documents(SELF).create({ data: { student: pupil.id, lesson: lesson.id, value, note } } as never);
  const row = saved as unknown as Row;
  ctx.status = existing ? 200 : 201;
  return {
    data: { documentId: row.documentId, value: row.value, note: row.note ?? null, enteredAt: row.enteredAt ?? null },
  };
};
