import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import type { DiaryService } from '../api/diary/services/diary';
import { formatLocalDate, todayInZone, type LocalDate } from '../school/calendar';
import { weekStartOf } from '../school/rules/averages';
import { getSchoolSettings } from '../school/settings';
import { NOTIFICATION_UID, queueLetter, runOnceAndSend } from './queue';
import { weeklyDiaryReminderLetter } from './templates';

/**
 * The class teacher's weekly reminder (R16, seed 001 §2.2.2: «контроль достоверности записи данных
 * в дневнике … еженедельно»): for the week before the given day, each class teacher with an e-mail
 * gets one letter per class they lead listing the pupils whose diaries the parents have not
 * confirmed and the lessons without a topic or homework — the same view as
 * `GET /api/diary/classes/:class/confirmations`. A class with nothing to report gets no letter, and
 * a letter already queued for that class and week is not queued again.
 */

export const REMINDER_CAUSE = 'diary-reminder';

interface Row {
  id: number;
  documentId: string;
  [field: string]: unknown;
}

export interface ReminderResult {
  weekStart: LocalDate;
  weekEnd: LocalDate;
  queued: Array<{ schoolClass: string; recipient: string; notConfirmed: number; missingEntries: number }>;
  /** Classes with nothing to report, already reminded, or whose class teacher has no e-mail. */
  skipped: Array<{ schoolClass: string; reason: 'nothing-to-report' | 'already-queued' | 'no-email' }>;
}

/** The Monday-to-Sunday week before the week containing `day`. */
export const pastWeekOf = (day: LocalDate): { weekStart: LocalDate; weekEnd: LocalDate } => {
  const weekStart = DateTime.fromISO(weekStartOf(day)).minus({ days: 7 });
  return { weekStart: weekStart.toISODate() as LocalDate, weekEnd: weekStart.plus({ days: 6 }).toISODate() as LocalDate };
};

/** Queues the reminders of the week before `day` (today in the school's zone by default). */
export const queueWeeklyDiaryReminders = async (strapi: Core.Strapi, day?: LocalDate): Promise<ReminderResult> => {
  const { weekStart, weekEnd } = pastWeekOf(day ?? todayInZone(getSchoolSettings(strapi).timeZone));
  const result: ReminderResult = { weekStart, weekEnd, queued: [], skipped: [] };
  const classes = (await strapi.db.query('api::school-class.school-class').findMany({
    where: { academicYear: { startDate: { $lte: weekEnd }, endDate: { $gte: weekStart } } },
    select: ['id', 'documentId', 'name'],
    populate: { classTeacher: { select: ['id', 'email'] } },
    orderBy: [{ grade: 'asc' }, { letter: 'asc' }],
  })) as Row[];
  const diary = strapi.service('api::diary.diary') as unknown as DiaryService;
  for (const schoolClass of classes) {
    const teacher = schoolClass.classTeacher as Row | null;
    if (!teacher) continue;
    const name = String(schoolClass.name ?? '');
    const email = String(teacher.email ?? '').trim();
    if (!email.includes('@')) {
      result.skipped.push({ schoolClass: name, reason: 'no-email' });
      continue;
    }
    const view = await diary.classConfirmations({ id: teacher.id, roleType: 'class-teacher' }, schoolClass.documentId, weekStart);
    if (view.notConfirmed === 0 && view.missingEntries.length === 0) {
      result.skipped.push({ schoolClass: name, reason: 'nothing-to-report' });
      continue;
    }
    const letter = weeklyDiaryReminderLetter({
      className: name,
      weekStart: formatLocalDate(weekStart),
      weekEnd: formatLocalDate(weekEnd),
      notConfirmedPupils: view.notConfirmedPupils.map(String),
      missingEntries: view.missingEntries.map((entry) => ({
        date: formatLocalDate(String(entry.date)),
        number: (entry.number as number | null) ?? null,
        subject: entry.subject,
        missing: entry.missing,
      })),
    });
    const subject = letter.subject.slice(0, 300);
    const already = await strapi.db
      .query(NOTIFICATION_UID)
      .count({ where: { cause: REMINDER_CAUSE, recipientUser: { id: teacher.id }, subject } });
    if (already > 0) {
      result.skipped.push({ schoolClass: name, reason: 'already-queued' });
      continue;
    }
    await queueLetter(strapi, { recipient: email, userId: teacher.id, cause: REMINDER_CAUSE, letter });
    result.queued.push({
      schoolClass: name,
      recipient: email,
      notConfirmed: view.notConfirmed,
      missingEntries: view.missingEntries.length,
    });
  }
  return result;
};

/** A week's lease outlives the week, so an instance whose cron fires later the same Monday finds it taken. */
const WEEK_LEASE_MS = 8 * 24 * 60 * 60 * 1000;

/**
 * The scheduled task: once across instances (a lease named after the week, kept rather than
 * released), queue the week's reminders and ask the sender to send them.
 */
export const runWeeklyDiaryReminder = async (strapi: Core.Strapi, day?: LocalDate): Promise<ReminderResult | null> => {
  const today = day ?? todayInZone(getSchoolSettings(strapi).timeZone);
  return runOnceAndSend(strapi, `diary-reminder:${pastWeekOf(today).weekStart}`, WEEK_LEASE_MS, () =>
    queueWeeklyDiaryReminders(strapi, today),
  );
};
