import ExcelJS from 'exceljs';
import {
  buildMarksGrid,
  comparePupils,
  enrolmentNote,
  fullDate,
  journalDisplayName,
  sheetNames,
  summaryColumns,
  summaryValue,
  type MarksGrid,
} from './grid';
import type { PeriodJournalArchive, SummarySheetArchive } from './types';

/**
 * The spreadsheet copies of the archive (seed 002 §3.1.9: «в виде файлов электронных таблиц»):
 * one sheet per subject laid out like the paper journal, and a sheet of lesson topics.
 */

export const TOPICS_SHEET = 'Темы уроков';
export const SUMMARY_SHEET = 'Сводная ведомость';

const A4 = 9;
const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A mark that is a whole number goes in as a number, so the school can compute with the sheet. */
const cellValue = (text: string): string | number => (/^[1-5]$/.test(text) ? Number(text) : text);

const newWorkbook = (school: string, at: Date): ExcelJS.Workbook => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = school;
  workbook.lastModifiedBy = school;
  workbook.company = school;
  workbook.created = at;
  workbook.modified = at;
  return workbook;
};

const toBuffer = async (workbook: ExcelJS.Workbook): Promise<Buffer> =>
  Buffer.from((await workbook.xlsx.writeBuffer()) as unknown as ArrayBuffer);

const classLabel = (archive: PeriodJournalArchive): string => (archive.schoolClass ? `${archive.schoolClass.name} класс` : 'Без класса');

/** Draws one journal's marks grid: title rows 1-2, the header in row 3, pupils from row 4. */
const drawGrid = (sheet: ExcelJS.Worksheet, archive: PeriodJournalArchive, title: string, teachers: string[], grid: MarksGrid): void => {
  const lastColumn = grid.columns.length + 3;
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 12 };
  sheet.mergeCells(1, 1, 1, Math.max(lastColumn, 3));
  sheet.getCell(2, 1).value = teachers.length ? `Учитель: ${teachers.join(', ')}` : 'Учитель не указан';
  sheet.mergeCells(2, 1, 2, Math.max(lastColumn, 3));
  const header = ['№', 'Фамилия, имя обучающегося', ...grid.columns.map((column) => column.label), archive.studyPeriod.title];
  header.forEach((text, index) => {
    const cell = sheet.getCell(3, index + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.border = BORDER;
    cell.alignment = index >= 2 ? { textRotation: 90, horizontal: 'center', vertical: 'middle' } : { vertical: 'middle', wrapText: true };
  });
  sheet.getRow(3).height = 48;
  grid.rows.forEach((row, offset) => {
    const excelRow = sheet.getRow(4 + offset);
    const values: Array<string | number> = [row.index, row.note ? `${row.name} (${row.note})` : row.name, ...row.cells.map(cellValue)];
    values.push(cellValue(row.periodMark));
    values.forEach((value, index) => {
      const cell = excelRow.getCell(index + 1);
      cell.value = value === '' ? null : value;
      cell.border = BORDER;
      if (index >= 2) cell.alignment = { horizontal: 'center' };
    });
    excelRow.getCell(lastColumn).font = { bold: true };
  });
  sheet.getColumn(1).width = 4;
  sheet.getColumn(2).width = 34;
  for (let column = 3; column <= lastColumn; column += 1) sheet.getColumn(column).width = 5;
  sheet.getColumn(lastColumn).width = 9;
};

export const renderJournalWorkbook = async (archive: PeriodJournalArchive, generatedAt: Date): Promise<Buffer> => {
  const workbook = newWorkbook(archive.school.name, generatedAt);
  workbook.title = `Журнал ${classLabel(archive)}, ${archive.studyPeriod.title} ${archive.academicYear.title}`;
  const names = sheetNames(archive.journals.map(journalDisplayName), [TOPICS_SHEET]);
  archive.journals.forEach((journal, index) => {
    const sheet = workbook.addWorksheet(names[index], {
      pageSetup: { orientation: 'landscape', paperSize: A4, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
      views: [{ state: 'frozen', xSplit: 2, ySplit: 3 }],
    });
    const title = `${archive.school.name}. ${classLabel(archive)}. ${journalDisplayName(journal)}. ${archive.studyPeriod.title} ${archive.academicYear.title} учебного года`;
    drawGrid(sheet, archive, title, journal.teachers, buildMarksGrid(archive, journal));
  });

  const topics = workbook.addWorksheet(TOPICS_SHEET, {
    pageSetup: { orientation: 'landscape', paperSize: A4, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  topics.columns = [
    { header: 'Предмет', key: 'subject', width: 28 },
    { header: 'Дата', key: 'date', width: 12 },
    { header: '№ урока', key: 'number', width: 8 },
    { header: 'Тема урока', key: 'topic', width: 60 },
    { header: 'Домашнее задание', key: 'homework', width: 50 },
  ];
  topics.getRow(1).font = { bold: true };
  for (const journal of archive.journals) {
    const lessons = [...journal.lessons].sort((a, b) => a.date.localeCompare(b.date) || a.number - b.number);
    for (const lesson of lessons) {
      topics.addRow({
        subject: journalDisplayName(journal),
        date: fullDate(lesson.date),
        number: lesson.number,
        topic: lesson.topic ?? '',
        homework: lesson.homework ?? '',
      });
    }
  }
  topics.eachRow((row) => row.eachCell((cell) => (cell.alignment = { vertical: 'top', wrapText: true })));
  return toBuffer(workbook);
};

export const renderSummaryWorkbook = async (archive: SummarySheetArchive, generatedAt: Date): Promise<Buffer> => {
  const workbook = newWorkbook(archive.school.name, generatedAt);
  workbook.title = `Сводная ведомость успеваемости ${archive.schoolClass.name} класса, ${archive.academicYear.title} учебный год`;
  const sheet = workbook.addWorksheet(SUMMARY_SHEET, {
    pageSetup: { orientation: 'landscape', paperSize: A4, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', xSplit: 2, ySplit: 4 }],
  });
  sheet.getCell(1, 1).value = `${archive.school.name}. ${workbook.title}`;
  sheet.getCell(1, 1).font = { bold: true, size: 12 };
  sheet.getCell(3, 1).value = '№';
  sheet.getCell(3, 2).value = 'Фамилия, имя обучающегося';
  sheet.mergeCells(3, 1, 4, 1);
  sheet.mergeCells(3, 2, 4, 2);
  let column = 3;
  const layout = archive.subjects.map((subject) => {
    const columns = summaryColumns(archive, subject);
    const first = column;
    sheet.getCell(3, first).value = subject.name;
    if (columns.length > 1) sheet.mergeCells(3, first, 3, first + columns.length - 1);
    columns.forEach((summaryColumn, index) => {
      const cell = sheet.getCell(4, first + index);
      cell.value = summaryColumn.label;
      cell.alignment = { textRotation: 90, horizontal: 'center' };
      sheet.getColumn(first + index).width = 5;
    });
    column += columns.length;
    return { subject, columns, first };
  });
  for (const row of [3, 4]) {
    for (let index = 1; index < column; index += 1) {
      const cell = sheet.getCell(row, index);
      cell.font = { bold: true };
      cell.border = BORDER;
      if (row === 3) cell.alignment = { ...(cell.alignment ?? {}), wrapText: true, vertical: 'middle', horizontal: 'center' };
    }
  }
  sheet.getRow(3).height = 45;
  sheet.getRow(4).height = 60;
  const pupils = [...archive.pupils].sort(comparePupils);
  pupils.forEach((pupil, offset) => {
    const row = sheet.getRow(5 + offset);
    const note = enrolmentNote(pupil);
    row.getCell(1).value = offset + 1;
    row.getCell(2).value = note ? `${pupil.fullName} (${note})` : pupil.fullName;
    for (const { subject, columns, first } of layout) {
      columns.forEach((summaryColumn, index) => {
        const text = summaryValue(archive.marks[pupil.documentId]?.[subject.key], summaryColumn);
        row.getCell(first + index).value = text === '' ? null : cellValue(text);
        row.getCell(first + index).alignment = { horizontal: 'center' };
      });
    }
    for (let index = 1; index < column; index += 1) row.getCell(index).border = BORDER;
  });
  sheet.getColumn(1).width = 4;
  sheet.getColumn(2).width = 34;
  return toBuffer(workbook);
};
