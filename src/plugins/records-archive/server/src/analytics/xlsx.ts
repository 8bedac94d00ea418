import ExcelJS from 'exceljs';
import { RISK_LABELS as RISK_REASON_LABELS } from '../../../../../school/rules/analytics';

/**
 * The analytics page as a workbook: classes, subjects, teachers, levels of study and profiles
 * ranked with this period beside the previous one, pupils at risk, отличники and хорошисты, attendance.
 */

interface Measures {
  pupils: number;
  averageMark: number | null;
  successRate: number | null;
  qualityRate: number | null;
  counts: Record<string, number>;
  notAssessedShare: number | null;
}

export interface SummaryGroup {
  label: string;
  current: Measures;
  previous: Measures | null;
  change: { averageMark: number | null; successRate: number | null; qualityRate: number | null };
  standing?: { excellent: number; good: number; oneFour: number; oneThree: number; failing: number };
}

export interface AnalyticsWorkbookInput {
  school: string;
  periodTitle: string;
  previousTitle: string | null;
  classes: SummaryGroup[];
  subjects: SummaryGroup[];
  /** By teacher: the objective basis of the incentive commission (R92). */
  teachers: SummaryGroup[];
  /** By level of study: базовый and углублённый (R97). */
  levels: SummaryGroup[];
  /** By the class's profile (R97). */
  profiles: SummaryGroup[];
  atRisk: Array<{
    fullName: string;
    className: string | null;
    average: number | null;
    risks: string[];
    subjects: Array<{ subject: string }>;
  }>;
  leaders: Record<
    'excellent' | 'oneFour' | 'good' | 'oneThree',
    Array<{ fullName: string; className: string | null; average: number | null }>
  >;
  attendance: Array<{ name: string; absent: number; ill: number; excused: number; late: number; missed: number; pupils: number }>;
}

export const RISK_LABELS: Record<string, string> = RISK_REASON_LABELS;

const BOLD = { bold: true };

const rankingSheet = (workbook: ExcelJS.Workbook, name: string, first: string, input: AnalyticsWorkbookInput, groups: SummaryGroup[]) => {
  const sheet = workbook.addWorksheet(name);
  const previous = input.previousTitle ?? 'предыдущий период';
  sheet.addRow([`${name}: ${input.periodTitle} в сравнении с «${previous}»`]).font = BOLD;
  sheet.addRow([]);
  const header = sheet.addRow([
    first,
    'Обучающихся',
    'Средний балл',
    'Успеваемость, %',
    'Качество, %',
    '«5»',
    '«4»',
    '«3»',
    '«2»',
    'н/а, %',
    'Средний балл (пред.)',
    'Успеваемость, % (пред.)',
    'Качество, % (пред.)',
    'Изменение среднего балла',
    'Изменение успеваемости',
    'Изменение качества',
  ]);
  header.font = BOLD;
  const ranked = [...groups].sort(
    (a, b) => (b.current.qualityRate ?? -1) - (a.current.qualityRate ?? -1) || (b.current.averageMark ?? 0) - (a.current.averageMark ?? 0),
  );
  for (const group of ranked)
    sheet.addRow([
      group.label,
      group.current.pupils,
      group.current.averageMark,
      group.current.successRate,
      group.current.qualityRate,
      group.current.counts['5'] ?? 0,
      group.current.counts['4'] ?? 0,
      group.current.counts['3'] ?? 0,
      (group.current.counts['2'] ?? 0) + (group.current.counts['1'] ?? 0),
      group.current.notAssessedShare,
      group.previous?.averageMark ?? null,
      group.previous?.successRate ?? null,
      group.previous?.qualityRate ?? null,
      group.change.averageMark,
      group.change.successRate,
      group.change.qualityRate,
    ]);
  sheet.getColumn(1).width = 28;
  for (let column = 2; column <= 16; column += 1) sheet.getColumn(column).width = 14;
  sheet.views = [{ state: 'frozen', ySplit: 3, xSplit: 1 }];
};

export const analyticsWorkbook = async (input: AnalyticsWorkbookInput): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = input.school;
  workbook.created = new Date();
  rankingSheet(workbook, 'Классы', 'Класс', input, input.classes);
  rankingSheet(workbook, 'Предметы', 'Предмет', input, input.subjects);
  rankingSheet(workbook, 'Учителя', 'Учитель', input, input.teachers);
  rankingSheet(workbook, 'Уровни изучения', 'Уровень изучения', input, input.levels);
  rankingSheet(workbook, 'Профили', 'Профиль класса', input, input.profiles);

  const risk = workbook.addWorksheet('Группа риска');
  risk.addRow(['Обучающийся', 'Класс', 'Средний балл', 'Причины', 'Предметы']).font = BOLD;
  for (const pupil of input.atRisk)
    risk.addRow([
      pupil.fullName,
      pupil.className,
      pupil.average,
      pupil.risks.map((reason) => RISK_LABELS[reason] ?? reason).join(', '),
      pupil.subjects.map((subject) => subject.subject).join(', '),
    ]);
  risk.getColumn(1).width = 34;
  risk.getColumn(4).width = 40;
  risk.getColumn(5).width = 40;

  const leaders = workbook.addWorksheet('Отличники и хорошисты');
  leaders.addRow(['Группа', 'Обучающийся', 'Класс', 'Средний балл']).font = BOLD;
  const titles: Record<keyof AnalyticsWorkbookInput['leaders'], string> = {
    excellent: 'Отличники',
    oneFour: 'С одной «4»',
    good: 'Хорошисты',
    oneThree: 'С одной «3»',
  };
  for (const key of Object.keys(titles) as Array<keyof AnalyticsWorkbookInput['leaders']>)
    for (const pupil of input.leaders[key]) leaders.addRow([titles[key], pupil.fullName, pupil.className, pupil.average]);
  leaders.getColumn(1).width = 16;
  leaders.getColumn(2).width = 34;

  const attendance = workbook.addWorksheet('Посещаемость');
  attendance.addRow([
    'Класс',
    'Обучающихся с пропусками',
    'Пропущено уроков',
    'Без причины',
    'По болезни',
    'По уважительной причине',
    'Опозданий',
  ]).font = BOLD;
  for (const row of input.attendance) attendance.addRow([row.name, row.pupils, row.missed, row.absent, row.ill, row.excused, row.late]);
  attendance.columns.forEach((column) => {
    column.width = 18;
  });

  return Buffer.from(await workbook.xlsx.writeBuffer());
};
