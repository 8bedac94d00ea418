/** The answers of the pupil card's admin routes (src/api/student/overview.ts). */

export interface PupilChoices {
  academicYear: { documentId: string; title: string };
  years: Array<{ documentId: string; title: string }>;
  classes: Array<{ documentId: string; name: string }>;
}

export interface PupilFound {
  documentId: string;
  fullName: string;
  birthDate: string | null;
  className: string | null;
}

interface LevelResult {
  documentId: string;
  indicator: string;
  level: string;
  levelRank: number | null;
  source: string;
  sourceLabel: string;
  date: string;
  note: string | null;
}

export interface Overview {
  student: {
    documentId: string;
    fullName: string;
    schoolClass: { documentId: string; name: string; classTeacher: string | null; onListUntil: string | null } | null;
  };
  academicYear: { documentId: string; title: string; startDate: string; endDate: string };
  subjects: Array<{
    subject: string;
    journal: string;
    studyLevel: string;
    average: number | null;
    marksCount: number;
    latestMarks: Array<{ date: string; value: string }>;
    summaryMarks: Array<{ kind: string; period: string | null; value: string }>;
    controlWorks: Array<{
      date: string;
      topic: string | null;
      plannedResults: string | null;
      value: string;
      mastery: string | null;
      masteryLabel: string | null;
      points: number | null;
      maxPoints: number | null;
      pointsLevel: string | null;
      pointsLevelLabel: string | null;
    }>;
  }>;
  levels: string[];
  metaSubject: { label: string; kinds: Array<{ uudKind: string; label: string; results: LevelResult[] }> };
  personal: { label: string; results: LevelResult[] };
  externalAssessments: Array<{
    documentId: string;
    kind: string;
    kindLabel: string;
    title: string;
    date: string;
    subject: string | null;
    score: number | null;
    maxScore: number | null;
    mark: number | null;
    level: string | null;
    journalAverage: number | null;
  }> | null;
  selfAssessment: {
    summary: { compared: number; matches: number; higher: number; lower: number; meanAbsoluteDifference: number | null };
    works: Array<{
      assignment: string;
      subject: string | null;
      lessonDate: string | null;
      selfAssessment: string;
      note: string | null;
      teacherMark: string | null;
      verdict: string | null;
      verdictLabel: string | null;
    }>;
  } | null;
  trajectories: Array<{
    documentId: string;
    year: string | null;
    basis: string;
    startsOn: string;
    nextReviewOn: string | null;
    agreedWithParentsOn: string | null;
    agreedWith: string | null;
    responsible: string | null;
    goals: Array<{ subject: string | null; goal: string; measures: string | null; expectedResult: string | null; dueOn: string | null }>;
    reviews: Array<{ reviewedOn: string; findings: string; changes: string | null }>;
    closedOn: string | null;
    outcome: string | null;
  }> | null;
  specialConditions: Array<{
    documentId: string;
    commissionDate: string | null;
    commissionNumber: string | null;
    conditions: string | null;
    /** Absent for a reader who may not see it (a subject teacher). */
    diagnosis?: string | null;
    validUntil: string | null;
    current: boolean;
  }> | null;
}

export interface OverviewResponse {
  data: Overview;
  meta: { hidden: string[] };
}
