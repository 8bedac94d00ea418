import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DateTime } from 'luxon';
import { formatLocalDate, parseLocalDate, todayInZone, type LocalDate } from '../../school/calendar';
import { getSchoolSettings } from '../../school/settings';
import { staffNameOf } from '../../access/staff-name';

/**
 * The check of lessons held without a report (seed 004 §2.1: «ежедневно … отчёт о проведении учебных
 * занятий»): for a range of days, the teachers of the methodical associations the deputy curates (the
 * director: of every association) who held lessons in their journals on a day but sent no daily report
 * for it. Days to come are never checked.
 */

const REPORT = 'api::daily-report.daily-report';
const ASSOCIATION = 'api::methodical-association.methodical-association';
/** The longest range one answer covers (a school quarter and a little more). */
export const MISSING_REPORTS_MAX_DAYS = 100;

type Row = { id: number; [field: string]: unknown };

export interface MissingReportsReader {
  id: number;
  roleType: string;
}

const fieldError = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

/** `from` and `to` of the query: local days, `from` ≤ `to` ≤ today, at most MISSING_REPORTS_MAX_DAYS days; both default to today. */
export const missingReportsRange = (query: Record<string, unknown>, today: LocalDate): { from: LocalDate; to: LocalDate } => {
  const extra = Object.keys(query).filter((key) => key !== 'from' && key !== 'to');
  if (extra.length > 0) throw fieldError(extra[0], `Неизвестные параметры: ${extra.join(', ')}; допустимы from и to`);
  const issues: Array<{ path: string[]; message: string; name: string }> = [];
  const dayOf = (key: 'from' | 'to'): LocalDate | null => {
    const given = query[key];
    if (given === undefined || given === '') return today;
    const day = parseLocalDate(given);
    if (!day) issues.push({ path: [key], message: 'Дата в формате ГГГГ-ММ-ДД', name: 'ValidationError' });
    return day;
  };
  const from = dayOf('from');
  const to = dayOf('to');
  if (to && to > today)
    issues.push({ path: ['to'], message: `День ${formatLocalDate(to)} ещё не наступил: проверять пока нечего`, name: 'ValidationError' });
  if (from && to && from > to) issues.push({ path: ['from'], message: 'Начало периода позже его конца', name: 'ValidationError' });
  if (from && to && from <= to) {
    const days = DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days + 1;
    if (days > MISSING_REPORTS_MAX_DAYS)
      issues.push({ path: ['from'], message: `Период не длиннее ${MISSING_REPORTS_MAX_DAYS} дней`, name: 'ValidationError' });
  }
  if (issues.length > 0 || !from || !to) throw new errors.ValidationError(issues[0].message, { errors: issues });
  return { from, to };
};

/** GET /api/daily-reports/missing?from=&to=: per teacher of the reader's associations, the days with lessons and no report. */
export const missingReports = async (strapi: Core.Strapi, reader: MissingReportsReader, query: Record<string, unknown>) => {
  if (reader.roleType !== 'deputy-director' && reader.roleType !== 'director')
    throw new errors.PolicyError('Проверка отчётов доступна курирующему заместителю директора и директору');
  const { from, to } = missingReportsRange(query, todayInZone(getSchoolSettings(strapi).timeZone));
  const associations = (await strapi.db.query(ASSOCIATION).findMany({
    where: reader.roleType === 'director' ? {} : { curator: { id: reader.id } },
    select: ['id', 'documentId', 'name'],
    orderBy: [{ name: 'asc' }],
    populate: { members: { select: ['id', 'documentId', 'fullName', 'username'] } },
  })) as Row[];
  const teachers: Array<{
    teacher: { documentId: string; username: string; name: string };
    association: string;
    daysWithLessons: number;
    missing: Array<{ date: LocalDate; lessons: Array<{ number: number | null; journal: string }> }>;
  }> = [];
  for (const association of associations) {
    for (const member of (association.members as Row[] | undefined) ?? []) {
      const lessons = (await strapi.db.query('api::lesson.lesson').findMany({
        where: { date: { $gte: from, $lte: to }, journal: { teachers: { id: member.id } } },
        select: ['id', 'date', 'number'],
        orderBy: [{ date: 'asc' }, { number: 'asc' }, { id: 'asc' }],
        populate: { journal: { select: ['id', 'title'] } },
      })) as Row[];
      const reports = (await strapi.db.query(REPORT).findMany({
        where: { teacher: { id: member.id }, date: { $gte: from, $lte: to } },
        select: ['id', 'date'],
      })) as Row[];
      const reported = new Set(reports.map((report) => String(report.date)));
      const byDay = new Map<LocalDate, Array<{ number: number | null; journal: string }>>();
      for (const lesson of lessons) {
        const day = String(lesson.date);
        const list = byDay.get(day) ?? [];
        list.push({
          number: (lesson.number as number | null) ?? null,
          journal: String((lesson.journal as Row | null)?.title ?? ''),
        });
        byDay.set(day, list);
      }
      const missing = [...byDay].filter(([day]) => !reported.has(day)).map(([date, held]) => ({ date, lessons: held }));
      if (missing.length === 0) continue;
      teachers.push({
        teacher: { documentId: String(member.documentId), username: String(member.username ?? ''), name: staffNameOf(member) },
        association: String(association.name ?? ''),
        daysWithLessons: byDay.size,
        missing,
      });
    }
  }
  return {
    data: {
      from,
      to,
      associations: associations.map((association) => String(association.name ?? '')),
      teachers,
      definition: 'Дни, в которые у учителя были уроки в его журналах, а отчёт о проведении учебных занятий за этот день не отправлен',
    },
  };
};
