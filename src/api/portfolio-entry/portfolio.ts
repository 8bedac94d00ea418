import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import { errors } from '@strapi/utils';
import { formatLocalDate, todayInZone } from '../../school/calendar';
import {
  PORTFOLIO_ENTRY,
  PORTFOLIO_KIND_LABELS,
  PORTFOLIO_LEVEL_LABELS,
  PORTFOLIO_LEVELS,
  PORTFOLIO_RESULT_LABELS,
  REWARD,
  REWARD_KIND_LABELS,
  type PortfolioKind,
  type PortfolioLevel,
  type PortfolioResult,
  type RewardKind,
} from '../../school/records/portfolio-rules';
import { getSchoolSettings } from '../../school/settings';
import { renderPortfolioSummaryPdf, type PortfolioSummary } from './summary-pdf';

/**
 * Reading a pupil's portfolio and rewards (for the family's diary, the printable summary) and the
 * school's list of olympiad winners and prize-winners of a year. Who may ask is the controllers'.
 */

interface Row {
  id: number;
  documentId: string;
  [field: string]: unknown;
}

const fieldError = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

/**
 * What counts in the official portfolio (the family's view, the printed summary, the olympiad
 * winners): entries and rewards the deputy director or the director approved (R30). Records made
 * before the review existed carry no state and count as approved. Pending and returned ones are
 * seen by staff on the core routes (`reviewState`, filterable), not here.
 */
export const APPROVED = { $or: [{ reviewState: 'approved' }, { reviewState: { $null: true } }] };

const ENTRY_POPULATE = {
  subject: { select: ['id', 'name'] },
  evidence: { select: ['id', 'name', 'url', 'mime', 'size'] },
};

const entryView = (entry: Row) => ({
  documentId: entry.documentId,
  title: entry.title as string,
  kind: entry.kind as PortfolioKind,
  kindLabel: PORTFOLIO_KIND_LABELS[entry.kind as PortfolioKind] ?? String(entry.kind),
  level: entry.level as PortfolioLevel,
  levelLabel: PORTFOLIO_LEVEL_LABELS[entry.level as PortfolioLevel] ?? String(entry.level),
  result: entry.result as PortfolioResult,
  resultLabel: PORTFOLIO_RESULT_LABELS[entry.result as PortfolioResult] ?? String(entry.result),
  place: (entry.place as number | null) ?? null,
  date: entry.date as string,
  organiser: (entry.organiser as string | null) ?? null,
  subject: ((entry.subject as Row | null)?.name as string | undefined) ?? null,
  area: (entry.area as string | null) ?? null,
  source: entry.source as string,
  addedAtFamilyRequest: entry.addedAtFamilyRequest === true,
  confirmed: entry.confirmed === true,
  confirmedAt: (entry.confirmedAt as string | null) ?? null,
  handedOverOn: (entry.handedOverOn as string | null) ?? null,
  handedOverTo: (entry.handedOverTo as string | null) ?? null,
  evidence: ((entry.evidence as Row[] | null) ?? []).map((file) => ({ name: file.name, url: file.url, mime: file.mime })),
});

export type PortfolioEntryView = ReturnType<typeof entryView>;

const rewardView = (reward: Row) => ({
  documentId: reward.documentId,
  kind: reward.kind as RewardKind,
  kindLabel: REWARD_KIND_LABELS[reward.kind as RewardKind] ?? String(reward.kind),
  reason: reward.reason as string,
  date: reward.date as string,
  orderNumber: (reward.orderNumber as string | null) ?? null,
  achievements: ((reward.achievements as Row[] | null) ?? [])
    .filter((entry) => entry.reviewState === 'approved' || entry.reviewState === null || entry.reviewState === undefined)
    .map((entry) => ({
      documentId: entry.documentId,
      title: entry.title as string,
    })),
});

/** The stage a grade's portfolio covers (seed 002 §3.5.2: 4 years for 1-4, 5 for 5-9, 2 for 10-11). */
export const portfolioStageOf = (grade: number | null): string | null => {
  if (grade === null || !Number.isInteger(grade)) return null;
  if (grade <= 4) return '1–4 классы (4 года)';
  if (grade <= 9) return '5–9 классы (5 лет)';
  return '10–11 классы (2 года)';
};

/** The three stages a portfolio is compiled over (seed 002 §3.5.2), by their first and last grade. */
export const PORTFOLIO_STAGES = {
  primary: { first: 1, last: 4 },
  basic: { first: 5, last: 9 },
  secondary: { first: 10, last: 11 },
} as const;
export type PortfolioStage = keyof typeof PORTFOLIO_STAGES;
const STAGE_KEYS = Object.keys(PORTFOLIO_STAGES) as PortfolioStage[];

/** The stage a grade belongs to. */
export const stageOfGrade = (grade: number): PortfolioStage => (grade <= 4 ? 'primary' : grade <= 9 ? 'basic' : 'secondary');

export interface PortfolioStageWindow {
  key: PortfolioStage;
  label: string;
  /** The first day of the stage: 1 September (the year's start) of the year the pupil was in its first grade. */
  since: string;
  /** The first day after the stage (the next stage's start); null for the pupil's current stage. */
  until: string | null;
}

/**
 * The days a stage of a pupil's portfolio covers, counted back on the calendar from the pupil's
 * current grade and the start of the current school year: for a 7th-grader in 2025/2026 (from
 * 01.09.2025) the 5–9 stage opened on 01.09.2023 and the 1–4 stage ran from 01.09.2019 to 31.08.2023.
 * Counted from the calendar, so a pupil who joined the school mid-stage keeps the achievements of
 * the stage's earlier years. A stage the pupil has not reached yet is `{ problem }`.
 */
export const portfolioStageWindow = (
  grade: number | null,
  yearStartDate: string | null,
  stage: PortfolioStage | null = null,
): PortfolioStageWindow | { problem: string } | null => {
  if (grade === null || !Number.isInteger(grade) || grade < 1 || !yearStartDate) return null;
  const start = DateTime.fromISO(yearStartDate, { zone: 'utc' });
  if (!start.isValid) return null;
  const current = stageOfGrade(grade);
  const key = stage ?? current;
  const { first } = PORTFOLIO_STAGES[key];
  if (first > grade) return { problem: `Этап ${portfolioStageOf(first) ?? key} ещё не начат: обучающийся в ${grade} классе` };
  const next = STAGE_KEYS[STAGE_KEYS.indexOf(key) + 1];
  return {
    key,
    label: portfolioStageOf(first) as string,
    since: start.minus({ years: grade - first }).toISODate() as string,
    until: key === current || !next ? null : (start.minus({ years: grade - PORTFOLIO_STAGES[next].first }).toISODate() as string),
  };
};

/** One class list the pupil was on: the class's grade and the first day of its school year. */
export interface ClassListYear {
  grade: number;
  yearStart: string;
}

/**
 * The first day of a stage by the pupil's class lists: the school year of the first class of the
 * stage's first grade, or — for a pupil who came later — of the first class of any grade of the stage;
 * null when the history holds no class of that stage.
 */
const stageStartFromHistory = (history: ClassListYear[], key: PortfolioStage, firstGradeOnly = false): string | null => {
  const { first } = PORTFOLIO_STAGES[key];
  const earliest = (years: ClassListYear[]) => years.map((year) => year.yearStart).sort()[0] ?? null;
  const ofFirstGrade = earliest(history.filter((year) => year.grade === first));
  return firstGradeOnly ? ofFirstGrade : (ofFirstGrade ?? earliest(history.filter((year) => stageOfGrade(year.grade) === key)));
};

/**
 * The days of a stage taken from the pupil's class lists (`history`), so a pupil kept down a year
 * keeps the stage's real start: a pupil in the 5th grade in 2023/2024 and again in 2024/2025, now in
 * the 6th, has the 5–9 stage from 01.09.2023, where the calendar count from the 6th grade would say
 * 01.09.2024. A closed stage ends when the pupil's first class of the next stage's first grade began;
 * where the history has no such class (the pupil came later), the calendar count stands, as it does
 * for a stage with no class in the history.
 */
export const portfolioStageWindowFromHistory = (
  history: ClassListYear[],
  grade: number | null,
  yearStartDate: string | null,
  stage: PortfolioStage | null = null,
): PortfolioStageWindow | { problem: string } | null => {
  const calendar = portfolioStageWindow(grade, yearStartDate, stage);
  if (!calendar || 'problem' in calendar) return calendar;
  const since = stageStartFromHistory(history, calendar.key) ?? calendar.since;
  const next = STAGE_KEYS[STAGE_KEYS.indexOf(calendar.key) + 1];
  const until = calendar.until === null || !next ? calendar.until : (stageStartFromHistory(history, next, true) ?? calendar.until);
  return { ...calendar, since, until: until !== null && until <= since ? calendar.until : until };
};

/** The day the pupil's current portfolio was opened (see `portfolioStageWindow`). */
export const portfolioStageSince = (grade: number | null, yearStartDate: string | null): string | null => {
  const window = portfolioStageWindow(grade, yearStartDate);
  return window && 'since' in window ? window.since : null;
};

/** The `stage` query parameter: one of the three stages, or none for the current one; a bad value is HTTP 400. */
export const readPortfolioStage = (value: unknown): PortfolioStage | null => {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string' && (STAGE_KEYS as string[]).includes(value)) return value as PortfolioStage;
  const message = 'Этап портфолио: primary (1–4 классы), basic (5–9 классы) или secondary (10–11 классы)';
  throw fieldError('stage', message);
};

const rows = (strapi: Core.Strapi, uid: string, params: Record<string, unknown>) =>
  strapi.db.query(uid as never).findMany(params) as Promise<Row[]>;

/** The class the pupil is (or was last) on the list of at a date. */
const classOn = async (strapi: Core.Strapi, studentId: number, date: string): Promise<Row | null> => {
  const enrollments = await rows(strapi, 'api::enrollment.enrollment', {
    where: { student: { id: studentId }, startDate: { $lte: date } },
    orderBy: { startDate: 'desc' },
    populate: { schoolClass: { select: ['id', 'documentId', 'name', 'grade'], populate: { academicYear: { select: ['startDate'] } } } },
  });
  const covering = enrollments.find((enrollment) => !enrollment.endDate || (enrollment.endDate as string) >= date);
  return ((covering ?? enrollments[0])?.schoolClass as Row | undefined) ?? null;
};

/** Every class list the pupil has been on, with the class's grade and its school year's first day. */
const classListHistory = async (strapi: Core.Strapi, studentId: number): Promise<ClassListYear[]> => {
  const enrollments = await rows(strapi, 'api::enrollment.enrollment', {
    where: { student: { id: studentId } },
    populate: { schoolClass: { select: ['grade'], populate: { academicYear: { select: ['startDate'] } } } },
  });
  return enrollments.flatMap((enrollment) => {
    const schoolClass = enrollment.schoolClass as Row | null;
    const yearStart = (schoolClass?.academicYear as Row | null | undefined)?.startDate;
    return schoolClass && typeof schoolClass.grade === 'number' && typeof yearStart === 'string'
      ? [{ grade: schoolClass.grade, yearStart }]
      : [];
  });
};

/**
 * A pupil's approved portfolio entries and rewards of one stage (seed 002 §3.5.2) — the current one
 * unless `stage` names an earlier, closed one — by date, with the stage's days and how many entries
 * and rewards of earlier stages are left out.
 */
export const portfolioOf = async (strapi: Core.Strapi, studentId: number, stage: PortfolioStage | null = null) => {
  const today = todayInZone(getSchoolSettings(strapi).timeZone);
  const schoolClass = await classOn(strapi, studentId, today);
  const grade = (schoolClass?.grade as number | undefined) ?? null;
  const yearStart = ((schoolClass?.academicYear as Row | null | undefined)?.startDate as string | undefined) ?? null;
  const window = portfolioStageWindowFromHistory(await classListHistory(strapi, studentId), grade, yearStart, stage);
  if (window && 'problem' in window) {
    throw fieldError('stage', window.problem);
  }
  if (!window && stage) {
    const message = 'Обучающийся не состоит в списке класса: этапы портфолио считаются от его класса';
    throw fieldError('stage', message);
  }
  const inWindow = window ? [{ date: { $gte: window.since } }, ...(window.until ? [{ date: { $lt: window.until } }] : [])] : [];
  const earlierWhere = window ? { $and: [{ student: { id: studentId } }, APPROVED, { date: { $lt: window.since } }] } : null;
  const entries = await rows(strapi, PORTFOLIO_ENTRY, {
    where: { $and: [{ student: { id: studentId } }, APPROVED, ...inWindow] },
    orderBy: [{ date: 'asc' }, { id: 'asc' }],
    populate: ENTRY_POPULATE,
  });
  const rewards = await rows(strapi, REWARD, {
    where: { $and: [{ student: { id: studentId } }, APPROVED, ...inWindow] },
    orderBy: [{ date: 'asc' }, { id: 'asc' }],
    populate: { achievements: { select: ['id', 'documentId', 'title', 'reviewState'] } },
  });
  const earlier = earlierWhere
    ? {
        entries: await strapi.db.query(PORTFOLIO_ENTRY as never).count({ where: earlierWhere }),
        rewards: await strapi.db.query(REWARD as never).count({ where: earlierWhere }),
      }
    : { entries: 0, rewards: 0 };
  return {
    stage: window
      ? { key: window.key, label: window.label, since: window.since, until: window.until }
      : { key: null, label: null, since: null, until: null },
    earlier,
    entries: entries.map(entryView),
    rewards: rewards.map(rewardView),
  };
};

/** «5–9 классы (5 лет), с 01.09.2025» for the current stage; «…, с 01.09.2019 по 31.08.2023» for a closed one. */
const stageLine = (stage: { label: string | null; since: string | null; until: string | null }): string | null => {
  if (!stage.label) return null;
  if (!stage.since) return stage.label;
  const until = stage.until ? DateTime.fromISO(stage.until, { zone: 'utc' }).minus({ days: 1 }).toISODate() : null;
  return `${stage.label}, с ${formatLocalDate(stage.since)}${until ? ` по ${formatLocalDate(until)}` : ''}`;
};

/** The printable summary of a pupil's portfolio (PDF) and a file name for it. */
export const portfolioSummaryPdf = async (
  strapi: Core.Strapi,
  student: Row,
  stageKey: PortfolioStage | null = null,
): Promise<{ pdf: Buffer; fileName: string }> => {
  const settings = getSchoolSettings(strapi);
  const today = todayInZone(settings.timeZone);
  const { entries, rewards, stage } = await portfolioOf(strapi, student.id, stageKey);
  const schoolClass = await classOn(strapi, student.id, today);
  const handedOver = entries
    .filter((entry) => entry.handedOverOn)
    .sort((a, b) => String(b.handedOverOn).localeCompare(String(a.handedOverOn)))[0];
  const summary: PortfolioSummary = {
    schoolName: settings.name,
    fullName: String(student.fullName ?? ''),
    birthDate: (student.birthDate as string | null) ?? null,
    className: (schoolClass?.name as string | undefined) ?? null,
    stage: stageLine(stage),
    printedOn: today,
    entries: entries.map((entry) => ({
      date: entry.date,
      title: entry.title,
      kindLabel: entry.kindLabel,
      levelLabel: entry.levelLabel,
      resultLabel: entry.resultLabel,
      place: entry.place,
      organiser: entry.organiser,
      subject: entry.subject,
      area: entry.area,
      fromOtherOrganisation: entry.source === 'other-organisation',
      confirmed: entry.confirmed,
      evidenceCount: entry.evidence.length,
    })),
    rewards: rewards.map((reward) => ({
      date: reward.date,
      kindLabel: reward.kindLabel,
      reason: reward.reason,
      orderNumber: reward.orderNumber,
      achievements: reward.achievements.map((achievement) => achievement.title),
    })),
    handedOver: handedOver ? { on: handedOver.handedOverOn as string, to: handedOver.handedOverTo ?? '' } : null,
  };
  return { pdf: await renderPortfolioSummaryPdf(summary), fileName: `portfolio-${summary.fullName}.pdf` };
};

/** One line of the olympiad winners' list. */
const winnerRow = (entry: Row, student: Row, schoolClass: Row | null) => {
  const view = entryView(entry);
  return {
    documentId: view.documentId,
    student: { documentId: student.documentId, fullName: student.fullName as string },
    schoolClass: schoolClass ? { documentId: schoolClass.documentId, name: schoolClass.name as string } : null,
    subject: view.subject ?? view.area,
    title: view.title,
    level: view.level,
    levelLabel: view.levelLabel,
    result: view.result,
    resultLabel: view.resultLabel,
    place: view.place,
    date: view.date,
    organiser: view.organiser,
    confirmed: view.confirmed,
  };
};

const RESULT_ORDER: Record<string, number> = { winner: 0, 'prize-winner': 1 };

/**
 * The olympiad winners and prize-winners of an academic year (named by documentId or title
 * «2025/2026»; the current year when none is named): one row per result, by subject, level
 * (highest first), result and name, with the pupil's class on the day of the olympiad.
 */
export const olympiadWinners = async (strapi: Core.Strapi, yearInput: unknown) => {
  if (yearInput !== undefined && (typeof yearInput !== 'string' || !yearInput.trim())) {
    throw fieldError('year', 'Учебный год задаётся его documentId или названием «ГГГГ/ГГГГ»');
  }
  const yearName = typeof yearInput === 'string' ? yearInput.trim() : null;
  const year = (await strapi.db.query('api::academic-year.academic-year').findOne({
    where: yearName ? { $or: [{ documentId: yearName }, { title: yearName }] } : { state: 'current' },
  })) as Row | null;
  if (!year) throw fieldError('year', yearName ? `Учебный год «${yearName}» не найден` : 'Текущий учебный год не задан: укажите year');
  const inYear = {
    kind: 'olympiad',
    result: { $in: ['winner', 'prize-winner'] },
    date: { $gte: year.startDate, $lte: year.endDate },
  };
  const entries = await rows(strapi, PORTFOLIO_ENTRY, {
    where: { $and: [inYear, APPROVED] },
    populate: { ...ENTRY_POPULATE, student: { select: ['id', 'documentId', 'fullName'] } },
  });
  // Results on review, or returned for correction, are not in the list; the deputy sees how many there are.
  const countIn = (reviewState: string) => strapi.db.query(PORTFOLIO_ENTRY).count({ where: { $and: [inYear, { reviewState }] } });
  const awaitingReview = await countIn('pending');
  const returnedForCorrection = await countIn('returned');
  const list: Array<ReturnType<typeof winnerRow>> = [];
  for (const entry of entries) {
    const student = entry.student as Row | null;
    if (!student) continue;
    const schoolClass = await classOn(strapi, student.id, entry.date as string);
    list.push(winnerRow(entry, student, schoolClass));
  }
  const levelRank = (level: string) => -PORTFOLIO_LEVELS.indexOf(level as PortfolioLevel);
  list.sort(
    (a, b) =>
      String(a.subject ?? '').localeCompare(String(b.subject ?? ''), 'ru') ||
      levelRank(a.level) - levelRank(b.level) ||
      (RESULT_ORDER[a.result] ?? 9) - (RESULT_ORDER[b.result] ?? 9) ||
      a.student.fullName.localeCompare(b.student.fullName, 'ru'),
  );
  const byLevel = Object.fromEntries(PORTFOLIO_LEVELS.map((level) => [level, list.filter((row) => row.level === level).length]));
  return {
    data: list,
    meta: {
      year: { documentId: year.documentId, title: year.title, startDate: year.startDate, endDate: year.endDate },
      winners: list.filter((row) => row.result === 'winner').length,
      prizeWinners: list.filter((row) => row.result === 'prize-winner').length,
      byLevel,
      awaitingReview,
      returnedForCorrection,
    },
  };
};
