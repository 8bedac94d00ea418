import { IANAZone } from 'luxon';
import { RISK_REASONS, type AnalyticsSettings, type RiskReason } from './rules/analytics';
import { FINAL_MARK_ROUNDINGS, type FinalMarkRounding } from './rules/final-marks';
import { PERIOD_SCHEMES, WORK_TYPES, type PeriodScheme, type PeriodSchemeRange, type SchoolSettings } from './settings';

/** One problem of the submitted settings, in the shape of Strapi's ValidationError details. */
export interface SettingsIssue {
  path: Array<string | number>;
  message: string;
  name: 'ValidationError';
}

export const SETTINGS_KEYS = [
  'name',
  'address',
  'timeZone',
  'periodSchemes',
  'pointMarksFromGrade',
  'workTypeWeights',
  'finalMarkRounding',
  'paperDiaryGrades',
  'analytics',
  'parentsSeeClassResults',
  'competencyLevels',
] as const;
export type SettingsKey = (typeof SETTINGS_KEYS)[number];

export interface SettingsChange {
  /** Values to store over `config/school.ts`. */
  set: Partial<SchoolSettings>;
  /** Keys sent as null: back to the value of `config/school.ts`. */
  reset: SettingsKey[];
  issues: SettingsIssue[];
}

const FIRST_GRADE = 1;
const LAST_GRADE = 11;
/** The mark's `weight` attribute accepts 0.1–10. */
const MIN_WEIGHT = 0.1;
const MAX_WEIGHT = 10;

const isGrade = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= FIRST_GRADE && (value as number) <= LAST_GRADE;

const checkPeriodSchemes = (value: unknown, issue: (path: Array<string | number>, message: string) => void): PeriodSchemeRange[] | null => {
  if (!Array.isArray(value) || value.length === 0) {
    issue(['periodSchemes'], 'Укажите хотя бы один диапазон параллелей с системой учебных периодов');
    return null;
  }
  const ranges: PeriodSchemeRange[] = [];
  value.forEach((raw: unknown, index) => {
    const range = (raw ?? {}) as Record<string, unknown>;
    let valid = true;
    if (!isGrade(range.fromGrade)) {
      issue(['periodSchemes', index, 'fromGrade'], `Параллель «с» — целое число от ${FIRST_GRADE} до ${LAST_GRADE}`);
      valid = false;
    }
    if (!isGrade(range.toGrade)) {
      issue(['periodSchemes', index, 'toGrade'], `Параллель «по» — целое число от ${FIRST_GRADE} до ${LAST_GRADE}`);
      valid = false;
    }
    if (!PERIOD_SCHEMES.includes(range.scheme as PeriodScheme)) {
      issue(['periodSchemes', index, 'scheme'], 'Выберите систему периодов: четверти, триместры или полугодия');
      valid = false;
    }
    if (valid && (range.fromGrade as number) > (range.toGrade as number)) {
      issue(['periodSchemes', index, 'toGrade'], 'Параллель «по» не может быть меньше параллели «с»');
      valid = false;
    }
    if (valid)
      ranges.push({ fromGrade: range.fromGrade as number, toGrade: range.toGrade as number, scheme: range.scheme as PeriodScheme });
  });
  if (ranges.length !== value.length) return null;
  for (let grade = FIRST_GRADE; grade <= LAST_GRADE; grade += 1) {
    const covering = ranges
      .map((range, index) => ({ range, index }))
      .filter(({ range }) => grade >= range.fromGrade && grade <= range.toGrade);
    if (covering.length === 0) issue(['periodSchemes'], `Для ${grade} класса не выбрана система учебных периодов`);
    if (covering.length > 1)
      issue(
        ['periodSchemes', covering[1].index, 'fromGrade'],
        `${grade} класс попадает в несколько диапазонов: диапазоны не должны пересекаться`,
      );
  }
  return ranges.map((range) => ({ ...range }));
};

const checkWeights = (value: unknown, issue: (path: Array<string | number>, message: string) => void): Record<string, number> | null => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    issue(['workTypeWeights'], 'Веса видов работ передаются объектом «вид работы: вес»');
    return null;
  }
  const weights: Record<string, number> = {};
  for (const [workType, weight] of Object.entries(value as Record<string, unknown>)) {
    if (!WORK_TYPES.includes(workType)) {
      issue(['workTypeWeights', workType], `Неизвестный вид работы «${workType}»`);
      continue;
    }
    const number = typeof weight === 'string' && weight.trim() !== '' ? Number(weight.replace(',', '.')) : weight;
    if (typeof number !== 'number' || !Number.isFinite(number) || number <= 0) {
      issue(['workTypeWeights', workType], 'Вес — положительное число');
      continue;
    }
    if (number < MIN_WEIGHT || number > MAX_WEIGHT) {
      issue(['workTypeWeights', workType], `Вес должен быть от ${MIN_WEIGHT} до ${MAX_WEIGHT}`);
      continue;
    }
    weights[workType] = Math.round(number * 100) / 100;
  }
  return weights;
};

/** The grades that keep paper diaries: a list of distinct grades 1–11 (possibly empty), returned in order. */
const checkPaperDiaryGrades = (value: unknown, issue: (path: Array<string | number>, message: string) => void): number[] | null => {
  if (!Array.isArray(value)) {
    issue(['paperDiaryGrades'], 'Классы с бумажными дневниками передаются списком, например [2, 3, 4]; пустой список — нигде');
    return null;
  }
  let valid = true;
  value.forEach((grade: unknown, index) => {
    if (!isGrade(grade)) {
      issue(['paperDiaryGrades', index], `Класс — целое число от ${FIRST_GRADE} до ${LAST_GRADE}`);
      valid = false;
    }
  });
  return valid ? [...new Set(value as number[])].sort((a, b) => a - b) : null;
};

/** The analytics' thresholds: each a number within its bounds (integers where marks are counted). */
const ANALYTICS_BOUNDS: Record<
  Exclude<keyof AnalyticsSettings, 'riskWeights'>,
  { min: number; max: number; integer: boolean; message: string }
> = {
  fewMarks: { min: 0, max: 20, integer: true, message: 'Порог «мало отметок» — целое число от 0 до 20' },
  fallingBy: { min: 0.1, max: 3, integer: false, message: 'Падение среднего балла — число от 0,1 до 3' },
  absentShare: { min: 1, max: 100, integer: false, message: 'Доля пропусков — от 1 до 100 %' },
  trendFactor: { min: 0, max: 1, integer: false, message: 'Доля тенденции в прогнозе — число от 0 до 1' },
  trendLimit: { min: 0, max: 2, integer: false, message: 'Предел тенденции в прогнозе — число от 0 до 2' },
  trendMinMarks: { min: 1, max: 20, integer: true, message: 'Отметок для тенденции — целое число от 1 до 20' },
  leaderReserveMarks: { min: 1, max: 5, integer: true, message: '«С одной 4 / 3» — целое число от 1 до 5' },
};

const numberOf = (value: unknown): number | null => {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value.replace(',', '.')) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : null;
};

/** A partial change of the analytics' thresholds and weights (only the keys sent). */
const checkAnalytics = (
  value: unknown,
  issue: (path: Array<string | number>, message: string) => void,
): Partial<AnalyticsSettings> | null => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    issue(['analytics'], 'Пороги аналитики передаются объектом');
    return null;
  }
  const result: Partial<AnalyticsSettings> = {};
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'riskWeights') {
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
        issue(['analytics', 'riskWeights'], 'Веса причин риска передаются объектом «причина: вес»');
        continue;
      }
      const weights: Partial<Record<RiskReason, number>> = {};
      for (const [reason, weight] of Object.entries(raw as Record<string, unknown>)) {
        const number = numberOf(weight);
        if (!RISK_REASONS.includes(reason as RiskReason))
          issue(['analytics', 'riskWeights', reason], `Неизвестная причина риска «${reason}»`);
        else if (number === null || !Number.isInteger(number) || number < 0 || number > 100)
          issue(['analytics', 'riskWeights', reason], 'Вес причины риска — целое число от 0 до 100');
        else weights[reason as RiskReason] = number;
      }
      result.riskWeights = weights as Record<RiskReason, number>;
      continue;
    }
    const bounds = ANALYTICS_BOUNDS[key as keyof typeof ANALYTICS_BOUNDS];
    if (!bounds) {
      issue(['analytics', key], `Неизвестный порог аналитики «${key}»`);
      continue;
    }
    const number = numberOf(raw);
    if (number === null || number < bounds.min || number > bounds.max || (bounds.integer && !Number.isInteger(number))) {
      issue(['analytics', key], bounds.message);
      continue;
    }
    result[key as keyof typeof ANALYTICS_BOUNDS] = Math.round(number * 100) / 100;
  }
  return result;
};

const LEVEL_MAX = 100;
const LEVELS_MAX = 10;

/** The level scale of meta-subject and personal results: 2–10 distinct non-empty names, lowest first. */
const checkCompetencyLevels = (value: unknown, issue: (path: Array<string | number>, message: string) => void): string[] | null => {
  if (!Array.isArray(value)) {
    issue(['competencyLevels'], 'Уровни передаются списком от низшего к высшему, например ["низкий", "базовый", "повышенный", "высокий"]');
    return null;
  }
  const levels: string[] = [];
  value.forEach((raw: unknown, index) => {
    const level = typeof raw === 'string' ? raw.trim() : '';
    if (!level) issue(['competencyLevels', index], 'Название уровня — непустая строка');
    else if (level.length > LEVEL_MAX) issue(['competencyLevels', index], `Название уровня не длиннее ${LEVEL_MAX} знаков`);
    else if (levels.some((known) => known.toLowerCase() === level.toLowerCase()))
      issue(['competencyLevels', index], `Уровень «${level}» уже есть в шкале`);
    else levels.push(level);
  });
  if (levels.length !== value.length) return null;
  if (levels.length < 2 || levels.length > LEVELS_MAX) {
    issue(['competencyLevels'], `В шкале от 2 до ${LEVELS_MAX} уровней`);
    return null;
  }
  return levels;
};

/**
 * Checks settings submitted on the settings page. Only the keys present are changed; a key sent
 * as null goes back to `config/school.ts`. Messages are in Russian, one per field.
 */
export const checkSettingsChange = (input: unknown): SettingsChange => {
  const change: SettingsChange = { set: {}, reset: [], issues: [] };
  const issue = (path: Array<string | number>, message: string) => change.issues.push({ path, message, name: 'ValidationError' });
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    issue([], 'Передайте настройки объектом в поле data');
    return change;
  }
  const data = input as Record<string, unknown>;
  for (const key of Object.keys(data)) {
    if (!SETTINGS_KEYS.includes(key as SettingsKey)) issue([key], `Неизвестная настройка «${key}»`);
  }
  for (const key of SETTINGS_KEYS) {
    if (!(key in data)) continue;
    const value = data[key];
    if (value === null) {
      change.reset.push(key);
      continue;
    }
    switch (key) {
      case 'name': {
        const name = typeof value === 'string' ? value.trim() : '';
        if (!name) issue(['name'], 'Укажите название школы');
        else if (name.length > 300) issue(['name'], 'Название школы — не длиннее 300 знаков');
        else change.set.name = name;
        break;
      }
      case 'address': {
        if (typeof value !== 'string') issue(['address'], 'Адрес — строка');
        else if (value.trim().length > 500) issue(['address'], 'Адрес — не длиннее 500 знаков');
        else change.set.address = value.trim();
        break;
      }
      case 'timeZone': {
        const zone = typeof value === 'string' ? value.trim() : '';
        if (!zone || !IANAZone.isValidZone(zone))
          issue(['timeZone'], `Неизвестный часовой пояс «${String(value)}»: укажите его по базе IANA, например Europe/Moscow`);
        else change.set.timeZone = zone;
        break;
      }
      case 'pointMarksFromGrade': {
        if (!isGrade(value))
          issue(['pointMarksFromGrade'], `Первая параллель с отметками в баллах — целое число от ${FIRST_GRADE} до ${LAST_GRADE}`);
        else change.set.pointMarksFromGrade = value;
        break;
      }
      case 'periodSchemes': {
        const ranges = checkPeriodSchemes(value, issue);
        if (ranges) change.set.periodSchemes = ranges;
        break;
      }
      case 'workTypeWeights': {
        const weights = checkWeights(value, issue);
        if (weights) change.set.workTypeWeights = weights;
        break;
      }
      case 'finalMarkRounding': {
        if (!FINAL_MARK_ROUNDINGS.includes(value as FinalMarkRounding))
          issue(['finalMarkRounding'], 'Округление итоговых отметок: half-up (3,5 → 4) или half-down (3,5 → 3)');
        else change.set.finalMarkRounding = value as FinalMarkRounding;
        break;
      }
      case 'paperDiaryGrades': {
        const grades = checkPaperDiaryGrades(value, issue);
        if (grades) change.set.paperDiaryGrades = grades;
        break;
      }
      case 'analytics': {
        const analytics = checkAnalytics(value, issue);
        if (analytics) change.set.analytics = analytics as AnalyticsSettings;
        break;
      }
      case 'parentsSeeClassResults': {
        if (typeof value !== 'boolean') issue(['parentsSeeClassResults'], 'Показ родителям показателей класса: true или false');
        else change.set.parentsSeeClassResults = value;
        break;
      }
      case 'competencyLevels': {
        const levels = checkCompetencyLevels(value, issue);
        if (levels) change.set.competencyLevels = levels;
        break;
      }
    }
  }
  return change;
};
