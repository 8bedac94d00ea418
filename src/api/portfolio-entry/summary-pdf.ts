import PDFDocument from 'pdfkit';
import { formatLocalDate } from '../../school/calendar';
import { BOLD_FONT as BOLD, REGULAR_FONT as REGULAR } from '../../school/pdf-fonts';

/**
 * The printable summary of a pupil's portfolio (сводная ведомость портфолио, seed 002 §3.5): A4
 * portrait, DejaVu Sans embedded so every Cyrillic letter prints the same everywhere; the pupil, the
 * class and the stage the portfolio covers, the achievements by date with their level and result,
 * the rewards, and «Страница N из M» at the foot.
 */

const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN = 40;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;

export interface PortfolioSummaryEntry {
  date: string;
  title: string;
  kindLabel: string;
  levelLabel: string;
  resultLabel: string;
  place: number | null;
  organiser: string | null;
  subject: string | null;
  area: string | null;
  fromOtherOrganisation: boolean;
  confirmed: boolean;
  evidenceCount: number;
}

export interface PortfolioSummaryReward {
  date: string;
  kindLabel: string;
  reason: string;
  orderNumber: string | null;
  achievements: string[];
}

export interface PortfolioSummary {
  schoolName: string;
  fullName: string;
  birthDate: string | null;
  className: string | null;
  /** «5–9 классы (5 лет)»: the stage the portfolio is compiled for (seed 002 §3.5.2). */
  stage: string | null;
  printedOn: string;
  entries: PortfolioSummaryEntry[];
  rewards: PortfolioSummaryReward[];
  /** When and to whom the portfolio was handed over on transfer, if it was. */
  handedOver: { on: string; to: string } | null;
}

type Doc = PDFKit.PDFDocument;

const collect = (doc: Doc): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (data: Buffer) => chunks.push(data));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

const heading = (doc: Doc, text: string): void => {
  doc.moveDown(0.8);
  doc.font(BOLD).fontSize(12).text(text, MARGIN, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.3);
};

const resultOf = (entry: PortfolioSummaryEntry): string => (entry.place ? `${entry.resultLabel}, ${entry.place} место` : entry.resultLabel);

const entryDetails = (entry: PortfolioSummaryEntry): string =>
  [
    `Вид: ${entry.kindLabel}`,
    `уровень: ${entry.levelLabel}`,
    `результат: ${resultOf(entry)}`,
    entry.subject ? `предмет: ${entry.subject}` : null,
    entry.area ? `направление: ${entry.area}` : null,
    entry.organiser ? `организатор: ${entry.organiser}` : null,
    entry.fromOtherOrganisation ? 'получено в другой организации, внесено по желанию семьи' : null,
    entry.confirmed ? 'подтверждено' : 'не подтверждено',
    entry.evidenceCount > 0 ? `подтверждающих документов: ${entry.evidenceCount}` : null,
  ]
    .filter((part): part is string => part !== null)
    .join('; ');

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
      .text(`Страница ${index - range.start + 1} из ${range.count}`, MARGIN, PAGE_HEIGHT - MARGIN + 12, {
        width: CONTENT_WIDTH,
        align: 'right',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
};

export const renderPortfolioSummaryPdf = async (summary: PortfolioSummary, at: Date = new Date()): Promise<Buffer> => {
  const title = `Портфолио обучающегося: ${summary.fullName}`;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    font: REGULAR,
    lang: 'ru-RU',
    displayTitle: true,
    info: {
      Title: title,
      Author: summary.schoolName,
      Creator: summary.schoolName,
      Producer: 'school-records',
      CreationDate: at,
      ModDate: at,
    },
  });
  const done = collect(doc);

  doc.font(REGULAR).fontSize(9).fillColor('#555555').text(summary.schoolName, { width: CONTENT_WIDTH, align: 'center' });
  doc.fillColor('black').moveDown(0.8);
  doc.font(BOLD).fontSize(15).text('Портфолио обучающегося', { width: CONTENT_WIDTH, align: 'center' });
  doc.font(REGULAR).fontSize(10).text('Сводная ведомость индивидуальных достижений и поощрений', { width: CONTENT_WIDTH, align: 'center' });
  doc.moveDown(1);

  doc.font(BOLD).fontSize(12).text(summary.fullName, { width: CONTENT_WIDTH });
  doc.font(REGULAR).fontSize(10);
  if (summary.birthDate) doc.text(`Дата рождения: ${formatLocalDate(summary.birthDate)}`, { width: CONTENT_WIDTH });
  doc.text(`Класс: ${summary.className ?? 'не числится в классе'}`, { width: CONTENT_WIDTH });
  if (summary.stage) doc.text(`Период составления портфолио: ${summary.stage}`, { width: CONTENT_WIDTH });
  doc.text(`Сформировано: ${formatLocalDate(summary.printedOn)}`, { width: CONTENT_WIDTH });
  if (summary.handedOver) {
    doc.text(`Выдано родителям (законным представителям) под роспись ${formatLocalDate(summary.handedOver.on)}: ${summary.handedOver.to}`, {
      width: CONTENT_WIDTH,
    });
  }

  heading(doc, `Достижения (${summary.entries.length})`);
  if (summary.entries.length === 0) doc.font(REGULAR).fontSize(10).text('Записей в портфолио нет.', { width: CONTENT_WIDTH });
  summary.entries.forEach((entry, index) => {
    doc
      .font(BOLD)
      .fontSize(10)
      .text(`${index + 1}. ${formatLocalDate(entry.date)} — ${entry.title}`, MARGIN, doc.y, { width: CONTENT_WIDTH });
    doc
      .font(REGULAR)
      .fontSize(9)
      .text(entryDetails(entry), MARGIN + 14, doc.y, { width: CONTENT_WIDTH - 14 });
    doc.moveDown(0.4);
  });

  heading(doc, `Поощрения (${summary.rewards.length})`);
  if (summary.rewards.length === 0) doc.font(REGULAR).fontSize(10).text('Поощрений нет.', MARGIN, doc.y, { width: CONTENT_WIDTH });
  summary.rewards.forEach((reward, index) => {
    doc
      .font(BOLD)
      .fontSize(10)
      .text(`${index + 1}. ${formatLocalDate(reward.date)} — ${reward.kindLabel}`, MARGIN, doc.y, { width: CONTENT_WIDTH });
    const details = [
      reward.reason,
      reward.orderNumber ? `приказ ${reward.orderNumber}` : null,
      reward.achievements.length > 0 ? `за: ${reward.achievements.join('; ')}` : null,
    ].filter((part): part is string => part !== null);
    doc
      .font(REGULAR)
      .fontSize(9)
      .text(details.join('; '), MARGIN + 14, doc.y, { width: CONTENT_WIDTH - 14 });
    doc.moveDown(0.4);
  });

  doc.moveDown(2);
  doc
    .font(REGULAR)
    .fontSize(10)
    .text('Классный руководитель ____________________ / ____________________ /', MARGIN, doc.y, { width: CONTENT_WIDTH });

  numberPages(doc);
  doc.end();
  return done;
};
