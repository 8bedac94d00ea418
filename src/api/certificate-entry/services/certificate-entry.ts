import { factories, type Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DateTime } from 'luxon';
import type { LocalDate } from '../../../school/calendar';
import { CERTIFICATE_ENTRY, type CertificateKind, type DuplicateReason } from '../../../school/records/certificate-rules';
import type { StoredRecord } from '../../../school/records/draft';
import { CERTIFICATE_LEVELS, type CertificateLevel, type CertificateSubject, type Medal } from '../../../school/rules/final-marks';
import { getSchoolSettings } from '../../../school/settings';
import { renderCertificateBookPdf, type BookEntry } from '../book-pdf';
import { renderSupplementPdf } from '../supplement-pdf';

/** The body of `POST /api/certificate-entries/issue`. */
export interface IssueInput {
  student: string;
  level: CertificateLevel;
  blankNumber: string;
  orderNumber: string;
  orderDate: LocalDate;
  issuedOn: LocalDate;
  receivedBy?: string;
  proxyData?: string;
  postData?: string;
  issuedBy?: string;
}

const ISSUE_FIELDS = [
  'student',
  'level',
  'blankNumber',
  'orderNumber',
  'orderDate',
  'issuedOn',
  'receivedBy',
  'proxyData',
  'postData',
  'issuedBy',
];

const invalid = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

const createCertificateEntryService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Registers an original аттестат: the rules compute the final marks, the award and the number. */
  async issue(body: unknown): Promise<StoredRecord> {
    if (!body || typeof body !== 'object' || Array.isArray(body))
      throw new errors.ValidationError('Передайте данные выдачи объектом в поле data');
    const input = body as Record<string, unknown>;
    const unknown = Object.keys(input).filter((key) => !ISSUE_FIELDS.includes(key));
    if (unknown.length > 0)
      throw invalid(unknown[0], `Лишнее поле «${unknown[0]}»: итоговые отметки, номер и отличие вычисляются, а не вводятся`);
    if (typeof input.student !== 'string' || !input.student.trim()) throw invalid('student', 'Укажите обучающегося (documentId)');
    const data = Object.fromEntries(ISSUE_FIELDS.filter((key) => key in input).map((key) => [key, input[key]]));
    const created = (await strapi
      .documents(CERTIFICATE_ENTRY)
      .create({ data: { ...data, kind: 'original' } } as never)) as unknown as StoredRecord;
    return (await strapi.db.query(CERTIFICATE_ENTRY).findOne({ where: { documentId: created.documentId } })) as StoredRecord;
  },

  /** The pages of the book for a level and a calendar year of issue. */
  async bookPdf(levelParam: unknown, yearParam: unknown): Promise<{ pdf: Buffer; level: CertificateLevel; year: number }> {
    if (typeof levelParam !== 'string' || !(CERTIFICATE_LEVELS as readonly string[]).includes(levelParam)) {
      throw invalid('level', 'Укажите книгу: ?level=basic-general (9 класс) или ?level=secondary-general (11 класс)');
    }
    const level = levelParam as CertificateLevel;
    const settings = getSchoolSettings(strapi);
    const year = yearParam === undefined || yearParam === '' ? DateTime.now().setZone(settings.timeZone).year : Number(yearParam);
    if (!Number.isInteger(year) || year < 1900 || year > 2200) throw invalid('year', 'Год книги — четыре цифры, например ?year=2026');
    const rows = (await strapi.db.query(CERTIFICATE_ENTRY).findMany({
      where: { level, bookYear: year },
      orderBy: { registrationNumber: 'asc' },
      populate: { original: { select: ['registrationNumber', 'bookYear'] } },
    })) as StoredRecord[];
    const annulments = (await strapi.db.query(CERTIFICATE_ENTRY).findMany({
      where: { kind: 'annulment', original: { id: { $in: rows.map((row) => row.id) } } },
      select: ['registrationNumber', 'bookYear', 'issuedOn'],
      populate: { original: { select: ['id'] } },
    })) as StoredRecord[];
    const annulledBy = new Map(
      annulments.map((entry) => [
        (entry.original as StoredRecord).id,
        `№ ${String(entry.registrationNumber)} (${String(entry.bookYear)}) от ${DateTime.fromISO(String(entry.issuedOn)).toFormat('dd.MM.yyyy')}`,
      ]),
    );
    const entries: BookEntry[] = rows.map((row) => {
      const original = row.original as StoredRecord | null;
      return {
        registrationNumber: Number(row.registrationNumber),
        kind: row.kind as CertificateKind,
        blankNumber: (row.blankNumber as string | null) ?? null,
        fullName: String(row.fullName ?? ''),
        birthDate: (row.birthDate as LocalDate | null) ?? null,
        marks: (row.marks as CertificateSubject[] | null) ?? [],
        withDistinction: Boolean(row.withDistinction),
        medal: (row.medal as Medal | null) ?? null,
        orderNumber: (row.orderNumber as string | null) ?? null,
        orderDate: (row.orderDate as LocalDate | null) ?? null,
        issuedOn: row.issuedOn as LocalDate,
        issuedBy: (row.issuedBy as string | null) ?? null,
        receivedBy: (row.receivedBy as string | null) ?? null,
        proxyData: (row.proxyData as string | null) ?? null,
        postData: (row.postData as string | null) ?? null,
        original: original ? `№ ${String(original.registrationNumber)} (${String(original.bookYear)})` : null,
        reason: (row.reason as DuplicateReason | null) ?? null,
        reasonNote: (row.reasonNote as string | null) ?? null,
        annulledBy: annulledBy.get(row.id) ?? null,
      };
    });
    const pdf = await renderCertificateBookPdf({
      school: { name: settings.name, address: settings.address },
      level,
      year,
      entries,
      printedOn: DateTime.now().setZone(settings.timeZone).toFormat('dd.MM.yyyy'),
    });
    return { pdf, level, year };
  },

  /** The supplement of a registered аттестат (original or duplicate) with its final marks, as a PDF. */
  async supplementPdf(documentId: string): Promise<{ pdf: Buffer; fullName: string }> {
    const row = (await strapi.db.query(CERTIFICATE_ENTRY).findOne({ where: { documentId } })) as StoredRecord | null;
    if (!row) throw new errors.NotFoundError('Запись книги не найдена');
    if (row.kind === 'annulment') throw invalid('id', 'Запись об аннулировании не имеет приложения к аттестату');
    const settings = getSchoolSettings(strapi);
    const pdf = await renderSupplementPdf({
      schoolName: settings.name,
      schoolAddress: settings.address || null,
      level: row.level as CertificateLevel,
      kind: row.kind === 'duplicate' ? 'duplicate' : 'original',
      fullName: String(row.fullName ?? ''),
      birthDate: (row.birthDate as LocalDate | null) ?? null,
      registrationNumber: Number(row.registrationNumber),
      bookYear: Number(row.bookYear),
      blankNumber: (row.blankNumber as string | null) ?? null,
      issuedOn: row.issuedOn as LocalDate,
      marks: (row.marks as CertificateSubject[] | null) ?? [],
      withDistinction: Boolean(row.withDistinction),
      medal: (row.medal as Medal | null) ?? null,
    });
    return { pdf, fullName: String(row.fullName ?? '') };
  },
});

export type CertificateEntryService = ReturnType<typeof createCertificateEntryService>;

export const getCertificateEntryService = (strapi: Core.Strapi): CertificateEntryService =>
  strapi.service(CERTIFICATE_ENTRY) as unknown as CertificateEntryService;

export default factories.createCoreService(CERTIFICATE_ENTRY, ({ strapi }) => createCertificateEntryService({ strapi }));
