import type { Core } from '@strapi/strapi';
import { inCurrentTransaction } from '../sql/connection';
import { formatLocalDate } from '../calendar';
import { currentRestAccount } from './author';
import type { RecordDraft, StoredRecord } from './draft';

type Derived = Record<string, unknown>;

export const CONTROL_KINDS = ['thematic', 'frontal', 'personal', 'class-generalising', 'subject-generalising'] as const;

interface AnalyticsLike {
  atRisk(
    viewer: { wholeSchool: boolean },
    filters: Record<string, unknown>,
  ): Promise<{ period: unknown; pupils: Array<{ documentId: string } & Record<string, unknown>> }>;
  summary(viewer: { wholeSchool: boolean }, filters: Record<string, unknown>): Promise<{ period: unknown; total: unknown }>;
}

const analyticsOf = (strapi: Core.Strapi) => strapi.service('api::analytics.analytics') as unknown as AnalyticsLike;

const refOf = (record: unknown): { id: number } | null => {
  const id = (record as StoredRecord | null | undefined)?.id;
  return typeof id === 'number' ? { id } : null;
};

export const boundedText = (draft: RecordDraft, field: string, max: number, missing: string | null): string | null => {
  const text = draft.text(field);
  if (!text && missing) draft.report(field, missing);
  else if (text && text.length > max) draft.report(field, `Текст длиннее ${max} символов`);
  return text;
};

/** The term of a plan: a start, and an end (or review day) not before it. */
export const termOf = (draft: RecordDraft, startField: string, startLabel: string, endField: string, endLabel: string) => {
  const start = draft.localDate(startField, startLabel);
  if (!start) draft.report(startField, `Укажите ${startLabel}`);
  const end = draft.localDate(endField, endLabel);
  if (start && end && end < start) {
    draft.report(
      endField,
      `${endLabel[0].toUpperCase()}${endLabel.slice(1)} (${formatLocalDate(end)}) не может быть раньше начала (${formatLocalDate(start)})`,
    );
  }
  return { start, end };
};

/**
 * An individual work plan for a pupil whose results need help (seed 004 §4: the reports are used to
 * plan individual work with pupils): the study period whose analysis prompted it — the pupil's
 * at-risk finding from the analytics (an expected 2, н/а, few marks, a falling average, many
 * absences) is kept with the plan as it stood when the plan was made —, the reason, the measures,
 * the responsible member of staff (the author by default), the term, the approval (a talk with the
 * parents, or a protocol), and the outcome when it is closed.
 */
export const supportPlanRules = async (draft: RecordDraft): Promise<Derived> => {
  const { strapi } = draft;
  const student = await draft.require('student', 'Укажите обучающегося');
  const period = await draft.optionalRelated('studyPeriod', 'Учебный период задаётся его documentId или id');
  const reason = boundedText(draft, 'reason', 2000, 'Запишите, что выявлено (причину плана)');
  const measures = boundedText(draft, 'measures', 5000, 'Запишите меры индивидуальной работы');
  const { start: startsOn, end: reviewOn } = termOf(draft, 'startsOn', 'начало работы', 'reviewOn', 'срок подведения итогов');
  const approvedAt = await draft.optionalRelated('approvedAt', 'Беседа с родителями задаётся её documentId или id', {
    student: { select: ['id'] },
  });
  if (approvedAt && refOf(approvedAt.student)?.id !== student.id) {
    draft.report('approvedAt', 'Это беседа о другом обучающемся (или собрание класса)');
  }
  const approvalProtocol = boundedText(draft, 'approvalProtocol', 300, null);
  const outcome = boundedText(draft, 'outcome', 5000, null);
  const closedOn = draft.localDate('closedOn', 'дату закрытия плана');
  if (closedOn && !outcome) draft.report('outcome', 'Закрывая план, запишите его итог');
  if (closedOn && startsOn && closedOn < startsOn) draft.report('closedOn', 'План не закрывается раньше, чем начат');
  const responsible =
    (await draft.optionalRelated('responsible', 'Ответственный задаётся его documentId или id')) ?? currentRestAccount(strapi);
  draft.check();

  const derived: Derived = { reason, measures, startsOn, reviewOn, approvalProtocol, outcome, closedOn, responsible: refOf(responsible) };
  if (draft.isNew && period) {
    const [row] = (await strapi.db.query('api::enrollment.enrollment').findMany({
      where: { student: { id: student.id }, startDate: { $lte: (period as StoredRecord & { endDate: string }).endDate } },
      orderBy: { startDate: 'desc' },
      limit: 1,
      populate: { schoolClass: { select: ['documentId'] } },
    })) as Array<{ schoolClass: { documentId: string } | null }>;
    const report = await inCurrentTransaction(strapi, () =>
      analyticsOf(strapi).atRisk(
        { wholeSchool: true },
        { period: period.documentId, ...(row?.schoolClass ? { class: row.schoolClass.documentId } : {}) },
      ),
    );
    const own = report.pupils.find((pupil) => pupil.documentId === student.documentId);
    derived.finding = {
      period: report.period,
      atRisk: Boolean(own),
      ...(own ? { risks: own.risks, average: own.average, subjects: own.subjects, attendance: own.attendance } : {}),
    };
  } else if (draft.isNew) {
    derived.finding = null;
  } else {
    derived.finding = draft.existing?.finding ?? null;
  }
  return derived;
};

/**
 * An item of the internal-control plan (план внутришкольного контроля, seed 004 §4: the reports are
 * used to adjust it): what is checked and how, in which class and subject, for which study period,
 * on what basis — the analytics summary of that class and subject is kept with the item as it stood
 * when it was planned —, the term inside the school year, who is responsible, the approving
 * meeting's protocol, and the result once done.
 */
export const controlPlanItemRules = async (draft: RecordDraft): Promise<Derived> => {
  const { strapi } = draft;
  const year = await draft.require('academicYear', 'Укажите учебный год плана', {});
  const topic = boundedText(draft, 'topic', 300, 'Укажите, что проверяется');
  const controlKind = draft.value<string>('controlKind');
  if (controlKind === null || !(CONTROL_KINDS as readonly string[]).includes(controlKind)) {
    draft.report('controlKind', `Укажите вид контроля: ${CONTROL_KINDS.join(', ')}`);
  }
  const schoolClass = await draft.optionalRelated('schoolClass', 'Класс задаётся его documentId или id', {
    academicYear: { select: ['id'] },
  });
  if (schoolClass && refOf(schoolClass.academicYear)?.id !== year.id) draft.report('schoolClass', 'Класс другого учебного года');
  const subject = await draft.optionalRelated('subject', 'Предмет задаётся его documentId или id');
  const period = await draft.optionalRelated('studyPeriod', 'Учебный период задаётся его documentId или id', {
    academicYear: { select: ['id'] },
  });
  if (period && refOf(period.academicYear)?.id !== year.id) draft.report('studyPeriod', 'Период другого учебного года');
  const basis = boundedText(draft, 'basis', 2000, 'Запишите основание: какой вывод анализа результатов привёл к проверке');
  const { start: plannedFrom, end: plannedTo } = termOf(draft, 'plannedFrom', 'начало проверки', 'plannedTo', 'окончание проверки');
  if (!plannedTo) draft.report('plannedTo', 'Укажите окончание проверки');
  const yearRow = year as StoredRecord & { startDate: string; endDate: string; title: string };
  for (const [field, day] of [
    ['plannedFrom', plannedFrom],
    ['plannedTo', plannedTo],
  ] as const) {
    if (day && (day < yearRow.startDate || day > yearRow.endDate))
      draft.report(field, `Дата ${formatLocalDate(day)} вне учебного года ${yearRow.title}`);
  }
  const approvalProtocol = boundedText(
    draft,
    'approvalProtocol',
    300,
    'Укажите, каким решением утверждён пункт плана (совет, протокол, дата)',
  );
  const result = boundedText(draft, 'result', 5000, null);
  const doneOn = draft.localDate('doneOn', 'дату проведения');
  if (doneOn && !result) draft.report('result', 'Проведённая проверка записывается с результатом');
  const responsible =
    (await draft.optionalRelated('responsible', 'Ответственный задаётся его documentId или id')) ?? currentRestAccount(strapi);
  draft.check();

  const derived: Derived = {
    topic,
    controlKind,
    basis,
    plannedFrom,
    plannedTo,
    approvalProtocol,
    result,
    doneOn,
    responsible: refOf(responsible),
  };
  if (draft.isNew && period) {
    const report = await inCurrentTransaction(strapi, () =>
      analyticsOf(strapi).summary(
        { wholeSchool: true },
        {
          period: period.documentId,
          ...(schoolClass ? { class: schoolClass.documentId } : {}),
          ...(subject ? { subject: subject.documentId } : {}),
          groupBy: 'school',
        },
      ),
    );
    derived.finding = { period: report.period, total: report.total };
  } else if (draft.isNew) derived.finding = null;
  else derived.finding = draft.existing?.finding ?? null;
  return derived;
};
