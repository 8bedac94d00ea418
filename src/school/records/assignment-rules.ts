import { AsyncLocalStorage } from 'node:async_hooks';
import { currentActor } from '../../access/request-actor';
import { formatLocalDate, todayInZone } from '../calendar';
import { checkAttachedFiles } from '../distance/uploads';
import { allowedMarkValues, normalizeMarkValue, type SubjectScale } from '../rules/mark-values';
import { getSchoolSettings } from '../settings';
import { currentRestAccount } from './author';
import { relationId, type RecordDraft } from './draft';
import { hasAttachedFiles } from './lesson-plan-rules';
import { isEnrolledInClass, JOURNAL_CONTEXT, type JournalContext } from './lookups';

type Derived = Record<string, unknown>;

const SUBMISSION = 'api::assignment-submission.assignment-submission';
export const WORK_TYPES = [
  'oral-answer',
  'written-work',
  'control-work',
  'independent-work',
  'test',
  'dictation',
  'essay',
  'homework',
  'lab-work',
  'practical-work',
  'project',
  'other',
] as const;

/**
 * An assignment to the pupils of a journal (seed 004 §2.2): the lesson it belongs to (the mark for
 * the checked work is a current mark of that lesson), the title, the task, the sources for
 * self-study, materials (files within the limits), the due day (not before the lesson) and the work
 * type of its mark. The teacher who sets it is kept; its journal and lesson do not change once work
 * has been handed in.
 */
export const assignmentRules = async (draft: RecordDraft): Promise<Derived> => {
  const { strapi } = draft;
  const journal = (await draft.require('journal', 'Укажите журнал', JOURNAL_CONTEXT)) as JournalContext;
  const lesson = await draft.require('lesson', 'Укажите урок, к которому задание (за него ставится отметка)', {
    journal: { select: ['id'] },
  });
  if (relationId(lesson.journal) !== journal.id) draft.report('lesson', 'Урок относится к другому журналу');
  const title = draft.text('title');
  if (!title) draft.report('title', 'Укажите, что задано (например, «№ 245–250»)');
  else if (title.length > 300) draft.report('title', 'Не длиннее 300 символов');
  const description = draft.text('description');
  if (description && description.length > 10000) draft.report('description', 'Не длиннее 10000 символов');
  const sources = draft.text('sources');
  if (sources && sources.length > 4000) draft.report('sources', 'Не длиннее 4000 символов');
  const dueOn = draft.localDate('dueOn', 'срок сдачи') ?? draft.fail('dueOn', 'Укажите срок сдачи (ГГГГ-ММ-ДД)');
  if (dueOn < String(lesson.date)) draft.report('dueOn', `Срок сдачи не раньше урока (${formatLocalDate(String(lesson.date))})`);
  const workType = draft.value<string>('workType') ?? 'homework';
  if (!(WORK_TYPES as readonly string[]).includes(workType)) draft.report('workType', `Вид работы: ${WORK_TYPES.join(', ')}`);
  await checkAttachedFiles(draft, 'materials');
  if (!draft.isNew && draft.existing && (draft.writes('journal') || draft.writes('lesson'))) {
    const moved = relationId(draft.existing.journal) !== journal.id || relationId(draft.existing.lesson) !== lesson.id;
    if (moved && (await strapi.db.query(SUBMISSION).count({ where: { assignment: { id: draft.existing.id } } })) > 0) {
      draft.report('lesson', 'Работы по заданию уже сданы: урок и журнал задания не меняются');
    }
  }
  if ('teacher' in draft.data && draft.data.teacher !== undefined && currentActor(strapi).kind === 'user') {
    draft.report('teacher', 'Учитель задания — тот, кто его дал');
  }
  draft.check();
  const account = currentRestAccount(strapi);
  const teacher = draft.isNew
    ? (account ?? null)
    : relationId(draft.existing?.teacher) === null
      ? null
      : { id: relationId(draft.existing?.teacher) };
  return {
    journal: { id: journal.id },
    lesson: { id: lesson.id },
    title,
    description,
    sources,
    dueOn,
    workType,
    ...(draft.isNew || teacher ? { teacher } : {}),
  };
};

/** A check in progress: set by `POST /api/assignment-submissions/:id/check`, never by a write's body. */
export interface CheckInProgress {
  status: 'checked' | 'returned';
  accountId: number | null;
  comment: string | null;
  markId: number | null;
}

const checkStorage = new AsyncLocalStorage<CheckInProgress>();
export const runSubmissionCheck = <T>(check: CheckInProgress, work: () => Promise<T>): Promise<T> => checkStorage.run(check, work);

/**
 * A pupil's self-assessment (R78) in `field`: a mark of the subject's scale, as the teacher would give
 * it that day (a point mark, or зачёт where the subject or grade has no points); null when not given,
 * reported (400 on `field`) when off the scale. Shared by assignments and control works.
 */
export const selfAssessmentValueOf = (draft: RecordDraft, journal: JournalContext, field: string, label = 'Самооценка'): string | null => {
  const given = draft.value(field);
  if (given === null || given === '') return null;
  const settings = getSchoolSettings(draft.strapi);
  const allowed = allowedMarkValues({
    scale: (journal.subject?.scale ?? 'five-point') as SubjectScale,
    kind: 'current',
    grade: journal.schoolClass?.grade ?? 11,
    pointMarksFromGrade: settings.pointMarksFromGrade,
  });
  const value = normalizeMarkValue(given);
  if (value === null || !allowed.includes(value)) {
    draft.report(field, `${label} — отметка по шкале предмета: ${allowed.join(', ')}`);
    return null;
  }
  return value;
};

/**
 * The pupil's self-assessment of the work (R78): a mark of the subject's scale and a note of what
 * worked and what did not. Both optional; a note alone is fine.
 */
const selfAssessmentOf = (
  draft: RecordDraft,
  journal: JournalContext,
): { selfAssessment: string | null; selfAssessmentNote: string | null } => {
  const selfAssessment = selfAssessmentValueOf(draft, journal, 'selfAssessment');
  const selfAssessmentNote = draft.text('selfAssessmentNote');
  if (selfAssessmentNote && selfAssessmentNote.length > 1000)
    draft.report('selfAssessmentNote', 'Комментарий к самооценке не длиннее 1000 символов');
  return { selfAssessment, selfAssessmentNote };
};

/**
 * A pupil's work on an assignment: the pupil must be on the journal's list on the lesson's day; text
 * or files (within the limits); who handed it in and when, whether after the due day, the attempt's
 * number (a returned work is handed in again as a new attempt; an open one is not doubled); the pupil's
 * own assessment of the work on the subject's scale, with a note (R78: самооценка). Handed in,
 * it is never changed except by the teacher's check (state, comment, mark), and never deleted.
 */
export const assignmentSubmissionRules = async (draft: RecordDraft): Promise<Derived> => {
  const { strapi } = draft;
  const check = checkStorage.getStore();
  if (!draft.isNew) {
    if (!check) draft.fail('state', 'Сданная работа не изменяется: учитель проверяет её (POST /api/assignment-submissions/:id/check)');
    if (draft.existing?.state !== 'submitted') draft.fail('state', 'Работа уже проверена или возвращена');
    if (check.status === 'returned' && !check.comment) draft.fail('comment', 'Возвращая работу, напишите, что исправить');
    return {
      state: check.status,
      checkComment: check.comment,
      mark: check.markId === null ? null : { id: check.markId },
      checkedBy: check.accountId === null ? null : { id: check.accountId },
      checkedAt: new Date().toISOString(),
    };
  }
  const assignment = await draft.require('assignment', 'Укажите задание', {
    journal: { populate: JOURNAL_CONTEXT },
    lesson: { select: ['id', 'date'] },
  });
  const journal = assignment.journal as JournalContext;
  const student = await draft.require('student', 'Укажите обучающегося');
  const lessonDate = String((assignment.lesson as { date: string }).date);
  if (journal.pupils.length > 0 && !journal.pupils.some((pupil) => pupil.id === student.id)) {
    draft.fail('student', 'Обучающийся не входит в список журнала задания');
  }
  if (journal.schoolClass && !(await isEnrolledInClass(strapi, student.id, journal.schoolClass.id, lessonDate))) {
    draft.fail('student', `Обучающийся не числится в классе ${journal.schoolClass.name} на день урока`);
  }
  const text = draft.text('text');
  if (text && text.length > 10000) draft.report('text', 'Ответ не длиннее 10000 символов: остальное приложите файлом');
  const { selfAssessment, selfAssessmentNote } = selfAssessmentOf(draft, journal);
  await checkAttachedFiles(draft, 'files');
  if (!text && !(await hasAttachedFiles(draft, 'files'))) draft.report('text', 'Напишите ответ или приложите файлы работы');
  const open = await strapi.db.query(SUBMISSION).count({
    where: { assignment: { id: assignment.id }, student: { id: student.id }, state: { $in: ['submitted', 'checked'] } },
  });
  if (open > 0) draft.report('assignment', 'Работа по этому заданию уже сдана; новую сдают, только если учитель вернул работу');
  draft.check();
  const attempts = await strapi.db.query(SUBMISSION).count({ where: { assignment: { id: assignment.id }, student: { id: student.id } } });
  const today = todayInZone(getSchoolSettings(strapi).timeZone);
  return {
    assignment: { id: assignment.id },
    student: { id: student.id },
    text,
    selfAssessment,
    selfAssessmentNote,
    attempt: attempts + 1,
    submittedAt: new Date().toISOString(),
    submittedBy: currentRestAccount(strapi),
    late: today > String(assignment.dueOn),
    state: 'submitted',
    checkComment: null,
    mark: null,
    checkedBy: null,
    checkedAt: null,
  };
};
