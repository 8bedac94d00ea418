import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { assertAppointed, DUTY_ON_CREATE } from '../../access/duty-appointments';
import { assertWriteScope } from '../../access/write-scope';
import { academicYearRules, studyPeriodRules } from './calendar-rules';
import { guardDelete } from './delete-guards';
import { RecordDraft, type StoredRecord } from './draft';
import { assertPeriodsOpen, lessonPeriodOf, PERIOD_BOUND_TYPES } from './period-lock';
import { attendanceRules, lessonRules, markRules } from './journal-entry-rules';
import { enrollmentRules, guardianRules, studentRules } from './people-rules';
import { journalRules, schoolClassRules, subjectRules } from './structure-rules';

/** The rules of each record type: they refuse a bad write (HTTP 400) or return derived fields. */
export type RecordRules = (draft: RecordDraft) => Promise<Record<string, unknown>>;

export const RECORD_RULES: Partial<Record<UID.ContentType, RecordRules>> = {
  'api::academic-year.academic-year': academicYearRules,
  'api::study-period.study-period': studyPeriodRules,
  'api::subject.subject': subjectRules,
  'api::school-class.school-class': schoolClassRules,
  'api::student.student': studentRules,
  'api::enrollment.enrollment': enrollmentRules,
  'api::guardian.guardian': guardianRules,
  'api::journal.journal': journalRules,
  'api::lesson.lesson': lessonRules,
  'api::mark.mark': markRules,
  'api::attendance.attendance': attendanceRules,
  'api::regulation.regulation': (draft) => import('./regulation-rules').then((rules) => rules.regulationRules(draft)),
  'api::journal-remark.journal-remark': (draft) => import('./journal-remark-rules').then((rules) => rules.journalRemarkRules(draft)),
  'api::diary-entry.diary-entry': (draft) => import('./diary-entry-rules').then((rules) => rules.diaryEntryRules(draft)),
  'api::portfolio-entry.portfolio-entry': (draft) => import('./portfolio-rules').then((rules) => rules.portfolioEntryRules(draft)),
  'api::reward.reward': (draft) => import('./portfolio-rules').then((rules) => rules.rewardRules(draft)),
  'api::personal-file.personal-file': (draft) => import('./personal-file-rules').then((rules) => rules.personalFileRules(draft)),
  'api::yearly-result.yearly-result': (draft) => import('./personal-file-rules').then((rules) => rules.yearlyResultRules(draft)),
  'api::certificate-entry.certificate-entry': (draft) => import('./certificate-rules').then((rules) => rules.certificateEntryRules(draft)),
  'api::study-certificate-entry.study-certificate-entry': (draft) =>
    import('./study-certificate-rules').then((rules) => rules.studyCertificateEntryRules(draft)),
  'api::medal-entry.medal-entry': (draft) => import('./medal-rules').then((rules) => rules.medalEntryRules(draft)),
  'api::external-assessment.external-assessment': (draft) =>
    import('./external-assessment-rules').then((rules) => rules.externalAssessmentRules(draft)),
  'api::exam-result.exam-result': (draft) => import('./exam-result-rules').then((rules) => rules.examResultRules(draft)),
  'api::special-condition.special-condition': (draft) =>
    import('./special-condition-rules').then((rules) => rules.specialConditionRules(draft)),
  'api::parent-meeting.parent-meeting': (draft) => import('./parent-meeting-rules').then((rules) => rules.parentMeetingRules(draft)),
  'api::results-request.results-request': (draft) => import('./results-request-rules').then((rules) => rules.resultsRequestRules(draft)),
  'api::duty-appointment.duty-appointment': (draft) =>
    import('./duty-appointment-rules').then((rules) => rules.dutyAppointmentRules(draft)),
  'api::support-plan.support-plan': (draft) => import('./control-plan-rules').then((rules) => rules.supportPlanRules(draft)),
  'api::learning-trajectory.learning-trajectory': (draft) =>
    import('./learning-trajectory-rules').then((rules) => rules.learningTrajectoryRules(draft)),
  'api::control-plan-item.control-plan-item': (draft) => import('./control-plan-rules').then((rules) => rules.controlPlanItemRules(draft)),
  'api::management-decision.management-decision': (draft) =>
    import('./management-decision-rules').then((rules) => rules.managementDecisionRules(draft)),
  'api::work-programme.work-programme': (draft) => import('./work-programme-rules').then((rules) => rules.workProgrammeRules(draft)),
  'api::journal-check.journal-check': (draft) => import('./journal-check-rules').then((rules) => rules.journalCheckRules(draft)),
  'api::support-contact.support-contact': (draft) => import('./support-contact-rules').then((rules) => rules.supportContactRules(draft)),
  'api::credit-transfer.credit-transfer': (draft) => import('./credit-transfer-rules').then((rules) => rules.creditTransferRules(draft)),
  'api::methodical-association.methodical-association': (draft) =>
    import('./lesson-plan-rules').then((rules) => rules.methodicalAssociationRules(draft)),
  'api::lesson-plan.lesson-plan': (draft) => import('./lesson-plan-rules').then((rules) => rules.lessonPlanRules(draft)),
  'api::daily-report.daily-report': (draft) => import('./daily-report-rules').then((rules) => rules.dailyReportRules(draft)),
  'api::competency-result.competency-result': (draft) =>
    import('./competency-result-rules').then((rules) => rules.competencyResultRules(draft)),
  'api::assignment.assignment': (draft) => import('./assignment-rules').then((rules) => rules.assignmentRules(draft)),
  'api::assignment-submission.assignment-submission': (draft) =>
    import('./assignment-rules').then((rules) => rules.assignmentSubmissionRules(draft)),
  'api::certificate-blank.certificate-blank': (draft) =>
    import('./certificate-blank-rules').then((rules) => rules.certificateBlankRules(draft)),
  'api::certificate-acceptance.certificate-acceptance': (draft) =>
    import('./certificate-acceptance-rules').then((rules) => rules.certificateAcceptanceRules(draft)),
  'api::results-meeting.results-meeting': (draft) => import('./results-meeting-rules').then((rules) => rules.resultsMeetingRules(draft)),
  'api::control-self-assessment.control-self-assessment': (draft) =>
    import('./control-self-assessment-rules').then((rules) => rules.controlSelfAssessmentRules(draft)),
  'api::platform-result.platform-result': (draft) => import('./platform-result-rules').then((rules) => rules.platformResultRules(draft)),
  'api::assessment-material.assessment-material': (draft) =>
    import('./assessment-material-rules').then((rules) => rules.assessmentMaterialRules(draft)),
};

/** Types whose rules write other records (a credit decision writes the annual mark): the rules and the write are one transaction. */
const TRANSACTIONAL_TYPES = new Set<string>([
  'api::credit-transfer.credit-transfer',
  'api::certificate-entry.certificate-entry',
  'api::certificate-acceptance.certificate-acceptance',
]);

/**
 * What a created record writes elsewhere, in its own transaction: an аттестат gives out its blank, an
 * annulment marks that blank annulled (R43);
 * an аттестат accepted at admission to grade 10 is registered in the paper archive's safe (R48).
 */
const AFTER_CREATE: Partial<Record<string, (strapi: Core.Strapi, created: StoredRecord) => Promise<void>>> = {
  'api::certificate-entry.certificate-entry': (strapi, created) =>
    import('./certificate-blank-rules').then(async (rules) => {
      await rules.issueBlankOf(strapi, created);
      await rules.annulBlankOf(strapi, created);
    }),
  'api::certificate-acceptance.certificate-acceptance': (strapi, created) =>
    import('./certificate-acceptance-rules').then((rules) => rules.registerAcceptedCertificate(strapi, created)),
};

const WRITE_ACTIONS = new Set(['create', 'update', 'clone']);

/** The stored record with its relations as `{ id, documentId }`, so a partial update can be judged whole. */
const loadStored = async (strapi: Core.Strapi, uid: UID.ContentType, documentId: string): Promise<StoredRecord | null> => {
  const attributes = strapi.getModel(uid).attributes as Record<string, { type: string }>;
  const populate = Object.fromEntries(
    Object.entries(attributes)
      .filter(([, attribute]) => attribute.type === 'relation')
      .map(([name]) => [name, { select: ['id', 'documentId'] }]),
  );
  return (await strapi.db.query(uid).findOne({ where: { documentId }, populate })) as StoredRecord | null;
};

/** The study period a lesson, mark or attendance entry belongs to (attendance: its lesson's). */
const periodOf = (strapi: Core.Strapi, uid: UID.ContentType, record: Record<string, unknown>): Promise<unknown> | unknown =>
  uid === 'api::attendance.attendance' ? lessonPeriodOf(strapi, record.lesson) : record.studyPeriod;

/**
 * Applies the record rules of one create, update or clone: the duty appointment, the type's rules,
 * the write scope and the period lock; refuses a bad write (HTTP 400/403) or returns the data to
 * write with the derived fields. Null when the type has no rules or the record to change is gone.
 * The document-service middleware below and the direct write paths (the mark fast path,
 * src/api/mark/services/fast-mark.ts) both call it, so a write is judged the same by either.
 */
export const prepareRecordWrite = async (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  action: 'create' | 'update' | 'clone',
  input: Record<string, unknown>,
  documentId?: string,
): Promise<Record<string, unknown> | null> => {
  const rules = RECORD_RULES[uid];
  if (!rules) return null;
  const data = { ...input };
  let existing: StoredRecord | null = null;
  if (action !== 'create') {
    if (!documentId) return null;
    existing = await loadStored(strapi, uid, documentId);
    if (!existing) return null;
  }
  const draft = new RecordDraft(strapi, uid, data, existing, action !== 'update');
  // A duty assigned by the director's order is performed only by the person appointed (src/access/duty-appointments.ts).
  const duty = DUTY_ON_CREATE[uid];
  if (duty && draft.isNew) await assertAppointed(strapi, duty);
  const derived = await rules(draft);
  await assertWriteScope(strapi, uid, draft.isNew ? null : existing, { draft, derived });
  if (PERIOD_BOUND_TYPES.has(uid)) {
    // Neither the record as it was nor as it would become may sit in a closed period.
    await assertPeriodsOpen(strapi, [
      existing && !draft.isNew ? await periodOf(strapi, uid, existing) : null,
      await periodOf(strapi, uid, derived),
    ]);
  }
  return { ...data, ...derived };
};

/**
 * One document-service middleware applies every record rule and delete guard, so the admin panel,
 * the REST API and scripts that use the document service share the same validation.
 */
export const recordRulesMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    const rules = RECORD_RULES[context.uid];
    if (!rules) return next();
    if (context.action === 'delete') {
      const { documentId } = context.params as { documentId?: string };
      const stored = documentId ? await loadStored(strapi, context.uid, documentId) : null;
      if (stored) {
        await assertWriteScope(strapi, context.uid, stored, null);
        if (PERIOD_BOUND_TYPES.has(context.uid)) await assertPeriodsOpen(strapi, [await periodOf(strapi, context.uid, stored)]);
        if (context.uid === 'api::yearly-result.yearly-result') {
          await (await import('./personal-file-rules')).assertYearResultDeletable(strapi, stored);
        }
        if (context.uid === 'api::results-request.results-request') {
          throw new errors.PolicyError('Запись журнала обращений не удаляется: ответ, если он изменился, записывают в ту же запись');
        }
        if (context.uid === 'api::support-contact.support-contact') {
          throw new errors.PolicyError('Запись журнала обращений в техническую поддержку не удаляется: решение записывают в ту же запись');
        }
        if (context.uid === 'api::assignment-submission.assignment-submission') {
          throw new errors.PolicyError('Сданная работа обучающегося не удаляется');
        }
        if (context.uid === 'api::control-self-assessment.control-self-assessment') {
          throw new errors.PolicyError('Самооценка обучающегося не удаляется: она стоит рядом с отметкой учителя');
        }
        if (context.uid === 'api::daily-report.daily-report') {
          throw new errors.PolicyError(
            'Отправленный отчёт о проведении занятий не удаляется: он хранится как документ (R67); дополните его',
          );
        }
        if (context.uid === 'api::lesson-plan.lesson-plan' && stored.state !== 'draft') {
          throw new errors.PolicyError('Отправленный на проверку конспект не удаляется: он хранится как документ (R67)');
        }
        if (context.uid === 'api::certificate-entry.certificate-entry') {
          (await import('./certificate-rules')).assertCertificateEntryDeletable(stored);
        }
        if (context.uid === 'api::credit-transfer.credit-transfer') {
          (await import('./credit-transfer-rules')).assertCreditTransferChangeable(stored);
        }
        if (context.uid === 'api::study-certificate-entry.study-certificate-entry') {
          (await import('./study-certificate-rules')).assertStudyCertificateDeletable(stored);
        }
        if (context.uid === 'api::medal-entry.medal-entry') {
          (await import('./medal-rules')).assertMedalEntryDeletable(stored);
        }
        if (context.uid === 'api::certificate-blank.certificate-blank') {
          (await import('./certificate-blank-rules')).assertCertificateBlankDeletable(stored);
        }
        if (context.uid === 'api::certificate-acceptance.certificate-acceptance') {
          (await import('./certificate-acceptance-rules')).assertCertificateAcceptanceDeletable(stored);
        }
        if (context.uid === 'api::results-meeting.results-meeting') {
          (await import('./results-meeting-rules')).assertResultsMeetingDeletable(stored);
        }
        if (context.uid === 'api::assessment-material.assessment-material') {
          await (await import('./assessment-material-rules')).assertAssessmentMaterialChangeable(strapi, stored);
        }
        await guardDelete(strapi, context.uid, stored);
      }
      return next();
    }
    if (!WRITE_ACTIONS.has(context.action)) return next();
    const params = context.params as { data?: Record<string, unknown>; documentId?: string };
    if (params.data !== undefined && params.data !== null && (typeof params.data !== 'object' || Array.isArray(params.data))) {
      // Strapi's REST controller lets a list through as `data` (it is an object to lodash), and a list of
      // one record's fields would otherwise be spread into a write of fields named 0, 1, …
      throw new errors.ValidationError('Данные записи передаются одним объектом: { "data": { поле: значение } }');
    }
    if (context.action !== 'create' && !params.documentId) return next();
    const write = async () => {
      const prepared = await prepareRecordWrite(
        strapi,
        context.uid,
        context.action as 'create' | 'update' | 'clone',
        params.data ?? {},
        params.documentId,
      );
      if (prepared) params.data = prepared;
      const written = await next();
      const afterCreate = context.action === 'create' ? AFTER_CREATE[context.uid] : undefined;
      if (afterCreate && written) await afterCreate(strapi, written as StoredRecord);
      return written;
    };
    return TRANSACTIONAL_TYPES.has(context.uid) ? strapi.db.transaction(write) : write();
  };
