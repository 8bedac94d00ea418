import PDFDocument from 'pdfkit';
import { formatLocalDate, type LocalDate } from '../../school/calendar';
import {
  PERSONAL_FILE_STATE_LABELS,
  YEAR_DECISION_LABELS,
  type YearDecision,
  type YearSubjectMark,
} from '../../school/records/personal-file-rules';
import { BOLD_FONT as BOLD, REGULAR_FONT as REGULAR } from '../../school/pdf-fonts';

/**
 * The personal card of a pupil (личная карта обучающегося), the printed form of the personal file:
 * the pupil's data, a table of subjects × school years with the final (annual) marks, each year's
 * decision and protocol of the pedagogical council and the class teacher's certification, places
 * for the signature and the seal. A4 portrait, DejaVu Sans embedded for Cyrillic.
 */

const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN = 36;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const BOTTOM = PAGE_HEIGHT - MARGIN;

export interface PersonalCardYear {
  title: string;
  className: string;
  grade: number;
  marks: YearSubjectMark[];
  decision: YearDecision | null;
  decisionNote: string | null;
  protocol: { number: string; date: LocalDate | null } | null;
  /** Local date of the class teacher's certification, «dd.MM.yyyy». */
  certifiedOn: string | null;
  certifiedBy: string | null;
}

export interface PersonalCard {
  school: { name: string; address: string };
  number: string;
  fullName: string;
  birthDate: LocalDate | null;
  gender: 'male' | 'female' | null;
  openedOn: LocalDate | null;
  admissionOrder: string | null;
  state: string;
  issue: { on: LocalDate; application: string; order: string } | null;
  /** In chronological order. */
  years: PersonalCardYear[];
  printedOn: string;
}

type Doc = PDFKit.PDFDocument;

const SHORT_DECISIONS: Record<YearDecision, string> = {
  promoted: 'переведён',
  'promoted-with-debt': 'условно',
  'kept-down': 'повторно',
  graduated: 'окончил',
};

const field = (doc: Doc, label: string, value: string, y: number): number => {
  doc
    .font(BOLD)
    .fontSize(9)
    .text(`${label}: `, MARGIN, y, { continued: true })
    .font(REGULAR)
    .text(value || '—', { width: CONTENT_WIDTH });
  return doc.y + 3;
};

const CELL_FONT_SIZE = 7.5;

/** A bordered table cell; the text is shrunk to fit the width, never wrapped. */
const cell = (
  doc: Doc,
  text: string,
  x: number,
  y: number,
  width: number,
  height: number,
  bold = false,
  align: 'left' | 'center' = 'center',
) => {
  doc.rect(x, y, width, height).lineWidth(0.5).stroke();
  if (!text) return;
  doc.font(bold ? BOLD : REGULAR).fontSize(CELL_FONT_SIZE);
  const size = Math.max(4.5, Math.min(CELL_FONT_SIZE, (CELL_FONT_SIZE * (width - 4)) / Math.max(doc.widthOfString(text), 1)));
  doc.fontSize(size);
  doc.text(text, x + 2, y + (height - doc.currentLineHeight()) / 2 + 0.5, {
    width: width - 4,
    height: doc.currentLineHeight(),
    align,
    lineBreak: false,
  });
};

/** Subjects in the order they first appear over the years (each year's list is in curriculum order). */
const subjectsOf = (years: PersonalCardYear[]): Array<{ id: string; name: string }> => {
  const seen = new Map<string, string>();
  for (const year of years)
    for (const mark of year.marks) if (!seen.has(mark.subjectDocumentId)) seen.set(mark.subjectDocumentId, mark.subject);
  return [...seen.entries()].map(([id, name]) => ({ id, name }));
};

export const renderPersonalCardPdf = (card: PersonalCard): Promise<Buffer> => {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    font: REGULAR,
    lang: 'ru-RU',
    displayTitle: true,
    info: { Title: `Личная карта обучающегося, личное дело № ${card.number}`, Author: card.school.name, Producer: 'school-records' },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (data: Buffer) => chunks.push(data));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font(BOLD).fontSize(10).text(card.school.name, MARGIN, MARGIN, { width: CONTENT_WIDTH, align: 'center' });
  if (card.school.address) doc.font(REGULAR).fontSize(8).text(card.school.address, { width: CONTENT_WIDTH, align: 'center' });
  doc.moveDown(0.8);
  doc.font(BOLD).fontSize(14).text('ЛИЧНАЯ КАРТА ОБУЧАЮЩЕГОСЯ', { width: CONTENT_WIDTH, align: 'center' });
  doc.font(BOLD).fontSize(11).text(`Личное дело № ${card.number}`, { width: CONTENT_WIDTH, align: 'center' });
  let y = doc.y + 12;

  y = field(doc, 'Фамилия, имя, отчество', card.fullName, y);
  y = field(doc, 'Дата рождения', card.birthDate ? formatLocalDate(card.birthDate) : '', y);
  y = field(doc, 'Пол', card.gender === 'female' ? 'женский' : card.gender === 'male' ? 'мужской' : '', y);
  y = field(doc, 'Дата поступления', card.openedOn ? formatLocalDate(card.openedOn) : '', y);
  if (card.admissionOrder) y = field(doc, 'Приказ о зачислении', card.admissionOrder, y);
  y = field(
    doc,
    'Состояние личного дела',
    PERSONAL_FILE_STATE_LABELS[card.state as keyof typeof PERSONAL_FILE_STATE_LABELS] ?? card.state,
    y,
  );
  if (card.issue) {
    y = field(
      doc,
      'Выдано родителям (законным представителям)',
      `${formatLocalDate(card.issue.on)}, заявление № ${card.issue.application}, приказ № ${card.issue.order}`,
      y,
    );
  }
  y += 8;

  doc.font(BOLD).fontSize(10).text('Итоговые отметки по годам обучения', MARGIN, y, { width: CONTENT_WIDTH });
  y = doc.y + 4;
  const subjects = subjectsOf(card.years);
  if (card.years.length === 0) {
    doc.font(REGULAR).fontSize(9).text('Итоги учебных лет ещё не внесены.', MARGIN, y);
    y = doc.y + 8;
  } else {
    const firstWidth = 150;
    const columnWidth = Math.min(70, (CONTENT_WIDTH - firstWidth) / card.years.length);
    const rowHeight = 14;
    const header = (top: number): number => {
      cell(doc, 'Класс', MARGIN, top, firstWidth, rowHeight, true, 'left');
      cell(doc, 'Учебный год', MARGIN, top + rowHeight, firstWidth, rowHeight, true, 'left');
      card.years.forEach((year, index) => {
        const x = MARGIN + firstWidth + index * columnWidth;
        cell(doc, year.className || String(year.grade), x, top, columnWidth, rowHeight, true);
        cell(doc, year.title, x, top + rowHeight, columnWidth, rowHeight);
      });
      return top + rowHeight * 2;
    };
    y = header(y);
    const row = (label: string, values: string[], bold = false) => {
      if (y + rowHeight > BOTTOM - 90) {
        doc.addPage();
        y = header(MARGIN);
      }
      cell(doc, label, MARGIN, y, firstWidth, rowHeight, bold, 'left');
      values.forEach((value, index) => cell(doc, value, MARGIN + firstWidth + index * columnWidth, y, columnWidth, rowHeight, bold));
      y += rowHeight;
    };
    // A credited mark (зачёт результатов) is starred and explained under the table.
    const creditNotes: string[] = [];
    for (const subject of subjects) {
      row(
        subject.name,
        card.years.map((year) => {
          const mark = year.marks.find((candidate) => candidate.subjectDocumentId === subject.id);
          if (!mark?.creditNote) return mark?.value ?? '';
          creditNotes.push(`${subject.name}, ${year.title}: ${mark.creditNote}`);
          return `${mark.value}${'*'.repeat(creditNotes.length)}`;
        }),
      );
    }
    row(
      'Решение педсовета',
      card.years.map((year) => (year.decision ? SHORT_DECISIONS[year.decision] : '')),
      true,
    );
    row(
      'Протокол №',
      card.years.map((year) => year.protocol?.number ?? ''),
    );
    row(
      'от',
      card.years.map((year) => (year.protocol?.date ? formatLocalDate(year.protocol.date) : '')),
    );
    row(
      'Заверено',
      card.years.map((year) => year.certifiedOn ?? ''),
    );
    y += 10;
    creditNotes.forEach((note, index) => {
      if (y > BOTTOM - 40) {
        doc.addPage();
        y = MARGIN;
      }
      doc
        .font(REGULAR)
        .fontSize(8)
        .text(`${'*'.repeat(index + 1)} ${note}`, MARGIN, y, { width: CONTENT_WIDTH });
      y = doc.y + 2;
    });
    if (creditNotes.length > 0) y += 8;

    // Each year's certification line: decision in full, the class teacher's signature and the seal.
    for (const year of card.years) {
      if (y > BOTTOM - 60) {
        doc.addPage();
        y = MARGIN;
      }
      const decision = year.decision ? YEAR_DECISION_LABELS[year.decision] : 'решение не принято';
      const protocol = year.protocol
        ? `, протокол педсовета № ${year.protocol.number}${year.protocol.date ? ` от ${formatLocalDate(year.protocol.date)}` : ''}`
        : '';
      doc
        .font(BOLD)
        .fontSize(8.5)
        .text(`${year.title} учебный год, ${year.className || `${year.grade} класс`}: `, MARGIN, y, {
          continued: true,
          width: CONTENT_WIDTH,
        })
        .font(REGULAR)
        .text(`${decision}${year.decisionNote ? ` (${year.decisionNote})` : ''}${protocol}.`);
      const certified = year.certifiedOn
        ? `Заверено классным руководителем ${year.certifiedOn}${year.certifiedBy ? ` (${year.certifiedBy})` : ''}.`
        : 'Не заверено классным руководителем.';
      doc.text(certified, { width: CONTENT_WIDTH });
      doc.text('Подпись классного руководителя ____________________   М.П.', { width: CONTENT_WIDTH });
      y = doc.y + 6;
    }
  }

  if (y > BOTTOM - 40) {
    doc.addPage();
    y = MARGIN;
  }
  doc
    .font(REGULAR)
    .fontSize(8)
    .text(`Дата печати ${card.printedOn}.   Директор ____________________   М.П.`, MARGIN, Math.max(y + 10, BOTTOM - 24), {
      width: CONTENT_WIDTH,
    });
  doc.end();
  return done;
};
