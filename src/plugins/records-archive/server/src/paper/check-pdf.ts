import { DateTime } from 'luxon';
import type { InventoryCheck } from '../services/paper-archive';
import { FINDING_LABELS, type Finding } from '../rules/paper-archive';
import { dotted, drawTable, MARGIN, openDocument, paragraph, signatureLine, type Column } from './pdf-table';

/**
 * «Акт проверки наличия и состояния документов» (seed 004 §3.11: integrity of paper archives
 * checked for the whole retention period): the commission, the scope, one row per carrier with the
 * finding, the totals and the commission's signatures. A draft prints marked as a draft.
 */

export const CHECK_ACT_TITLE = 'Акт проверки наличия и состояния документов';

/** «Иван Петров <ivan@school>» → «Иван Петров». */
const personName = (actor: string | null): string => (actor ? actor.replace(/\s*<[^>]*>\s*$/, '') : '');

export const renderCheckPdf = (check: InventoryCheck, schoolName: string, timeZone = 'Europe/Moscow'): Promise<Buffer> => {
  const page = openDocument(`${CHECK_ACT_TITLE} № ${check.number}`, schoolName);
  const { doc } = page;
  doc.font('bold').fontSize(10).text(schoolName, MARGIN, MARGIN, { width: page.width });
  let y = doc.y + 14;
  y = paragraph(page, y, 'АКТ', { font: 'bold', size: 14, align: 'center' });
  y = paragraph(page, y, `${dotted(check.date)} № ${check.number}`, { align: 'center' });
  y = paragraph(page, y, 'проверки наличия и состояния документов', { font: 'bold', size: 11, align: 'center' });
  if (check.state !== 'signed') y = paragraph(page, y, 'ПРОЕКТ: акт не подписан', { font: 'bold', size: 9, align: 'center' });
  y += 4;
  y = paragraph(page, y, `Комиссия в составе: ${check.commission.join('; ')}.`);
  y = paragraph(
    page,
    y,
    check.scope === 'storage-place'
      ? `провела проверку наличия и состояния документов, хранящихся в месте хранения «${check.scopePlace ?? ''}».`
      : 'провела проверку наличия и состояния всех документов бумажного архива.',
  );
  const columns: Column[] = [
    { title: '№ п/п', width: 36 },
    { title: 'Индекс дела', width: 52 },
    { title: 'Заголовок дела', width: 190 },
    { title: 'Место хранения', width: 100 },
    { title: 'Результат', width: 70 },
    { title: 'Примечание', width: page.width - 36 - 52 - 190 - 100 - 70 },
  ];
  const rows = check.rows.map((row, index) => [
    String(index + 1),
    row.caseIndex ?? '—',
    row.title,
    row.storagePlace ?? '—',
    row.finding ? FINDING_LABELS[row.finding] : 'не проверено',
    row.note ?? '',
  ]);
  y = drawTable(page, columns, rows, y + 2) + 8;
  const count = (finding: Finding) => check.rows.filter((row) => row.finding === finding).length;
  y = paragraph(
    page,
    y,
    `Итого проверено: ${check.rows.length}; в наличии: ${count('present')}; отсутствует: ${count('missing')}; повреждено: ${count('damaged')}.`,
  );
  if (count('missing') > 0)
    y = paragraph(page, y, 'Отсутствующие единицы хранения отмечены в реестре бумажного архива как отсутствующие; организовать их розыск.');
  if (count('damaged') > 0) y = paragraph(page, y, 'Повреждённые единицы хранения подлежат восстановлению (реставрации).');
  if (check.notes?.trim()) y = paragraph(page, y, `Примечание: ${check.notes.trim()}`);
  y += 8;
  check.commission.forEach((member, index) => {
    y = signatureLine(page, y, index === 0 ? 'Председатель комиссии' : 'Член комиссии', member);
  });
  if (check.state === 'signed') {
    const signedOn = check.signedAt ? dotted(DateTime.fromJSDate(new Date(check.signedAt)).setZone(timeZone).toISODate()) : '';
    paragraph(page, y + 4, `Акт подписан ${signedOn}: ${personName(check.signedBy)}.`, { size: 9 });
  }
  doc.end();
  return page.done;
};
