import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { currentActor } from '../../access/request-actor';
import { formatLocalDate, isWithin, todayInZone } from '../calendar';
import { checkAttachedFiles } from '../distance/uploads';
import {
  isLessonPlanEditable,
  LESSON_PLAN_STATE_LABELS,
  nextLessonPlanState,
  type LessonPlanAction,
  type LessonPlanState,
  type LessonPlanStep,
} from '../rules/lesson-plan-workflow';
import { getSchoolSettings } from '../settings';
import { currentRestAccount } from './author';
import { relationId, type RecordDraft, type StoredRecord } from './draft';
import { JOURNAL_CONTEXT, type JournalContext } from './lookups';
import { staffNameOf } from '../../access/staff-name';

type Derived = Record<string, unknown>;

const USER = 'plugin::users-permissions.user';
const ASSOCIATION = 'api::methodical-association.methodical-association';
const PLAN_KINDS = ['lesson-notes', 'technological-map'] as const;
const TOPIC_MAX = 500;
const CONTENT_MAX = 20000;
export const REVIEW_COMMENT_MAX = 2000;
const STAFF_ROLES = new Set(['teacher', 'class-teacher']);

/** The account with its role type and name (null when there is none). */
export const accountOf = async (
  strapi: Core.Strapi,
  id: number,
): Promise<{ id: number; username: string; name: string; roleType: string } | null> => {
  const account = (await strapi.db
    .query(USER)
    .findOne({ where: { id }, select: ['id', 'fullName', 'username'], populate: { role: { select: ['type'] } } })) as {
    id: number;
    fullName: string | null;
    username: string;
    role: { type: string } | null;
  } | null;
  return account ? { id: account.id, username: account.username, name: staffNameOf(account), roleType: account.role?.type ?? '' } : null;
};

/**
 * A methodical association (методическое объединение): its name, its head (the account with the
 * role «Руководитель методического объединения», who checks the members' lesson plans), the curating
 * deputy director (who receives the approved plans and the daily reports) and the member teachers.
 * A teacher is a member of one association at most, so their plans go to one head.
 */
export const methodicalAssociationRules = async (draft: RecordDraft): Promise<Derived> => {
  const { strapi } = draft;
  const name = draft.text('name');
  if (!name) draft.report('name', 'Укажите название методического объединения (например, «МО учителей математики»)');
  else if (name.length > 200) draft.report('name', 'Название не длиннее 200 символов');
  const head = await draft.related('head', { role: { select: ['type'] } });
  if (!head) draft.report('head', 'Укажите руководителя методического объединения');
  else if ((head.role as { type?: string } | null)?.type !== 'methodologist') {
    draft.report('head', 'Руководитель — учётная запись с ролью «Руководитель методического объединения»');
  }
  const curator = await draft.related('curator', { role: { select: ['type'] } });
  if (!curator) draft.report('curator', 'Укажите курирующего заместителя директора по УВР');
  else if ((curator.role as { type?: string } | null)?.type !== 'deputy-director') {
    draft.report('curator', 'Курирует объединение заместитель директора по УВР (роль «Заместитель директора по УВР»)');
  }
  const members = await draft.relatedMany('members');
  if (members.length > 0) {
    const withRoles = (await strapi.db.query(USER).findMany({
      where: { id: { $in: members.map((member) => member.id) } },
      select: ['id', 'fullName', 'username'],
      populate: { role: { select: ['type'] } },
    })) as Array<{ id: number; fullName: string | null; username: string; role: { type: string } | null }>;
    const notTeachers = withRoles.filter((member) => !STAFF_ROLES.has(member.role?.type ?? ''));
    if (notTeachers.length > 0) {
      draft.report('members', `В объединение входят учителя; не учителя: ${notTeachers.map((member) => staffNameOf(member)).join(', ')}`);
    }
    const elsewhere = (await strapi.db.query(ASSOCIATION).findMany({
      where: { members: { id: { $in: members.map((member) => member.id) } }, ...draft.notSelf() },
      select: ['id', 'name'],
      populate: { members: { select: ['id', 'fullName', 'username'] } },
    })) as Array<{ name: string; members: Array<{ id: number; fullName: string | null; username: string }> }>;
    for (const other of elsewhere) {
      const both = other.members.filter((member) => members.some((own) => own.id === member.id));
      if (both.length > 0) {
        draft.report(
          'members',
          `${both.map((member) => staffNameOf(member)).join(', ')} уже в объединении «${other.name}»: учитель состоит в одном`,
        );
      }
    }
  }
  await draft.relatedMany('subjects');
  draft.check();
  return { name };
};

/** A review step in progress: set by the plan's actions (submit, approve, return), never by a write's body. */
interface StepInProgress {
  action: LessonPlanAction;
  accountId: number;
  name: string;
  comment: string | null;
  /** The association the plan goes to (on submit). */
  associationId?: number;
}

const stepStorage = new AsyncLocalStorage<StepInProgress>();

/** Runs `work` (a write of the plan through the document service) as one step of its review. */
export const runLessonPlanStep = <T>(step: StepInProgress, work: () => Promise<T>): Promise<T> => stepStorage.run(step, work);

/** Fields the review keeps: set by the plan's actions, not by the body of a write. */
const REVIEW_FIELDS = ['state', 'association', 'submittedAt', 'reviewedBy', 'reviewedAt', 'reviewComment', 'history', 'teacherName'];

/** Whether the record will hold at least one file in the media field after the write. */
export const hasAttachedFiles = async (draft: RecordDraft, field: string): Promise<boolean> => {
  const given = draft.data[field];
  if (given !== undefined) return Array.isArray(given) ? given.length > 0 : given !== null;
  if (!draft.existing || draft.isNew) return false;
  const stored = (await draft.strapi.db
    .query(draft.uid)
    .findOne({ where: { id: draft.existing.id }, select: ['id'], populate: { [field]: { select: ['id'] } } })) as Record<
    string,
    unknown
  > | null;
  return Array.isArray(stored?.[field]) && (stored[field] as unknown[]).length > 0;
};

const historyOf = (stored: StoredRecord | null): LessonPlanStep[] =>
  Array.isArray(stored?.history) ? (stored.history as LessonPlanStep[]) : [];

/**
 * A lesson plan for a day of one of the teacher's journals: the day (within the journal's year), the
 * lesson of that day if it is already in the journal, the topic, the kind (notes or a technological
 * map), the text or attached files (limits of `config/distance-learning.ts`). Its review state moves
 * only by the actions (draft → submitted → approved | returned → submitted …), each step kept in
 * `history` with who and when; the content changes only while the plan is a draft or returned.
 */
export const lessonPlanRules = async (draft: RecordDraft): Promise<Derived> => {
  const { strapi } = draft;
  const stored = draft.isNew ? null : draft.existing;
  const step = stepStorage.getStore();
  const actor = currentActor(strapi);
  const state = ((stored?.state as LessonPlanState | undefined) ?? 'draft') as LessonPlanState;

  if (!step) {
    // A REST caller moves the review only through the actions; the admin panel's form sends the fields back unchanged.
    for (const field of REVIEW_FIELDS) {
      if (!(field in draft.data) || draft.data[field] === undefined) continue;
      if (actor.kind !== 'user') continue;
      if (field === 'state' && draft.data.state === state) continue;
      draft.report(
        field,
        field === 'state'
          ? `Состояние конспекта меняется только действиями: POST /api/lesson-plans/:id/submit (отправить), POST /api/lesson-plans/:id/review (согласовать или вернуть)`
          : 'Это поле заполняет система при отправке и проверке конспекта',
      );
    }
    draft.check();
    if (stored && !isLessonPlanEditable(state)) {
      draft.fail(
        'state',
        `Конспект ${LESSON_PLAN_STATE_LABELS[state] === 'согласован' ? 'согласован' : 'на проверке'} и не изменяется` +
          (state === 'submitted' ? ': дождитесь решения руководителя методического объединения' : ''),
      );
    }
  }

  const journal = (await draft.require(
    'journal',
    'Укажите журнал, для урока которого составлен конспект',
    JOURNAL_CONTEXT,
  )) as JournalContext;
  const lessonDate = draft.localDate('lessonDate', 'дату урока') ?? draft.fail('lessonDate', 'Укажите дату урока (ГГГГ-ММ-ДД)');
  const year = journal.academicYear;
  if (year && !isWithin(lessonDate, year.startDate, year.endDate)) {
    draft.report('lessonDate', `Дата урока ${formatLocalDate(lessonDate)} вне учебного года ${year.title} журнала`);
  }
  const lesson = await draft.optionalRelated('lesson', 'Урок указывается по documentId или id', { journal: { select: ['id'] } });
  if (lesson) {
    if (relationId(lesson.journal) !== journal.id) draft.report('lesson', 'Урок относится к другому журналу');
    else if (lesson.date !== lessonDate)
      draft.report('lesson', `Урок проходит ${formatLocalDate(String(lesson.date))}, а не в день конспекта`);
  }
  const kind = draft.value<string>('kind') ?? 'lesson-notes';
  if (!(PLAN_KINDS as readonly string[]).includes(kind)) {
    draft.report('kind', 'Вид: lesson-notes (конспект урока) или technological-map (технологическая карта)');
  }
  const topic = draft.text('topic');
  if (!topic) draft.report('topic', 'Укажите тему урока');
  else if (topic.length > TOPIC_MAX) draft.report('topic', `Тема не длиннее ${TOPIC_MAX} символов`);
  const content = draft.text('content');
  if (content && content.length > CONTENT_MAX)
    draft.report('content', `Конспект не длиннее ${CONTENT_MAX} символов: остальное приложите файлом`);
  await checkAttachedFiles(draft, 'files');
  const hasFiles = await hasAttachedFiles(draft, 'files');
  if (!content && !hasFiles) draft.report('content', 'Напишите конспект или приложите файл технологической карты');

  // The teacher: the REST caller (or the panel user's school account) who writes it; an admin without one names them.
  const account = currentRestAccount(strapi);
  let teacherId = relationId(stored?.teacher);
  if (draft.isNew) {
    teacherId = account?.id ?? (await draft.related('teacher'))?.id ?? null;
    if (teacherId === null) draft.report('teacher', 'Укажите учителя, составившего конспект');
  } else if ('teacher' in draft.data && draft.data.teacher !== undefined && actor.kind === 'user') {
    const given = await draft.related('teacher');
    if (given?.id !== teacherId) draft.report('teacher', 'Автор конспекта не меняется');
  }
  draft.check();
  const teacher = teacherId === null ? null : await accountOf(strapi, teacherId);

  const now = new Date().toISOString();
  const history = historyOf(stored);
  const derived: Derived = {
    teacher: teacherId === null ? null : { id: teacherId },
    teacherName: teacher?.name ?? null,
    journal: { id: journal.id },
    lesson: lesson ? { id: lesson.id } : null,
    lessonDate,
    kind,
    topic,
    content,
    state,
    association: relationId(stored?.association) === null ? null : { id: relationId(stored?.association) },
    submittedAt: stored?.submittedAt ?? null,
    reviewedBy: relationId(stored?.reviewedBy) === null ? null : { id: relationId(stored?.reviewedBy) },
    reviewedAt: stored?.reviewedAt ?? null,
    reviewComment: stored?.reviewComment ?? null,
    history,
  };
  if (draft.isNew && !step) {
    derived.state = 'draft';
    derived.history = [{ action: 'create', state: 'draft', by: teacherId, byName: teacher?.name ?? '', at: now, comment: null }];
  }
  if (step) {
    const moved = nextLessonPlanState(state, step.action);
    if (!moved.ok) draft.fail('state', moved.message);
    if (step.action === 'submit') {
      const today = todayInZone(getSchoolSettings(strapi).timeZone);
      if (lessonDate < today)
        draft.fail('lessonDate', `Конспект на прошедший день (${formatLocalDate(lessonDate)}) на проверку не отправляют`);
      derived.association = step.associationId ? { id: step.associationId } : null;
      derived.submittedAt = now;
      derived.reviewedBy = null;
      derived.reviewedAt = null;
    } else {
      if (step.action === 'return' && !step.comment)
        draft.fail('comment', 'Возвращая конспект на доработку, напишите замечание: что исправить');
      derived.reviewedBy = { id: step.accountId };
      derived.reviewedAt = now;
      derived.reviewComment = step.comment;
    }
    derived.state = moved.state;
    derived.history = [
      ...history,
      { action: step.action, state: moved.state, by: step.accountId, byName: step.name, at: now, comment: step.comment },
    ];
  }
  return derived;
};
