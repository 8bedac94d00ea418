import { factories, type Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { StoredRecord } from '../../../school/records/draft';
import { CERTIFICATE_BLANK } from '../../../school/records/certificate-blank-rules';
import { blankBalance, blankNumberOf, blankRange, type BlankCounts, type BlankState } from '../../../school/rules/certificate-blanks';
import { CERTIFICATE_LEVEL_LABELS, CERTIFICATE_LEVELS, type CertificateLevel } from '../../../school/rules/final-marks';

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
});

export default factories.createCoreService(CERTIFICATE_BLANK, ({ strapi }) => createCertificateBlankService({ strapi }));

export const getCertificateBlankService = (strapi: Core.Strapi) =>
  strapi.service(CERTIFICATE_BLANK) as unknown as ReturnType<typeof createCertificateBlankService>;
