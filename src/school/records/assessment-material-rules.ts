import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { currentActor } from '../../access/request-actor';
import { formatLocalDate, todayInZone } from '../calendar';
import { maxPointsMismatch, type TaskLevel } from '../rules/assessment-material';
import { pointsScaleErrors } from '../rules/control-work';
import { getSchoolSettings } from '../settings';
import { currentRestAccount } from './author';
import { relationId, type RecordDraft, type StoredRecord } from './draft';

type Derived = Record<string, unknown>;

export const ASSESSMENT_MATERIAL = 'api::assessment-material.assessment-material';
const TEACHER_ROLES = new Set(['teacher', 'class-teacher']);
export const MATERIAL_KINDS = [
  'control-work',
  'diagnostic-work',
  'test',
  'dictation',
  'independent-work',
  'written-work',
  'essay',
  'practical-work',
  'lab-work',
  'other',
] as const;
const TASK_LEVELS: readonly TaskLevel[] = ['basic', 'advanced'];
export const MAX_TASKS = 200;
const MAX_SPECIFICATION = 8000;
const MAX_TASK_CHECKS = 1000;

const isWholeNumber = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

interface Task {
  number: number;
  checks: string | null;
  maxPoints: number;
  level: TaskLevel;
}

/** The tasks as written: `[{ number, checks, maxPoints, level }]`; each problem reported at its task and field. */
const readTasks = (draft: RecordDraft, input: unknown): Task[] => {
  if (input === null || input === undefined) return [];
  if (!Array.isArray(input))
    draft.fail('tasks', 'Задания КИМ — список: [{ "number": 1, "checks": "…", "maxPoints": 2, "level": "basic" }]');
  if (input.length > MAX_TASKS) draft.fail('tasks', `В КИМ не больше ${MAX_TASKS} заданий`);
  const seen = new Set<number>();
  return input.map((item: unknown, index): Task => {
    const at = (field: string, message: string) => draft.reportAt(['tasks', String(index), field], message);
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      return draft.fail('tasks', `Задание ${index + 1}: нужны номер (number), максимальный балл (maxPoints) и уровень (level)`);
    }
    const { number: given, checks, maxPoints, level } = item as Record<string, unknown>;
    const number = given === null || given === undefined ? index + 1 : given;
    if (!isWholeNumber(number) || number < 1 || number > MAX_TASKS)
      at('number', `Задание ${index + 1}: номер — целое от 1 до ${MAX_TASKS}`);
    else if (seen.has(number)) at('number', `Задание № ${number} указано дважды`);
    else seen.add(number);
    let text: string | null = null;
    if (checks !== null && checks !== undefined) {
      if (typeof checks !== 'string') at('checks', `Задание ${index + 1}: проверяемый результат (тема) — текст`);
      else if (checks.trim().length > MAX_TASK_CHECKS)
        at('checks', `Задание ${index + 1}: проверяемый результат не длиннее ${MAX_TASK_CHECKS} знаков`);
      else text = checks.trim() || null;
    }
    if (!isWholeNumber(maxPoints) || maxPoints < 1 || maxPoints > 1000) {
      at('maxPoints', `Задание ${index + 1}: максимальный балл — целое число от 1 до 1000`);
    }
    const taskLevel = level === null || level === undefined ? 'basic' : level;
    if (!TASK_LEVELS.includes(taskLevel as TaskLevel))
      at('level', `Задание ${index + 1}: уровень — базовый (basic) или повышенный (advanced)`);
    return {
      number: isWholeNumber(number) ? number : index + 1,
      checks: text,
      maxPoints: isWholeNumber(maxPoints) ? maxPoints : 0,
      level: TASK_LEVELS.includes(taskLevel as TaskLevel) ? (taskLevel as TaskLevel) : 'basic',
    };
  });
};

/**
 * A control work held with the КИМ: a control-work lesson naming it that has marks or whose day has
 * come. Null when none.
 */
export const heldWorkWith = async (strapi: Core.Strapi, materialId: number): Promise<{ className: string; date: string } | null> => {
  const today = todayInZone(getSchoolSettings(strapi).timeZone);
  const lessons = (await strapi.db.query('api::lesson.lesson').findMany({
    where: { assessmentMaterial: { id: materialId }, workType: 'control-work' },
    select: ['id', 'date'],
    orderBy: { date: 'asc' },
    populate: { journal: { select: ['id'], populate: { schoolClass: { select: ['name'] } } } },
  })) as Array<{ id: number; date: string; journal: { schoolClass: { name: string } | null } | null }>;
  for (const lesson of lessons) {
    const marked =
      String(lesson.date).slice(0, 10) <= today ||
      (await strapi.db.query('api::mark.mark').count({ where: { lesson: { id: lesson.id } } })) > 0;
    if (marked) return { className: lesson.journal?.schoolClass?.name ?? '', date: String(lesson.date).slice(0, 10) };
  }
  return null;
};

/** An approved КИМ used by a held control work is not changed any more (403): a new version is made instead. */
export const assertAssessmentMaterialChangeable = async (strapi: Core.Strapi, stored: StoredRecord): Promise<void> => {
  if (!stored.approved) return;
  const held = await heldWorkWith(strapi, stored.id);
  if (!held) return;
  throw new errors.PolicyError(
    `КИМ утверждён, и по нему уже проведена контрольная работа (${held.className}, ${formatLocalDate(held.date)}): он больше не изменяется и не удаляется — создайте новую версию КИМ (previousVersion)`,
  );
};

/**
 * A КИМ of the school's bank (контрольно-измерительные материалы, R98; seed 002 §1.4): title, subject
 * and grade (1–11), kind of work, the school year or any (empty), the specification, the tasks with
 * the planned result each checks, its maximum points and level; the work's maximum — the sum of the
 * tasks' maxima when tasks are given (taken from them when left empty, a mismatch refused); the
 * thresholds of the levels as on a control-work lesson (1 ≤ basic < advanced ≤ maximum); the author
 * (a teacher writing it: themselves); the approval (`approved`, by the deputy director, the director,
 * the admin panel or a script; `approvedBy`/`approvedAt` never from the body). An approved КИМ used by
 * a held control work is frozen; a new version names the previous one (`previousVersion`) and takes
 * the next `version`.
 */
export const assessmentMaterialRules = async (draft: RecordDraft): Promise<Derived> => {
  const { strapi } = draft;
  const actor = currentActor(strapi);
  const account = currentRestAccount(strapi);
  const teacherWrites = actor.kind === 'user' && TEACHER_ROLES.has(actor.roleType ?? '');
  if (!draft.isNew && draft.existing) await assertAssessmentMaterialChangeable(strapi, draft.existing);
  const derived: Derived = {};

  const title = draft.text('title');
  if (!title) draft.report('title', 'Запишите название КИМ');
  else if (title.length > 300) draft.report('title', 'Название не длиннее 300 знаков');

  const subject = await draft.optionalRelated('subject', 'Укажите предмет КИМ');
  if (!subject) draft.report('subject', 'Укажите предмет КИМ');
  const grade = draft.value('grade');
  if (grade === null || grade === '') draft.report('grade', 'Укажите класс (параллель) КИМ: от 1 до 11');
  else if (!isWholeNumber(grade) || grade < 1 || grade > 11) draft.report('grade', 'Класс (параллель) — целое число от 1 до 11');

  const kind = draft.value('kind');
  if (kind !== null && !MATERIAL_KINDS.includes(kind as (typeof MATERIAL_KINDS)[number])) {
    draft.report(
      'kind',
      'Вид работы: контрольная, диагностическая, тест, диктант, самостоятельная, письменная, сочинение, практическая, лабораторная или другая',
    );
  }
  await draft.optionalRelated('academicYear', 'Учебный год КИМ — запись учебного года или пусто («любой»)');

  const specification = draft.text('specification');
  if (specification && specification.length > MAX_SPECIFICATION) {
    draft.report('specification', `Спецификация не длиннее ${MAX_SPECIFICATION} знаков`);
  }

  let tasks: Task[];
  if (draft.writes('tasks')) {
    tasks = readTasks(draft, draft.data.tasks);
    derived.tasks = tasks;
  } else {
    const stored = (await strapi.db
      .query(ASSESSMENT_MATERIAL)
      .findOne({ where: { id: draft.existing?.id ?? 0 }, populate: { tasks: true } })) as { tasks?: Array<{ maxPoints: number }> } | null;
    tasks = (stored?.tasks ?? []).map((task, index) => ({
      number: index + 1,
      checks: null,
      maxPoints: Number(task.maxPoints),
      level: 'basic',
    }));
  }

  const points = (field: string): number | null => {
    const value = draft.value(field);
    return value === null || value === '' ? null : typeof value === 'number' ? value : Number.NaN;
  };
  let maxPoints = points('maxPoints');
  if (maxPoints === null && tasks.length > 0 && tasks.every((task) => task.maxPoints > 0)) {
    // Left empty: the sum of the tasks' maxima.
    maxPoints = tasks.reduce((sum, task) => sum + task.maxPoints, 0);
    derived.maxPoints = maxPoints;
  }
  const scaleErrors = pointsScaleErrors({
    maxPoints,
    basicFromPoints: points('basicFromPoints'),
    advancedFromPoints: points('advancedFromPoints'),
  });
  for (const { field, message } of scaleErrors) draft.report(field, message);
  if (scaleErrors.length === 0 && tasks.every((task) => task.maxPoints > 0)) {
    const mismatch = maxPointsMismatch(tasks, maxPoints);
    if (mismatch) draft.report('maxPoints', mismatch);
  }
  if (!draft.isNew && draft.existing && maxPoints !== null && Number.isFinite(maxPoints)) {
    // Points given on the control works that take their maximum from this КИМ stay within it.
    const scored = (await strapi.db.query('api::mark.mark').findMany({
      where: { lesson: { assessmentMaterial: { id: draft.existing.id }, maxPoints: { $null: true } }, points: { $notNull: true } },
      select: ['points'],
    })) as Array<{ points: number | string }>;
    const highest = Math.max(0, ...scored.map((mark) => Number(mark.points)));
    if (highest > maxPoints) draft.report('maxPoints', `По этому КИМ уже выставлены баллы до ${highest}: максимальный балл не меньше`);
  }

  // The approval: set by the deputy director, the director, the admin panel or a script; never by a teacher.
  const storedApproved = Boolean(draft.existing?.approved) && !draft.isNew;
  const approvedInput = draft.data.approved;
  if (approvedInput !== undefined && approvedInput !== null && typeof approvedInput !== 'boolean') {
    draft.report('approved', 'Утверждение — да (true) или нет (false)');
  }
  const approved = typeof approvedInput === 'boolean' ? approvedInput : storedApproved;
  if (teacherWrites && approved !== storedApproved) {
    draft.report(
      'approved',
      'КИМ утверждает методическое объединение через заместителя директора или директора: учитель не ставит и не снимает утверждение',
    );
  }
  if (!approved) Object.assign(derived, { approved: false, approvedBy: null, approvedAt: null });
  else if (!storedApproved) Object.assign(derived, { approved: true, approvedBy: account, approvedAt: new Date().toISOString() });
  else {
    const by = relationId(draft.existing?.approvedBy);
    Object.assign(derived, { approved: true, approvedBy: by === null ? null : { id: by }, approvedAt: draft.existing?.approvedAt ?? null });
  }

  // The author: a teacher writes as themselves; others may name one, else the writer's account.
  if (teacherWrites && account) {
    derived.author = draft.isNew
      ? account
      : relationId(draft.existing?.author) === null
        ? account
        : { id: relationId(draft.existing?.author) };
  } else {
    const author = await draft.optionalRelated('author', 'Укажите автора КИМ (учётную запись учителя)');
    if (!author && draft.isNew && account) derived.author = account;
  }

  const previous = await draft.optionalRelated('previousVersion', 'Предыдущая версия — запись КИМ', { subject: { select: ['id'] } });
  if (previous) {
    if (!draft.isNew && previous.id === draft.existing?.id) draft.report('previousVersion', 'КИМ не может быть своей предыдущей версией');
    else if (subject && relationId(previous.subject) !== subject.id)
      draft.report('previousVersion', 'Предыдущая версия — КИМ того же предмета');
    derived.version = Number(previous.version ?? 1) + 1;
  } else derived.version = 1;

  draft.check();
  return { ...derived, title, specification };
};
