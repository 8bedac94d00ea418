import type { NomenclatureRow } from '../rules/paper-archive';
import { dotted, drawTable, MARGIN, openDocument, paragraph, signatureLine, type Column } from './pdf-table';

/**
 * The school's list of files (номенклатура дел) for a school year, in the usual form: case index,
 * title, number of units held, retention period with its basis, note; the director's approval
 * block on top. Seed 003 §6.2: it sets the periods of the mandatory paper carriers.
 */

export const NOMENCLATURE_TITLE = 'НОМЕНКЛАТУРА ДЕЛ';

export interface PrintableNomenclature {
  schoolName: string;
  schoolYear: string;
  printedOn: string;
  rows: NomenclatureRow[];
}

export const renderNomenclaturePdf = (nomenclature: PrintableNomenclature): Promise<Buffer> => {
  const page = openDocument(`Номенклатура дел на ${nomenclature.schoolYear} учебный год`, nomenclature.schoolName, 'landscape');
  const { doc } = page;
  doc.font('bold').fontSize(10).text(nomenclature.schoolName, MARGIN, MARGIN, { width: 330 });
  doc
    .font('regular')
    .fontSize(10)
    .text(
      ['УТВЕРЖДАЮ', 'Директор', '____________ ____________________', '«___» __________ 20__ г.'].join('\n'),
      MARGIN + page.width - 230,
      MARGIN,
      {
        width: 230,
      },
    );
  let y = Math.max(doc.y, MARGIN + 60) + 12;
  y = paragraph(page, y, NOMENCLATURE_TITLE, { font: 'bold', size: 14, align: 'center' });
  y = paragraph(page, y, `на ${nomenclature.schoolYear} учебный год`, { align: 'center' });
  const rest = page.width - 60 - 230 - 60 - 220;
  const columns: Column[] = [
    { title: 'Индекс дела', width: 60 },
    { title: 'Заголовок дела (тома, части)', width: 230 },
    { title: 'Кол-во ед. хр. на хранении', width: 60 },
    { title: 'Срок хранения и основание (статья перечня, пункт Положения)', width: 220 },
    { title: 'Примечание', width: rest },
  ];
  const rows = nomenclature.rows.map((row) => [row.caseIndex, row.title, String(row.units), `${row.period}. ${row.legalBasis}`, row.note]);
  y = drawTable(page, columns, rows, y + 4) + 10;
  const total = nomenclature.rows.reduce((sum, row) => sum + row.units, 0);
  y = paragraph(
    page,
    y,
    `Итого дел: ${nomenclature.rows.length}; единиц хранения на хранении за ${nomenclature.schoolYear} учебный год: ${total}.`,
  );
  y = paragraph(page, y, `Сформирована ${dotted(nomenclature.printedOn)} по правилам сроков хранения школы (раздел «Политика хранения»).`, {
    size: 8,
  });
  y += 8;
  signatureLine(page, y, 'Ответственный за архив', '');
  doc.end();
  return page.done;
};
