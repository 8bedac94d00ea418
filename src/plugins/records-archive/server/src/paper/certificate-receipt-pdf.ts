import { BOLD_FONT, REGULAR_FONT } from '../../../../../school/pdf-fonts';
import { CONTENT_WIDTH, createPdf, type PdfDoc } from '../../../../../school/pdf-document';
import { dotted } from './pdf-table';

/**
 * «Расписка в получении аттестата» (seed 002 §3.4.4, R50): the basic certificate held in the safe
 * handed back after the pupil's leaving order, signed by whoever took it (the pupil, a parent or a
 * legal representative) and by the staff member who handed it over. The school keeps the signed
 * sheet with the register of held аттестаты.
 */

export const RECEIPT_TITLE = 'Расписка в получении аттестата';

export const RECEIVER_KIND_LABELS: Record<'pupil' | 'parent' | 'representative', string> = {
  pupil: 'обучающийся',
  parent: 'родитель',
  representative: 'законный представитель',
};

export interface CertificateReceipt {
  schoolName: string;
  pupilName: string;
  className: string | null;
  /** «подлинник», «копия», or null when the аттестат was registered by hand without an acceptance. */
  kind: string | null;
  series: string | null;
  number: string | null;
  acceptedOn: string | null;
  carrierTitle: string;
  leavingOrder: string | null;
  leftOn: string | null;
  returnedOn: string;
  receivedBy: string;
  receiverKind: keyof typeof RECEIVER_KIND_LABELS;
  receiverDocument: string | null;
  handedOverBy: string | null;
}

/** «Иван Петров <ivan@school>» → «Иван Петров». */
const personName = (actor: string | null): string => (actor ? actor.replace(/\s*<[^>]*>\s*$/, '') : '');

const line = (doc: PdfDoc, label: string, value: string): void => {
  doc.font(BOLD_FONT).fontSize(10).text(`${label}: `, { continued: true, width: CONTENT_WIDTH });
  doc.font(REGULAR_FONT).text(value || '—');
  doc.moveDown(0.2);
};

const signature = (doc: PdfDoc, role: string, name: string): void => {
  doc.moveDown(1.2);
  const top = doc.y;
  const left = doc.page.margins.left;
  doc.font(REGULAR_FONT).fontSize(10).text(role, left, top, { width: 180 });
  doc.text('____________________', left + 185, top, { width: 130 });
  doc.text(name ? `/ ${name} /` : '/ ____________________ /', left + 320, top, { width: CONTENT_WIDTH - 320 });
  doc.fontSize(7).text('(подпись)', left + 225, top + 13, { width: 80 });
  doc.fontSize(10);
  doc.x = left;
  doc.y = top + 30;
};

export const renderCertificateReceipt = (receipt: CertificateReceipt): Promise<Buffer> => {
  const { doc, done } = createPdf({ title: `${RECEIPT_TITLE}: ${receipt.pupilName}`, schoolName: receipt.schoolName });
  doc.font(BOLD_FONT).fontSize(10).text(receipt.schoolName, { width: CONTENT_WIDTH });
  doc.moveDown(1.5);
  doc.font(BOLD_FONT).fontSize(14).text('РАСПИСКА', { width: CONTENT_WIDTH, align: 'center' });
  doc.fontSize(11).text('в получении аттестата об основном общем образовании', { width: CONTENT_WIDTH, align: 'center' });
  doc.moveDown(1.2);
  const who = `${receipt.receivedBy} (${RECEIVER_KIND_LABELS[receipt.receiverKind]})`;
  const certificate = [
    'аттестат об основном общем образовании',
    receipt.kind ? `(${receipt.kind})` : null,
    receipt.series ? `серия ${receipt.series}` : null,
    receipt.number ? `№ ${receipt.number}` : null,
  ]
    .filter(Boolean)
    .join(' ');
  doc
    .font(REGULAR_FONT)
    .fontSize(10)
    .text(
      `Я, ${who}, получил(а) ${dotted(receipt.returnedOn)} ${certificate}, выданный на имя ${receipt.pupilName}` +
        `${receipt.acceptedOn ? ` и принятый школой на хранение ${dotted(receipt.acceptedOn)}` : ''}.`,
      { width: CONTENT_WIDTH, align: 'justify' },
    );
  doc.moveDown(0.8);
  line(doc, 'Обучающийся', `${receipt.pupilName}${receipt.className ? `, ${receipt.className} класс` : ''}`);
  line(doc, 'Единица хранения', receipt.carrierTitle);
  line(doc, 'Серия и номер аттестата', [receipt.series, receipt.number].filter(Boolean).join(' № ') || 'не записаны при приёме');
  line(
    doc,
    'Приказ о выбытии',
    receipt.leavingOrder || receipt.leftOn
      ? `${receipt.leavingOrder ?? 'номер не записан'}${receipt.leftOn ? `, выбыл(а) ${dotted(receipt.leftOn)}` : ''}`
      : 'не записан в списках классов',
  );
  line(doc, 'Дата возврата', dotted(receipt.returnedOn));
  line(doc, 'Получил(а)', who);
  line(doc, 'Документ, удостоверяющий личность получателя', receipt.receiverDocument ?? '');
  doc.moveDown(0.8);
  signature(doc, 'Аттестат получил(а)', receipt.receivedBy);
  signature(doc, 'Аттестат выдал(а)', personName(receipt.handedOverBy));
  doc.end();
  return done;
};
