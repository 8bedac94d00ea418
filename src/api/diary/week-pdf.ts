import PDFDocument from 'pdfkit';
import { DateTime } from 'luxon';
import { formatLocalDate } from '../../school/calendar';
import { BOLD_FONT as BOLD, REGULAR_FONT as REGULAR } from '../../school/pdf-fonts';

/**
 * The weekly extract of the electronic diary for a paper diary (seed 002 §2.3: a mandatory paper
 * carrier in grades 2–4; seed 001 §2.2.2: the parent signs the week): A4 portrait, DejaVu Sans; the
 * pupil and the week, then each school day as a table of its lessons (number, subject, homework,
 * the marks of that subject, absences), the marks for a period or the year, the teachers' entries, and lines for the
 * parent's and the class teacher's signatures. A class's set is one sheet per pupil, each starting
 * on a new page.
 */

const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN = 36;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;

export interface WeekLesson {
  date: string;
  number: number | null;
  subject: string;
  homework: string | null;
}

export interface WeekMark {
  date: string;
  subject: string;
  value: string;
  kind: string;
  workType: string | null;
  period: string | null;
}

export interface WeekAbsence {
  date: string;
  lesson: number | null;
  subject: string;
  kind: string;
  minutesLate: number | null;
}

export interface WeekEntry {
  date: string;
  kindLabel: string;
  subject: string | null;
  author: string | null;
  text: string;
}

export interface DiaryWeekSheet {
  fullName: string;
  className: string | null;
  weekStart: string;
  weekEnd: string;
  lessons: WeekLesson[];
  marks: WeekMark[];
  attendance: WeekAbsence[];
  entries: WeekEntry[];
}

export interface DiaryWeekPrint {
  schoolName: string;
  printedOn: string;
  sheets: DiaryWeekSheet[];
}

const WEEKDAYS = ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье'];

const ABSENCE_LABELS: Record<string, string> = {
  absent: 'отсутствие без уважительной причины',
  ill: 'отсутствие по болезни',
  excused: 'отсутствие по уважительной причине',
  late: 'опоздание',
};

const SUMMARY_KIND_LABELS: Record<string, string> = {
  periodic: 'за период',
  annual: 'годовая',
  exam: 'экзаменационная',
  final: 'итоговая',
};

const WORK_TYPE_LABELS: Record<string, string> = {
  'control-work': 'контрольная работа',
  test: 'тест',
  dictation: 'диктант',
  essay: 'сочинение',
  'independent-work': 'самостоятельная работа',
  'lab-work': 'лабораторная работа',
  'practical-work': 'практическая работа',
  project: 'проект',
};

type Doc = PDFKit.PDFDocument;

const collect = (doc: Doc): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (data: Buffer) => chunks.push(data));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

/** The days of the week to print: Monday to Saturday, and Sunday only when something happened on it. */
export const daysOfWeek = (sheet: Pick<DiaryWeekSheet, 'weekStart' | 'lessons' | 'marks' | 'attendance' | 'entries'>): string[] => {
  const start = DateTime.fromISO(sheet.weekStart);
  const days = Array.from({ length: 7 }, (_, index) => start.plus({ days: index }).toISODate() as string);
  const sunday = days[6];
  const busy = [...sheet.lessons, ...sheet.marks, ...sheet.attendance, ...sheet.entries].some((item) => item.date === sunday);
  return busy ? days : days.slice(0, 6);
};

const markText = (mark: WeekMark): string => {
  const work = mark.workType ? WORK_TYPE_LABELS[mark.workType] : undefined;
  return work ? `${mark.value} (${work})` : mark.value;
};

const absenceText = (absence: WeekAbsence): string =>
  absence.kind === 'late' && absence.minutesLate
    ? `${ABSENCE_LABELS.late} на ${absence.minutesLate} мин`
    : (ABSENCE_LABELS[absence.kind] ?? absence.kind);

/** Keeps the next block on this page, or starts a new one (the footer has its own room). */
const room = (doc: Doc, height: number): void => {
  if (doc.y + height > PAGE_HEIGHT - MARGIN - 20) doc.addPage();
};

const line = (doc: Doc, text: string, options: { font?: string; size?: number; indent?: number; color?: string } = {}): void => {
  const indent = options.indent ?? 0;
  doc
    .font(options.font ?? REGULAR)
    .fontSize(options.size ?? 9)
    .fillColor(options.color ?? 'black');
  room(doc, doc.heightOfString(text, { width: CONTENT_WIDTH - indent }));
  doc.text(text, MARGIN + indent, doc.y, { width: CONTENT_WIDTH - indent });
  doc.fillColor('black');
};

/** The columns of a day's table: lesson number, subject, homework, marks, attendance. */
const COLUMNS = [
  { title: '№', width: 20 },
  { title: 'Предмет', width: 110 },
  { title: 'Домашнее задание', width: 215 },
  { title: 'Отметки', width: 80 },
  { title: 'Посещаемость', width: CONTENT_WIDTH - 20 - 110 - 215 - 80 },
];
const CELL_PADDING = 2;
const CELL_SIZE = 8.5;

/** One row of the table; a row that does not fit on the page starts a new one. */
const row = (doc: Doc, cells: string[], font: string = REGULAR): void => {
  doc.font(font).fontSize(CELL_SIZE);
  const height =
    Math.max(...cells.map((cell, index) => doc.heightOfString(cell || ' ', { width: COLUMNS[index].width - 2 * CELL_PADDING }))) +
    2 * CELL_PADDING;
  room(doc, height);
  const top = doc.y;
  let x = MARGIN;
  cells.forEach((cell, index) => {
    if (cell) doc.text(cell, x + CELL_PADDING, top + CELL_PADDING, { width: COLUMNS[index].width - 2 * CELL_PADDING });
    x += COLUMNS[index].width;
  });
  doc
    .moveTo(MARGIN, top + height)
    .lineTo(MARGIN + CONTENT_WIDTH, top + height)
    .lineWidth(0.3)
    .strokeColor('#bbbbbb')
    .stroke();
  doc.x = MARGIN;
  doc.y = top + height;
};

/**
 * One day: its lessons in order with homework, the marks of that subject and the absences; then
 * the marks and absences that match no lesson of the day (a lesson of another journal, say).
 */
const printDay = (doc: Doc, sheet: DiaryWeekSheet, day: string, index: number): void => {
  const lessons = sheet.lessons.filter((lesson) => lesson.date === day).sort((a, b) => Number(a.number ?? 99) - Number(b.number ?? 99));
  const marks = sheet.marks.filter((mark) => mark.date === day && mark.kind === 'current');
  const absences = sheet.attendance.filter((absence) => absence.date === day);
  room(doc, 30);
  doc.moveDown(0.25);
  line(doc, `${WEEKDAYS[index]}, ${formatLocalDate(day)}`, { font: BOLD, size: 9.5 });
  if (lessons.length === 0 && marks.length === 0 && absences.length === 0) {
    row(doc, ['', 'Уроков нет', '', '', '']);
    return;
  }
  const usedMarks = new Set<WeekMark>();
  const usedAbsences = new Set<WeekAbsence>();
  for (const lesson of lessons) {
    // The subject's marks of the day go with its first lesson; an absence with its lesson number.
    const own = marks.filter((mark) => mark.subject === lesson.subject && !usedMarks.has(mark));
    own.forEach((mark) => usedMarks.add(mark));
    const missed = absences.filter(
      (absence) =>
        !usedAbsences.has(absence) && absence.subject === lesson.subject && (absence.lesson === null || absence.lesson === lesson.number),
    );
    missed.forEach((absence) => usedAbsences.add(absence));
    row(doc, [
      lesson.number === null ? '' : String(lesson.number),
      lesson.subject,
      lesson.homework ?? '—',
      own.map(markText).join(', '),
      missed.map(absenceText).join(', '),
    ]);
  }
  for (const mark of marks.filter((item) => !usedMarks.has(item))) row(doc, ['', mark.subject, '', markText(mark), '']);
  for (const absence of absences.filter((item) => !usedAbsences.has(item))) {
    row(doc, [absence.lesson === null ? '' : String(absence.lesson), absence.subject, '', '', absenceText(absence)]);
  }
};

const printSheet = (doc: Doc, print: DiaryWeekPrint, sheet: DiaryWeekSheet): void => {
  doc.font(REGULAR).fontSize(8).fillColor('#555555').text(print.schoolName, MARGIN, MARGIN, { width: CONTENT_WIDTH, align: 'center' });
  doc.fillColor('black').moveDown(0.4);
  doc.font(BOLD).fontSize(13).text('Выписка из электронного дневника за неделю', { width: CONTENT_WIDTH, align: 'center' });
  doc
    .font(REGULAR)
    .fontSize(10)
    .text(`с ${formatLocalDate(sheet.weekStart)} по ${formatLocalDate(sheet.weekEnd)}`, { width: CONTENT_WIDTH, align: 'center' });
  doc.moveDown(0.6);
  line(doc, sheet.fullName, { font: BOLD, size: 11 });
  line(doc, `Класс: ${sheet.className ?? 'не числится в классе'}`, { size: 10 });
  doc.moveDown(0.3);
  row(
    doc,
    COLUMNS.map((column) => column.title),
    BOLD,
  );

  daysOfWeek(sheet).forEach((day, index) => printDay(doc, sheet, day, index));

  const summary = sheet.marks.filter((mark) => mark.kind !== 'current');
  if (summary.length > 0) {
    doc.moveDown(0.5);
    line(doc, 'Отметки за учебный период и год', { font: BOLD, size: 10 });
    for (const mark of summary) {
      const label = [SUMMARY_KIND_LABELS[mark.kind] ?? mark.kind, mark.period].filter(Boolean).join(', ');
      line(doc, `${mark.subject}: ${mark.value} (${label})`, { indent: 10 });
    }
  }

  doc.moveDown(0.5);
  line(doc, 'Записи учителей', { font: BOLD, size: 10 });
  if (sheet.entries.length === 0) line(doc, 'Записей нет', { indent: 10, color: '#555555' });
  for (const entry of sheet.entries) {
    const who = [entry.subject, entry.author].filter(Boolean).join(', ');
    line(doc, `${formatLocalDate(entry.date)} — ${entry.kindLabel}${who ? ` (${who})` : ''}: ${entry.text}`, { indent: 10 });
  }

  room(doc, 70);
  doc.moveDown(1.2);
  line(doc, 'С выпиской ознакомлен(а).', { size: 10 });
  doc.moveDown(0.4);
  line(doc, 'Подпись родителя (законного представителя): ____________________ / ____________________ /', { size: 10 });
  doc.moveDown(0.8);
  line(doc, 'Классный руководитель: ____________________ / ____________________ /', { size: 10 });
};

/** «Сформировано …, страница N из M» on every page, written once the page count is known. */
const footers = (doc: Doc, printedOn: string): void => {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(REGULAR)
      .fontSize(7)
      .fillColor('#555555')
      .text(
        `Сформировано ${formatLocalDate(printedOn)}. Страница ${index - range.start + 1} из ${range.count}`,
        MARGIN,
        PAGE_HEIGHT - MARGIN + 10,
        {
          width: CONTENT_WIDTH,
          align: 'right',
          lineBreak: false,
        },
      );
    doc.page.margins.bottom = bottom;
  }
};

export const renderDiaryWeekPdf = async (print: DiaryWeekPrint, at: Date = new Date()): Promise<Buffer> => {
  const first = print.sheets[0];
  const title = first
    ? `Выписка из электронного дневника с ${formatLocalDate(first.weekStart)} по ${formatLocalDate(first.weekEnd)}`
    : 'Выписка из электронного дневника';
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    autoFirstPage: false,
    font: REGULAR,
    lang: 'ru-RU',
    displayTitle: true,
    info: { Title: title, Author: print.schoolName, Creator: print.schoolName, Producer: 'school-records', CreationDate: at, ModDate: at },
  });
  const done = collect(doc);
  for (const sheet of print.sheets) {
    doc.addPage();
    printSheet(doc, print, sheet);
  }
  if (print.sheets.length === 0) {
    doc.addPage();
    doc.font(REGULAR).fontSize(10).text('В классе на этой неделе нет обучающихся.', { width: CONTENT_WIDTH });
  }
  footers(doc, print.printedOn);
  doc.end();
  return done;
};
