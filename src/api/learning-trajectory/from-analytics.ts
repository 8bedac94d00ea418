import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { DateTime } from 'luxon';
import { actorFromState, type RequestState } from '../../access/request-actor';
import { todayInZone, type LocalDate } from '../../school/calendar';
import { getSchoolSettings } from '../../school/settings';
import { LEARNING_TRAJECTORY } from '../../school/records/learning-trajectory-rules';
import {
  ANALYTICS_LIST_OF,
  ANALYTICS_LISTS,
  LEADER_GROUPS,
  atRiskTrajectory,
  leaderTrajectory,
  type AnalyticsList,
  type TrajectoryDraft,
} from '../../school/rules/trajectory-from-analytics';
import type { AnalyticsService, AnalyticsViewer } from '../analytics/services/analytics';

const STUDENT = 'api::student.student';
const ENROLLMENT = 'api::enrollment.enrollment';
const YEAR = 'api::academic-year.academic-year';
const WHOLE_SCHOOL = new Set(['deputy-director', 'director']);

const invalid = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

interface FromAnalyticsInput {
  student: string;
  list: AnalyticsList;
  period: string | null;
}

/** The body: `{ data: { student, list: "at-risk" | "leader", period? } }` (documentIds). */
export const fromAnalyticsInputOf = (body: unknown): FromAnalyticsInput => {
  const data = body && typeof body === 'object' && !Array.isArray(body) ? (body as { data?: unknown }).data : undefined;
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw invalid('data', 'Тело запроса: { "data": { "student": "…", "list": "at-risk" | "leader", "period": "…" } }');
  const { student, list, period, ...rest } = data as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length > 0) throw invalid(extra[0], `Неизвестные параметры: ${extra.join(', ')}; допустимы student, list и period`);
  if (typeof student !== 'string' || student.trim() === '') throw invalid('student', 'Укажите обучающегося (documentId)');
  if (!ANALYTICS_LISTS.includes(list as AnalyticsList))
    throw invalid('list', 'Список аналитики: at-risk («группа риска») или leader (лидеры)');
  if (period !== undefined && period !== null && (typeof period !== 'string' || period.trim() === ''))
    throw invalid('period', 'Учебный период задаётся его documentId');
  return { student: student.trim(), list: list as AnalyticsList, period: typeof period === 'string' ? period.trim() : null };
};

/**
 * POST /api/learning-trajectories/from-analytics (R24): a trajectory drawn up from the analytics'
 * «at risk» or leaders list of a study period (the running one by default). Only a pupil on that list
 * as the caller sees it gets one (else 400 on `student`); the trajectory is for the period's school
 * year, with the basis and goals the list gives, the pupil's class teacher responsible, beginning today
 * and reviewed a month later. It is created through the document service, so the trajectory's rules
 * and the write scope (a class teacher only for their own class's pupils) apply as to any other.
 */
export const trajectoryFromAnalytics = async (
  strapi: Core.Strapi,
  controller: Core.CoreAPI.Controller.Base,
  ctx: Context,
): Promise<unknown> => {
  const actor = actorFromState(ctx.state as RequestState);
  if (actor.kind !== 'user' || actor.id === null)
    throw new errors.ForbiddenError('Траекторию по спискам аналитики составляют под своей учётной записью');
  const input = fromAnalyticsInputOf((ctx.request as { body?: unknown }).body);
  const pupil = (await strapi.db
    .query(STUDENT)
    .findOne({ where: { documentId: input.student }, select: ['id', 'documentId', 'fullName'] })) as {
    id: number;
    documentId: string;
    fullName: string;
  } | null;
  if (!pupil) throw invalid('student', 'Обучающийся не найден');

  const analytics = strapi.service('api::analytics.analytics') as unknown as AnalyticsService;
  let viewer: AnalyticsViewer;
  if (WHOLE_SCHOOL.has(actor.roleType ?? '')) viewer = { wholeSchool: true };
  else if (actor.roleType === 'class-teacher') {
    // The write scope would refuse it too; refused first, so the list is not read for somebody else's pupil.
    const own = await strapi.db
      .query(STUDENT)
      .count({ where: { id: pupil.id, enrollments: { schoolClass: { classTeacher: { id: actor.id } } } } });
    if (own === 0) throw new errors.PolicyError('Обучающийся не из вашего класса');
    viewer = { wholeSchool: false, ...(await analytics.reachOf(actor.id, true)) };
  } else throw new errors.PolicyError('Индивидуальную образовательную траекторию составляет классный руководитель или администрация школы');

  const period = await analytics.resolvePeriod({ period: input.period ?? undefined });
  const label = { title: period.title, year: period.yearTitle };
  let draft: TrajectoryDraft | null = null;
  if (input.list === 'at-risk') {
    const entry = (await analytics.atRisk(viewer, { period: period.documentId })).pupils.find(
      (candidate) => candidate.documentId === pupil.documentId,
    );
    if (entry) draft = atRiskTrajectory(label, entry);
  } else {
    const report = await analytics.leaders(viewer, { period: period.documentId });
    for (const group of LEADER_GROUPS) {
      const entry = report[group].find((candidate) => candidate.documentId === pupil.documentId);
      if (entry) {
        draft = leaderTrajectory(label, { group, average: entry.average, subjects: entry.subjects });
        break;
      }
    }
  }
  if (!draft) {
    throw invalid(
      'student',
      `${pupil.fullName} нет в списке ${ANALYTICS_LIST_OF[input.list]} за ${period.title} ${period.yearTitle} учебного года: траектория по этому списку не составляется`,
    );
  }

  const year = (await strapi.db.query(YEAR).findOne({ where: { id: period.yearId }, select: ['documentId', 'endDate'] })) as {
    documentId: string;
    endDate: string;
  };
  const today = todayInZone(getSchoolSettings(strapi).timeZone);
  const monthLater = DateTime.fromISO(today).plus({ months: 1 }).toISODate() as LocalDate;
  const yearEnd = String(year.endDate).slice(0, 10) as LocalDate;
  const responsible = await classTeacherOf(strapi, pupil.id, period.yearId, today);

  const created = (await strapi.documents(LEARNING_TRAJECTORY).create({
    data: {
      student: pupil.documentId,
      academicYear: year.documentId,
      origin: input.list,
      originPeriod: period.documentId,
      basis: draft.basis,
      goals: draft.goals,
      ...(responsible ? { responsible: responsible.documentId } : {}),
      startsOn: today,
      nextReviewOn: monthLater <= yearEnd ? monthLater : yearEnd,
    },
  } as never)) as { documentId: string };
  await controller.validateQuery(ctx);
  const query = await controller.sanitizeQuery(ctx);
  const result = await strapi.documents(LEARNING_TRAJECTORY).findOne({ documentId: created.documentId, ...query } as never);
  ctx.status = 201;
  return controller.transformResponse(await controller.sanitizeOutput(result as never, ctx));
};

/** The class teacher of the pupil's class in the year: the class they are on the list of today, else the latest. */
const classTeacherOf = async (
  strapi: Core.Strapi,
  studentId: number,
  yearId: number,
  today: LocalDate,
): Promise<{ documentId: string } | null> => {
  const enrollments = (await strapi.db.query(ENROLLMENT).findMany({
    where: { student: { id: studentId }, schoolClass: { academicYear: { id: yearId } } },
    select: ['startDate', 'endDate'],
    populate: { schoolClass: { select: ['id'], populate: { classTeacher: { select: ['documentId'] } } } },
    orderBy: { startDate: 'desc' },
  })) as Array<{ startDate: string; endDate: string | null; schoolClass: { classTeacher: { documentId: string } | null } | null }>;
  const current = enrollments.find((row) => String(row.startDate) <= today && (!row.endDate || String(row.endDate) >= today));
  return (current ?? enrollments[0])?.schoolClass?.classTeacher ?? null;
};
