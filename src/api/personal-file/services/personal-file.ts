import { factories, type Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DateTime } from 'luxon';
import type { LocalDate } from '../../../school/calendar';
import type { StoredRecord } from '../../../school/records/draft';
import {
  classOfYear,
  MEDICAL_DOCUMENTS,
  PERSONAL_FILE,
  YEARLY_RESULT,
  type YearDecision,
  type YearSubjectMark,
} from '../../../school/records/personal-file-rules';
import { readUpload } from '../../../school/private-uploads';
import { getSchoolSettings } from '../../../school/settings';
import { renderPersonalCardPdf, type PersonalCard } from '../card-pdf';
import { staffNameOrNull } from '../../../access/staff-name';

const ACADEMIC_YEAR = 'api::academic-year.academic-year';

/** The kinds of documents handed in at admission (the component's `kind`), as the forms name them. */
export const ADMISSION_DOCUMENT_KINDS: Record<string, string> = {
  application: 'Заявление о приёме',
  'birth-certificate': 'Копия свидетельства о рождении',
  passport: 'Копия паспорта',
  registration: 'Документ о регистрации по месту жительства',
  'medical-policy': 'Копия медицинского полиса',
  'medical-card': 'Медицинская карта',
  'personal-data-consent': 'Согласие на обработку персональных данных',
  'previous-school-extract': 'Выписка из предыдущей школы',
  'basic-certificate': 'Аттестат об основном общем образовании',
  other: 'Другой документ',
};

/** A document of the file as listed (the file itself is read by `admissionDocumentFile`). */
export interface AdmissionDocument {
  id: number;
  kind: string;
  kindLabel: string;
  receivedOn: string | null;
  note: string | null;
  /** Where the paper original is kept (the medical office for the medical documents). */
  storagePlace: string | null;
  fileName: string | null;
  size: number | null;
}

/** Who reads the documents: the medical ones are health data, kept from class teachers (`MEDICAL_DOCUMENTS`). */
export interface DocumentReader {
  withMedical: boolean;
}

/** What the fill action answers: the year's page as it now stands. */
export interface FilledYear {
  documentId: string;
  academicYear: string;
  schoolClass: string;
  grade: number;
  marks: YearSubjectMark[];
  decision: string | null;
  certifiedAt: string | null;
}

const findFile = async (strapi: Core.Strapi, documentId: string): Promise<StoredRecord> => {
  const file = (await strapi.db.query(PERSONAL_FILE).findOne({
    where: { documentId },
    populate: { student: { select: ['id', 'fullName', 'lastName', 'firstName', 'patronymic', 'birthDate', 'gender'] } },
  })) as StoredRecord | null;
  if (!file) throw new errors.NotFoundError('Личное дело не найдено');
  return file;
};

/** The year named by `?year=` (documentId or title «2025/2026»), else the current one. */
const findYear = async (strapi: Core.Strapi, year: string | undefined): Promise<StoredRecord> => {
  const where = year ? { $or: [{ documentId: year }, { title: year }] } : { state: 'current' };
  const found = (await strapi.db.query(ACADEMIC_YEAR).findOne({ where })) as StoredRecord | null;
  if (!found) {
    throw new errors.ValidationError(year ? `Учебный год «${year}» не найден` : 'Укажите учебный год: ?year=2025/2026', {
      errors: [{ path: ['year'], message: 'Укажите учебный год (documentId или название «ГГГГ/ГГГГ»)', name: 'ValidationError' }],
    });
  }
  return found;
};

const createPersonalFileService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Writes the year's page of the file from the journal's annual marks (creates it, or refreshes an
   * uncertified one); the record rules do the carrying over. `classTeacherId`: the caller is a class
   * teacher and must lead the pupil's class of that year.
   */
  async fillYear(fileDocumentId: string, yearParam: string | undefined, classTeacherId: number | null): Promise<FilledYear> {
    const file = await findFile(strapi, fileDocumentId);
    const year = await findYear(strapi, yearParam);
    const student = file.student as StoredRecord | null;
    if (!student) throw new errors.ValidationError('В личном деле не указан обучающийся');
    const schoolClass = await classOfYear(strapi, student.id, year.id);
    if (classTeacherId !== null && (schoolClass?.classTeacher as StoredRecord | null)?.id !== classTeacherId) {
      throw new errors.PolicyError(
        `Итоги ${String(year.title)} учебного года заполняет классный руководитель класса обучающегося в том году, секретарь или заместитель директора`,
      );
    }
    const existing = (await strapi.db
      .query(YEARLY_RESULT)
      .findOne({ where: { personalFile: { id: file.id }, academicYear: { id: year.id } }, select: ['documentId'] })) as StoredRecord | null;
    const documents = strapi.documents(YEARLY_RESULT);
    const written = existing
      ? await documents.update({ documentId: existing.documentId, data: {} } as never)
      : await documents.create({ data: { personalFile: file.documentId, academicYear: year.documentId } } as never);
    const stored = (await strapi.db.query(YEARLY_RESULT).findOne({
      where: { documentId: (written as unknown as StoredRecord).documentId },
      populate: { schoolClass: { select: ['name'] } },
    })) as StoredRecord;
    return {
      documentId: stored.documentId,
      academicYear: String(year.title),
      schoolClass: String((stored.schoolClass as StoredRecord | null)?.name ?? ''),
      grade: Number(stored.grade),
      marks: (stored.marks as YearSubjectMark[] | null) ?? [],
      decision: (stored.decision as string | null) ?? null,
      certifiedAt: stored.certifiedAt ? new Date(stored.certifiedAt as string).toISOString() : null,
    };
  },

  /** The personal card (личная карта обучающегося) of a file as a PDF. */
  /** The admission documents of a file, in the order they were added. */
  async admissionDocuments(fileDocumentId: string, reader: DocumentReader): Promise<AdmissionDocument[]> {
    const file = (await strapi.db.query(PERSONAL_FILE).findOne({
      where: { documentId: fileDocumentId },
      select: ['id'],
      populate: { admissionDocuments: { populate: { file: { select: ['id', 'name', 'size'] } } } },
    })) as { admissionDocuments?: StoredRecord[] } | null;
    if (!file) throw new errors.NotFoundError('Личное дело не найдено');
    return (file.admissionDocuments ?? [])
      .filter((document) => reader.withMedical || !MEDICAL_DOCUMENTS.has(String(document.kind)))
      .map((document) => {
        const upload = document.file as { name?: string; size?: number } | null;
        return {
          id: Number(document.id),
          kind: String(document.kind),
          kindLabel: ADMISSION_DOCUMENT_KINDS[String(document.kind)] ?? String(document.kind),
          receivedOn: (document.receivedOn as string | null) ?? null,
          note: (document.note as string | null) ?? null,
          storagePlace: (document.storagePlace as string | null) ?? null,
          fileName: upload?.name ?? null,
          size: typeof upload?.size === 'number' ? Math.round(upload.size * 1024) : null,
        };
      });
  },

  /** The file of one admission document of the file (404 when the document is not this file's). */
  async admissionDocumentFile(
    fileDocumentId: string,
    documentId: number,
    reader: DocumentReader,
  ): Promise<{ content: Buffer; name: string; mime: string }> {
    const file = (await strapi.db.query(PERSONAL_FILE).findOne({
      where: { documentId: fileDocumentId },
      select: ['id'],
      populate: { admissionDocuments: { populate: { file: { select: ['id'] } } } },
    })) as { admissionDocuments?: StoredRecord[] } | null;
    const document = (file?.admissionDocuments ?? []).find((candidate) => Number(candidate.id) === documentId);
    const upload = document?.file as { id?: number } | null | undefined;
    if (!upload?.id) throw new errors.NotFoundError('Документ личного дела не найден');
    if (!reader.withMedical && MEDICAL_DOCUMENTS.has(String(document?.kind))) {
      throw new errors.PolicyError('Медицинские документы — сведения о здоровье: их читают секретарь и администрация школы');
    }
    return readUpload(strapi, upload.id);
  },

  async cardPdf(fileDocumentId: string): Promise<{ pdf: Buffer; number: string }> {
    const file = await findFile(strapi, fileDocumentId);
    const student = (file.student as StoredRecord | null) ?? ({} as StoredRecord);
    const settings = getSchoolSettings(strapi);
    const years = (await strapi.db.query(YEARLY_RESULT).findMany({
      where: { personalFile: { id: file.id } },
      populate: {
        academicYear: { select: ['title', 'startDate'] },
        schoolClass: { select: ['name'] },
        certifiedBy: { select: ['fullName', 'username'] },
      },
    })) as StoredRecord[];
    const atLocal = (value: unknown): string | null =>
      value
        ? DateTime.fromJSDate(new Date(value as string))
            .setZone(settings.timeZone)
            .toFormat('dd.MM.yyyy')
        : null;
    const card: PersonalCard = {
      school: { name: settings.name, address: settings.address },
      number: String(file.number),
      fullName: String(student.fullName ?? ''),
      birthDate: (student.birthDate as LocalDate | null) ?? null,
      gender: (student.gender as 'male' | 'female' | null) ?? null,
      openedOn: (file.openedOn as LocalDate | null) ?? null,
      admissionOrder: (file.admissionOrder as string | null) ?? null,
      state: String(file.state),
      issue:
        file.state === 'issued'
          ? { on: file.issuedOn as LocalDate, application: String(file.applicationNumber), order: String(file.orderNumber) }
          : null,
      years: years
        .map((year) => ({
          title: String((year.academicYear as StoredRecord | null)?.title ?? ''),
          startDate: String((year.academicYear as StoredRecord | null)?.startDate ?? ''),
          className: String((year.schoolClass as StoredRecord | null)?.name ?? ''),
          grade: Number(year.grade),
          marks: (year.marks as YearSubjectMark[] | null) ?? [],
          decision: (year.decision as YearDecision | null) ?? null,
          decisionNote: (year.decisionNote as string | null) ?? null,
          protocol: year.councilProtocolNumber
            ? { number: String(year.councilProtocolNumber), date: (year.councilProtocolDate as LocalDate | null) ?? null }
            : null,
          certifiedOn: atLocal(year.certifiedAt),
          certifiedBy: staffNameOrNull(year.certifiedBy as StoredRecord | null),
        }))
        .sort((a, b) => a.startDate.localeCompare(b.startDate)),
      printedOn: DateTime.now().setZone(settings.timeZone).toFormat('dd.MM.yyyy'),
    };
    return { pdf: await renderPersonalCardPdf(card), number: card.number };
  },
});

export type PersonalFileService = ReturnType<typeof createPersonalFileService>;

export const getPersonalFileService = (strapi: Core.Strapi): PersonalFileService =>
  strapi.service(PERSONAL_FILE) as unknown as PersonalFileService;

export default factories.createCoreService(PERSONAL_FILE, ({ strapi }) => createPersonalFileService({ strapi }));
