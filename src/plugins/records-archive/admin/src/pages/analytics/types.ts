/** What the admin analytics routes answer (see src/api/analytics/services/analytics.ts). */

export interface PeriodView {
  documentId: string;
  title: string;
  scheme: string;
  startDate: string;
  endDate: string;
  year: string;
}

export interface Measures {
  pupils: number;
  results: number;
  averageMark: number | null;
  successRate: number | null;
  qualityRate: number | null;
  counts: Record<'5' | '4' | '3' | '2' | '1' | 'passed' | 'notPassed' | 'notAssessed', number>;
  notAssessedShare: number | null;
}

export interface Change {
  averageMark: number | null;
  successRate: number | null;
  qualityRate: number | null;
}

export interface Standing {
  excellent: number;
  good: number;
  oneFour: number;
  oneThree: number;
  failing: number;
}

export interface SummaryGroup {
  key: string;
  label: string;
  grade?: number;
  current: Measures;
  previous: Measures | null;
  change: Change;
  standing: Standing;
}

export interface Summary {
  period: PeriodView | null;
  previousPeriod: PeriodView | null;
  groupBy: string;
  total: { current: Measures; previous: Measures | null; change: Change; standing: Standing };
  groups: SummaryGroup[];
}

export interface Choices {
  year: { documentId: string; title: string } | null;
  years: Array<{ documentId: string; title: string; state: string }>;
  periods: PeriodView[];
  classes: Array<{ documentId: string; name: string; grade: number }>;
  subjects: Array<{ documentId: string; name: string }>;
  grades: number[];
}

export interface RiskPupil {
  documentId: string;
  fullName: string;
  className: string | null;
  average: number | null;
  risks: string[];
  attendance: { missed: number; lessons: number; late: number };
  subjects: Array<{
    subject: string;
    average: number | null;
    previousAverage: number | null;
    marks: number;
    result: { value: string; source: string } | null;
    forecast: number | null;
    risks: string[];
  }>;
  /** The pupil's open individual educational trajectory of the year (documentId), or null. */
  trajectory: string | null;
}

export interface LeaderPupil {
  documentId: string;
  fullName: string;
  className: string | null;
  average: number | null;
  subject?: string | null;
  /** The pupil's open individual educational trajectory of the year (documentId), or null. */
  trajectory: string | null;
}

export interface Leaders {
  period: PeriodView | null;
  excellent: LeaderPupil[];
  oneFour: LeaderPupil[];
  good: LeaderPupil[];
  oneThree: LeaderPupil[];
}

export interface AttendanceReport {
  period: PeriodView | null;
  classes: Array<{
    documentId: string;
    name: string;
    absent: number;
    ill: number;
    excused: number;
    late: number;
    pupils: number;
    missed: number;
  }>;
}

export interface Accuracy {
  pairs: number;
  exact: number | null;
  withinOne: number | null;
  meanAbsoluteError: number | null;
}

export interface ForecastAccuracy {
  forecast: Accuracy;
  baselines: { averageSoFar: Accuracy; averageOfWholePeriod: Accuracy };
}

/** `GET /analytics/forecast`: the period's expected measures per group beside those so far. */
export interface ForecastGroup {
  key: string;
  label: string;
  grade?: number;
  current: Measures;
  expected: Measures;
  change: Change;
  forecasts: number;
}

export interface GroupForecast {
  period: PeriodView | null;
  state: 'running' | 'finished' | 'future';
  total: Omit<ForecastGroup, 'key' | 'label' | 'grade'>;
  groups: ForecastGroup[];
}

/** Pupils by the level their points reached (ниже базового, базовый, повышенный). */
export interface LevelCounts {
  'below-basic': number;
  basic: number;
  advanced: number;
}

/** One control work of the period, as `GET /analytics/control-works` gives it. */
export interface ControlWork {
  lesson: { documentId: string; date: string; number: number; topic: string };
  class: { documentId: string; name: string; grade: number };
  subject: { documentId: string; name: string };
  written: number;
  absent: number;
  successRate: number | null;
  qualityRate: number | null;
  planned: { successRate: number | null; qualityRate: number | null };
  gap: { successRate: number | null; qualityRate: number | null };
  pointsLevels: LevelCounts | null;
  /** The КИМ the work names (R98), or null. */
  assessmentMaterial: { documentId: string; title: string } | null;
}

/** One КИМ's measures: of a class that wrote it, or the total (`GET /analytics/assessment-materials/:id`). */
export interface MaterialMeasures {
  written: number;
  absent: number;
  successRate: number | null;
  qualityRate: number | null;
  withPoints: number;
  averagePoints: number | null;
  levels: LevelCounts;
}

/** One КИМ across the classes that wrote it. */
export interface MaterialResults {
  material: { documentId: string; title: string; maxPoints: number | null };
  classes: Array<MaterialMeasures & { lesson: { documentId: string; date: string }; class: { name: string }; teachers: string[] }>;
  total: MaterialMeasures;
}

/** The programmes' completion report (`GET /analytics/programmes`). */
export interface SchoolCompletion {
  date: string;
  academicYear: string | null;
  lagging: number;
  programmes: Array<{
    documentId: string;
    title: string;
    subject: string | null;
    schoolClass: string | null;
    teacher: string | null;
    completion: { planned: number; plannedToDate: number; delivered: number; lag: number; lagging: boolean };
  }>;
  journalsWithoutProgramme: Array<{ documentId: string; title: string }>;
}

/** One programme's mastery of its planned results by topic (`GET /analytics/programmes/:id/mastery`). */
export interface ProgrammeMastery {
  journal: { schoolClass: string | null; subject: string | null } | null;
  topics: Array<{
    topic: string;
    plannedResults: string[];
    controlWorks: Array<{ lesson: string; date: string; levels: LevelCounts | null }>;
    levels: LevelCounts & { notAssessed: number };
  }>;
  unmatchedControlWorks: Array<{ lesson: string; date: string; topic: string | null }>;
}
