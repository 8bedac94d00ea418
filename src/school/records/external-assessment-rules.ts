import type { Core } from '@strapi/strapi';
import { formatLocalDate, parseLocalDate, todayInZone } from '../calendar';
import { getSchoolSettings } from '../settings';
import type { RecordDraft } from './draft';
import { readToOneInput } from './relation-input';

export const EXTERNAL_ASSESSMENT = 'api::external-assessment.external-assessment';

/** The external assessments a school counts (seed 003 §4.1-4.2). */
export const EXTERNAL_KINDS = ['vpr', 'regional', 'municipal', 'vsoko', 'monitoring'] as const;
export type ExternalKind = (typeof EXTERNAL_KINDS)[number];

export const EXTERNAL_KIND_LABELS: Record<ExternalKind, string> = {
  vpr: 'ВПР',
  regional: 'региональная диагностика',
  municipal: 'муниципальная диагностика',
  vsoko: 'ВСОКО',
  monitoring: 'мониторинговое исследование',
};

const TITLE_MAX = 200;
const LEVEL_MAX = 100;

/** A number the write gives: a JS number or a numeric string (decimal comma allowed); undefined when empty, NaN when not a number. */
export const readNumber = (value: unknown): number | undefined => {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value === 'string' && /^\s*-?\d+([.,]\d+)?\s*$/.test(value)) return Number(value.trim().replace(',', '.'));
  return Number.NaN;
};

/**
 * An external assessment result: kind from the list, title, a date not in the future, the pupil,
 * the subject (optional: some monitoring studies have none), a score within 0..maxScore, a mark 2–5
 * or none, a level; at least one of score, mark or level.
 */
export const externalAssessmentRules = async (draft: RecordDraft): Promise<Record<string, unknown>> => {
  const strapi: Core.Strapi = draft.strapi;
  const derived: Record<string, unknown> = {};
  const kind = draft.value('kind');
  if (kind === null || kind === '') draft.report('kind', 'Укажите вид оценочной процедуры');
  else if (!(EXTERNAL_KINDS as readonly unknown[]).includes(kind)) {
    draft.report('kind', `Вид оценочной процедуры: ${EXTERNAL_KINDS.map((item) => `${item} (${EXTERNAL_KIND_LABELS[item]})`).join(', ')}`);
  }
  const title = draft.text('title');
  if (!title) draft.report('title', 'Укажите название работы (например, «ВПР по математике, 5 класс»)');
  else if (title.length > TITLE_MAX) draft.report('title', `Название не длиннее ${TITLE_MAX} символов`);
  else if (draft.writes('title')) derived.title = title;

  const given = draft.value('date');
  if (given === null || given === '') draft.report('date', 'Укажите дату проведения');
  else {
    const date = parseLocalDate(given);
    if (!date) draft.report('date', 'Укажите дату в формате ГГГГ-ММ-ДД');
    else if (date > todayInZone(getSchoolSettings(strapi).timeZone)) draft.report('date', `Дата ${formatLocalDate(date)} ещё не наступила`);
  }

  const student = await draft.related('student');
  if (!student) draft.report('student', 'Укажите обучающегося');
  // An optional relation: a filter-like object would otherwise read as «no subject» (as in portfolio-rules).
  const subjectInput = draft.data.subject;
  if (
    typeof subjectInput === 'boolean' ||
    (typeof subjectInput === 'object' &&
      subjectInput !== null &&
      !Array.isArray(subjectInput) &&
      !['set', 'connect', 'disconnect'].some((key) => key in subjectInput) &&
      readToOneInput(subjectInput, null) === null)
  ) {
    draft.report('subject', 'Предмет задаётся его documentId или id');
  } else await draft.related('subject');

  const score = readNumber(draft.value('score'));
  const maxScore = readNumber(draft.value('maxScore'));
  if (Number.isNaN(score)) draft.report('score', 'Баллы — число');
  else if (score !== undefined && score < 0) draft.report('score', 'Баллы не могут быть отрицательными');
  if (Number.isNaN(maxScore)) draft.report('maxScore', 'Максимальный балл — число');
  else if (maxScore !== undefined && maxScore <= 0) draft.report('maxScore', 'Максимальный балл больше нуля');
  if (score !== undefined && !Number.isNaN(score) && maxScore !== undefined && !Number.isNaN(maxScore) && score > maxScore) {
    draft.report('score', `Баллы (${score}) больше максимального балла (${maxScore})`);
  }

  const mark = draft.value('mark');
  const markNumber = readNumber(mark);
  if (markNumber !== undefined && (Number.isNaN(markNumber) || !Number.isInteger(markNumber) || markNumber < 2 || markNumber > 5)) {
    draft.report('mark', 'Отметка — целое число от 2 до 5 (или пусто)');
  } else if (draft.writes('mark')) derived.mark = markNumber ?? null;

  const level = draft.text('level');
  if (level && level.length > LEVEL_MAX) draft.report('level', `Уровень не длиннее ${LEVEL_MAX} символов`);
  else if (draft.writes('level')) derived.level = level;

  if (score === undefined && markNumber === undefined && !level) {
    draft.report('score', 'Укажите хотя бы один результат: баллы, отметку или уровень');
  }
  draft.check();
  return derived;
};
