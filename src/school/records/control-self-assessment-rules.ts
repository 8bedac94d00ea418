import { errors } from '@strapi/utils';
import { formatLocalDate, todayInZone } from '../calendar';
import { getSchoolSettings } from '../settings';
import { selfAssessmentValueOf } from './assignment-rules';
import { currentRestAccount } from './author';
import { relationId, type RecordDraft } from './draft';
import { isEnrolledInClass, JOURNAL_CONTEXT, type JournalContext } from './lookups';

type Derived = Record<string, unknown>;

const SELF = 'api::control-self-assessment.control-self-assessment';
export const MARK_ALREADY_SET = 'Отметка учителя уже выставлена: самооценка вводится до неё';

/** Whether the teacher has put a mark for the pupil on the lesson (the journal is the only store of marks). */
export const teacherMarkExists = async (draft: RecordDraft, studentId: number, lessonId: number): Promise<boolean> =>
  (await draft.strapi.db.query('api::mark.mark').count({ where: { student: { id: studentId }, lesson: { id: lessonId } } })) > 0;

/**
 * A pupil's self-assessment of a control work written in class (R78, seed 001 §1.2–1.3): the pupil
 * (or a parent) enters the mark they expect on the subject's scale, with a note, from the day of the
 * control work and only until the teacher has marked it; one per pupil and lesson. The lesson must be
 * a control work of a journal whose list holds the pupil that day. Who entered it is the caller, never
 * the body. Once the teacher's mark exists it is never changed (403); the mark itself is never touched.
 */
export const controlSelfAssessmentRules = async (draft: RecordDraft): Promise<Derived> => {
  const { strapi } = draft;
  const student = await draft.require('student', 'Укажите обучающегося');
  const lesson = await draft.require('lesson', 'Укажите урок с контрольной работой', { journal: { populate: JOURNAL_CONTEXT } });
  if (!draft.isNew && draft.existing) {
    if (relationId(draft.existing.student) !== student.id) draft.fail('student', 'Обучающийся самооценки не меняется');
    if (relationId(draft.existing.lesson) !== lesson.id) draft.fail('lesson', 'Урок самооценки не меняется');
    if (await teacherMarkExists(draft, student.id, lesson.id)) throw new errors.PolicyError(MARK_ALREADY_SET);
  }
  const journal = lesson.journal as JournalContext | null;
  if (!journal) draft.fail('lesson', 'Урок не относится ни к одному журналу');
  if (lesson.workType !== 'control-work') draft.fail('lesson', 'Самооценку вводят за контрольную работу: этот урок не контрольная работа');
  const date = String(lesson.date);
  if (journal.pupils.length > 0 && !journal.pupils.some((pupil) => pupil.id === student.id)) {
    draft.fail('student', 'Обучающийся не входит в список журнала');
  }
  if (journal.schoolClass && !(await isEnrolledInClass(strapi, student.id, journal.schoolClass.id, date))) {
    draft.fail('student', `Обучающийся не числится в классе ${journal.schoolClass.name} на ${formatLocalDate(date)}`);
  }
  if (date > todayInZone(getSchoolSettings(strapi).timeZone)) {
    draft.report('lesson', `Самооценку вводят с дня контрольной работы (${formatLocalDate(date)})`);
  }
  if (draft.isNew) {
    if (await teacherMarkExists(draft, student.id, lesson.id)) draft.report('lesson', MARK_ALREADY_SET);
    else if ((await strapi.db.query(SELF).count({ where: { student: { id: student.id }, lesson: { id: lesson.id } } })) > 0) {
      draft.report('lesson', 'Самооценка за эту контрольную работу уже введена: её можно изменить до отметки учителя');
    }
  }
  const given = draft.value('value');
  if (given === null || given === '') draft.report('value', 'Укажите отметку, которую вы ставите себе за работу');
  const value = selfAssessmentValueOf(draft, journal, 'value');
  const note = draft.text('note');
  if (note && note.length > 1000) draft.report('note', 'Комментарий не длиннее 1000 символов');
  draft.check();
  return {
    student: { id: student.id },
    lesson: { id: lesson.id },
    value,
    note,
    enteredBy: currentRestAccount(strapi),
    enteredAt: new Date().toISOString(),
  };
};
