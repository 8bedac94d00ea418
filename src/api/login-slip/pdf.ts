import PDFDocument from 'pdfkit';
import { formatLocalDate, type LocalDate } from '../../school/calendar';
import { BOLD_FONT as BOLD, MONO_BOLD_FONT as MONO, REGULAR_FONT as REGULAR } from '../../school/pdf-fonts';

/**
 * The printable sheet of login slips (seed 002 §3.1.6: the class teacher hands out the login
 * details at the start of the year): A4 portrait, eight slips a page in two columns, dashed cut
 * lines, DejaVu Sans embedded for Cyrillic and DejaVu Sans Mono for logins and passwords.
 */

const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN = 28;
const COLUMNS = 2;
const ROWS = 4;
export const SLIPS_PER_PAGE = COLUMNS * ROWS;
const SLIP_WIDTH = (PAGE_WIDTH - 2 * MARGIN) / COLUMNS;
const SLIP_HEIGHT = (PAGE_HEIGHT - 2 * MARGIN) / ROWS;
const PADDING = 12;
const TEXT_WIDTH = SLIP_WIDTH - 2 * PADDING;

/** What became of an account when the slips were issued. */
export type LoginSlipStatus =
  /** A new account, with a one-time password. */
  | 'created'
  /** An existing account given a new one-time password (`reset: true`). */
  | 'reset'
  /** An existing account whose password was issued before: no password on the slip. */
  | 'issued'
  /** The person signs in with a staff account (a teacher who is also a parent): never reset here. */
  | 'staff-account'
  /** A blocked account: the administrator unblocks it first. */
  | 'blocked';

export interface LoginSlip {
  kind: 'pupil' | 'parent';
  /** The pupil's or the guardian's full name. */
  fullName: string;
  /** For a parent: the full names of their children on this class list. */
  children: string[];
  username: string;
  /** The one-time password, only for `created` and `reset`. */
  password: string | null;
  status: LoginSlipStatus;
}

export interface LoginSlipsMeta {
  schoolName: string;
  /** The address of the school's server, printed so that people know where to sign in. */
  serverUrl: string;
  className: string;
  /** The day of the class list (school time zone). */
  issuedOn: LocalDate;
}

const FIRST_LOGIN_NOTE = 'При первом входе система попросит сменить пароль. Не сообщайте пароль посторонним (152-ФЗ)';

const NO_PASSWORD: Record<Exclude<LoginSlipStatus, 'created' | 'reset'>, { password: string; note: string }> = {
  issued: {
    password: 'уже выдан',
    note: 'Пароль выдан ранее. Если он утерян, классный руководитель выдаст новый одноразовый пароль. Не сообщайте пароль посторонним (152-ФЗ)',
  },
  'staff-account': {
    password: 'не выдаётся',
    note: 'Вход по служебной учётной записи с её паролем. Не сообщайте пароль посторонним (152-ФЗ)',
  },
  blocked: {
    password: 'не выдаётся',
    note: 'Учётная запись заблокирована: обратитесь к администратору школы',
  },
};

type Doc = PDFKit.PDFDocument;

/** Who the slip is for: a small label, the name in bold, and for a parent whose parent they are. */
const personLines = (slip: LoginSlip, className: string): { label: string; name: string; detail: string | null } =>
  slip.kind === 'pupil'
    ? { label: `Обучающийся, класс ${className}`, name: slip.fullName, detail: null }
    : {
        label: 'Родитель (законный представитель)',
        name: slip.fullName,
        detail: `родитель обучающегося: ${slip.children.join(', ')} (${className})`,
      };

/** Dashed cut lines around every slip position of the page. */
const drawCutLines = (doc: Doc): void => {
  doc.save().lineWidth(0.5).strokeColor('#888888').dash(4, { space: 3 });
  for (let column = 0; column <= COLUMNS; column += 1) {
    const x = MARGIN + column * SLIP_WIDTH;
    doc
      .moveTo(x, MARGIN)
      .lineTo(x, PAGE_HEIGHT - MARGIN)
      .stroke();
  }
  for (let row = 0; row <= ROWS; row += 1) {
    const y = MARGIN + row * SLIP_HEIGHT;
    doc
      .moveTo(MARGIN, y)
      .lineTo(PAGE_WIDTH - MARGIN, y)
      .stroke();
  }
  doc.undash().restore();
  doc
    .font('regular')
    .fontSize(7)
    .fillColor('#666666')
    .text('✂ Разрежьте лист по пунктирным линиям и раздайте бланки лично в руки', MARGIN, MARGIN - 14, {
      width: PAGE_WIDTH - 2 * MARGIN,
      lineBreak: false,
    })
    .fillColor('black');
};

/** Writes a block of text inside the slip and returns the y below it. */
const block = (doc: Doc, text: string, x: number, y: number, font: 'regular' | 'bold' | 'mono', size: number, maxLines = 2): number => {
  doc.font(font).fontSize(size);
  const lineHeight = doc.currentLineHeight(true);
  const height = Math.min(doc.heightOfString(text, { width: TEXT_WIDTH }), lineHeight * maxLines);
  doc.text(text, x, y, { width: TEXT_WIDTH, height, ellipsis: true });
  return y + height;
};

const drawSlip = (doc: Doc, slip: LoginSlip, meta: LoginSlipsMeta, position: number): void => {
  const x = MARGIN + (position % COLUMNS) * SLIP_WIDTH + PADDING;
  const top = MARGIN + Math.floor(position / COLUMNS) * SLIP_HEIGHT + PADDING;
  const bottom = top + SLIP_HEIGHT - 2 * PADDING;

  let y = block(doc, meta.schoolName, x, top, 'bold', 7.5, 2) + 3;
  y = block(doc, 'Электронный дневник', x, y, 'bold', 12, 1) + 1;
  y = block(doc, `Адрес: ${meta.serverUrl}`, x, y, 'regular', 8, 1) + 5;

  const person = personLines(slip, meta.className);
  y = block(doc, person.label, x, y, 'regular', 7.5, 1);
  y = block(doc, person.name, x, y, 'bold', 9.5, 2);
  if (person.detail) y = block(doc, person.detail, x, y, 'regular', 7.5, 2);
  y += 6;

  // Login and password side by side: small labels, the values in a monospaced font, shrunk to fit.
  const withPassword = slip.status === 'created' || slip.status === 'reset';
  const absent = withPassword ? null : NO_PASSWORD[slip.status as keyof typeof NO_PASSWORD];
  const passwordWidth = 96;
  const loginWidth = TEXT_WIDTH - passwordWidth - 8;
  const passwordX = x + loginWidth + 8;
  doc.font('regular').fontSize(7.5);
  doc.text('Логин', x, y, { width: loginWidth, lineBreak: false });
  doc.text(withPassword ? 'Одноразовый пароль' : 'Пароль', passwordX, y, { width: passwordWidth, lineBreak: false });
  y += 10;
  const mono = (value: string, left: number, width: number) => {
    doc.font('mono').fontSize(13);
    const size = Math.min(13, (12.8 * width) / Math.max(doc.widthOfString(value), 1));
    doc.fontSize(size).text(value, left, y + (13 - size), { width, lineBreak: false });
  };
  mono(slip.username, x, loginWidth);
  if (withPassword) mono(slip.password ?? '', passwordX, passwordWidth);
  else
    doc
      .font('regular')
      .fontSize(9)
      .text(absent?.password ?? '', passwordX, y + 3, { width: passwordWidth, lineBreak: false });
  y += 18;

  const note = withPassword ? FIRST_LOGIN_NOTE : (absent?.note ?? '');
  doc.font('regular').fontSize(7);
  const noteHeight = doc.heightOfString(note, { width: TEXT_WIDTH });
  const footer = `Класс ${meta.className}, список на ${formatLocalDate(meta.issuedOn)}`;
  const noteTop = Math.max(y + 2, bottom - noteHeight - 10);
  doc.text(note, x, noteTop, { width: TEXT_WIDTH, height: Math.max(bottom - 10 - noteTop, noteHeight), ellipsis: true });
  doc
    .fontSize(6.5)
    .fillColor('#666666')
    .text(footer, x, bottom - 8, { width: TEXT_WIDTH, lineBreak: false })
    .fillColor('black');
};

/**
 * Renders the slips, `SLIPS_PER_PAGE` a page, in the given order (a pupil's slip followed by their
 * parents'). The passwords appear only in the page content, never in the document's metadata.
 */
export const renderLoginSlipsPdf = (slips: readonly LoginSlip[], meta: LoginSlipsMeta): Promise<Buffer> => {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: 0, left: MARGIN, right: MARGIN },
    autoFirstPage: false,
    font: REGULAR,
    lang: 'ru-RU',
    displayTitle: true,
    info: {
      Title: `Данные для входа в электронный дневник, ${meta.className}`,
      Author: meta.schoolName,
      Producer: 'school-records',
    },
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  doc.registerFont('mono', MONO);
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (data: Buffer) => chunks.push(data));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  if (slips.length === 0) {
    doc.addPage();
    doc
      .font('regular')
      .fontSize(11)
      .text(`В списке класса ${meta.className} на ${formatLocalDate(meta.issuedOn)} нет обучающихся: бланков для входа нет.`, MARGIN, 80, {
        width: PAGE_WIDTH - 2 * MARGIN,
      });
  }
  slips.forEach((slip, index) => {
    const position = index % SLIPS_PER_PAGE;
    if (position === 0) {
      doc.addPage();
      drawCutLines(doc);
    }
    drawSlip(doc, slip, meta, position);
  });
  doc.end();
  return done;
};
