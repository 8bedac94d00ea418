import { factories, type Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DateTime } from 'luxon';
import type { LocalDate } from '../../../school/calendar';
import type { StoredRecord } from '../../../school/records/draft';
import { MEDAL_ENTRY, MEDAL_ENTRY_DERIVED, type MedalEntryKind } from '../../../school/records/medal-rules';
import type { Medal } from '../../../school/rules/final-marks';
import { getSchoolSettings } from '../../../school/settings';
import { renderMedalBookPdf, type MedalBookEntry } from '../book-pdf';

const CERTIFICATE_ENTRY = 'api::certificate-entry.certificate-entry';

const invalid = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

const numberOf = (row: StoredRecord): string => `№ ${String(row.registrationNumber)} (${String(row.bookYear)})`;

/** Refuses a body that types what the book takes from the certificate book (pupil, medal, number). */
export const assertNothingDerived = (body: unknown): void => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return;
  const typed = MEDAL_ENTRY_DERIVED.find((field) => field in (body as Record<string, unknown>));
  if (typed) {
    throw invalid(
      typed,
      `Поле «${typed}» не вводится: обучающийся и медаль берутся из записи книги аттестатов (certificateEntry), номер присваивается по порядку`,
    );
  }
};

const yearOf = (strapi: Core.Strapi, param: unknown): number => {
  const settings = getSchoolSettings(strapi);
  const year = param === undefined || param === '' ? DateTime.now().setZone(settings.timeZone).year : Number(param);
  if (!Number.isInteger(year) || year < 1900 || year > 2200) throw invalid('year', 'Год книги — четыре цифры, например ?year=2026');
  return year;
};

/** Ids of the entries of `uid` annulled by an annulment entry, with that entry. */
const annulmentsOf = async (strapi: Core.Strapi, uid: string, ids: number[]): Promise<Map<number, StoredRecord>> => {
  const rows = (await strapi.db.query(uid as never).findMany({
    where: { kind: 'annulment', original: { id: { $in: ids.concat(0) } } },
    select: ['registrationNumber', 'bookYear', 'issuedOn'],
    populate: { original: { select: ['id'] } },
  })) as StoredRecord[];
  return new Map(rows.map((row) => [(row.original as StoredRecord).id, row]));
};

export interface AwardedMedal {
  certificateEntry: string;
  certificate: string;
  student: string | null;
  fullName: string;
  medal: Medal;
  issuedOn: LocalDate;
  /** The valid entry of the medals book for it, or null when the medal is not recorded as issued yet. */
  medalEntry: { documentId: string; number: string; issuedOn: LocalDate } | null;
}

const createMedalEntryService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Registers the issue of a medal (or an annulment) through the record rules; the stored row. */
  async register(data: Record<string, unknown>): Promise<StoredRecord> {
    assertNothingDerived(data);
    const created = (await strapi.documents(MEDAL_ENTRY).create({ data } as never)) as unknown as StoredRecord;
    return (await strapi.db.query(MEDAL_ENTRY).findOne({ where: { documentId: created.documentId } })) as StoredRecord;
  },

  /** The valid аттестаты of a calendar year that carry a medal, each with its entry in the medals book, if any. */
  async awarded(yearParam: unknown): Promise<AwardedMedal[]> {
    const year = yearOf(strapi, yearParam);
    const certificates = (await strapi.db.query(CERTIFICATE_ENTRY).findMany({
      where: { bookYear: year, kind: { $in: ['original', 'duplicate'] }, medal: { $notNull: true } },
      orderBy: { registrationNumber: 'asc' },
      populate: { student: { select: ['documentId'] } },
    })) as StoredRecord[];
    const annulled = await annulmentsOf(
      strapi,
      CERTIFICATE_ENTRY,
      certificates.map((row) => row.id),
    );
    const valid = certificates.filter((row) => !annulled.has(row.id));
    const medals = (await strapi.db.query(MEDAL_ENTRY).findMany({
      where: { kind: 'original', certificateEntry: { id: { $in: valid.map((row) => row.id).concat(0) } } },
      populate: { certificateEntry: { select: ['id'] } },
    })) as StoredRecord[];
    const medalsAnnulled = await annulmentsOf(
      strapi,
      MEDAL_ENTRY,
      medals.map((row) => row.id),
    );
    return valid.map((row) => {
      const entry = medals.find((medal) => (medal.certificateEntry as StoredRecord | null)?.id === row.id && !medalsAnnulled.has(medal.id));
      return {
        certificateEntry: row.documentId,
        certificate: `${numberOf(row)}, бланк ${String(row.blankNumber ?? '—')}`,
        student: (row.student as StoredRecord | null)?.documentId ?? null,
        fullName: String(row.fullName ?? ''),
        medal: row.medal as Medal,
        issuedOn: row.issuedOn as LocalDate,
        medalEntry: entry ? { documentId: entry.documentId, number: numberOf(entry), issuedOn: entry.issuedOn as LocalDate } : null,
      };
    });
  },

  /** The book's pages of a calendar year of issue (this year when none is given). */
  async bookPdf(yearParam: unknown): Promise<{ pdf: Buffer; year: number }> {
    const year = yearOf(strapi, yearParam);
    const settings = getSchoolSettings(strapi);
    const rows = (await strapi.db.query(MEDAL_ENTRY).findMany({
      where: { bookYear: year },
      orderBy: { registrationNumber: 'asc' },
      populate: { original: { select: ['registrationNumber', 'bookYear'] } },
    })) as StoredRecord[];
    const annulled = await annulmentsOf(
      strapi,
      MEDAL_ENTRY,
      rows.map((row) => row.id),
    );
    const entries: MedalBookEntry[] = rows.map((row) => {
      const original = row.original as StoredRecord | null;
      const annulment = annulled.get(row.id);
      return {
        registrationNumber: Number(row.registrationNumber),
        kind: row.kind as MedalEntryKind,
        issuedOn: row.issuedOn as LocalDate,
        fullName: String(row.fullName ?? ''),
        medal: (row.medal as Medal | null) ?? null,
        certificate: (row.certificate as string | null) ?? null,
        orderNumber: (row.orderNumber as string | null) ?? null,
        orderDate: (row.orderDate as LocalDate | null) ?? null,
        issuedBy: (row.issuedBy as string | null) ?? null,
        receivedBy: (row.receivedBy as string | null) ?? null,
        reasonNote: (row.reasonNote as string | null) ?? null,
        original: original ? numberOf(original) : null,
        annulledBy: annulment ? `${numberOf(annulment)} от ${DateTime.fromISO(String(annulment.issuedOn)).toFormat('dd.MM.yyyy')}` : null,
      };
    });
    const pdf = await renderMedalBookPdf({
      schoolName: settings.name,
      schoolAddress: settings.address,
      year,
      entries,
      printedOn: DateTime.now().setZone(settings.timeZone).toFormat('dd.MM.yyyy'),
    });
    return { pdf, year };
  },
});

export type MedalEntryService = ReturnType<typeof createMedalEntryService>;

export const getMedalEntryService = (strapi: Core.Strapi): MedalEntryService => strapi.service(MEDAL_ENTRY) as unknown as MedalEntryService;

export default factories.createCoreService(MEDAL_ENTRY, ({ strapi }) => createMedalEntryService({ strapi }));
