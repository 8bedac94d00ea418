import { formatLocalDate, isWithin, parseLocalDate, todayInZone, type LocalDate } from '../calendar';
import {
  allowedMarkValues,
  MARK_KINDS,
  normalizeMarkValue,
  numericMarkValue,
  type MarkKind,
  type SubjectScale,
} from '../rules/mark-values';
import { pointsScaleOf } from '../rules/assessment-material';
import { pointsScaleErrors } from '../rules/control-work';
import { schemeForGrade } from '../rules/study-periods';
import { getSchoolSettings } from '../settings';
import { currentRestAccount } from './author';
import { isProtocolMarkWrite } from './exam-result-rules';
import { relationId, type RecordDraft, type StoredRecord } from './draft';
import { findStudyPeriodOn, isEnrolledInClass, JOURNAL_CONTEXT, type JournalContext } from './lookups';
import { numberOrNull } from '../stored-values';

type Derived = Record<string, unknown>;

const loadJournal = async (draft: RecordDraft, field = 'journal'): Promise<JournalContext> =>
  (await draft.require(field, 'Укажите журнал', JOURNAL_CONTEXT)) as JournalContext;

/** The study period (of the class's scheme) that contains the date, or null for a holiday. */
const periodOfDate = async (draft: RecordDraft, journal: JournalContext, date: LocalDate) => {
  if (!journal.schoolClass || !journal.academicYear) return null;
  const scheme = schemeForGrade(journal.schoolClass.grade, getSchoolSettings(draft.strapi).periodSchemes);
  return scheme ? findStudyPeriodOn(draft.strapi, journal.academicYear.id, scheme, date) : null;
};

/**
 * The pupil must be on the journal's list between `from` and `to`: enrolled in its class by the class
 * list, and among its pupils when the journal names them (home schooling, groups, clubs).
 */
const requireOnJournalList = async (
  draft: RecordDraft,
  journal: JournalContext,
  student: StoredRecord,
  from: LocalDate,
  to: LocalDate = from,
): Promise<void> => {
  const onDate = from === to ? `на ${formatLocalDate(from)}` : `в период ${formatLocalDate(from)}–${formatLocalDate(to)}`;
  if (journal.pupils.length > 0 && !journal.pupils.some((pupil) => pupil.id === student.id)) {
    draft.fail('student', 'Обучающийся не входит в список журнала');
  }
  if (journal.schoolClass && !(await isEnrolledInClass(draft.strapi, student.id, journal.schoolClass.id, from, to))) {
    draft.fail('student', `Обучающийся не числится в классе ${journal.schoolClass.name} ${onDate}`);
  }
};

/**
 * Who set the entry and when: stamped on creation and whenever what it says changes (`fields`), so
 * re-saving an unchanged mark keeps the moment it was given. A REST teacher is recorded as `setBy`;
 * admin-panel and script writes keep what they pass (Strapi records the admin in updatedBy).
 */
const stamp = (draft: RecordDraft, fields: string[], derived: Derived): Derived => {
  const changed =
    draft.isNew || fields.some((field) => String(derived[field] ?? draft.value(field)) !== String(draft.existing?.[field] ?? ''));
  if (!changed) return {};
  const account = currentRestAccount(draft.strapi);
  return { setAt: new Date().toISOString(), ...(account ? { setBy: account } : {}) };
};

/** Lessons of one day are numbered from 1; no school day has more than this many. */
const MAX_LESSON_NUMBER = 20;

/**
 * What only a control work carries: its specification (КИМ, criteria), the school's planned result, the
 * planned results of the programme it checks, its maximum points and the thresholds of the levels.
 */
export const CONTROL_WORK_FIELDS = [
  'assessmentSpec',
  'plannedSuccessRate',
  'plannedQualityRate',
  'plannedResults',
  'maxPoints',
  'basicFromPoints',
  'advancedFromPoints',
] as const;
const MAX_PLANNED_RESULTS = 4000;
const MAX_ASSESSMENT_SPEC = 8000;

/** The specification and planned rates of a control work (R98, R91): only on a control work, rates 0–100 %. */
const checkControlWorkFields = (draft: RecordDraft): void => {
  const spec = draft.text('assessmentSpec');
  if (spec !== null && spec.length > MAX_ASSESSMENT_SPEC)
    draft.report('assessmentSpec', `Спецификация контрольной работы — не длиннее ${MAX_ASSESSMENT_SPEC} знаков`);
  const planned = draft.text('plannedResults');
  if (planned !== null && planned.length > MAX_PLANNED_RESULTS)
    draft.report('plannedResults', `Планируемые результаты — не длиннее ${MAX_PLANNED_RESULTS} знаков`);
  const points = (field: string): number | null => {
    const value = draft.value(field);
    return value === null || value === '' ? null : typeof value === 'number' ? value : Number.NaN;
  };
  for (const { field, message } of pointsScaleErrors({
    maxPoints: points('maxPoints'),
    basicFromPoints: points('basicFromPoints'),
    advancedFromPoints: points('advancedFromPoints'),
  })) {
    draft.report(field, message);
  }
  for (const field of ['plannedSuccessRate', 'plannedQualityRate'] as const) {
    const rate = draft.value(field);
    if (rate === null || rate === '') continue;
    if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0 || rate > 100) {
      const what = field === 'plannedSuccessRate' ? 'Планируемая успеваемость' : 'Планируемое качество';
      draft.report(field, `${what} — число процентов от 0 до 100`);
    }
  }
  const carried = CONTROL_WORK_FIELDS.filter((field) => {
    const value = draft.value(field);
    return value !== null && value !== '' && !(typeof value === 'string' && value.trim() === '');
  });
  if (carried.length > 0 && draft.value('workType') !== 'control-work') {
    const field = carried.find((name) => draft.writes(name)) ?? 'workType';
    draft.report(
      field,
      'Спецификация, планируемые результаты, баллы и пороги уровней указываются только для урока с видом работы «Контрольная работа»',
    );
  }
};

/**
 * The КИМ a control work uses (R98): only on a control-work lesson, and only a КИМ of the journal's
 * subject and grade (and of its year, when the КИМ names one). Returns it, or null when none.
 */
const checkAssessmentMaterial = async (
  draft: RecordDraft,
  journal: JournalContext,
): Promise<{ material: StoredRecord | null; refused: boolean }> => {
  const material = await draft.optionalRelated('assessmentMaterial', 'Укажите КИМ из банка КИМ (запись «КИМ»)', {
    subject: { select: ['id', 'name'] },
    academicYear: { select: ['id', 'title'] },
  });
  if (!material) return { material: null, refused: false };
  const named = `КИМ «${String(material.title ?? '')}»`;
  if (draft.value('workType') !== 'control-work') {
    draft.report('assessmentMaterial', 'КИМ указывается только для урока с видом работы «Контрольная работа»');
    return { material, refused: true };
  }
  let refused = false;
  const refuse = (message: string) => {
    draft.report('assessmentMaterial', message);
    refused = true;
  };
  const subject = material.subject as (StoredRecord & { name?: string }) | null;
  if (journal.subject && relationId(subject) !== journal.subject.id) {
    refuse(`${named} — по предмету «${subject?.name ?? '—'}», а журнал — по предмету «${journal.subject.name}»`);
  }
  if (journal.schoolClass && Number(material.grade) !== Number(journal.schoolClass.grade)) {
    refuse(`${named} составлен для ${String(material.grade)} класса, а журнал — класса ${journal.schoolClass.name}`);
  }
  const year = material.academicYear as (StoredRecord & { title?: string }) | null;
  if (year && journal.academicYear && year.id !== journal.academicYear.id) {
    refuse(`${named} — на ${year.title ?? 'другой'} учебный год, а журнал — ${journal.academicYear.title}`);
  }
  return { material, refused };
};

export const lessonRules = async (draft: RecordDraft): Promise<Derived> => {
  const journal = await loadJournal(draft);
  const date = parseLocalDate(draft.value('date')) ?? draft.fail('date', 'Укажите дату урока в формате ГГГГ-ММ-ДД');
  const year = journal.academicYear;
  if (year && !isWithin(date, year.startDate, year.endDate)) {
    draft.fail(
      'date',
      `Дата урока ${formatLocalDate(date)} вне учебного года ${year.title} (${formatLocalDate(year.startDate)}–${formatLocalDate(year.endDate)})`,
    );
  }
  const number = draft.value<number>('number') ?? 1;
  if (!Number.isInteger(number) || number < 1 || number > MAX_LESSON_NUMBER) {
    draft.fail('number', `Номер урока в расписании дня — целое число от 1 до ${MAX_LESSON_NUMBER}`);
  }
  const sameSlot = await draft.strapi.db.query('api::lesson.lesson').count({
    where: { journal: { id: journal.id }, date, number, ...draft.notSelf() },
  });
  if (sameSlot > 0) draft.report('number', `В журнале уже есть ${number}-й урок ${formatLocalDate(date)}`);
  checkControlWorkFields(draft);
  const { material, refused } = await checkAssessmentMaterial(draft, journal);
  if (!refused && !draft.isNew && draft.existing && (draft.writes('maxPoints') || draft.writes('assessmentMaterial'))) {
    // Points already given stay within the maximum: lowering or removing it below them is refused.
    const scored = (await draft.strapi.db.query('api::mark.mark').findMany({
      where: { lesson: { id: draft.existing.id }, points: { $notNull: true } },
      select: ['points'],
    })) as Array<{ points: number | string }>;
    const highest = Math.max(0, ...scored.map((mark) => Number(mark.points)));
    // The maximum the points are given against: the lesson's, else its КИМ's.
    const { maxPoints } = pointsScaleOf({ maxPoints: draft.value('maxPoints') }, material);
    if (scored.length > 0 && (maxPoints === null || maxPoints < highest)) {
      draft.report('maxPoints', `За работу уже выставлены баллы до ${highest}: максимальный балл не меньше`);
    }
  }

  if (!draft.isNew && draft.existing && draft.writes('date') && draft.existing.date !== date) {
    const where = { lesson: { id: draft.existing.id } };
    const marks = await draft.strapi.db.query('api::mark.mark').count({ where });
    const absences = await draft.strapi.db.query('api::attendance.attendance').count({ where });
    if (marks + absences > 0) {
      draft.report('date', 'Нельзя перенести урок, по которому уже выставлены отметки или пропуски: сначала удалите их');
    }
  }
  draft.check();
  const period = await periodOfDate(draft, journal, date);
  if (!period && journal.schoolClass && year) {
    const scheme = schemeForGrade(journal.schoolClass.grade, getSchoolSettings(draft.strapi).periodSchemes);
    const periodsOfYear = scheme
      ? await draft.strapi.db.query('api::study-period.study-period').count({ where: { academicYear: { id: year.id }, scheme } })
      : 0;
    if (periodsOfYear > 0) draft.fail('date', `${formatLocalDate(date)} — каникулы: дата не входит ни в один учебный период ${year.title}`);
  }
  return { studyPeriod: period ? { id: period.id } : null };
};

export const markRules = async (draft: RecordDraft): Promise<Derived> => {
  const { strapi } = draft;
  const settings = getSchoolSettings(strapi);
  const kind = draft.value<MarkKind>('kind') ?? 'current';
  if (!MARK_KINDS.includes(kind)) draft.fail('kind', `Недопустимый вид отметки: ${String(kind)}`);

  if (!draft.isNew && draft.existing) {
    // A mark written by a credit decision is the order's, not the teacher's: it is not changed in the journal.
    const credit = (await strapi.db
      .query('api::credit-transfer.credit-transfer')
      .findOne({ where: { mark: { id: draft.existing.id } }, select: ['orderNumber'] })) as StoredRecord | null;
    if (credit) {
      draft.fail(
        'value',
        `Годовая отметка выставлена по решению о зачёте результатов (приказ № ${String(credit.orderNumber)}) и в журнале не исправляется`,
      );
    }
  }
  const journal = await loadJournal(draft);
  const student = await draft.require('student', 'Укажите обучающегося');
  if (!journal.subject || !journal.academicYear) draft.fail('journal', 'У журнала не указан предмет или учебный год');
  const grade = journal.schoolClass?.grade ?? 11;
  if (kind === 'exam' && journal.schoolClass?.grade === 9 && journal.kind === 'classroom' && !isProtocolMarkWrite()) {
    // One source for the 9th grade's final marks: the ОГЭ/ГВЭ protocol (exam results) writes this mark.
    draft.fail('kind', 'Экзаменационная отметка 9 класса вносится из протокола ГИА (результаты ГИА, /api/exam-results), а не в журнал');
  }

  const value = normalizeMarkValue(draft.value('value'));
  const allowed = allowedMarkValues({
    scale: journal.subject.scale as SubjectScale,
    kind,
    grade,
    pointMarksFromGrade: settings.pointMarksFromGrade,
  });
  if (!value || !allowed.includes(value)) {
    const gradeNote = grade < settings.pointMarksFromGrade ? ` (в ${grade} классе балльные отметки не выставляются)` : '';
    draft.report(
      'value',
      `Отметка «${String(draft.value('value') ?? '')}» не по шкале предмета «${journal.subject.name}»${gradeNote}. Допустимо: ${allowed.join(', ')}`,
    );
  }

  let date: LocalDate;
  let lesson: StoredRecord | null = null;
  let period: StoredRecord | null = null;
  const year = journal.academicYear;
  if (kind === 'current') {
    lesson = await draft.require('lesson', 'Текущая отметка ставится за урок: укажите урок', {
      journal: { select: ['id'] },
      assessmentMaterial: { select: ['id', 'maxPoints'] },
    });
    if ((lesson.journal as StoredRecord | null)?.id !== journal.id) draft.fail('lesson', 'Урок относится к другому журналу');
    date = lesson.date as LocalDate;
    if (date > todayInZone(settings.timeZone))
      draft.report('lesson', `Нельзя выставить отметку за урок, который ещё не прошёл (${formatLocalDate(date)})`);
    await requireOnJournalList(draft, journal, student, date);
    period = await periodOfDate(draft, journal, date);
  } else if (kind === 'periodic') {
    period = await draft.require('studyPeriod', 'Укажите учебный период (четверть, полугодие)', { academicYear: { select: ['id'] } });
    if ((period.academicYear as StoredRecord | null)?.id !== year.id) draft.fail('studyPeriod', 'Период относится к другому учебному году');
    const scheme = journal.schoolClass ? schemeForGrade(grade, settings.periodSchemes) : null;
    if (scheme && period.scheme !== scheme)
      draft.fail('studyPeriod', `Для ${grade} класса отметки ставятся за период вида «${scheme}», а не «${String(period.scheme)}»`);
    await requireOnJournalList(draft, journal, student, period.startDate as LocalDate, period.endDate as LocalDate);
    date = period.endDate as LocalDate;
  } else {
    const given = draft.value('date');
    date =
      given === null
        ? kind === 'annual'
          ? year.endDate
          : [todayInZone(settings.timeZone), year.endDate].sort()[0]
        : (parseLocalDate(given) ?? draft.fail('date', 'Укажите дату в формате ГГГГ-ММ-ДД'));
    if (!isWithin(date, year.startDate, year.endDate)) draft.fail('date', `Дата ${formatLocalDate(date)} вне учебного года ${year.title}`);
    await requireOnJournalList(draft, journal, student, year.startDate, year.endDate);
  }

  const duplicateWhere: Record<string, unknown> = {
    student: { id: student.id },
    journal: { id: journal.id },
    kind,
    ...(kind === 'periodic' && period ? { studyPeriod: { id: period.id } } : {}),
    ...draft.notSelf(),
  };
  if (kind !== 'current' && (await strapi.db.query('api::mark.mark').count({ where: duplicateWhere })) > 0) {
    const what = kind === 'periodic' ? `за ${String(period?.title ?? 'этот период')}` : 'этого вида';
    draft.report('kind', `У обучающегося уже есть отметка ${what} в этом журнале: исправьте её, а не добавляйте вторую`);
  }
  const points = draft.value('points');
  if (points !== null && points !== '') {
    // The points of a control work with a maximum (its thresholds give the level of mastery, src/school/rules/control-work.ts).
    const { maxPoints } = lesson ? pointsScaleOf(lesson, lesson.assessmentMaterial as StoredRecord | null) : { maxPoints: null };
    const scored = typeof points === 'number' || typeof points === 'string' ? Number(points) : Number.NaN;
    if (kind !== 'current' || maxPoints === null) {
      draft.report('points', 'Баллы ставятся за контрольную работу, у которой указан максимальный балл');
    } else if (!Number.isFinite(scored) || scored < 0 || scored > maxPoints) {
      draft.report('points', `Баллы за работу — число от 0 до ${maxPoints}`);
    }
  }
  draft.check();

  const lessonWorkType = lesson?.workType ?? null;
  // A new mark weighs what it is given, else its lesson column's weight, else the school's weight of
  // its work type (school settings: a control work 2, a test 1.5, others 1). Kept with the mark, so a
  // later change of the settings does not rewrite the weight of marks already given.
  const workType = draft.value<string>('workType') ?? (draft.isNew ? lessonWorkType : null);
  const lessonWeight = numberOrNull(lesson?.weight);
  const defaultWeight = lessonWeight ?? (workType ? (settings.workTypeWeights[String(workType)] ?? null) : null);
  const derived: Derived = {
    // The relations as the ids the rules resolved: the write links exactly the records judged here.
    student: { id: student.id },
    journal: { id: journal.id },
    kind,
    value,
    numericValue: numericMarkValue(value as string),
    date,
    studyPeriod: period ? { id: period.id } : null,
    lesson: kind === 'current' && lesson ? { id: lesson.id } : null,
    ...(draft.isNew && !draft.value('workType') && lessonWorkType ? { workType: lessonWorkType } : {}),
    ...(draft.isNew && draft.value('weight') === null && defaultWeight !== null ? { weight: defaultWeight } : {}),
  };
  return { ...derived, ...stamp(draft, ['value', 'kind'], derived) };
};

export const attendanceRules = async (draft: RecordDraft): Promise<Derived> => {
  const student = await draft.require('student', 'Укажите обучающегося');
  const lesson = await draft.require('lesson', 'Укажите урок', { journal: { populate: JOURNAL_CONTEXT } });
  const journal = lesson.journal as JournalContext;
  const date = lesson.date as LocalDate;
  await requireOnJournalList(draft, journal, student, date);
  const settings = getSchoolSettings(draft.strapi);
  if (date > todayInZone(settings.timeZone))
    draft.report('lesson', `Нельзя отметить пропуск урока, который ещё не прошёл (${formatLocalDate(date)})`);
  const twice = await draft.strapi.db.query('api::attendance.attendance').count({
    where: { student: { id: student.id }, lesson: { id: lesson.id }, ...draft.notSelf() },
  });
  if (twice > 0) draft.report('student', 'Пропуск этого обучающегося на этом уроке уже отмечен: исправьте существующую запись');
  const kind = draft.value<string>('kind') ?? 'absent';
  const minutesLate = draft.value<number>('minutesLate');
  if (kind !== 'late' && minutesLate !== null) draft.report('minutesLate', 'Минуты опоздания указываются только для статуса «опоздание»');
  draft.check();
  const derived: Derived = { lesson: { id: lesson.id }, journal: { id: journal.id }, date, kind };
  return { ...derived, ...stamp(draft, ['kind', 'minutesLate'], derived) };
};
