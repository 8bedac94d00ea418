import PDFDocument from 'pdfkit';
import {
  buildMarksGrid,
  chunk,
  comparePupils,
  enrolmentNote,
  fullDate,
  journalDisplayName,
  summaryColumns,
  summaryValue,
  type MarksGrid,
} from './grid';
import type { ArchivedJournal, PeriodJournalArchive, SummarySheetArchive } from './types';
import { BOLD_FONT as BOLD, REGULAR_FONT as REGULAR } from '../../../../../school/pdf-fonts';

/**
 * The print versions of the archive (seed 000 §2: «печатная форма электронного журнала»), A4
 * landscape, DejaVu Sans embedded so every Cyrillic letter prints the same everywhere, a header
 * with the school and the class on every page and «Страница N из M» at the foot.
 */

const MARGIN = 30;
const PAGE_WIDTH = 841.89;
const PAGE_HEIGHT = 595.28;
const CONTENT_TOP = MARGIN + 22;
const CONTENT_BOTTOM = PAGE_HEIGHT - MARGIN - 14;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;

type Doc = PDFKit.PDFDocument;

interface PrintContext {
  doc: Doc;
  /** The running header of every page: school, class, period. */
  header: string;
}

const startDocument = (title: string, author: string, at: Date): Doc => {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    autoFirstPage: false,
    font: REGULAR,
    lang: 'ru-RU',
    displayTitle: true,
    info: { Title: title, Author: author, Creator: author, Producer: 'school-records', CreationDate: at, ModDate: at },
  });
  return doc;
};

const collect = (doc: Doc): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (data: Buffer) => chunks.push(data));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

const newPage = ({ doc, header }: PrintContext): number => {
  doc.addPage();
  doc
    .font(REGULAR)
    .fontSize(7)
    .fillColor('#555555')
    .text(header, MARGIN, MARGIN, { width: CONTENT_WIDTH, lineBreak: false, ellipsis: true });
  doc.fillColor('black');
  return CONTENT_TOP;
};

/** «Страница N из M» on every page, written once the page count is known. */
const numberPages = (doc: Doc): void => {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(REGULAR)
      .fontSize(7)
      .text(`Страница ${index - range.start + 1} из ${range.count}`, MARGIN, PAGE_HEIGHT - MARGIN - 8, {
        width: CONTENT_WIDTH,
        align: 'right',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
};

const cellText = (doc: Doc, text: string, x: number, y: number, width: number, height: number, align: 'left' | 'center'): void => {
  if (!text) return;
  doc.text(text, x + 2, y + (height - doc.currentLineHeight()) / 2 + 0.5, {
    width: width - 4,
    height,
    align,
    lineBreak: false,
    ellipsis: true,
  });
};

interface GridTable {
  widths: number[];
  header: string[];
  /** Header cells from this index on are printed vertically (dates, subjects). */
  rotateFrom: number;
  rows: string[][];
  /** Columns printed in bold (e.g. the period mark). */
  boldColumns?: number[];
}

const HEADER_HEIGHT = 46;
const ROW_HEIGHT = 13;

/** Draws a table of fixed-height rows at `y`; the caller has made sure it fits the page. */
const drawGridTable = (doc: Doc, y: number, table: GridTable): number => {
  const xs = table.widths.reduce<number[]>((starts, width, index) => [...starts, starts[index] + width], [MARGIN]);
  doc.lineWidth(0.5);
  doc.font(BOLD).fontSize(7);
  table.header.forEach((text, index) => {
    doc.rect(xs[index], y, table.widths[index], HEADER_HEIGHT).stroke();
    if (index >= table.rotateFrom) {
      doc.save();
      doc.rotate(-90, { origin: [xs[index], y + HEADER_HEIGHT] });
      doc.text(text, xs[index] + 3, y + HEADER_HEIGHT + (table.widths[index] - doc.currentLineHeight()) / 2, {
        width: HEADER_HEIGHT - 6,
        lineBreak: false,
        ellipsis: true,
      });
      doc.restore();
    } else {
      doc.text(text, xs[index] + 2, y + 4, { width: table.widths[index] - 4, height: HEADER_HEIGHT - 6, ellipsis: true });
    }
  });
  let rowY = y + HEADER_HEIGHT;
  for (const row of table.rows) {
    row.forEach((text, index) => {
      doc.rect(xs[index], rowY, table.widths[index], ROW_HEIGHT).stroke();
      doc.font(table.boldColumns?.includes(index) ? BOLD : REGULAR).fontSize(7);
      cellText(doc, text, xs[index], rowY, table.widths[index], ROW_HEIGHT, index >= table.rotateFrom ? 'center' : 'left');
    });
    rowY += ROW_HEIGHT;
  }
  doc.font(REGULAR);
  return rowY;
};

const rowsPerPage = (top: number): number => Math.max(1, Math.floor((CONTENT_BOTTOM - top - HEADER_HEIGHT) / ROW_HEIGHT));

const NUMBER_WIDTH = 18;
const NAME_WIDTH = 190;
const MARK_WIDTH = 20;
const LAST_WIDTH = 52;
const LESSONS_PER_PAGE = Math.floor((CONTENT_WIDTH - NUMBER_WIDTH - NAME_WIDTH - LAST_WIDTH) / MARK_WIDTH);

const heading = (doc: Doc, y: number, text: string, size = 11): number => {
  doc.font(BOLD).fontSize(size).text(text, MARGIN, y, { width: CONTENT_WIDTH });
  doc.font(REGULAR);
  return doc.y + 4;
};

const printMarksGrid = (context: PrintContext, title: string, subtitle: string, grid: MarksGrid, periodTitle: string): void => {
  const { doc } = context;
  const columnPages = chunk(
    grid.columns.map((_, index) => index),
    LESSONS_PER_PAGE,
  );
  columnPages.forEach((columns, columnPage) => {
    let firstRow = 0;
    do {
      let y = newPage(context);
      const continued = columnPages.length > 1 || firstRow > 0 ? ` (лист ${columnPage + 1}${firstRow > 0 ? ', продолжение' : ''})` : '';
      y = heading(doc, y, `${title}${continued}`);
      doc.fontSize(8).text(subtitle, MARGIN, y, { width: CONTENT_WIDTH });
      y = doc.y + 6;
      const rows = grid.rows.slice(firstRow, firstRow + rowsPerPage(y));
      drawGridTable(doc, y, {
        widths: [NUMBER_WIDTH, NAME_WIDTH, ...columns.map(() => MARK_WIDTH), LAST_WIDTH],
        header: ['№', 'Фамилия, имя обучающегося', ...columns.map((index) => grid.columns[index].label), periodTitle],
        rotateFrom: 2,
        rows: rows.map((row) => [
          String(row.index),
          row.note ? `${row.name} (${row.note})` : row.name,
          ...columns.map((index) => row.cells[index]),
          columnPage === columnPages.length - 1 ? row.periodMark : '',
        ]),
        boldColumns: [columns.length + 2],
      });
      firstRow += rows.length;
    } while (firstRow < grid.rows.length);
  });
};

/** A ruled table over as many pages as it needs, its header repeated on each. */
const printTable = (context: PrintContext, title: string, header: string[], widths: number[], rows: string[][], empty: string): void => {
  const { doc } = context;
  const xs = widths.reduce<number[]>((starts, width, index) => [...starts, starts[index] + width], [MARGIN]);
  const heightOf = (cells: string[]) =>
    Math.max(14, ...cells.map((text, index) => doc.heightOfString(text || ' ', { width: widths[index] - 6 }) + 6));
  const drawRow = (cells: string[], y: number, bold: boolean): number => {
    doc.font(bold ? BOLD : REGULAR).fontSize(8);
    const height = heightOf(cells);
    cells.forEach((text, index) => {
      doc.rect(xs[index], y, widths[index], height).lineWidth(0.5).stroke();
      doc.text(text, xs[index] + 3, y + 3, { width: widths[index] - 6 });
    });
    return y + height;
  };
  const startPage = (): number => {
    const y = heading(doc, newPage(context), title);
    return drawRow(header, y, true);
  };
  let y = startPage();
  if (rows.length === 0)
    doc
      .font(REGULAR)
      .fontSize(8)
      .text(empty, MARGIN, y + 4);
  for (const cells of rows) {
    doc.font(REGULAR).fontSize(8);
    if (y + heightOf(cells) > CONTENT_BOTTOM) y = startPage();
    y = drawRow(cells, y, false);
  }
};

const printTopics = (context: PrintContext, title: string, journal: ArchivedJournal): void => {
  const lessons = [...journal.lessons].sort((a, b) => a.date.localeCompare(b.date) || a.number - b.number);
  printTable(
    context,
    title,
    ['Дата', '№', 'Тема урока', 'Домашнее задание'],
    [62, 28, 380, CONTENT_WIDTH - 62 - 28 - 380],
    lessons.map((lesson) => [fullDate(lesson.date), String(lesson.number), lesson.topic ?? '', lesson.homework ?? '']),
    'Уроков в периоде нет',
  );
};

/** A remark of the deputy director on keeping a journal, as its inspection page prints it. */
export interface PrintedRemark {
  journal: string;
  inspectedOn: string;
  inspector: string;
  remarks: string;
  fixBy: string | null;
  state: string;
}

const REMARK_STATES: Record<string, string> = { open: 'не устранено', acknowledged: 'учитель ознакомлен', fixed: 'устранено' };

/** The inspection page (лист контроля): the remarks on the printed journals, in date order. */
const printRemarks = (context: PrintContext, remarks: PrintedRemark[]): void => {
  const rows = [...remarks]
    .sort((a, b) => a.inspectedOn.localeCompare(b.inspectedOn) || a.journal.localeCompare(b.journal, 'ru'))
    .map((remark) => [
      fullDate(remark.inspectedOn),
      remark.journal,
      remark.inspector,
      remark.remarks,
      remark.fixBy ? fullDate(remark.fixBy) : '—',
      REMARK_STATES[remark.state] ?? remark.state,
    ]);
  printTable(
    context,
    'Замечания по ведению журнала (лист контроля)',
    ['Дата проверки', 'Журнал', 'Проверяющий', 'Замечания', 'Срок', 'Отметка'],
    [62, 110, 100, CONTENT_WIDTH - 62 - 110 - 100 - 62 - 90, 62, 90],
    rows,
    'Замечаний по ведению журнала в периоде нет',
  );
};

const printTitlePage = (context: PrintContext, school: string, lines: string[], details: Array<[string, string]>): void => {
  const { doc } = context;
  let y = newPage(context) + 60;
  doc.font(BOLD).fontSize(14).text(school, MARGIN, y, { width: CONTENT_WIDTH, align: 'center' });
  y = doc.y + 24;
  for (const line of lines) {
    doc.font(BOLD).fontSize(16).text(line, MARGIN, y, { width: CONTENT_WIDTH, align: 'center' });
    y = doc.y + 8;
  }
  y += 24;
  doc.font(REGULAR).fontSize(10);
  for (const [label, value] of details) {
    doc
      .font(BOLD)
      .text(`${label}: `, MARGIN + 120, y, { continued: true })
      .font(REGULAR)
      .text(value, { width: CONTENT_WIDTH - 240 });
    y = doc.y + 4;
  }
};

/**
 * The paper version of a class's journals for a period. The archive package prints it at closing
 * («Архивная копия»); printed on demand (`onDemand`) it says it shows the journal as it stood when
 * printed, and carries the inspection page with the deputy director's remarks when they are given.
 */
export const renderJournalPdf = async (
  archive: PeriodJournalArchive,
  generatedAt: Date,
  options: { onDemand?: boolean; remarks?: PrintedRemark[] } = {},
): Promise<Buffer> => {
  const classTitle = archive.schoolClass
    ? `${archive.schoolClass.name} класс`
    : journalDisplayName(archive.journals[0] ?? { subject: null, subgroup: null, kind: 'club', title: 'Журнал' });
  const period = `${archive.studyPeriod.title} ${archive.academicYear.title} учебного года`;
  const doc = startDocument(`Электронный журнал. ${classTitle}. ${period}`, archive.school.name, generatedAt);
  const done = collect(doc);
  const context: PrintContext = { doc, header: `${archive.school.name} · ${classTitle} · ${period}` };
  printTitlePage(
    context,
    archive.school.name,
    [
      'Электронный журнал',
      options.onDemand ? 'Печатная форма на дату формирования' : 'Архивная копия (печатная форма)',
      `${classTitle}, ${period}`,
    ],
    [
      ['Период', `${fullDate(archive.studyPeriod.startDate)} – ${fullDate(archive.studyPeriod.endDate)}`],
      ['Предметы', archive.journals.map(journalDisplayName).join('; ') || '—'],
      ['Обучающихся в списке', String(archive.pupils.length)],
      ['Сформировано', fullDate(generatedAt.toISOString().slice(0, 10))],
      ['Обозначения', 'н — отсутствовал(а), б — по болезни, у — по уважительной причине, оп — опоздание'],
    ],
  );
  for (const journal of archive.journals) {
    const name = journalDisplayName(journal);
    const subtitle = journal.teachers.length ? `Учитель: ${journal.teachers.join(', ')}` : 'Учитель не указан';
    printMarksGrid(context, `${name}: отметки и посещаемость`, subtitle, buildMarksGrid(archive, journal), archive.studyPeriod.title);
    printTopics(context, `${name}: темы уроков и домашние задания`, journal);
  }
  if (options.remarks) printRemarks(context, options.remarks);
  numberPages(doc);
  doc.end();
  return done;
};

export const renderSummaryPdf = async (archive: SummarySheetArchive, generatedAt: Date): Promise<Buffer> => {
  const classTitle = `${archive.schoolClass.name} класс`;
  const title = `Сводная ведомость успеваемости. ${classTitle}. ${archive.academicYear.title} учебный год`;
  const doc = startDocument(title, archive.school.name, generatedAt);
  const done = collect(doc);
  const context: PrintContext = { doc, header: `${archive.school.name} · ${title}` };
  const pupils = [...archive.pupils].sort(comparePupils);
  const pupilName = (index: number): string => {
    const note = enrolmentNote(pupils[index]);
    return note ? `${pupils[index].fullName} (${note})` : pupils[index].fullName;
  };
  printTitlePage(
    context,
    archive.school.name,
    ['Сводная ведомость успеваемости', `${classTitle}, ${archive.academicYear.title} учебный год`],
    [
      ['Учебный год', `${fullDate(archive.academicYear.startDate)} – ${fullDate(archive.academicYear.endDate)}`],
      ['Обучающихся', String(pupils.length)],
      ['Предметов', String(archive.subjects.length)],
      ['Сформировано', fullDate(generatedAt.toISOString().slice(0, 10))],
    ],
  );

  const subjectPages = chunk(archive.subjects, LESSONS_PER_PAGE);
  subjectPages.forEach((subjects, page) => {
    let firstRow = 0;
    do {
      let y = newPage(context);
      y = heading(doc, y, `Годовые отметки${subjectPages.length > 1 ? ` (лист ${page + 1})` : ''}`);
      const rows = pupils.slice(firstRow, firstRow + rowsPerPage(y));
      drawGridTable(doc, y, {
        widths: [NUMBER_WIDTH, NAME_WIDTH, ...subjects.map(() => MARK_WIDTH)],
        header: ['№', 'Фамилия, имя обучающегося', ...subjects.map((subject) => subject.shortName || subject.name)],
        rotateFrom: 2,
        rows: rows.map((pupil, offset) => [
          String(firstRow + offset + 1),
          pupilName(firstRow + offset),
          ...subjects.map((subject) => archive.marks[pupil.documentId]?.[subject.key]?.annual ?? ''),
        ]),
      });
      firstRow += rows.length;
    } while (firstRow < pupils.length);
  });

  let y = newPage(context);
  y = heading(doc, y, 'Отметки за периоды, годовые, экзаменационные и итоговые');
  for (const subject of archive.subjects) {
    const columns = summaryColumns(archive, subject);
    let firstRow = 0;
    do {
      const room = rowsPerPage(y + 16);
      if (room < Math.min(3, pupils.length - firstRow)) y = newPage(context);
      y = heading(doc, y, `${subject.name}${firstRow > 0 ? ' (продолжение)' : ''}`, 9);
      const rows = pupils.slice(firstRow, firstRow + rowsPerPage(y));
      y = drawGridTable(doc, y, {
        widths: [NUMBER_WIDTH, NAME_WIDTH, ...columns.map(() => 34)],
        header: ['№', 'Фамилия, имя обучающегося', ...columns.map((column) => column.label)],
        rotateFrom: 2,
        rows: rows.map((pupil, offset) => [
          String(firstRow + offset + 1),
          pupilName(firstRow + offset),
          ...columns.map((column) => summaryValue(archive.marks[pupil.documentId]?.[subject.key], column)),
        ]),
      });
      firstRow += rows.length;
      y += 10;
      if (firstRow < pupils.length) y = newPage(context);
    } while (firstRow < pupils.length);
  }
  numberPages(doc);
  doc.end();
  return done;
};
