import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { currentRestAccount } from '../school/records/author';
import { RecordDraft, type StoredRecord } from '../school/records/draft';
import { enqueueAfterCommit, enqueueDistanceAfterCommit } from '../notifications/queue';

export const THREAD_UID = 'api::message-thread.message-thread';
export const MESSAGE_UID = 'api::message.message';

export const THREAD_KINDS = ['teacher-pupil', 'teacher-parent', 'class-announcement'] as const;
export type ThreadKind = (typeof THREAD_KINDS)[number];
export const MESSAGE_MAX_LENGTH = 4000;
export const SUBJECT_MAX_LENGTH = 200;

const ASSIGNMENT_UID = 'api::assignment.assignment';
const SUBMISSION_UID = 'api::assignment-submission.assignment-submission';

/** The record types whose creation notifies someone by e-mail (after the write commits). */
const NOTIFYING = new Set<string>([MESSAGE_UID, 'api::diary-entry.diary-entry', 'api::journal-remark.journal-remark']);

/** A thread: its kind, a subject, the pupil it is about (a class for an announcement), who started it. */
const threadRules = async (draft: RecordDraft): Promise<Record<string, unknown>> => {
  const kind = draft.value<string>('kind') ?? 'teacher-parent';
  if (!(THREAD_KINDS as readonly string[]).includes(kind)) {
    draft.report('kind', `Недопустимый вид переписки: ${String(kind)}. Допустимо: teacher-pupil, teacher-parent, class-announcement`);
  }
  const subject = draft.text('subject');
  if (!subject) draft.report('subject', 'Укажите тему');
  else if (subject.length > SUBJECT_MAX_LENGTH) draft.report('subject', `Тема длиннее ${SUBJECT_MAX_LENGTH} символов`);
  const student = await draft.related('student');
  const schoolClass = await draft.related('schoolClass');
  if (kind === 'class-announcement') {
    if (!schoolClass) draft.report('schoolClass', 'Объявление адресуется классу: укажите класс');
    if (student) draft.report('student', 'Объявление классу не называет обучающегося');
  } else if (!student) draft.report('student', 'Укажите обучающегося, о котором переписка');
  draft.check();
  const derived: Record<string, unknown> = { kind, subject };
  const account = currentRestAccount(draft.strapi);
  if (draft.isNew && account) derived.startedBy = account;
  return derived;
};

/** A message: its thread and text; the author is the caller and the time is now, never taken from input. */
const messageRules = async (draft: RecordDraft): Promise<Record<string, unknown>> => {
  if (!draft.isNew) draft.fail('text', 'Отправленное сообщение не изменяется');
  const thread = await draft.require('thread', 'Укажите переписку');
  const text = draft.text('text');
  if (!text) draft.report('text', 'Напишите текст сообщения');
  else if (text.length > MESSAGE_MAX_LENGTH) draft.report('text', `Сообщение длиннее ${MESSAGE_MAX_LENGTH} символов`);
  draft.check();
  const account = currentRestAccount(draft.strapi);
  return { thread: { id: thread.id }, text, sentAt: new Date().toISOString(), author: account ?? null };
};

const loadStored = async (strapi: Core.Strapi, uid: UID.ContentType, documentId: string): Promise<StoredRecord | null> =>
  (await strapi.db.query(uid).findOne({
    where: { documentId },
    populate: uid === THREAD_UID ? { student: { select: ['id'] }, schoolClass: { select: ['id'] } } : { thread: { select: ['id'] } },
  })) as StoredRecord | null;

/**
 * The rules of message threads and messages (document-service middleware: admin, REST and scripts
 * alike), and the e-mail notifications of new messages, diary entries and journal remarks, queued
 * once the write has committed.
 */
export const messagingMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    const { uid, action } = context;
    if (uid === MESSAGE_UID && action === 'delete') {
      throw new errors.ValidationError('Сообщения не удаляются: они хранятся по правилу хранения архива «Переписка»');
    }
    if ((uid === MESSAGE_UID || uid === THREAD_UID) && (action === 'create' || action === 'update' || action === 'clone')) {
      const params = context.params as { data?: Record<string, unknown>; documentId?: string };
      if (params.data !== undefined && params.data !== null && (typeof params.data !== 'object' || Array.isArray(params.data))) {
        throw new errors.ValidationError('Данные записи передаются одним объектом: { "data": { поле: значение } }');
      }
      const data = { ...(params.data ?? {}) };
      const existing = action !== 'create' && params.documentId ? await loadStored(strapi, uid, params.documentId) : null;
      const draft = new RecordDraft(strapi, uid, data, existing, action !== 'update');
      const derived = uid === MESSAGE_UID ? await messageRules(draft) : await threadRules(draft);
      params.data = { ...data, ...derived };
    }
    const result = await next();
    if (action === 'create' && result && typeof result === 'object') {
      const { id } = result as { id: number };
      if (NOTIFYING.has(uid)) await enqueueAfterCommit(strapi, uid, id);
      else if (uid === ASSIGNMENT_UID) await enqueueDistanceAfterCommit(strapi, { kind: 'assignment', assignmentId: id });
      else if (uid === SUBMISSION_UID)
        await enqueueDistanceAfterCommit(strapi, { kind: 'submission', submissionId: id, event: 'handed-in' });
    }
    return result;
  };
