import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { formatLocalDate, todayInZone, type LocalDate } from '../calendar';
import { getSchoolSettings } from '../settings';
import { relationId, type RecordDraft, type StoredRecord } from './draft';
import { componentInputOf } from './component-input';

type Derived = Record<string, unknown>;

export const RESULTS_MEETING = 'api::results-meeting.results-meeting';

/** Kinds of meeting at which period reports are discussed (seed 001 §3.1). */
export const MEETING_KINDS = ['pedagogical-council', 'director-meeting', 'deputy-meeting', 'association-meeting'] as const;
export const MEETING_KIND_LABELS: Record<(typeof MEETING_KINDS)[number], string> = {
  'pedagogical-council': 'педагогический совет',
  'director-meeting': 'совещание при директоре',
  'deputy-meeting': 'совещание при заместителе директора',
  'association-meeting': 'заседание методического объединения',
};
/** Families hold no part in a meeting's protocol: chair, secretary, speakers and executors are staff. */
const FAMILY_ROLES = new Set(['parent', 'pupil', 'public', 'authenticated']);
const ATTACHMENT_EXTENSIONS = new Set(['.xlsx', '.pdf']);
const REPORT_FIELDS = new Set(['id', 'title', 'schoolClass', 'subject', 'grade', 'speaker', 'file']);
const DECISION_FIELDS = new Set(['id', 'text', 'executor', 'dueOn', 'doneOn']);

/** HTTP 403: the protocol has been signed. */
export class MeetingSignedError extends errors.PolicyError {
  constructor(protocolNumber: string) {
    super(
      `Протокол № ${protocolNumber} подписан: заседание не изменяется и не удаляется. Исполнение решений отмечается действием «Исполнено» (POST /api/results-meetings/:id/decisions/:n/done)`,
      { code: 'MEETING_SIGNED' },
    );
  }
}

/** A step that only the meeting's actions make: signing the protocol, or marking one decision done. */
type MeetingStep = { kind: 'sign'; accountId: number } | { kind: 'done' };
const STEP_KEY = Symbol.for('school-records.results-meeting-step');
const registry = globalThis as unknown as Record<symbol, AsyncLocalStorage<MeetingStep> | undefined>;
const stepStorage = (registry[STEP_KEY] ??= new AsyncLocalStorage<MeetingStep>());

/** Runs the write of a meeting's action (sign, decision done). */
export const runMeetingStep = <T>(step: MeetingStep, work: () => Promise<T>): Promise<T> => stepStorage.run(step, work);

/** Refuses to delete a signed protocol. */
export const assertResultsMeetingDeletable = (stored: StoredRecord): void => {
  if (stored.signedAt) throw new MeetingSignedError(String(stored.protocolNumber ?? ''));
};

/** The stored reports and decisions with their relations as `{ id }`. */
export const storedComponentsOf = async (
  strapi: Core.Strapi,
  id: number,
): Promise<{ reports: StoredRecord[]; decisions: StoredRecord[] }> => {
  const row = (await strapi.db.query(RESULTS_MEETING).findOne({
    where: { id },
    select: ['id'],
    populate: {
      reports: {
        populate: { schoolClass: { select: ['id'] }, subject: { select: ['id'] }, speaker: { select: ['id'] }, file: { select: ['id'] } },
      },
      decisions: { populate: { executor: { select: ['id'] } } },
    },
  })) as { reports?: StoredRecord[]; decisions?: StoredRecord[] } | null;
  return { reports: row?.reports ?? [], decisions: row?.decisions ?? [] };
};

/** The stored decisions as write input (every field, relations as `{ id }`), e.g. to mark one done. */
export const decisionInputsOf = (decisions: StoredRecord[]): Array<Record<string, unknown>> =>
  decisions.map((decision) => ({
    text: decision.text,
    executor: relationId(decision.executor) === null ? null : { id: relationId(decision.executor) },
    dueOn: decision.dueOn ?? null,
    doneOn: decision.doneOn ?? null,
  }));

/**
 * A meeting that discussed the reports on a period's results (seed 001 §3.1: «обсуждаются на
 * совещаниях при директоре (заместителе директора), заседаниях педагогического совета, методических
 * объединений»): its kind (an association's meeting names the association), the day (not in the
 * future), the protocol number (unique per kind and school year), chair and secretary (staff), how
 * many attended, the school year and/or study period discussed, the reports discussed (title, what
 * each covers, speaker, an attached XLSX or PDF export) and the decisions (text, executor, due date
 * not before the meeting, date done). Once signed (`POST /api/results-meetings/:id/sign`) the protocol
 * is never changed or deleted (403); only a decision's execution is then marked, by its own action.
 */
export const resultsMeetingRules = async (draft: RecordDraft): Promise<Derived> => {
  const { strapi } = draft;
  const step = stepStorage.getStore();
  const existing = draft.isNew ? null : draft.existing;
  if (existing?.signedAt && step?.kind !== 'done') throw new MeetingSignedError(String(existing.protocolNumber ?? ''));
  const today = todayInZone(getSchoolSettings(strapi).timeZone);

  const kind = draft.value<string>('kind');
  if (!kind) draft.fail('kind', 'Укажите вид заседания: педсовет, совещание при директоре, при заместителе директора или заседание МО');
  if (!(MEETING_KINDS as readonly string[]).includes(kind)) {
    draft.fail('kind', `Вид заседания: ${MEETING_KINDS.map((value) => `${value} (${MEETING_KIND_LABELS[value]})`).join(', ')}`);
  }
  const association = await draft.optionalRelated('association', 'Методическое объединение — ссылка на запись объединения');
  if (kind === 'association-meeting' && !association)
    draft.report('association', 'Укажите методическое объединение, заседание которого проводилось');
  if (kind !== 'association-meeting' && association) {
    draft.report('association', 'Методическое объединение указывается только для заседания МО');
  }

  const heldOn = draft.localDate('heldOn', 'дату заседания');
  if (!heldOn) draft.report('heldOn', 'Укажите дату заседания');
  else if (heldOn > today) draft.report('heldOn', `Дата заседания ${formatLocalDate(heldOn)} ещё не наступила`);

  const studyPeriod = await draft.optionalRelated('studyPeriod', 'Учебный период — ссылка на запись периода', {
    academicYear: { select: ['id', 'title'] },
  });
  let academicYear = await draft.optionalRelated('academicYear', 'Учебный год — ссылка на запись учебного года');
  const periodYear = (studyPeriod?.academicYear as StoredRecord | null | undefined) ?? null;
  if (studyPeriod && !periodYear) draft.report('studyPeriod', 'У учебного периода не указан учебный год');
  if (academicYear && periodYear && academicYear.id !== periodYear.id) {
    draft.report('studyPeriod', `Период относится к ${String(periodYear.title)} учебному году, а указан ${String(academicYear.title)}`);
  }
  academicYear = academicYear ?? periodYear;
  if (!academicYear && !studyPeriod) draft.report('academicYear', 'Укажите учебный год или учебный период, итоги которого обсуждались');

  const protocolNumber = draft.text('protocolNumber');
  if (!protocolNumber) draft.report('protocolNumber', 'Укажите номер протокола');
  else if (protocolNumber.length > 30) draft.report('protocolNumber', 'Номер протокола не длиннее 30 символов');
  else if (academicYear) {
    const taken = await strapi.db.query(RESULTS_MEETING).count({
      where: { kind, protocolNumber, academicYear: { id: academicYear.id }, ...draft.notSelf() },
    });
    if (taken > 0) {
      draft.report(
        'protocolNumber',
        `Протокол № ${protocolNumber} (${MEETING_KIND_LABELS[kind as (typeof MEETING_KINDS)[number]]}) уже есть в ${String(academicYear.title)} учебном году`,
      );
    }
  }

  const staff = async (field: string, label: string, required: boolean): Promise<StoredRecord | null> => {
    const account = await draft.optionalRelated(field, `${label} — ссылка на учётную запись работника`, { role: { select: ['type'] } });
    if (!account) {
      if (required) draft.report(field, `Укажите: ${label.toLowerCase()}`);
      return null;
    }
    if (FAMILY_ROLES.has(String((account.role as { type?: string } | null)?.type ?? ''))) {
      draft.report(field, `${label} — работник школы, а не родитель или обучающийся`);
    }
    return account;
  };
  const chair = await staff('chair', 'Председатель', true);
  const secretary = await staff('secretary', 'Секретарь', true);

  const attendees = draft.value('attendeesCount');
  if (attendees === null || attendees === '') draft.report('attendeesCount', 'Укажите, сколько человек присутствовало');
  else if (typeof attendees !== 'number' || !Number.isInteger(attendees) || attendees < 1 || attendees > 1000) {
    draft.report('attendeesCount', 'Число присутствовавших — целое число от 1 до 1000');
  }
  const agenda = draft.text('agenda');
  if (agenda && agenda.length > 5000) draft.report('agenda', 'Повестка не длиннее 5000 символов');

  const derived: Derived = {
    kind,
    association: association ? { id: association.id } : null,
    heldOn,
    protocolNumber,
    academicYear: academicYear ? { id: academicYear.id } : null,
    studyPeriod: studyPeriod ? { id: studyPeriod.id } : null,
    chair: chair ? { id: chair.id } : null,
    secretary: secretary ? { id: secretary.id } : null,
    agenda,
  };

  const stored = existing ? await storedComponentsOf(strapi, existing.id) : { reports: [], decisions: [] };
  const { listOf, itemAt, relationAt: componentRelation, staffAt, textAt, dateAt } = componentInputOf(draft);

  const reportsInput = listOf('reports');
  let reportCount = stored.reports.length;
  if (reportsInput) {
    reportCount = reportsInput.length;
    const reports: Array<Record<string, unknown>> = [];
    for (const [index, given] of reportsInput.entries()) {
      const path = ['reports', String(index)];
      const item = itemAt(path, given, REPORT_FIELDS, 'Отчёт — { "title": "…", "schoolClass", "subject", "grade", "speaker", "file" }');
      if (!item) continue;
      const title = textAt([...path, 'title'], item.title, 'название отчёта', 300, true);
      const schoolClass = await componentRelation(
        [...path, 'schoolClass'],
        item.schoolClass,
        'api::school-class.school-class',
        'Класс — ссылка на запись класса',
      );
      const subject = await componentRelation(
        [...path, 'subject'],
        item.subject,
        'api::subject.subject',
        'Предмет — ссылка на запись предмета',
      );
      const grade = item.grade === undefined || item.grade === null || item.grade === '' ? null : item.grade;
      if (grade !== null && (typeof grade !== 'number' || !Number.isInteger(grade) || grade < 1 || grade > 11)) {
        draft.reportAt([...path, 'grade'], 'Параллель — номер класса от 1 до 11');
      } else if (grade !== null && schoolClass && Number(schoolClass.grade) !== grade) {
        draft.reportAt(
          [...path, 'grade'],
          `Класс ${String(schoolClass.name)} — из ${String(schoolClass.grade)}-й параллели, а указана ${String(grade)}-я`,
        );
      }
      if (
        schoolClass &&
        academicYear &&
        relationId(schoolClass.academicYear) !== null &&
        relationId(schoolClass.academicYear) !== academicYear.id
      ) {
        draft.reportAt([...path, 'schoolClass'], `Класс ${String(schoolClass.name)} — другого учебного года`);
      }
      const speaker = await staffAt([...path, 'speaker'], item.speaker, 'Докладчик');
      const file = await componentRelation([...path, 'file'], item.file, 'plugin::upload.file', 'Файл — идентификатор загруженного файла');
      if (file && !ATTACHMENT_EXTENSIONS.has(String(file.ext ?? '').toLowerCase())) {
        draft.reportAt([...path, 'file'], 'Приложите выгрузку отчёта в формате XLSX или PDF');
      }
      reports.push({
        title,
        schoolClass: schoolClass ? { id: schoolClass.id } : null,
        subject: subject ? { id: subject.id } : null,
        grade,
        speaker: speaker ? { id: speaker.id } : null,
        file: file ? file.id : null,
      });
    }
    derived.reports = reports;
  }
  if (draft.isNew && reportCount === 0) draft.report('reports', 'Укажите хотя бы один рассмотренный отчёт по итогам');

  const decisionsInput = listOf('decisions');
  const decisionsToCheck: Array<{ path: string[]; dueOn: LocalDate | null; doneOn: LocalDate | null }> = [];
  if (decisionsInput) {
    const decisions: Array<Record<string, unknown>> = [];
    for (const [index, given] of decisionsInput.entries()) {
      const path = ['decisions', String(index)];
      const item = itemAt(path, given, DECISION_FIELDS, 'Решение — { "text": "…", "executor", "dueOn", "doneOn" }');
      if (!item) continue;
      const text = textAt([...path, 'text'], item.text, 'текст решения', 3000, true);
      const executor = await staffAt([...path, 'executor'], item.executor, 'Исполнитель');
      const dueOn = dateAt([...path, 'dueOn'], item.dueOn, 'срок исполнения');
      const doneOn = dateAt([...path, 'doneOn'], item.doneOn, 'дату исполнения');
      decisionsToCheck.push({ path, dueOn, doneOn });
      decisions.push({ text, executor: executor ? { id: executor.id } : null, dueOn, doneOn });
    }
    derived.decisions = decisions;
  } else {
    stored.decisions.forEach((decision, index) =>
      decisionsToCheck.push({
        path: ['decisions', String(index)],
        dueOn: (decision.dueOn as LocalDate | null) ?? null,
        doneOn: (decision.doneOn as LocalDate | null) ?? null,
      }),
    );
  }
  for (const { path, dueOn, doneOn } of decisionsToCheck) {
    if (dueOn && heldOn && dueOn < heldOn) {
      draft.reportAt([...path, 'dueOn'], `Срок исполнения ${formatLocalDate(dueOn)} раньше заседания ${formatLocalDate(heldOn)}`);
    }
    if (doneOn && heldOn && doneOn < heldOn) draft.reportAt([...path, 'doneOn'], 'Решение не исполняется раньше, чем принято');
    if (doneOn && doneOn > today) draft.reportAt([...path, 'doneOn'], `Дата исполнения ${formatLocalDate(doneOn)} ещё не наступила`);
  }

  if (step?.kind === 'sign') {
    if (reportCount === 0) draft.report('reports', 'Перед подписанием укажите рассмотренные отчёты');
    draft.check();
    return { ...derived, signedAt: new Date().toISOString(), signedBy: { id: step.accountId } };
  }
  if (step?.kind === 'done') {
    draft.check();
    return { decisions: derived.decisions };
  }
  const givenAt = draft.data.signedAt;
  if (
    (givenAt !== undefined && givenAt !== null && givenAt !== '') ||
    (draft.data.signedBy !== undefined && draft.data.signedBy !== null)
  ) {
    draft.report('signedAt', 'Протокол подписывают действием «Подписать» (POST /api/results-meetings/:id/sign)');
  }
  draft.check();
  return { ...derived, signedAt: null, signedBy: null };
};
