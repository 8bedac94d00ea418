import type { Core } from '@strapi/strapi';

/**
 * The school's own settings that the regulations leave to the local act.
 * Read them through `src/school/settings.ts` (`getSchoolSettings`), never directly: values saved on
 * the admin's settings page (*Settings → Школа → Настройки школы*) override these defaults.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  name: env('SCHOOL_NAME', 'МБОУ «Средняя общеобразовательная школа № 1»'),
  /** Postal address, printed on documents. */
  address: env('SCHOOL_ADDRESS', ''),
  /** IANA time zone in which every date of the journal is a local date. */
  timeZone: env('SCHOOL_TIME_ZONE', 'Europe/Moscow'),
  /** Which study-period scheme each grade uses (quarters for 1-9, half-years for 10-11 by default). */
  periodSchemes: [
    { fromGrade: 1, toGrade: 9, scheme: 'quarter' },
    { fromGrade: 10, toGrade: 11, scheme: 'half-year' },
  ],
  /** Grade 1 gets no point marks (qualitative assessment only); the first grade with point marks. */
  pointMarksFromGrade: env.int('POINT_MARKS_FROM_GRADE', 2),
  /** Weights of marks in the weighted average by work type; work types left out weigh 1. */
  workTypeWeights: { 'control-work': 2, test: 1.5 },
  /** Grades whose pupils still keep a paper diary (seed 002 §2.3: grades 2–4); an empty list: none. */
  paperDiaryGrades: [2, 3, 4],
  /** The level scale of meta-subject and personal results, lowest first (R77). */
  competencyLevels: ['низкий', 'базовый', 'повышенный', 'высокий'],
});

export default config;
