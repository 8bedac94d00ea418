import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import { formatLocalDate, todayInZone, type LocalDate } from '../school/calendar';
import { getSchoolSettings } from '../school/settings';
import { NOTIFICATION_UID, queueLetter, runOnceAndSend } from './queue';
import { marksDigestLetter, type DigestMark } from './templates';

/**
 * The parents' daily digest of new marks (opt-in per parent, `guardian.marksDigest`; seed 000 §5:
 * parents informed in time): every mark set that day in the school's time zone for any of their
 * children, one letter per parent account and day, to the guardian's e-mail or else the account's.
 * A day without new marks sends nothing; a letter already queued for the day is not queued again.
 */

export const DIGEST_CAUSE = 'marks-digest';

interface Row {
  id: number;
  documentId: string;
  [field: string]: unknown;
}

export interface DigestResult {
  date: LocalDate;
  queued: Array<{ recipient: string; marks: number }>;
}

/** The UTC instants bounding a local day of the school. */
const dayBounds = (day: LocalDate, zone: string) => {
  const start = DateTime.fromISO(day, { zone }).startOf('day');
  return { from: start.toUTC().toISO() as string, to: start.plus({ days: 1 }).toUTC().toISO() as string };
};

export const queueMarksDigest = async (strapi: Core.Strapi, day?: LocalDate): Promise<DigestResult> => {
  const zone = getSchoolSettings(strapi).timeZone;
  const date = day ?? todayInZone(zone);
  const result: DigestResult = { date, queued: [] };
  const subscribed = (await strapi.db.query('api::guardian.guardian').findMany({
    where: { marksDigest: true },
    select: ['id', 'email'],
    populate: { children: { select: ['id', 'fullName'] }, user: { select: ['id', 'email', 'blocked'] } },
  })) as Row[];
  const { from, to } = dayBounds(date, zone);
  for (const guardian of subscribed) {
    const user = guardian.user as Row | null;
    const email = String(guardian.email || user?.email || '').trim();
    const children = (guardian.children as Array<Row & { fullName: string }>) ?? [];
    if (!email.includes('@') || children.length === 0 || user?.blocked) continue;
    const marks = (await strapi.db.query('api::mark.mark').findMany({
      where: { student: { id: { $in: children.map((child) => child.id) } }, setAt: { $gte: from, $lt: to } },
      orderBy: [{ date: 'asc' }, { id: 'asc' }],
      populate: { student: { select: ['id'] }, journal: { select: ['id'], populate: { subject: { select: ['name'] } } } },
    })) as Row[];
    if (marks.length === 0) continue;
    const byChild = children
      .map((child) => ({
        fullName: child.fullName,
        marks: marks
          .filter((mark) => (mark.student as Row | null)?.id === child.id)
          .map(
            (mark): DigestMark => ({
              date: mark.date ? formatLocalDate(String(mark.date)) : '—',
              subject: String(((mark.journal as Row | null)?.subject as Row | null)?.name ?? ''),
              value: String(mark.value),
              kind: String(mark.kind),
              workType: (mark.workType as string | null) ?? null,
            }),
          ),
      }))
      .filter((child) => child.marks.length > 0);
    const letter = marksDigestLetter({ date: formatLocalDate(date), children: byChild });
    const already = await strapi.db.query(NOTIFICATION_UID).count({
      where: { cause: DIGEST_CAUSE, recipient: email, queuedAt: { $gte: from } },
    });
    if (already > 0) continue;
    await queueLetter(strapi, { recipient: email, userId: user?.id ?? null, cause: DIGEST_CAUSE, letter });
    result.queued.push({ recipient: email, marks: marks.length });
  }
  return result;
};

const DAY_LEASE_MS = 36 * 60 * 60 * 1000;

/** The scheduled task: once across instances (a lease per day, kept), queue the day's digests and send them. */
export const runMarksDigest = async (strapi: Core.Strapi, day?: LocalDate): Promise<DigestResult | null> => {
  const date = day ?? todayInZone(getSchoolSettings(strapi).timeZone);
  return runOnceAndSend(strapi, `marks-digest:${date}`, DAY_LEASE_MS, () => queueMarksDigest(strapi, date));
};
