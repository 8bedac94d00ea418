import type { Core } from '@strapi/strapi';
import { acquireLease } from '../plugins/records-archive/server/src/utils/lease';
import { DISTANCE_CAUSES, distanceLetters, type DistanceEvent } from './distance-letters';
import { diaryEntryLetter, journalRemarkLetter, newMessageLetter, type Letter } from './templates';
import { staffNameOf } from '../access/staff-name';

export const NOTIFICATION_UID = 'api::notification.notification';

type Row = { id: number; [field: string]: unknown };
type Recipient = { email: string; userId: number | null };

const nameOf = (user: Row | null | undefined): string => staffNameOf(user) || String(user?.email ?? 'Администрация школы');

const withEmail = (recipients: Recipient[]): Recipient[] => {
  const seen = new Set<string>();
  return recipients.filter((recipient) => {
    const email = recipient.email.trim().toLowerCase();
    if (!email || !email.includes('@') || seen.has(email)) return false;
    seen.add(email);
    return true;
  });
};

/** Who hears of a new record, and what they read. */
const lettersFor = async (
  strapi: Core.Strapi,
  uid: string,
  id: number,
): Promise<{ cause: string; letter: Letter; to: Recipient[] } | null> => {
  if (uid === 'api::message.message') {
    const message = (await strapi.db.query('api::message.message').findOne({
      where: { id },
      populate: { author: true, thread: { populate: { participants: { select: ['id', 'email'] } } } },
    })) as Row | null;
    const thread = message?.thread as Row | null;
    if (!message || !thread) return null;
    const author = message.author as Row | null;
    const to = ((thread.participants as Row[]) ?? [])
      .filter((user) => user.id !== author?.id)
      .map((user) => ({ email: String(user.email ?? ''), userId: user.id }));
    const letter = newMessageLetter({
      author: nameOf(author),
      threadSubject: String(thread.subject ?? ''),
      text: String(message.text ?? ''),
      announcement: thread.kind === 'class-announcement',
    });
    return { cause: 'message', letter, to };
  }
  if (uid === 'api::diary-entry.diary-entry') {
    const entry = (await strapi.db.query('api::diary-entry.diary-entry').findOne({
      where: { id },
      populate: {
        author: true,
        journal: { populate: { subject: { select: ['name'] } } },
        student: { populate: { guardians: { populate: { user: { select: ['id', 'email'] } } } } },
      },
    })) as Row | null;
    const student = entry?.student as Row | null;
    if (!entry || !student) return null;
    const to = ((student.guardians as Row[]) ?? []).flatMap((guardian) => {
      const user = guardian.user as Row | null;
      const emails = [
        guardian.email ? { email: String(guardian.email), userId: user?.id ?? null } : null,
        user?.email ? { email: String(user.email), userId: user.id } : null,
      ];
      return emails.filter((item): item is Recipient => item !== null).slice(0, 1);
    });
    const subject = ((entry.journal as Row | null)?.subject as Row | null)?.name;
    const letter = diaryEntryLetter({
      kind: String(entry.kind),
      pupil: String(student.fullName ?? ''),
      teacher: nameOf(entry.author as Row | null),
      subject: typeof subject === 'string' ? subject : null,
      date: String(entry.date ?? ''),
      text: String(entry.text ?? ''),
    });
    return { cause: 'diary-entry', letter, to };
  }
  if (uid === 'api::journal-remark.journal-remark') {
    const remark = (await strapi.db.query('api::journal-remark.journal-remark').findOne({
      where: { id },
      populate: { inspector: true, journal: { populate: { teachers: { select: ['id', 'email'] } } } },
    })) as Row | null;
    const journal = remark?.journal as Row | null;
    if (!remark || !journal) return null;
    const to = ((journal.teachers as Row[]) ?? []).map((user) => ({ email: String(user.email ?? ''), userId: user.id }));
    const letter = journalRemarkLetter({
      journal: String(journal.title ?? ''),
      inspector: nameOf(remark.inspector as Row | null),
      inspectedOn: (remark.inspectedOn as string | null) ?? null,
      findings: (remark.findings as string | null) ?? null,
      remarks: (remark.remarks as string | null) ?? null,
      fixBy: (remark.fixBy as string | null) ?? null,
    });
    return { cause: 'journal-remark', letter, to };
  }
  return null;
};

/** Puts one letter in the sender's queue (sent by the notification service's `flush`, retried on failure). */
export const queueLetter = (
  strapi: Core.Strapi,
  p: { recipient: string; userId: number | null; cause: string; letter: Letter },
): Promise<unknown> =>
  strapi.db.query(NOTIFICATION_UID).create({
    data: {
      recipient: p.recipient,
      recipientUser: p.userId,
      cause: p.cause,
      subject: p.letter.subject.slice(0, 300),
      text: p.letter.text,
      state: 'queued',
      attempts: 0,
      queuedAt: new Date().toISOString(),
    },
  });

/** Asks the sender to send what is queued now. */
export const flushQueue = (strapi: Core.Strapi): Promise<unknown> =>
  (strapi.service(NOTIFICATION_UID) as unknown as { flush(): Promise<unknown> }).flush();

/**
 * A scheduled letter job that must run once across instances: only the instance that takes the
 * lease (named after the day or week, kept rather than released) runs it, then sends what it queued.
 */
export const runOnceAndSend = async <T extends { queued: unknown[] }>(
  strapi: Core.Strapi,
  lease: string,
  ttlMs: number,
  job: () => Promise<T>,
): Promise<T | null> => {
  if (!(await acquireLease(strapi, lease, ttlMs))) return null;
  const result = await job();
  if (result.queued.length > 0) await flushQueue(strapi);
  return result;
};

/** Writes the queued letters of one new record and asks the sender to send them. */
export const enqueueFor = async (strapi: Core.Strapi, uid: string, id: number): Promise<number> => {
  const found = await lettersFor(strapi, uid, id);
  if (!found) return 0;
  const recipients = withEmail(found.to);
  for (const recipient of recipients) {
    await queueLetter(strapi, { recipient: recipient.email, userId: recipient.userId, cause: found.cause, letter: found.letter });
  }
  return recipients.length;
};

/**
 * Queues the notifications of a new record once its transaction commits (nothing is queued for a
 * write that rolls back), without holding up or failing the write: errors are only logged.
 */
export const enqueueAfterCommit = async (strapi: Core.Strapi, uid: string, id: number): Promise<void> => {
  const run = () => {
    void enqueueFor(strapi, uid, id)
      .then((count) => (count > 0 ? flushQueue(strapi) : null))
      .catch((error: unknown) => strapi.log.error(`Notifications of ${uid} ${id} were not queued: ${String(error)}`));
  };
  // Joins the caller's transaction when there is one (the callback runs at its commit), else commits at once.
  await strapi.db.transaction(async ({ onCommit }) => onCommit(run));
};

/**
 * Queues the letters of a step of the distance-learning flow (a plan submitted or reviewed, an
 * assignment set, work handed in or checked) once the write commits, without failing it.
 */
export const enqueueDistanceAfterCommit = async (strapi: Core.Strapi, event: DistanceEvent): Promise<void> => {
  const run = () => {
    void (async () => {
      const letters = await distanceLetters(strapi, event);
      for (const each of letters) {
        await queueLetter(strapi, { recipient: each.email, userId: each.userId, cause: DISTANCE_CAUSES[event.kind], letter: each.letter });
      }
      if (letters.length > 0) await flushQueue(strapi);
    })().catch((error: unknown) => strapi.log.error(`Letters of ${event.kind} were not queued: ${String(error)}`));
  };
  await strapi.db.transaction(async ({ onCommit }) => onCommit(run));
};
