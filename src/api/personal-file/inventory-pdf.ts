import { formatLocalDate } from '../../school/calendar';
import { BOLD_FONT, REGULAR_FONT } from '../../school/pdf-fonts';
import { CONTENT_WIDTH, createPdf, drawTable, numberPages } from '../../school/pdf-document';

/** One line of a class's inventory of personal files. */
export interface InventoryLine {
  fullName: string;
  birthDate: string | null;
  number: string | null;
  storagePlace: string | null;
  state: string | null;
}

export interface FilesInventory {
  schoolName: string;
  className: string;
  academicYear: string;
  printedOn: string;
  lines: InventoryLine[];
}

const STATES: Record<string, string> = { open: 'ведётся', issued: 'выдано', archived: 'в архиве' };

/**
 * «Опись личных дел обучающихся» of a class (seed 000 §1.9: the files are kept by class, in
 * alphabetical order): numbered lines in the order of the class list, each file's number by the
 * alphabetical book, where it is kept and its state; pupils without a file are listed as such.
 */
export const filesInventoryPdf = async (inventory: FilesInventory, at: Date = new Date()): Promise<Buffer> => {
  const { doc, done } = createPdf({ title: `Опись личных дел: ${inventory.className}`, schoolName: inventory.schoolName, at });
  doc.font(REGULAR_FONT).fontSize(9).fillColor('#555555').text(inventory.schoolName, { width: CONTENT_WIDTH, align: 'center' });
  doc.fillColor('black').moveDown(0.8);
  doc.font(BOLD_FONT).fontSize(14).text('Опись личных дел обучающихся', { width: CONTENT_WIDTH, align: 'center' });
  doc
    .font(REGULAR_FONT)
    .fontSize(10)
    .text(`${inventory.className} класс, ${inventory.academicYear} учебный год`, { width: CONTENT_WIDTH, align: 'center' });
  doc.text(`Сформировано: ${formatLocalDate(inventory.printedOn)}`, { width: CONTENT_WIDTH, align: 'center' });
  doc.moveDown(1);
  drawTable(
    doc,
    [
      { header: '№', width: 0.06, align: 'center' },
      { header: 'Фамилия, имя, отчество', width: 0.34 },
      { header: 'Дата рождения', width: 0.14, align: 'center' },
      { header: '№ личного дела', width: 0.12, align: 'center' },
      { header: 'Место хранения', width: 0.22 },
      { header: 'Состояние', width: 0.12 },
    ],
    inventory.lines.map((line, index) => [
      String(index + 1),
      line.fullName,
      line.birthDate ? formatLocalDate(line.birthDate) : '—',
      line.number ?? 'не открыто',
      line.storagePlace ?? '—',
      line.state ? (STATES[line.state] ?? line.state) : '—',
    ]),
  );
  doc.moveDown(2);
  doc.font(REGULAR_FONT).fontSize(10).text('Опись составил(а): ____________________ / ____________________ /', { width: CONTENT_WIDTH });
  numberPages(doc);
  doc.end();
  return done;
};
