import { currentActor } from '../../access/request-actor';
import { formatLocalDate, parseLocalDate, todayInZone } from '../calendar';
import { getSchoolSettings } from '../settings';
import { currentRestAccount } from './author';
import type { RecordDraft, StoredRecord } from './draft';

type Derived = Record<string, unknown>;

const TEACHER_ROLES = new Set(['teacher', 'class-teacher']);
/** What the approval covers: a teacher's change of any of these sends the programme back for approval. */
const APPROVED_CONTENT = ['journal', 'teacher', 'title', 'hoursPerYear', 'plan', 'file'];
export const MAX_PLAN_TOPICS = 300;

const isWholeNumber = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

/** Planned results of one topic: not more than this many characters together. */
export const MAX_TOPIC_RESULTS = 4000;

type PlanItem = { topic: string; lessons: number; plannedResults: string | null };

/**
 * The thematic plan as written: a list of `{ topic, lessons, plannedResults? }` (the planned results of
 * the topic, one per line, R91); each problem reported on `plan`.
 */
const readPlan = (draft: RecordDraft, input: unknown): PlanItem[] => {
  if (input === null || input === undefined) return [];
  if (!Array.isArray(input)) draft.fail('plan', 'Тематический план — список тем: [{ "topic": "…", "lessons": 4 }]');
  if (input.length > MAX_PLAN_TOPICS) draft.fail('plan', `В тематическом плане не больше ${MAX_PLAN_TOPICS} тем`);
  return input.map((item: unknown, index) => {
    const number = index + 1;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      return draft.fail('plan', `Тема ${number} плана: нужны название темы (topic) и число уроков (lessons)`);
    }
    const { topic, lessons, plannedResults } = item as { topic?: unknown; lessons?: unknown; plannedResults?: unknown };
    const text = typeof topic === 'string' ? topic.trim() : null;
    if (!text) draft.report('plan', `Тема ${number} плана: запишите название темы`);
    else if (text.length > 300) draft.report('plan', `Тема ${number} плана: название не длиннее 300 знаков`);
    if (!isWholeNumber(lessons) || lessons < 1 || lessons > 500) {
      draft.report('plan', `Тема ${number} плана: число уроков — целое от 1 до 500`);
    }
    let results: string | null = null;
    if (plannedResults !== null && plannedResults !== undefined) {
      if (typeof plannedResults !== 'string') {
        draft.report('plan', `Тема ${number} плана: планируемые результаты — текст, каждый результат с новой строки`);
      } else if (plannedResults.trim().length > MAX_TOPIC_RESULTS) {
        draft.report('plan', `Тема ${number} плана: планируемые результаты не длиннее ${MAX_TOPIC_RESULTS} знаков`);
      } else {
        results = plannedResults.trim() || null;
      }
    }
    return { topic: text ?? '', lessons: isWholeNumber(lessons) ? lessons : 0, plannedResults: results };
  });
};

/**
 * A teacher's work programme (рабочая программа, seed 000 §5, seed 002 §3.1.4): the journal
 * (class × subject × year) it is taught in and its teacher — one of the journal's teachers, the
 * REST caller when a teacher writes it; a title; the hours per year; the thematic plan (topics with
 * their lessons, together not more than the hours, and the planned results of each topic); the approval (protocol or order and its date,
 * not in the future), set only by the deputy director, the director or the admin panel, with
 * `approvedBy` the REST account that approved it. A teacher's later change of the content sends
 * the programme back for approval. One programme per journal and teacher.
 */
export const workProgrammeRules = async (draft: RecordDraft): Promise<Derived> => {
  const { strapi } = draft;
  const actor = currentActor(strapi);
  const account = currentRestAccount(strapi);
  const teacherWrites = actor.kind === 'user' && TEACHER_ROLES.has(actor.roleType ?? '');

  const journal = await draft.require('journal', 'Укажите журнал (класс, предмет, учебный год) программы', {
    teachers: { select: ['id', 'username'] },
  });
  const teachers = (journal.teachers as StoredRecord[] | null) ?? [];

  const derived: Derived = {};
  let teacherId: number | null;
  if (teacherWrites && account) {
    // A teacher keeps their own programme; another teacher's is not theirs to take over.
    const stored = (draft.existing?.teacher as StoredRecord | null | undefined)?.id ?? null;
    teacherId = draft.isNew || stored === null ? account.id : stored;
    if (teacherId !== account.id) draft.report('teacher', 'Это программа другого учителя');
    derived.teacher = { id: teacherId };
  } else {
    const teacher = await draft.optionalRelated('teacher', 'Укажите учителя, который ведёт программу');
    teacherId = teacher?.id ?? null;
    if (teacherId === null) draft.report('teacher', 'Укажите учителя, который ведёт программу');
  }
  // A teacher writing for a journal they do not teach is refused by write-scope.ts (403).
  if (teacherId !== null && !teacherWrites && !teachers.some((teacher) => teacher.id === teacherId)) {
    draft.report('teacher', 'Учитель программы должен вести этот журнал');
  }

  const title = draft.text('title');
  if (!title) draft.report('title', 'Запишите название рабочей программы');
  else if (title.length > 300) draft.report('title', 'Название не длиннее 300 знаков');

  const hours = draft.value('hoursPerYear');
  if (hours !== null && hours !== '' && (!isWholeNumber(hours) || hours < 1 || hours > 1000)) {
    draft.report('hoursPerYear', 'Часы в год — целое число от 1 до 1000');
  }

  let plan: PlanItem[];
  if (draft.writes('plan')) {
    plan = readPlan(draft, draft.data.plan);
    derived.plan = plan;
  } else {
    const stored = (await strapi.db
      .query('api::work-programme.work-programme')
      .findOne({ where: { id: draft.existing?.id ?? 0 }, populate: { plan: true } })) as { plan?: Array<{ lessons: number }> } | null;
    plan = (stored?.plan ?? []).map((item) => ({ topic: '', lessons: Number(item.lessons), plannedResults: null }));
  }
  const planned = plan.reduce((sum, item) => sum + item.lessons, 0);
  if (isWholeNumber(hours) && planned > hours) {
    draft.report('plan', `В тематическом плане ${planned} ч — больше, чем часов в год по программе (${hours})`);
  }

  const approvalWritten = draft.writes('approvalDocument') || draft.writes('approvedOn');
  const document = draft.text('approvalDocument');
  if (document && document.length > 200) draft.report('approvalDocument', 'Реквизиты утверждения не длиннее 200 знаков');
  const givenDate = draft.value('approvedOn');
  let approvedOn: string | null = null;
  if (givenDate !== null && givenDate !== '') {
    approvedOn = parseLocalDate(givenDate);
    if (!approvedOn) draft.report('approvedOn', 'Дата утверждения в формате ГГГГ-ММ-ДД');
    else if (approvedOn > todayInZone(getSchoolSettings(strapi).timeZone)) {
      draft.report('approvedOn', `Дата утверждения ${formatLocalDate(approvedOn)} ещё не наступила`);
    }
  }
  if (document && !approvedOn && givenDate === null) draft.report('approvedOn', 'Укажите дату утверждения программы');
  if (approvedOn && !document) draft.report('approvalDocument', 'Укажите протокол или приказ, которым утверждена программа');

  const hasApproval = Boolean(document || approvedOn);
  const storedApprovedBy = (draft.existing?.approvedBy as StoredRecord | null | undefined)?.id ?? null;
  if (teacherWrites) {
    const differs = (field: string) =>
      field in draft.data && draft.data[field] !== undefined && (draft.data[field] ?? null) !== (draft.existing?.[field] ?? null);
    if (differs('approvalDocument') || differs('approvedOn') || differs('approvedBy')) {
      draft.report('approvedOn', 'Программу утверждает заместитель директора: учитель не ставит и не снимает отметку об утверждении');
    }
    const storedApproval = Boolean(draft.existing?.approvedOn || draft.existing?.approvalDocument);
    if (!draft.isNew && storedApproval && APPROVED_CONTENT.some((field) => field in draft.data)) {
      // A teacher's change of the approved content sends the programme back for approval.
      Object.assign(derived, { approvalDocument: null, approvedOn: null, approvedBy: null });
    } else {
      Object.assign(derived, {
        approvalDocument: document,
        approvedOn,
        approvedBy: storedApprovedBy === null ? null : { id: storedApprovedBy },
      });
    }
  } else {
    Object.assign(derived, { approvalDocument: document, approvedOn });
    if (!hasApproval) derived.approvedBy = null;
    else if (approvalWritten && account) derived.approvedBy = account;
    else if (account) derived.approvedBy = storedApprovedBy === null ? null : { id: storedApprovedBy };
  }

  draft.check();
  if (teacherId !== null) {
    const duplicate = await strapi.db.query('api::work-programme.work-programme').count({
      where: { journal: { id: journal.id }, teacher: { id: teacherId }, ...draft.notSelf() },
    });
    if (duplicate > 0) draft.fail('journal', 'У этого учителя уже есть рабочая программа по этому журналу');
  }
  return { ...derived, title };
};
