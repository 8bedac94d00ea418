import type { Core } from '@strapi/strapi';

export type PeriodScheme = 'quarter' | 'trimester' | 'half-year';

export interface PeriodSchemeRange {
  fromGrade: number;
  toGrade: number;
  scheme: PeriodScheme;
}

export interface SchoolSettings {
  name: string;
  timeZone: string;
  periodSchemes: PeriodSchemeRange[];
  pointMarksFromGrade: number;
}

const DEFAULT_SETTINGS: SchoolSettings = {
  name: 'Школа',
  timeZone: 'Europe/Moscow',
  periodSchemes: [
    { fromGrade: 1, toGrade: 9, scheme: 'quarter' },
    { fromGrade: 10, toGrade: 11, scheme: 'half-year' },
  ],
  pointMarksFromGrade: 2,
};

/** The school's settings from `config/school.ts`, with safe defaults for anything left out. */
export const getSchoolSettings = (strapi: Core.Strapi): SchoolSettings => ({
  ...DEFAULT_SETTINGS,
  ...(strapi.config.get('school', {}) as Partial<SchoolSettings>),
});
