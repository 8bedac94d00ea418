import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import { todayInZone, type LocalDate } from '../../../../../school/calendar';
import { getSchoolSettings } from '../../../../../school/settings';
import { overdueChecks } from '../../../../../api/journal-control/checks';
import { BACKUP_UID, FIXITY_CHECK_UID, RESTORE_DRILL_UID } from '../constants';
import { getService } from '../utils';

/**
 * What each member of staff sees first on the admin panel's home page: the teacher — today's
 * lessons and their journals behind; the deputy director — open remarks and the journals most
 * behind; the archivist — the next period close, the last backup and the last integrity check.
 */

/** How far back «behind» looks: lessons held in the last two weeks without a topic. */
export const BEHIND_WINDOW_DAYS = 14;

export interface LessonToday {
  lesson: string;
  journal: string;
  journalTitle: string;
  number: number | null;
  topic: string | null;
}

export interface JournalBehind {
  journal: string;
  journalTitle: string;
  lessonsWithoutTopic: number;
  oldest: LocalDate;
}

type Row = Record<string, unknown>;

const asDate = (value: unknown): LocalDate | null =>
  value === null || value === undefined ? null : value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);

const createStaffHomeService = ({ strapi }: { strapi: Core.Strapi }) => {
  const today = () => todayInZone(getSchoolSettings(strapi).timeZone);

  /** Lessons held in the window without a topic, per journal (most behind first). */
  const journalsBehind = async (journalIds: number[] | null, limit: number): Promise<JournalBehind[]> => {
    const day = today();
    const from = DateTime.fromISO(day).minus({ days: BEHIND_WINDOW_DAYS }).toISODate() as string;
    const lessons = (await strapi.db.query('api::lesson.lesson').findMany({
      where: {
        date: { $gte: from, $lte: day },
        $or: [{ topic: { $null: true } }, { topic: '' }],
        ...(journalIds ? { journal: { id: { $in: journalIds } } } : {}),
      },
      select: ['date'],
      populate: { journal: { select: ['documentId', 'title'] } },
      limit: 5000,
    })) as Array<Row & { journal: Row | null }>;
    const byJournal = new Map<string, JournalBehind>();
    for (const lesson of lessons) {
      if (!lesson.journal) continue;
      const key = String(lesson.journal.documentId);
      const date = asDate(lesson.date) as string;
      const entry = byJournal.get(key) ?? {
        journal: key,
        journalTitle: String(lesson.journal.title ?? ''),
        lessonsWithoutTopic: 0,
        oldest: date,
      };
      entry.lessonsWithoutTopic += 1;
      if (date < entry.oldest) entry.oldest = date;
      byJournal.set(key, entry);
    }
    return [...byJournal.values()]
      .sort((a, b) => b.lessonsWithoutTopic - a.lessonsWithoutTopic || a.oldest.localeCompare(b.oldest))
      .slice(0, limit);
  };

  return {
    async teacher(accountId: number | null): Promise<{ today: LocalDate; lessons: LessonToday[]; behind: JournalBehind[] }> {
      const day = today();
      if (accountId === null) return { today: day, lessons: [], behind: [] };
      const journals = (await strapi.db
        .query('api::journal.journal')
        .findMany({ where: { teachers: { id: accountId } }, select: ['id'] })) as Array<{ id: number }>;
      const ids = journals.map((journal) => journal.id);
      if (ids.length === 0) return { today: day, lessons: [], behind: [] };
      const lessons = (await strapi.db.query('api::lesson.lesson').findMany({
        where: { date: day, journal: { id: { $in: ids } } },
        select: ['documentId', 'number', 'topic'],
        populate: { journal: { select: ['documentId', 'title'] } },
        orderBy: [{ number: 'asc' }],
      })) as Array<Row & { journal: Row }>;
      return {
        today: day,
        lessons: lessons.map((lesson) => ({
          lesson: String(lesson.documentId),
          journal: String(lesson.journal.documentId),
          journalTitle: String(lesson.journal.title ?? ''),
          number: (lesson.number as number | null) ?? null,
          topic: (lesson.topic as string | null) || null,
        })),
        behind: await journalsBehind(ids, 10),
      };
    },

    async deputy() {
      const day = today();
      const remarks = (await strapi.db.query('api::journal-remark.journal-remark').findMany({
        where: { state: { $ne: 'fixed' } },
        select: ['documentId', 'inspectedOn', 'findings', 'state', 'fixBy'],
        populate: { journal: { select: ['documentId', 'title'] } },
        orderBy: [{ fixBy: 'asc' }, { inspectedOn: 'asc' }],
        limit: 50,
      })) as Array<Row & { journal: Row | null }>;
      return {
        today: day,
        openRemarks: remarks.map((remark) => ({
          documentId: String(remark.documentId),
          journal: remark.journal ? String(remark.journal.documentId) : null,
          journalTitle: remark.journal ? String(remark.journal.title ?? '') : '',
          inspectedOn: asDate(remark.inspectedOn),
          findings: (remark.findings as string | null) ?? null,
          state: String(remark.state),
          fixBy: asDate(remark.fixBy),
          overdue: Boolean(remark.fixBy) && (asDate(remark.fixBy) as string) < day,
        })),
        behind: await journalsBehind(null, 10),
        // The schedule of journal checks (R28): planned checks whose date has passed without a remark.
        overdueChecks: await overdueChecks(strapi, day, 20),
      };
    },

    async archivist() {
      const day = today();
      const nextPeriod = (await strapi.db.query('api::study-period.study-period').findOne({
        where: { state: 'open', endDate: { $gte: day } },
        select: ['documentId', 'title', 'endDate'],
        populate: { academicYear: { select: ['title'] } },
        orderBy: [{ endDate: 'asc' }],
      })) as (Row & { academicYear: Row | null }) | null;
      const endedOpen = await strapi.db.query('api::study-period.study-period').count({ where: { state: 'open', endDate: { $lt: day } } });
      const lastBackup = (await strapi.db.query(BACKUP_UID).findOne({
        select: ['name', 'state', 'startedAt', 'finishedAt', 'error'],
        orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
      })) as Row | null;
      const lastFixity = (await strapi.db.query(FIXITY_CHECK_UID).findOne({
        select: ['state', 'startedAt', 'finishedAt', 'summary', 'unrecoverablePackages'],
        orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
      })) as Row | null;
      // The newest restore drill (R65): whether the newest backup was proven to restore.
      const lastDrill = (await strapi.db.query(RESTORE_DRILL_UID).findOne({
        select: ['backupName', 'outcome', 'startedAt', 'finishedAt', 'error'],
        orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
      })) as Row | null;
      // The paper archive's inventory checks (R63): when the next is due, and whether it is overdue.
      const paperCheck = await getService(strapi, 'paper-archive').schedule();
      // Basic certificates in the safe whose pupils have left: to be handed back now (seed 002 §3.4.4).
      const certificatesToReturn = (await getService(strapi, 'paper-archive').storedCertificates()).toReturn.length;
      return {
        today: day,
        paperCheck,
        certificatesToReturn,
        nextClose: nextPeriod
          ? {
              documentId: String(nextPeriod.documentId),
              title: `${String(nextPeriod.title)} ${String(nextPeriod.academicYear?.title ?? '')}`.trim(),
              endDate: asDate(nextPeriod.endDate),
              // The nightly job closes a period the night after its last day.
              closesOn: DateTime.fromISO(asDate(nextPeriod.endDate) as string)
                .plus({ days: 1 })
                .toISODate(),
            }
          : null,
        periodsAwaitingClose: endedOpen,
        lastBackup: lastBackup
          ? {
              name: String(lastBackup.name),
              state: String(lastBackup.state),
              finishedAt: (lastBackup.finishedAt as string | null) ?? (lastBackup.startedAt as string | null) ?? null,
              error: (lastBackup.error as string | null) ?? null,
            }
          : null,
        lastFixity: lastFixity
          ? {
              state: String(lastFixity.state),
              finishedAt: (lastFixity.finishedAt as string | null) ?? (lastFixity.startedAt as string | null) ?? null,
              summary: (lastFixity.summary as string | null) ?? null,
            }
          : null,
        lastRestoreDrill: lastDrill
          ? {
              backupName: (lastDrill.backupName as string | null) ?? null,
              outcome: String(lastDrill.outcome),
              finishedAt: (lastDrill.finishedAt as string | null) ?? (lastDrill.startedAt as string | null) ?? null,
              error: (lastDrill.error as string | null) ?? null,
            }
          : null,
      };
    },
  };
};

export type StaffHomeService = ReturnType<typeof createStaffHomeService>;

export default createStaffHomeService;
