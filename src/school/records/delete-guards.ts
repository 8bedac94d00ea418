import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { relationId, type StoredRecord } from './draft';

interface Dependent {
  uid: UID.ContentType;
  /** The relation on the dependent record that points at the record being deleted… */
  field?: string;
  /** …or, where no relation points at it, the dependents found from the stored record. */
  where?: (stored: StoredRecord) => Record<string, unknown>;
  /** Russian, genitive plural: «отметок», «уроков». */
  label: string;
}

/**
 * Records that others depend on cannot be deleted while those others exist: deleting a lesson must
 * not leave its marks pointing nowhere. Remove (or move) the dependents first.
 */
export const DELETE_GUARDS: Partial<Record<UID.ContentType, Dependent[]>> = {
  'api::assessment-material.assessment-material': [
    { uid: 'api::lesson.lesson', field: 'assessmentMaterial', label: 'уроков, которые его используют' },
    { uid: 'api::assessment-material.assessment-material', field: 'previousVersion', label: 'новых версий' },
  ],
  'api::assignment.assignment': [
    { uid: 'api::assignment-submission.assignment-submission', field: 'assignment', label: 'сданных работ' },
    { uid: 'api::platform-result.platform-result', field: 'assignment', label: 'результатов на образовательных платформах' },
  ],
  'api::academic-year.academic-year': [
    { uid: 'api::study-period.study-period', field: 'academicYear', label: 'учебных периодов' },
    { uid: 'api::school-class.school-class', field: 'academicYear', label: 'классов' },
    { uid: 'api::journal.journal', field: 'academicYear', label: 'журналов' },
    { uid: 'api::assessment-material.assessment-material', field: 'academicYear', label: 'КИМ' },
  ],
  'api::study-period.study-period': [
    { uid: 'api::mark.mark', field: 'studyPeriod', label: 'отметок' },
    { uid: 'api::lesson.lesson', field: 'studyPeriod', label: 'уроков' },
  ],
  'api::subject.subject': [
    { uid: 'api::journal.journal', field: 'subject', label: 'журналов' },
    { uid: 'api::assessment-material.assessment-material', field: 'subject', label: 'КИМ' },
    { uid: 'api::external-assessment.external-assessment', field: 'subject', label: 'результатов внешней оценки' },
  ],
  'api::school-class.school-class': [
    { uid: 'api::enrollment.enrollment', field: 'schoolClass', label: 'зачислений' },
    { uid: 'api::journal.journal', field: 'schoolClass', label: 'журналов' },
    { uid: 'api::parent-meeting.parent-meeting', field: 'schoolClass', label: 'родительских собраний' },
    { uid: 'api::control-plan-item.control-plan-item', field: 'schoolClass', label: 'пунктов плана внутришкольного контроля' },
    { uid: 'api::journal-check.journal-check', field: 'schoolClass', label: 'плановых проверок журналов класса' },
  ],
  'api::student.student': [
    { uid: 'api::mark.mark', field: 'student', label: 'отметок' },
    { uid: 'api::attendance.attendance', field: 'student', label: 'отметок о посещаемости' },
    { uid: 'api::enrollment.enrollment', field: 'student', label: 'зачислений' },
    { uid: 'api::diary-entry.diary-entry', field: 'student', label: 'записей учителей в дневнике' },
    { uid: 'api::portfolio-entry.portfolio-entry', field: 'student', label: 'записей портфолио' },
    { uid: 'api::reward.reward', field: 'student', label: 'поощрений' },
    { uid: 'api::personal-file.personal-file', field: 'student', label: 'личных дел' },
    { uid: 'api::certificate-acceptance.certificate-acceptance', field: 'student', label: 'принятых на хранение аттестатов' },
    { uid: 'api::certificate-entry.certificate-entry', field: 'student', label: 'записей книги регистрации аттестатов' },
    {
      uid: 'api::study-certificate-entry.study-certificate-entry',
      field: 'student',
      label: 'записей книги регистрации справок об обучении',
    },
    { uid: 'api::medal-entry.medal-entry', field: 'student', label: 'записей книги учёта и выдачи медалей' },
    { uid: 'api::external-assessment.external-assessment', field: 'student', label: 'результатов внешней оценки' },
    { uid: 'api::special-condition.special-condition', field: 'student', label: 'заключений ПМПК' },
    { uid: 'api::parent-meeting.parent-meeting', field: 'student', label: 'бесед с родителями о результатах' },
    { uid: 'api::rules-acknowledgment.rules-acknowledgment', field: 'student', label: 'ознакомлений с правилами оценивания' },
    { uid: 'api::results-request.results-request', field: 'student', label: 'обращений о результатах' },
    { uid: 'api::support-plan.support-plan', field: 'student', label: 'планов индивидуальной работы' },
    { uid: 'api::learning-trajectory.learning-trajectory', field: 'student', label: 'индивидуальных образовательных траекторий' },
    { uid: 'api::credit-transfer.credit-transfer', field: 'student', label: 'заявлений о зачёте результатов' },
    { uid: 'api::platform-result.platform-result', field: 'student', label: 'результатов на образовательных платформах' },
  ],
  'api::journal-remark.journal-remark': [
    { uid: 'api::management-decision.management-decision', field: 'journalRemarks', label: 'управленческих решений по этому замечанию' },
    { uid: 'api::journal-check.journal-check', field: 'remark', label: 'плановых проверок, проведённых этой записью' },
  ],
  'api::control-plan-item.control-plan-item': [
    { uid: 'api::management-decision.management-decision', field: 'controlPlanItems', label: 'управленческих решений по этому пункту' },
  ],
  'api::parent-meeting.parent-meeting': [
    { uid: 'api::support-plan.support-plan', field: 'approvedAt', label: 'планов индивидуальной работы, утверждённых на этой встрече' },
  ],
  'api::guardian.guardian': [
    { uid: 'api::rules-acknowledgment.rules-acknowledgment', field: 'guardian', label: 'ознакомлений с правилами оценивания' },
    { uid: 'api::results-request.results-request', field: 'guardian', label: 'обращений о результатах' },
  ],
  // A file with its years stays (numbers of the alphabetical book are never reused).
  'api::personal-file.personal-file': [{ uid: 'api::yearly-result.yearly-result', field: 'personalFile', label: 'итогов учебных лет' }],
  'api::journal.journal': [
    { uid: 'api::lesson.lesson', field: 'journal', label: 'уроков' },
    { uid: 'api::mark.mark', field: 'journal', label: 'отметок' },
    { uid: 'api::diary-entry.diary-entry', field: 'journal', label: 'записей учителей в дневнике' },
    { uid: 'api::work-programme.work-programme', field: 'journal', label: 'рабочих программ' },
    { uid: 'api::journal-check.journal-check', field: 'journal', label: 'плановых проверок журнала' },
    { uid: 'api::credit-transfer.credit-transfer', field: 'journal', label: 'заявлений о зачёте результатов' },
    { uid: 'api::platform-result.platform-result', field: 'journal', label: 'результатов на образовательных платформах' },
  ],
  // A class list entry carries no relation from the marks, but the pupil's marks in the class's
  // journals stand on it: the pupil was on the list when they were given.
  'api::enrollment.enrollment': [
    {
      uid: 'api::mark.mark',
      label: 'отметок обучающегося в журналах класса',
      where: (stored) => ({
        student: { id: relationId(stored.student) },
        journal: { schoolClass: { id: relationId(stored.schoolClass) } },
      }),
    },
    {
      uid: 'api::attendance.attendance',
      label: 'пропусков обучающегося в журналах класса',
      where: (stored) => ({
        student: { id: relationId(stored.student) },
        journal: { schoolClass: { id: relationId(stored.schoolClass) } },
      }),
    },
    // The аттестат accepted at this admission (R48) is recorded against it.
    { uid: 'api::certificate-acceptance.certificate-acceptance', field: 'enrollment', label: 'записей о приёме аттестата на хранение' },
  ],
  // An achievement that caused a reward stays while the reward names it.
  'api::portfolio-entry.portfolio-entry': [{ uid: 'api::reward.reward', field: 'achievements', label: 'поощрений за это достижение' }],
  // An annual mark written by a credit decision stands on the order (src/school/records/credit-transfer-rules.ts).
  'api::mark.mark': [
    { uid: 'api::credit-transfer.credit-transfer', field: 'mark', label: 'решений о зачёте результатов, которыми она выставлена' },
    {
      uid: 'api::platform-result.platform-result',
      field: 'mark',
      label: 'результатов на образовательных платформах, за которые она поставлена',
    },
  ],
  'api::lesson.lesson': [
    { uid: 'api::mark.mark', field: 'lesson', label: 'отметок' },
    { uid: 'api::attendance.attendance', field: 'lesson', label: 'отметок о посещаемости' },
  ],
};

/** Refuses (HTTP 400) to delete a record that others still point to, naming what is in the way. */
export const guardDelete = async (strapi: Core.Strapi, uid: UID.ContentType, stored: StoredRecord): Promise<void> => {
  const dependents = DELETE_GUARDS[uid];
  if (!dependents) return;
  const blocking: string[] = [];
  for (const dependent of dependents) {
    const where = dependent.where ? dependent.where(stored) : { [dependent.field as string]: { id: stored.id } };
    const count = await strapi.db.query(dependent.uid).count({ where });
    if (count > 0) blocking.push(`${dependent.label}: ${count}`);
  }
  if (blocking.length > 0) {
    throw new errors.ValidationError(`Запись нельзя удалить, пока на неё ссылаются другие записи (${blocking.join(', ')})`, {
      errors: [
        { path: ['id'], message: `Сначала удалите или перенесите связанные записи (${blocking.join(', ')})`, name: 'ValidationError' },
      ],
    });
  }
};
