import { factories, type Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { StoredRecord } from '../../../school/records/draft';
import { CERTIFICATE_BLANK } from '../../../school/records/certificate-blank-rules';
import { formatLocalDate, todayInZone, type LocalDate } from '../../../school/calendar';
import {
  blankBalance,
  blankNumberOf,
  blankRange,
  compareBlanks,
  isBlankNumber,
  registerStateOf,
  type BlankCounts,
  type BlankState,
} from '../../../school/rules/certificate-blanks';
import { CERTIFICATE_LEVEL_LABELS, CERTIFICATE_LEVELS, type CertificateLevel } from '../../../school/rules/final-marks';
import { getSchoolSettings } from '../../../school/settings';
import { renderBlankRegisterPdf, type RegisterLine } from '../register-pdf';

const invalid = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

/** The fields of a receipt; anything else in the body is refused, naming it. */
const RECEIPT_FIELDS = ['level', 'series', 'numberFrom', 'numberTo', 'receivedOn', 'receiptDocument'] as const;

export interface BlankRegisterBalance extends BlankCounts {
  level: CertificateLevel;
  levelLabel: string;
  /** Of those issued, the blanks whose аттестат was annulled in the book. */
  annulled: number;
  /** The numbers in the safe, in order, so the custodian can check them against the blanks themselves. */
  inStockNumbers: string[];
}

/** The fields of a write-off by an act; the state is set by the write-off itself. */
const WRITE_OFF_FIELDS = ['spoiledOn', 'spoilageAct', 'spoilageReason'] as const;

/** Which part of the register to print: a level (or both) and a calendar year of receipt (or all). */
export interface RegisterSelection {
  levels: CertificateLevel[];
  year: number | null;
}

/** `?level=&year=` of the printed register; a bad value is a 400 naming the parameter, in Russian. */
export const registerSelectionOf = (levelParam: unknown, yearParam: unknown): RegisterSelection => {
  let levels: CertificateLevel[] = [...CERTIFICATE_LEVELS];
  if (levelParam !== undefined && levelParam !== '') {
    if (typeof levelParam !== 'string' || !(CERTIFICATE_LEVELS as readonly string[]).includes(levelParam)) {
      throw invalid(
        'level',
        'Уровень бланков: basic-general (аттестат об основном общем) или secondary-general (о среднем общем); без него — оба',
      );
    }
    levels = [levelParam as CertificateLevel];
  }
  let year: number | null = null;
  if (yearParam !== undefined && yearParam !== '') {
    year = typeof yearParam === 'string' && /^[0-9]{4}$/.test(yearParam) ? Number(yearParam) : NaN;
    if (!Number.isInteger(year) || year < 1900 || year > 2200) {
      throw invalid('year', 'Год поступления бланков — четыре цифры, например ?year=2026; без него печатаются все поступления');
    }
  }
  return { levels, year };
};

const entryName = (entry: StoredRecord | null): string | null =>
  entry ? `№ ${String(entry.registrationNumber)} (${String(entry.bookYear)})` : null;

const createCertificateBlankService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Registers a receipt of blanks numbered `numberFrom` … `numberTo` (one number when `numberTo` is
   * empty): each blank goes through the register's record rules, all or none in one transaction.
   */
  async receive(body: unknown): Promise<StoredRecord[]> {
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      throw invalid(
        'data',
        'Поступление бланков передаётся одним объектом: { "data": { level, series, numberFrom, numberTo, receivedOn, receiptDocument } }',
      );
    }
    const input = body as Record<string, unknown>;
    const unknown = Object.keys(input).find((field) => !(RECEIPT_FIELDS as readonly string[]).includes(field));
    if (unknown) throw invalid(unknown, `Поле «${unknown}» не относится к поступлению бланков`);
    const from = typeof input.numberFrom === 'string' ? input.numberFrom.trim() : '';
    if (!from) throw invalid('numberFrom', 'Укажите номер первого бланка партии (цифры, как напечатано)');
    if (!isBlankNumber(from)) throw invalid('numberFrom', 'Номер первого бланка — цифры, как напечатано на бланке');
    const to = input.numberTo === undefined || input.numberTo === null || input.numberTo === '' ? from : input.numberTo;
    if (typeof to !== 'string') throw invalid('numberTo', 'Номер последнего бланка — цифры, как напечатано на бланке');
    const range = blankRange(from, to.trim());
    if ('problem' in range) throw invalid('numberTo', range.problem);
    const series = typeof input.series === 'string' ? input.series : null;
    const taken = (await strapi.db.query(CERTIFICATE_BLANK).findMany({
      where: { blankNumber: { $in: range.numbers.map((number) => blankNumberOf(series, number)) } },
      select: ['blankNumber'],
      orderBy: { blankNumber: 'asc' },
    })) as StoredRecord[];
    if (taken.length > 0) {
      const listed = taken.slice(0, 5).map((row) => String(row.blankNumber));
      throw invalid(
        'numberFrom',
        `Уже записаны в книгу учёта бланков: ${listed.join(', ')}${taken.length > listed.length ? ` и ещё ${taken.length - listed.length}` : ''}`,
      );
    }
    return strapi.db.transaction(async () => {
      const created: StoredRecord[] = [];
      for (const number of range.numbers) {
        const row = await strapi.documents(CERTIFICATE_BLANK).create({
          data: {
            level: input.level,
            series: input.series,
            number,
            receivedOn: input.receivedOn,
            receiptDocument: input.receiptDocument,
          },
        } as never);
        created.push(row as unknown as StoredRecord);
      }
      return created;
    });
  },

  /** The balance of the register per level, with the numbers left in the safe. */
  async balance(): Promise<BlankRegisterBalance[]> {
    const rows = (await strapi.db.query(CERTIFICATE_BLANK).findMany({
      select: ['level', 'state', 'blankNumber', 'annulledOn'],
      orderBy: [{ level: 'asc' }, { blankNumber: 'asc' }],
    })) as StoredRecord[];
    return CERTIFICATE_LEVELS.map((level) => {
      const ofLevel = rows.filter((row) => row.level === level);
      return {
        level,
        levelLabel: CERTIFICATE_LEVEL_LABELS[level],
        ...blankBalance(ofLevel.map((row) => row.state as BlankState)),
        annulled: ofLevel.filter((row) => row.state === 'issued' && row.annulledOn).length,
        inStockNumbers: ofLevel.filter((row) => row.state === 'in-stock').map((row) => String(row.blankNumber)),
      };
    });
  },

  /**
   * Writes off a spoiled blank by an act (as `PUT /api/certificate-blanks/:id` with `state: spoiled`):
   * the record rules check the act, its day and the reason, and refuse a blank no longer in the safe.
   */
  async writeOff(documentId: string, body: unknown): Promise<StoredRecord> {
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      throw invalid('data', 'Списание бланка передаётся одним объектом: { spoiledOn, spoilageAct, spoilageReason }');
    }
    const input = body as Record<string, unknown>;
    const unknown = Object.keys(input).find((field) => !(WRITE_OFF_FIELDS as readonly string[]).includes(field));
    if (unknown) throw invalid(unknown, `Поле «${unknown}» не относится к списанию бланка по акту`);
    const blank = await strapi.db.query(CERTIFICATE_BLANK).findOne({ where: { documentId }, select: ['id'] });
    if (!blank) throw new errors.NotFoundError('Бланк не найден в книге учёта бланков');
    const data = Object.fromEntries(WRITE_OFF_FIELDS.map((field) => [field, input[field] === '' ? null : (input[field] ?? null)]));
    await strapi.documents(CERTIFICATE_BLANK).update({ documentId, data: { ...data, state: 'spoiled' } } as never);
    return (await strapi.db.query(CERTIFICATE_BLANK).findOne({ where: { documentId } })) as StoredRecord;
  },

  /** The lines of the printed register: the blanks of the selection in series and number order, with their entries and acts. */
  async registerLines({ levels, year }: RegisterSelection): Promise<RegisterLine[]> {
    const where: Record<string, unknown> = { level: { $in: levels } };
    if (year !== null) where.receivedOn = { $gte: `${year}-01-01`, $lte: `${year}-12-31` };
    const rows = (await strapi.db.query(CERTIFICATE_BLANK).findMany({
      where,
      populate: {
        certificateEntry: { select: ['registrationNumber', 'bookYear', 'fullName'] },
        annulmentEntry: { select: ['registrationNumber', 'bookYear', 'issuedOn'] },
      },
    })) as StoredRecord[];
    const ordered = rows
      .map((row) => ({ row, series: (row.series as string | null) ?? null, number: String(row.number ?? '') }))
      .sort(
        (left, right) =>
          levels.indexOf(left.row.level as CertificateLevel) - levels.indexOf(right.row.level as CertificateLevel) ||
          compareBlanks(left, right),
      );
    return ordered.map(({ row }) => {
      const entry = (row.certificateEntry as StoredRecord | null) ?? null;
      const annulment = (row.annulmentEntry as StoredRecord | null) ?? null;
      return {
        documentId: String(row.documentId),
        level: row.level as CertificateLevel,
        blankNumber: String(row.blankNumber ?? ''),
        receivedOn: row.receivedOn as LocalDate,
        receiptDocument: (row.receiptDocument as string | null) ?? null,
        state: registerStateOf(row.state as BlankState, Boolean(row.annulledOn)),
        entry: entryName(entry),
        holder: entry ? String(entry.fullName ?? '') || null : null,
        issuedOn: (row.issuedOn as LocalDate | null) ?? null,
        spoilageAct: (row.spoilageAct as string | null) ?? null,
        spoiledOn: (row.spoiledOn as LocalDate | null) ?? null,
        annulment: annulment
          ? `${entryName(annulment) ?? ''} от ${formatLocalDate((row.annulledOn as LocalDate | null) ?? (annulment.issuedOn as LocalDate))}`
          : null,
      };
    });
  },

  /** The printed register (книга учёта бланков) of `?level=&year=` with the balance per level, as a PDF. */
  async registerPdf(levelParam: unknown, yearParam: unknown): Promise<{ pdf: Buffer; selection: RegisterSelection }> {
    const selection = registerSelectionOf(levelParam, yearParam);
    const settings = getSchoolSettings(strapi);
    const lines = await this.registerLines(selection);
    const balance = (await this.balance()).filter((row) => selection.levels.includes(row.level));
    const pdf = await renderBlankRegisterPdf({
      schoolName: settings.name,
      schoolAddress: settings.address,
      levels: selection.levels,
      year: selection.year,
      lines,
      balance,
      printedOn: formatLocalDate(todayInZone(settings.timeZone)),
    });
    return { pdf, selection };
  },
});

export default factories.createCoreService(CERTIFICATE_BLANK, ({ strapi }) => createCertificateBlankService({ strapi }));

export const getCertificateBlankService = (strapi: Core.Strapi) =>
  strapi.service(CERTIFICATE_BLANK) as unknown as ReturnType<typeof createCertificateBlankService>;
