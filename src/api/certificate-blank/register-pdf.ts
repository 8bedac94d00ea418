import { formatLocalDate, type LocalDate } from '../../school/calendar';
import { BOLD_FONT, REGULAR_FONT } from '../../school/pdf-fonts';
import { createPdf, drawTable, numberPages, pageContentWidth, sectionHeading } from '../../school/pdf-document';
import { REGISTER_STATE_LABELS, type RegisterState } from '../../school/rules/certificate-blanks';
import { CERTIFICATE_LEVEL_LABELS, type CertificateLevel } from '../../school/rules/final-marks';

/**
 * The printed register of аттестат blank forms (книга учёта бланков аттестатов, seed 002 §3.3.4):
 * per level one ruled row per blank in series and number order — its receipt, its state, the book
 * entry it was given out with or the act it was written off by — then the balance per level as
 * `GET /api/certificate-blanks/balance` computes it, and places for the signatures. A4 landscape.
 */

export interface RegisterLine {
  documentId: string;
  level: CertificateLevel;
  blankNumber: string;
  receivedOn: LocalDate;
  receiptDocument: string | null;
  state: RegisterState;
  /** The book entry of the аттестат: «№ 3 (2026)». */
  entry: string | null;
  holder: string | null;
  issuedOn: LocalDate | null;
  spoilageAct: string | null;
  spoiledOn: LocalDate | null;
  /** The annulment entry of the аттестат: «№ 5 (2026) от 20.07.2026». */
  annulment: string | null;
}

export interface RegisterBalance {
  level: CertificateLevel;
  received: number;
  inStock: number;
  issued: number;
  spoiled: number;
  annulled: number;
}

export interface RegisterPages {
  schoolName: string;
  schoolAddress: string;
  levels: CertificateLevel[];
  /** The calendar year of receipt, or null for the whole register. */
  year: number | null;
  lines: RegisterLine[];
  balance: RegisterBalance[];
  printedOn: string;
}

const date = (value: LocalDate | null): string => (value ? formatLocalDate(value) : '—');

const COLUMNS = [
  { header: '№ п/п', width: 0.05, align: 'center' as const },
  { header: 'Серия и номер бланка', width: 0.14 },
  { header: 'Дата поступления', width: 0.08 },
  { header: 'Документ о поступлении', width: 0.15 },
  { header: 'Состояние', width: 0.09 },
  { header: 'Рег. № в книге выдачи', width: 0.09 },
  { header: 'Кому выдан', width: 0.16 },
  { header: 'Дата выдачи', width: 0.08 },
  { header: 'Списание (акт, дата); аннулирование', width: 0.16 },
];

const rowOf = (line: RegisterLine, index: number): string[] => {
  const closing = [
    line.spoilageAct ? `${line.spoilageAct}, ${date(line.spoiledOn)}` : '',
    line.annulment ? `аннулирован записью ${line.annulment}` : '',
  ].filter(Boolean);
  return [
    String(index + 1),
    line.blankNumber,
    date(line.receivedOn),
    line.receiptDocument ?? '—',
    REGISTER_STATE_LABELS[line.state],
    line.entry ?? '—',
    line.holder ?? '—',
    line.issuedOn ? date(line.issuedOn) : '—',
    closing.length ? closing.join('; ') : '—',
  ];
};

export const renderBlankRegisterPdf = async (pages: RegisterPages, at: Date = new Date()): Promise<Buffer> => {
  const period = pages.year === null ? 'все поступления' : `поступления ${pages.year} года`;
  const { doc, done } = createPdf({
    title: `Книга учёта бланков аттестатов, ${period}`,
    schoolName: pages.schoolName,
    at,
    layout: 'landscape',
  });
  const width = pageContentWidth(doc);
  doc.font(BOLD_FONT).fontSize(10).text(pages.schoolName, { width, align: 'center' });
  if (pages.schoolAddress) doc.font(REGULAR_FONT).fontSize(8).text(pages.schoolAddress, { width, align: 'center' });
  doc.moveDown(0.6);
  doc.font(BOLD_FONT).fontSize(13).text('КНИГА УЧЁТА БЛАНКОВ АТТЕСТАТОВ', { width, align: 'center' });
  doc.font(REGULAR_FONT).fontSize(10).text(`Бланки строгой отчётности: ${period}`, { width, align: 'center' });

  for (const level of pages.levels) {
    sectionHeading(doc, `Бланки: ${CERTIFICATE_LEVEL_LABELS[level]}`);
    const lines = pages.lines.filter((line) => line.level === level);
    if (lines.length === 0) doc.text(pages.year === null ? 'Бланки не поступали' : `В ${pages.year} году бланки не поступали`, { width });
    else drawTable(doc, COLUMNS, lines.map(rowOf), 8);
  }

  sectionHeading(doc, `Остаток бланков на ${pages.printedOn}`);
  drawTable(
    doc,
    [
      { header: 'Бланки', width: 0.35 },
      { header: 'Поступило', width: 0.13, align: 'center' },
      { header: 'В сейфе', width: 0.13, align: 'center' },
      { header: 'Выдано', width: 0.13, align: 'center' },
      { header: 'Списано', width: 0.13, align: 'center' },
      { header: 'Из выданных аннулировано', width: 0.13, align: 'center' },
    ],
    pages.balance.map((row) => [
      CERTIFICATE_LEVEL_LABELS[row.level],
      String(row.received),
      String(row.inStock),
      String(row.issued),
      String(row.spoiled),
      String(row.annulled),
    ]),
  );
  if (doc.y + 50 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.moveDown(1);
  doc
    .font(REGULAR_FONT)
    .fontSize(9)
    .text(`Распечатано ${pages.printedOn}. Строк: ${pages.lines.length}.`, doc.page.margins.left, doc.y, { width });
  doc.text('Ответственный за хранение бланков ______________________        Директор ______________________        М. П.', { width });
  numberPages(doc);
  doc.end();
  return done;
};
