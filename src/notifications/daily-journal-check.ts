import type { Core } from '@strapi/strapi';
import type { JournalControlService } from '../api/journal-control/services/journal-control';
import { formatLocalDate, todayInZone, type LocalDate } from '../school/calendar';
import { getSchoolSettings } from '../school/settings';
import { NOTIFICATION_UID, queueLetter, runOnceAndSend } from './queue';
import { dailyJournalCheckLetter, dailyJournalControlLetter, type UnfilledLesson } from './templates';

/**
 * The scheduled end-of-day check of journal keeping (R7, seed 002 §3.1.8: teachers fill the journal
 * every day; seed 002 §3.1.9: the deputy director controls it): the day's lessons without a topic,
 * attendance or marks — the same check as `GET /api/journal-control/daily` — go to each teacher
 * concerned (their own lessons) and, as one list for the whole school, to every deputy director.
 * Only accounts with an e-mail get a letter; a letter already queued for the day is not queued
 * again, so a re-run is harmless.
 */

export const JOURNAL_CHECK_CAUSE = 'journal-check';

interface Row {
  id: number;
  [field: string]: unknown;
}

interface CheckedLesson {
  number: number | null;
  subject: string | null;
  schoolClass: string | null;
  missing: string[];
}

export interface DailyCheckResult {
  date: LocalDate;
  lessons: number;
  unfilled: number;
  /** Letters queued: to teachers (their lessons) and deputy directors (the school's list). */
  queued: Array<{ recipient: string; kind: 'teacher' | 'deputy'; lessons: number }>;
}

const queueOnce = async (strapi: Core.Strapi, user: Row, letter: { subject: string; text: string }): Promise<string | null> => {
  const email = String(user.email ?? '').trim();
  if (!email.includes('@')) return null;
  const subject = letter.subject.slice(0, 300);
  const already = await strapi.db
    .query(NOTIFICATION_UID)
    .count({ where: { cause: JOURNAL_CHECK_CAUSE, recipientUser: { id: user.id }, subject } });
  if (already > 0) return null;
  await queueLetter(strapi, { recipient: email, userId: user.id, cause: JOURNAL_CHECK_CAUSE, letter });
  return email;
};

/** Checks the day (today in the school's zone by default) and queues the letters. */
export const queueDailyJournalCheck = async (strapi: Core.Strapi, day?: LocalDate): Promise<DailyCheckResult> => {
  const date = day ?? todayInZone(getSchoolSettings(strapi).timeZone);
  const control = strapi.service('api::journal-control.journal-control') as unknown as JournalControlService;
  // The whole school's check, as the deputy director sees it.
  const report = await control.daily({ id: 0, roleType: 'deputy-director' }, date);
  const result: DailyCheckResult = { date, lessons: report.lessons, unfilled: report.unfilled, queued: [] };
  const shown = formatLocalDate(date);
  const schoolList: UnfilledLesson[] = [];
  for (const group of report.teachers as Array<{
    teacher: { id: number; username: string; name?: string } | null;
    lessons: CheckedLesson[];
  }>) {
    const lessons = group.lessons.map((lesson) => ({
      number: lesson.number,
      schoolClass: lesson.schoolClass,
      subject: lesson.subject,
      missing: lesson.missing,
    }));
    schoolList.push(
      ...lessons.map((lesson) => ({ ...lesson, teacher: group.teacher?.name || group.teacher?.username || 'учитель не назначен' })),
    );
    if (!group.teacher) continue;
    const teacher = (await strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ where: { id: group.teacher.id }, select: ['id', 'email'] })) as Row | null;
    if (!teacher) continue;
    const sent = await queueOnce(strapi, teacher, dailyJournalCheckLetter({ date: shown, lessons }));
    if (sent) result.queued.push({ recipient: sent, kind: 'teacher', lessons: lessons.length });
  }
  if (schoolList.length > 0) {
    const deputies = (await strapi.db.query('plugin::users-permissions.user').findMany({
      where: { role: { type: 'deputy-director' }, blocked: false },
      select: ['id', 'email'],
    })) as Row[];
    for (const deputy of deputies) {
      const sent = await queueOnce(
        strapi,
        deputy,
        dailyJournalControlLetter({ date: shown, lessons: report.lessons, unfilled: schoolList }),
      );
      if (sent) result.queued.push({ recipient: sent, kind: 'deputy', lessons: schoolList.length });
    }
  }
  return result;
};

const DAY_LEASE_MS = 36 * 60 * 60 * 1000;

/** The scheduled task: once across instances (a lease named after the day, kept), check the day and send. */
export const runDailyJournalCheck = async (strapi: Core.Strapi, day?: LocalDate): Promise<DailyCheckResult | null> => {
  const date = day ?? todayInZone(getSchoolSettings(strapi).timeZone);
  return runOnceAndSend(strapi, `journal-check:${date}`, DAY_LEASE_MS, () => queueDailyJournalCheck(strapi, date));
};
