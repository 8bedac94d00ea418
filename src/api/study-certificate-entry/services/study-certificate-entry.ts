import { factories, type Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DateTime } from 'luxon';
import type { LocalDate } from '../../../school/calendar';
import type { StoredRecord } from '../../../school/records/draft';
import {
  STUDY_CERTIFICATE_DERIVED,
  STUDY_CERTIFICATE_ENTRY,
  type StudyCertificateKind,
  type StudyCertificateReason,
  type StudyYear,
} from '../../../school/records/study-certificate-rules';
import { getSchoolSettings } from '../../../school/settings';
import { renderStudyCertificateBookPdf, type StudyBookEntry } from '../book-pdf';
import { renderStudyCertificatePdf } from '../certificate-pdf';

const invalid = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

const numberOf = (row: StoredRecord): string => `№ ${String(row.registrationNumber)} (${String(row.bookYear)})`;

/**
 * Refuses a body that types what the book computes (number, name, period, classes, marks): over REST
 * and from the «Документы» page these are never typed. The content manager's form, which sends every
 * field, has them replaced by the record rules instead.
 */
export const assertNothingDerived = (body: unknown): void => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return;
  const typed = STUDY_CERTIFICATE_DERIVED.find((field) => field in (body as Record<string, unknown>));
  if (typed) {
    throw invalid(typed, `Поле «${typed}» не вводится: номер, ФИО, период обучения, классы и отметки берутся из журнала и списков классов`);
  }
};

const createStudyCertificateEntryService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Registers a справка об обучении (or an annulment) through the record rules; the stored row. */
  async issue(data: Record<string, unknown>): Promise<StoredRecord> {
    assertNothingDerived(data);
    const created = (await strapi.documents(STUDY_CERTIFICATE_ENTRY).create({ data } as never)) as unknown as StoredRecord;
    return (await strapi.db.query(STUDY_CERTIFICATE_ENTRY).findOne({ where: { documentId: created.documentId } })) as StoredRecord;
  },

  /** The справка об обучении of a registered (not annulled) entry as a PDF. */
  async certificatePdf(documentId: string): Promise<{ pdf: Buffer; fullName: string; number: string }> {
    const row = (await strapi.db.query(STUDY_CERTIFICATE_ENTRY).findOne({ where: { documentId } })) as StoredRecord | null;
    if (!row) throw new errors.NotFoundError('Запись книги справок об обучении не найдена');
    if (row.kind === 'annulment') throw invalid('id', 'Запись об аннулировании — не справка: печатается только книга');
    const annulment = (await strapi.db.query(STUDY_CERTIFICATE_ENTRY).findOne({
      where: { kind: 'annulment', original: { id: row.id } },
      select: ['registrationNumber', 'bookYear'],
    })) as StoredRecord | null;
    if (annulment) throw invalid('id', `Справка ${numberOf(row)} аннулирована записью ${numberOf(annulment)}`);
    const settings = getSchoolSettings(strapi);
    const pdf = await renderStudyCertificatePdf({
      schoolName: settings.name,
      schoolAddress: settings.address || null,
      registrationNumber: Number(row.registrationNumber),
      bookYear: Number(row.bookYear),
      issuedOn: row.issuedOn as LocalDate,
      fullName: String(row.fullName ?? ''),
      birthDate: (row.birthDate as LocalDate | null) ?? null,
      periodFrom: (row.periodFrom as LocalDate | null) ?? null,
      periodTo: (row.periodTo as LocalDate | null) ?? null,
      reason: (row.reason as StudyCertificateReason | null) ?? null,
      years: (row.years as StudyYear[] | null) ?? [],
    });
    return { pdf, fullName: String(row.fullName ?? ''), number: `${String(row.registrationNumber)}-${String(row.bookYear)}` };
  },

  /** The book's pages of a calendar year of issue (this year when none is given). */
  async bookPdf(yearParam: unknown): Promise<{ pdf: Buffer; year: number }> {
    const settings = getSchoolSettings(strapi);
    const year = yearParam === undefined || yearParam === '' ? DateTime.now().setZone(settings.timeZone).year : Number(yearParam);
    if (!Number.isInteger(year) || year < 1900 || year > 2200) throw invalid('year', 'Год книги — четыре цифры, например ?year=2026');
    const rows = (await strapi.db.query(STUDY_CERTIFICATE_ENTRY).findMany({
      where: { bookYear: year },
      orderBy: { registrationNumber: 'asc' },
      populate: { original: { select: ['registrationNumber', 'bookYear'] } },
    })) as StoredRecord[];
    const annulments = (await strapi.db.query(STUDY_CERTIFICATE_ENTRY).findMany({
      where: { kind: 'annulment', original: { id: { $in: rows.map((row) => row.id).concat(0) } } },
      select: ['registrationNumber', 'bookYear', 'issuedOn'],
      populate: { original: { select: ['id'] } },
    })) as StoredRecord[];
    const annulledBy = new Map(
      annulments.map((entry) => [
        (entry.original as StoredRecord).id,
        `${numberOf(entry)} от ${DateTime.fromISO(String(entry.issuedOn)).toFormat('dd.MM.yyyy')}`,
      ]),
    );
    const entries: StudyBookEntry[] = rows.map((row) => {
      const original = row.original as StoredRecord | null;
      return {
        registrationNumber: Number(row.registrationNumber),
        kind: row.kind as StudyCertificateKind,
        issuedOn: row.issuedOn as LocalDate,
        fullName: String(row.fullName ?? ''),
        birthDate: (row.birthDate as LocalDate | null) ?? null,
        periodFrom: (row.periodFrom as LocalDate | null) ?? null,
        periodTo: (row.periodTo as LocalDate | null) ?? null,
        reason: (row.reason as StudyCertificateReason | null) ?? null,
        reasonNote: (row.reasonNote as string | null) ?? null,
        years: (row.years as StudyYear[] | null) ?? [],
        issuedBy: (row.issuedBy as string | null) ?? null,
        receivedBy: (row.receivedBy as string | null) ?? null,
        original: original ? numberOf(original) : null,
        annulledBy: annulledBy.get(row.id) ?? null,
      };
    });
    const pdf = await renderStudyCertificateBookPdf({
      schoolName: settings.name,
      schoolAddress: settings.address,
      year,
      entries,
      printedOn: DateTime.now().setZone(settings.timeZone).toFormat('dd.MM.yyyy'),
    });
    return { pdf, year };
  },
});

export type StudyCertificateEntryService = ReturnType<typeof createStudyCertificateEntryService>;

export const getStudyCertificateEntryService = (strapi: Core.Strapi): StudyCertificateEntryService =>
  strapi.service(STUDY_CERTIFICATE_ENTRY) as unknown as StudyCertificateEntryService;

export default factories.createCoreService(STUDY_CERTIFICATE_ENTRY, ({ strapi }) => createStudyCertificateEntryService({ strapi }));
