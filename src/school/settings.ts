import type { Core } from '@strapi/strapi';
import markSchema from '../api/mark/content-types/mark/schema.json';
import { DEFAULT_ANALYTICS_SETTINGS, type AnalyticsSettings } from './rules/analytics';
import { DEFAULT_FINAL_MARK_ROUNDING, type FinalMarkRounding } from './rules/final-marks';

export type PeriodScheme = 'quarter' | 'trimester' | 'half-year';

export const PERIOD_SCHEMES: readonly PeriodScheme[] = ['quarter', 'trimester', 'half-year'];

/** The kinds of work a mark is given for: the enum of the mark's `workType`. */
export const WORK_TYPES: readonly string[] = markSchema.attributes.workType.enum;

export interface PeriodSchemeRange {
  fromGrade: number;
  toGrade: number;
  scheme: PeriodScheme;
}

export interface SchoolSettings {
  name: string;
  address: string;
  timeZone: string;
  periodSchemes: PeriodSchemeRange[];
  pointMarksFromGrade: number;
  /** Weight of a mark in the weighted average by the kind of work (every work type has one). */
  workTypeWeights: Record<string, number>;
  /** How the mean of marks becomes the аттестат's final mark: half up (3.5 → 4, default) or half down. */
  finalMarkRounding: FinalMarkRounding;
  /** Grades in which pupils still keep a paper diary (seed 002 §2.3: 2–4); a weekly extract is printed for them. */
  paperDiaryGrades: number[];
  /** Thresholds and weights of the analytics (at risk, leaders, forecast): `src/school/rules/analytics.ts`. */
  analytics: AnalyticsSettings;
  /**
   * Whether a parent sees the figures of their child's class in the diary (average, успеваемость,
   * качество per subject; never a pupil's name or mark). Off by default.
   */
  parentsSeeClassResults: boolean;
  /**
   * The level scale of meta-subject and personal results (R77), from the lowest level to the highest;
   * only these values are accepted in `competency-result.level`.
   */
  competencyLevels: string[];
}

/** The default level scale of meta-subject and personal results. */
export const DEFAULT_COMPETENCY_LEVELS: readonly string[] = ['низкий', 'базовый', 'повышенный', 'высокий'];

/** A control work weighs 2, a test 1.5, everything else 1. */
export const DEFAULT_WORK_TYPE_WEIGHTS: Readonly<Record<string, number>> = Object.fromEntries(
  WORK_TYPES.map((workType) => [workType, workType === 'control-work' ? 2 : workType === 'test' ? 1.5 : 1]),
);

const DEFAULT_SETTINGS: SchoolSettings = {
  name: 'Школа',
  address: '',
  timeZone: 'Europe/Moscow',
  periodSchemes: [
    { fromGrade: 1, toGrade: 9, scheme: 'quarter' },
    { fromGrade: 10, toGrade: 11, scheme: 'half-year' },
  ],
  pointMarksFromGrade: 2,
  workTypeWeights: { ...DEFAULT_WORK_TYPE_WEIGHTS },
  finalMarkRounding: DEFAULT_FINAL_MARK_ROUNDING,
  paperDiaryGrades: [2, 3, 4],
  analytics: { ...DEFAULT_ANALYTICS_SETTINGS, riskWeights: { ...DEFAULT_ANALYTICS_SETTINGS.riskWeights } },
  parentsSeeClassResults: false,
  competencyLevels: [...DEFAULT_COMPETENCY_LEVELS],
};

/**
 * Values saved on the admin's settings page (core store), loaded at bootstrap and on every save.
 * Kept on the Strapi instance under a registered symbol, so every copy of this module (the app's
 * dist/ and a test's src/) sees the same values.
 */
const STORED = Symbol.for('school-records.stored-school-settings');

/** Saved values over the defaults: any setting, the analytics' thresholds each on their own. */
export type SchoolSettingsOverrides = Partial<Omit<SchoolSettings, 'analytics'>> & {
  analytics?: Partial<Omit<AnalyticsSettings, 'riskWeights'>> & { riskWeights?: Partial<AnalyticsSettings['riskWeights']> };
};

type WithStored = Core.Strapi & { [STORED]?: SchoolSettingsOverrides };

export const setStoredSchoolSettings = (strapi: Core.Strapi, overrides: SchoolSettingsOverrides): void => {
  (strapi as WithStored)[STORED] = overrides;
};

const merge = (...layers: SchoolSettingsOverrides[]): SchoolSettings =>
  layers.reduce<SchoolSettings>(
    (settings, layer) => ({
      ...settings,
      ...layer,
      workTypeWeights: { ...settings.workTypeWeights, ...(layer.workTypeWeights ?? {}) },
      analytics: {
        ...settings.analytics,
        ...(layer.analytics ?? {}),
        riskWeights: { ...settings.analytics.riskWeights, ...(layer.analytics?.riskWeights ?? {}) },
      },
    }),
    { ...DEFAULT_SETTINGS },
  );

/** The settings of `config/school.ts` alone (what the settings page resets to). */
export const getConfiguredSchoolSettings = (strapi: Core.Strapi): SchoolSettings =>
  merge(strapi.config.get('school', {}) as Partial<SchoolSettings>);

/**
 * The school's settings: `config/school.ts` (safe defaults for anything left out) overlaid by what
 * was saved on the settings page (*Settings → Школа*, see `src/api/school-settings/`).
 */
export const getSchoolSettings = (strapi: Core.Strapi): SchoolSettings =>
  merge(strapi.config.get('school', {}) as Partial<SchoolSettings>, (strapi as WithStored)[STORED] ?? {});
