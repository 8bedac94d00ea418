import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { answerRequest, issuedDocumentOf } from '../../../../../api/results-request/answer';
import { getCertificateBlankService, registerSelectionOf } from '../../../../../api/certificate-blank/services/certificate-blank';
import { getCertificateEntryService } from '../../../../../api/certificate-entry/services/certificate-entry';
import { getStudyCertificateEntryService } from '../../../../../api/study-certificate-entry/services/study-certificate-entry';
import { getPersonalFileService, type AdmissionDocument, type FilledYear } from '../../../../../api/personal-file/services/personal-file';
import { filesInventoryPdf } from '../../../../../api/personal-file/inventory-pdf';
import { todayInZone } from '../../../../../school/calendar';
import { REGISTER_STATES, type RegisterState } from '../../../../../school/rules/certificate-blanks';
import { getSchoolSettings } from '../../../../../school/settings';
import { renderJournalPdf, renderSummaryPdf, type PrintedRemark } from '../archive/pdf';
import { renderSummaryWorkbook } from '../archive/xlsx';
import { buildZip } from '../archive/zip';
import { getService } from '../utils';
import { staffNameOf } from '../../../../../access/staff-name';

/**
 * The secretary's «Документы» page: a pupil's personal file with every year's results as filled
 * from the journal, the personal card, the аттестаты registered for the pupil, and the paper forms
 * printed on demand — a class's journals for a period with the inspection page, and a class's summary
 * progress sheet for a year. Every write goes through the same services as REST (the record rules,
 * the certificate book's numbering and the audit trail apply); this service only gathers and prints.
 */

type Row = Record<string, unknown> & { id: number; documentId: string };

const STUDENT = 'api::student.student';
const PERSONAL_FILE = 'api::personal-file.personal-file';
const YEARLY_RESULT = 'api::yearly-result.yearly-result';
const CERTIFICATE_ENTRY = 'api::certificate-entry.certificate-entry';
const ENROLLMENT = 'api::enrollment.enrollment';
const STUDY_CERTIFICATE_ENTRY = 'api::study-certificate-entry.study-certificate-entry';

const notFound = (what: string) => new errors.NotFoundError(what);
const fieldError = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

export interface PupilFound {
  documentId: string;
  fullName: string;
  birthDate: string | null;
  className: string | null;
  fileNumber: string | null;
}

export interface PupilDocuments {
  pupil: { documentId: string; fullName: string; birthDate: string | null };
  personalFile: {
    documentId: string;
    number: string;
    openedOn: string | null;
    admissionOrder: string | null;
    state: string;
    issuedOn: string | null;
    issuedTo: string | null;
  } | null;
  admissionDocuments: AdmissionDocument[];
  /** The pupil's legal representatives, for a request made by one of them. */
  guardians: Array<{ documentId: string; fullName: string }>;
  classes: Array<{ schoolClass: string; academicYear: string; academicYearDocumentId: string; startDate: string; endDate: string | null }>;
  years: Array<{
    documentId: string;
    academicYear: string;
    schoolClass: string | null;
    grade: number | null;
    marks: Array<{ subject: string; value: string }>;
    decision: string | null;
    councilProtocolNumber: string | null;
    councilProtocolDate: string | null;
    certifiedAt: string | null;
    certifiedBy: string | null;
  }>;
  certificates: Array<{
    documentId: string;
    level: string;
    kind: string;
    registrationNumber: number | null;
    bookYear: number | null;
    blankNumber: string | null;
    issuedOn: string | null;
    medal: string | null;
    withDistinction: boolean;
  }>;
  /** The pupil's entries in the book of study certificates (справки об обучении), annulments included. */
  studyCertificates: Array<{
    documentId: string;
    kind: string;
    registrationNumber: number | null;
    bookYear: number | null;
    issuedOn: string | null;
    reason: string | null;
    classes: string | null;
    annulled: boolean;
  }>;
}

/** The register of blanks is shown 50 to a page unless asked otherwise. */
const BLANKS_PAGE_SIZE = 50;

const text = (value: unknown): string | null => (value === null || value === undefined || value === '' ? null : String(value));

const createDocumentsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const pupilOf = async (documentId: string): Promise<Row> => {
    const pupil = (await strapi.db
      .query(STUDENT)
      .findOne({ where: { documentId }, select: ['id', 'documentId', 'fullName', 'birthDate'] })) as Row | null;
    if (!pupil) throw notFound('Обучающийся не найден');
    return pupil;
  };

  const fileOf = async (pupilId: number): Promise<Row | null> =>
    (await strapi.db.query(PERSONAL_FILE).findOne({ where: { student: { id: pupilId } } })) as Row | null;

  const requireFile = async (studentDocumentId: string): Promise<Row> => {
    const file = await fileOf((await pupilOf(studentDocumentId)).id);
    if (!file) throw fieldError('personalFile', 'У обучающегося нет личного дела: откройте его в разделе «Личные дела»');
    return file;
  };

  const classOf = async (schoolClassDocumentId: string): Promise<Row> => {
    const schoolClass = (await strapi.db.query('api::school-class.school-class').findOne({
      where: { documentId: schoolClassDocumentId },
      select: ['id', 'documentId', 'name', 'grade', 'letter'],
      populate: { academicYear: { select: ['id', 'documentId', 'title', 'startDate', 'endDate'] } },
    })) as Row | null;
    if (!schoolClass) throw fieldError('schoolClass', 'Класс не найден');
    return schoolClass;
  };

  /** The pupils on a class's list, alphabetical, with their personal files. */
  const classFiles = async (schoolClassDocumentId: string) => {
    const schoolClass = await classOf(schoolClassDocumentId);
    const enrollments = (await strapi.db.query(ENROLLMENT).findMany({
      where: { schoolClass: { id: schoolClass.id } },
      select: ['id'],
      populate: { student: { select: ['id', 'documentId', 'fullName', 'birthDate'] } },
    })) as Row[];
    const pupils = [...new Map(enrollments.map((row) => [(row.student as Row).id, row.student as Row])).values()].sort((a, b) =>
      String(a.fullName).localeCompare(String(b.fullName), 'ru'),
    );
    if (pupils.length === 0) throw fieldError('schoolClass', `В ${String(schoolClass.name)} классе нет обучающихся`);
    const files = (await strapi.db.query(PERSONAL_FILE).findMany({
      where: { student: { id: { $in: pupils.map((pupil) => pupil.id) } } },
      select: ['documentId', 'number', 'storagePlace', 'state'],
      populate: { student: { select: ['id'] } },
    })) as Row[];
    const fileOfPupil = new Map(files.map((file) => [(file.student as Row | null)?.id, file]));
    return { schoolClass, pupils, fileOfPupil };
  };

  return {
    /** The inventory of a class's personal files, alphabetical, with their places (seed 000 §1.9). */
    async filesInventory(schoolClassDocumentId: string): Promise<{ pdf: Buffer; fileName: string }> {
      const { schoolClass, pupils, fileOfPupil } = await classFiles(schoolClassDocumentId);
      const settings = getSchoolSettings(strapi);
      const pdf = await filesInventoryPdf({
        schoolName: settings.name,
        className: String(schoolClass.name),
        academicYear: String((schoolClass.academicYear as Row | null)?.title ?? ''),
        printedOn: todayInZone(settings.timeZone),
        lines: pupils.map((pupil) => {
          const file = fileOfPupil.get(pupil.id);
          return {
            fullName: String(pupil.fullName ?? ''),
            birthDate: text(pupil.birthDate),
            number: text(file?.number),
            storagePlace: text(file?.storagePlace),
            state: text(file?.state),
          };
        }),
      });
      return { pdf, fileName: `Опись личных дел ${String(schoolClass.name)}.pdf` };
    },

    /** School years, newest first, with their classes and study periods: what the print forms offer. */
    async choices() {
      const years = (await strapi.db.query('api::academic-year.academic-year').findMany({
        select: ['documentId', 'title', 'startDate'],
        orderBy: [{ startDate: 'desc' }],
        populate: {
          schoolClasses: { select: ['documentId', 'name', 'grade', 'letter'] },
          studyPeriods: { select: ['documentId', 'title', 'scheme', 'number', 'startDate', 'endDate', 'closedAt'] },
        },
      })) as Row[];
      const byGradeThenLetter = (a: Row, b: Row) =>
        Number(a.grade) - Number(b.grade) || String(a.letter).localeCompare(String(b.letter), 'ru');
      return years.map((year) => ({
        documentId: year.documentId,
        title: String(year.title),
        classes: ((year.schoolClasses as Row[] | null) ?? [])
          .sort(byGradeThenLetter)
          .map((row) => ({ documentId: row.documentId, name: String(row.name) })),
        periods: ((year.studyPeriods as Row[] | null) ?? [])
          .sort((a, b) => String(a.startDate).localeCompare(String(b.startDate)))
          .map((row) => ({ documentId: row.documentId, title: String(row.title), closed: Boolean(row.closedAt) })),
      }));
    },

    /** Pupils whose name contains `query` (at least two letters), with their latest class and file number. */
    async searchPupils(query: string): Promise<PupilFound[]> {
      const words = query.trim().split(/\s+/).filter(Boolean);
      if (words.join('').length < 2) return [];
      const pupils = (await strapi.db.query(STUDENT).findMany({
        where: { $and: words.map((word) => ({ fullName: { $containsi: word } })) },
        select: ['id', 'documentId', 'fullName', 'birthDate'],
        orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }],
        limit: 30,
      })) as Row[];
      if (pupils.length === 0) return [];
      const ids = pupils.map((pupil) => pupil.id);
      const [files, enrollments] = (await Promise.all([
        strapi.db
          .query(PERSONAL_FILE)
          .findMany({ where: { student: { id: { $in: ids } } }, select: ['number'], populate: { student: { select: ['id'] } } }),
        strapi.db.query(ENROLLMENT).findMany({
          where: { student: { id: { $in: ids } } },
          select: ['startDate'],
          orderBy: [{ startDate: 'desc' }],
          populate: { student: { select: ['id'] }, schoolClass: { select: ['name'] } },
        }),
      ])) as [Row[], Row[]];
      const fileNumber = new Map(files.map((file) => [(file.student as Row | null)?.id, text(file.number)]));
      const className = new Map<number, string | null>();
      for (const enrollment of enrollments) {
        const id = (enrollment.student as Row | null)?.id;
        if (id !== undefined && !className.has(id)) className.set(id, text((enrollment.schoolClass as Row | null)?.name));
      }
      return pupils.map((pupil) => ({
        documentId: pupil.documentId,
        fullName: String(pupil.fullName ?? ''),
        birthDate: text(pupil.birthDate),
        className: className.get(pupil.id) ?? null,
        fileNumber: fileNumber.get(pupil.id) ?? null,
      }));
    },

    /** Everything the secretary needs of one pupil on one page. */
    async pupilDocuments(studentDocumentId: string): Promise<PupilDocuments> {
      const pupil = await pupilOf(studentDocumentId);
      const file = await fileOf(pupil.id);
      const [enrollments, years, certificates, studyCertificates] = (await Promise.all([
        strapi.db.query(ENROLLMENT).findMany({
          where: { student: { id: pupil.id } },
          select: ['startDate', 'endDate'],
          orderBy: [{ startDate: 'asc' }],
          populate: { schoolClass: { select: ['name'], populate: { academicYear: { select: ['documentId', 'title'] } } } },
        }),
        file
          ? strapi.db.query(YEARLY_RESULT).findMany({
              where: { personalFile: { id: file.id } },
              populate: {
                academicYear: { select: ['title', 'startDate'] },
                schoolClass: { select: ['name'] },
                certifiedBy: { select: ['fullName', 'username'] },
              },
            })
          : Promise.resolve([]),
        strapi.db.query(CERTIFICATE_ENTRY).findMany({
          where: { student: { id: pupil.id } },
          orderBy: [{ id: 'asc' }],
        }),
        strapi.db.query(STUDY_CERTIFICATE_ENTRY).findMany({
          where: { student: { id: pupil.id } },
          select: ['id', 'documentId', 'kind', 'registrationNumber', 'bookYear', 'issuedOn', 'reason', 'classes'],
          populate: { original: { select: ['id'] } },
          orderBy: [{ id: 'asc' }],
        }),
      ])) as [Row[], Row[], Row[], Row[]];
      const annulledIds = new Set(
        studyCertificates.filter((entry) => entry.kind === 'annulment').map((entry) => (entry.original as Row | null)?.id),
      );
      const yearOf = (row: Row) => row.academicYear as Row | null;
      return {
        pupil: { documentId: pupil.documentId, fullName: String(pupil.fullName ?? ''), birthDate: text(pupil.birthDate) },
        personalFile: file
          ? {
              documentId: file.documentId,
              number: String(file.number ?? ''),
              openedOn: text(file.openedOn),
              admissionOrder: text(file.admissionOrder),
              state: String(file.state ?? 'open'),
              issuedOn: text(file.issuedOn),
              issuedTo: text(file.issuedTo),
            }
          : null,
        // The page is for the secretary and the administration: the medical documents too.
        guardians: (
          (await strapi.db.query('api::guardian.guardian').findMany({
            where: { children: { id: pupil.id } },
            select: ['documentId', 'fullName'],
            orderBy: [{ fullName: 'asc' }],
          })) as Row[]
        ).map((guardian) => ({ documentId: guardian.documentId, fullName: String(guardian.fullName ?? '') })),
        admissionDocuments: file ? await getPersonalFileService(strapi).admissionDocuments(file.documentId, { withMedical: true }) : [],
        classes: enrollments.map((enrollment) => {
          const schoolClass = enrollment.schoolClass as Row | null;
          const academicYear = schoolClass?.academicYear as Row | null;
          return {
            schoolClass: String(schoolClass?.name ?? '—'),
            academicYear: String(academicYear?.title ?? '—'),
            academicYearDocumentId: String(academicYear?.documentId ?? ''),
            startDate: String(enrollment.startDate),
            endDate: text(enrollment.endDate),
          };
        }),
        years: years
          .sort((a, b) => String(yearOf(a)?.startDate ?? '').localeCompare(String(yearOf(b)?.startDate ?? '')))
          .map((year) => ({
            documentId: year.documentId,
            academicYear: String(yearOf(year)?.title ?? '—'),
            schoolClass: text((year.schoolClass as Row | null)?.name),
            grade: typeof year.grade === 'number' ? year.grade : null,
            marks: ((year.marks as Array<{ subject: string; value: string }> | null) ?? []).map(({ subject, value }) => ({
              subject,
              value,
            })),
            decision: text(year.decision),
            councilProtocolNumber: text(year.councilProtocolNumber),
            councilProtocolDate: text(year.councilProtocolDate),
            certifiedAt: text(year.certifiedAt),
            certifiedBy: text(staffNameOf(year.certifiedBy as Row | null)),
          })),
        certificates: certificates.map((entry) => ({
          documentId: entry.documentId,
          level: String(entry.level),
          kind: String(entry.kind),
          registrationNumber: typeof entry.registrationNumber === 'number' ? entry.registrationNumber : null,
          bookYear: typeof entry.bookYear === 'number' ? entry.bookYear : null,
          blankNumber: text(entry.blankNumber),
          issuedOn: text(entry.issuedOn),
          medal: text(entry.medal),
          withDistinction: entry.withDistinction === true,
        })),
        studyCertificates: studyCertificates.map((entry) => ({
          documentId: entry.documentId,
          kind: String(entry.kind),
          registrationNumber: typeof entry.registrationNumber === 'number' ? entry.registrationNumber : null,
          bookYear: typeof entry.bookYear === 'number' ? entry.bookYear : null,
          issuedOn: text(entry.issuedOn),
          reason: text(entry.reason),
          classes: text(entry.classes),
          annulled: annulledIds.has(entry.id),
        })),
      };
    },

    /** Writes a year's page of the personal file from the journal (as `POST /api/personal-files/:id/yearly-results/fill`). */
    async fillYear(studentDocumentId: string, academicYearDocumentId: string): Promise<FilledYear> {
      const file = await requireFile(studentDocumentId);
      return getPersonalFileService(strapi).fillYear(file.documentId, academicYearDocumentId, null);
    },

    /** One admission document's file, read from the upload store (its public link answers 404). */
    async admissionDocument(studentDocumentId: string, documentId: number) {
      const file = await requireFile(studentDocumentId);
      return getPersonalFileService(strapi).admissionDocumentFile(file.documentId, documentId, { withMedical: true });
    },

    async personalCard(studentDocumentId: string): Promise<{ pdf: Buffer; number: string }> {
      const file = await requireFile(studentDocumentId);
      return getPersonalFileService(strapi).cardPdf(file.documentId);
    },

    /**
     * Issues the personal file to the parents on a transfer (seed 000 §1.10): the date, the parents'
     * application and the order, through the personal file's record rules (state «выдано»).
     */
    async issueFile(
      studentDocumentId: string,
      input: { issuedOn: string; applicationNumber: string; orderNumber: string; issuedTo: string },
    ) {
      const file = await requireFile(studentDocumentId);
      if (file.state === 'issued')
        throw fieldError('state', `Личное дело № ${String(file.number)} уже выдано ${String(file.issuedOn ?? '')}`);
      await strapi.documents(PERSONAL_FILE as never).update({ documentId: file.documentId, data: { state: 'issued', ...input } as never });
      return this.pupilDocuments(studentDocumentId);
    },

    /** The personal cards of a class's pupils as one ZIP, one PDF per pupil, and a list of those without a file. */
    async classCards(schoolClassDocumentId: string): Promise<{ zip: Buffer; fileName: string; cards: number; withoutFile: number }> {
      const { schoolClass, pupils, fileOfPupil } = await classFiles(schoolClassDocumentId);
      const entries = [];
      const missing: string[] = [];
      for (const pupil of pupils) {
        const file = fileOfPupil.get(pupil.id);
        if (!file) {
          missing.push(String(pupil.fullName));
          continue;
        }
        const { pdf, number } = await getPersonalFileService(strapi).cardPdf(file.documentId);
        entries.push({ path: `${number.replace('/', '-')} ${String(pupil.fullName)}.pdf`, content: pdf });
      }
      if (missing.length > 0) {
        const note = `Личные дела не открыты (личные карты не сформированы):\r\n${missing.map((name) => `- ${name}`).join('\r\n')}\r\n`;
        entries.push({ path: 'БЕЗ ЛИЧНОГО ДЕЛА.txt', content: Buffer.from(note, 'utf8') });
      }
      return {
        zip: buildZip(entries),
        fileName: `Личные карты ${String(schoolClass.name)}.zip`,
        cards: entries.length - (missing.length > 0 ? 1 : 0),
        withoutFile: missing.length,
      };
    },

    /** The supplement of one of the pupil's аттестаты (404 when the entry is another pupil's). */
    async certificateSupplement(studentDocumentId: string, entryDocumentId: string) {
      const pupil = await pupilOf(studentDocumentId);
      const own = await strapi.db.query(CERTIFICATE_ENTRY).count({ where: { documentId: entryDocumentId, student: { id: pupil.id } } });
      if (own === 0) throw notFound('Запись книги не найдена');
      return getCertificateEntryService(strapi).supplementPdf(entryDocumentId);
    },

    /**
     * A справка об успеваемости issued at the counter: the request is registered (oral or written, by
     * the pupil or a legal representative — the register's rules check who) and answered with the
     * справка at once by the staff account of the panel user, who must have one.
     */
    async progressCertificate(
      studentDocumentId: string,
      staffAccountId: number | null,
      input: { requesterKind: 'guardian' | 'pupil'; guardian?: string; form: 'oral' | 'written' },
    ) {
      await pupilOf(studentDocumentId);
      if (staffAccountId === null) {
        throw fieldError('requesterKind', 'Справку выдаёт сотрудник под своей учётной записью школы (с тем же e-mail, что в админ-панели)');
      }
      const account = (await strapi.db
        .query('plugin::users-permissions.user')
        .findOne({ where: { id: staffAccountId }, select: ['id'], populate: { role: { select: ['type'] } } })) as
        | (Row & { role: { type: string } | null })
        | null;
      const created = (await strapi.documents('api::results-request.results-request' as never).create({
        data: {
          student: studentDocumentId,
          requesterKind: input.requesterKind,
          guardian: input.requesterKind === 'guardian' ? (input.guardian ?? null) : null,
          form: input.form,
          request: 'Справка об успеваемости',
        } as never,
      })) as unknown as Row & { number: number };
      const answer = await answerRequest(
        strapi,
        { kind: 'user', id: staffAccountId, roleType: account?.role?.type ?? '' },
        created.documentId,
        'progress-certificate',
      );
      return { request: created.documentId, number: created.number, ...answer };
    },

    /** The document issued in answer to one of the pupil's requests, as issued. */
    async requestDocument(studentDocumentId: string, requestDocumentId: string) {
      const pupil = await pupilOf(studentDocumentId);
      const request = (await strapi.db
        .query('api::results-request.results-request')
        .findOne({ where: { documentId: requestDocumentId, student: { id: pupil.id } }, select: ['id'] })) as Row | null;
      if (!request) throw notFound('Обращение не найдено');
      return issuedDocumentOf(strapi, request.id);
    },

    /** Registers an original аттестат for the pupil in the book (as `POST /api/certificate-entries/issue`). */
    async issueCertificate(studentDocumentId: string, input: Record<string, unknown>) {
      await pupilOf(studentDocumentId);
      return getCertificateEntryService(strapi).issue({ ...input, student: studentDocumentId });
    },

    /**
     * Issues a справка об обучении to the pupil and registers it in the book (as `POST
     * /api/study-certificate-entries`): the reason, date and receiver are typed; the number, the period,
     * the classes and the marks are taken from the class lists and the journal by the record rules.
     */
    async issueStudyCertificate(studentDocumentId: string, input: Record<string, unknown>) {
      await pupilOf(studentDocumentId);
      const allowed = ['reason', 'reasonNote', 'issuedOn', 'issuedBy', 'receivedBy'];
      const unknown = Object.keys(input).find((key) => !allowed.includes(key));
      if (unknown) throw fieldError(unknown, `Лишнее поле «${unknown}»: номер, период обучения, классы и отметки не вводятся`);
      const data = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== '' && value !== null && value !== undefined));
      return getStudyCertificateEntryService(strapi).issue({ ...data, kind: 'original', student: studentDocumentId });
    },

    /** One of the pupil's справки об обучении as a PDF (404 when the entry is another pupil's). */
    async studyCertificatePdf(studentDocumentId: string, entryDocumentId: string) {
      const pupil = await pupilOf(studentDocumentId);
      const own = await strapi.db
        .query(STUDY_CERTIFICATE_ENTRY)
        .count({ where: { documentId: entryDocumentId, student: { id: pupil.id } } });
      if (own === 0) throw notFound('Запись книги справок об обучении не найдена');
      return getStudyCertificateEntryService(strapi).certificatePdf(entryDocumentId);
    },

    /** The pages of the book of study certificates of a calendar year. */
    async studyCertificateBook(year: unknown) {
      return getStudyCertificateEntryService(strapi).bookPdf(year);
    },

    /**
     * The register of аттестат blanks (R43): the balance per level as `GET /api/certificate-blanks/balance`
     * gives it, and one page (50 by default, at most 100) of the blanks of a level (both when empty) in a
     * state (any when empty), in register order.
     */
    async blanks(
      levelParam: unknown,
      stateParam: unknown,
      { page = 1, pageSize = BLANKS_PAGE_SIZE }: { page?: number; pageSize?: number } = {},
    ) {
      const selection = registerSelectionOf(levelParam, undefined);
      let state: RegisterState | null = null;
      if (stateParam !== undefined && stateParam !== '') {
        if (typeof stateParam !== 'string' || !(REGISTER_STATES as readonly string[]).includes(stateParam)) {
          throw fieldError('state', 'Состояние бланка: in-stock (в сейфе), issued (выдан), spoiled (списан) или annulled (аннулирован)');
        }
        state = stateParam as RegisterState;
      }
      const register = getCertificateBlankService(strapi);
      const lines = await register.registerLines(selection);
      const chosen = state ? lines.filter((line) => line.state === state) : lines;
      return {
        balance: await register.balance(),
        blanks: chosen.slice((page - 1) * pageSize, page * pageSize),
        pagination: { page, pageSize, total: chosen.length, pageCount: Math.ceil(chosen.length / pageSize) },
      };
    },

    /** A receipt of numbered blanks into the safe (as `POST /api/certificate-blanks/receive`). */
    async receiveBlanks(input: unknown) {
      return getCertificateBlankService(strapi).receive(input);
    },

    /** The write-off of a spoiled blank by an act (as `PUT /api/certificate-blanks/:id` with `state: spoiled`). */
    async writeOffBlank(documentId: string, input: unknown) {
      return getCertificateBlankService(strapi).writeOff(documentId, input);
    },

    /** The printed register of blanks (as `GET /api/certificate-blanks/register.pdf`). */
    async blankRegister(level: unknown, year: unknown) {
      return getCertificateBlankService(strapi).registerPdf(level, year);
    },

    /**
     * A class's journals of a study period printed now, the period open or closed, with the
     * inspection page of the deputy director's remarks on those journals made during the period.
     */
    async journalPrint(periodDocumentId: string, schoolClassDocumentId: string): Promise<{ pdf: Buffer; fileName: string }> {
      const exporter = getService(strapi, 'journal-export');
      const period = await exporter.loadPeriod(periodDocumentId);
      if (!period) throw fieldError('period', 'Учебный период не найден');
      const schoolClass = await classOf(schoolClassDocumentId);
      const group = (await exporter.findPeriodGroups(period)).find((candidate) => candidate.schoolClass?.id === schoolClass.id);
      if (!group) throw fieldError('schoolClass', `У ${String(schoolClass.name)} класса нет уроков и отметок в этом периоде`);
      const archive = await exporter.collectPeriodArchive(period, group);
      const remarks = (await strapi.db.query('api::journal-remark.journal-remark').findMany({
        where: {
          journal: { id: { $in: group.journalIds } },
          inspectedOn: { $gte: String(period.startDate), $lte: String(period.endDate) },
        },
        select: ['inspectedOn', 'remarks', 'fixBy', 'state'],
        populate: { journal: { select: ['id', 'title'] }, inspector: { select: ['fullName', 'username'] } },
      })) as Row[];
      const printed: PrintedRemark[] = remarks.map((remark) => ({
        journal: String((remark.journal as Row | null)?.title ?? '—'),
        inspectedOn: String(remark.inspectedOn),
        inspector: staffNameOf(remark.inspector as Row | null) || '—',
        remarks: String(remark.remarks ?? ''),
        fixBy: text(remark.fixBy),
        state: String(remark.state ?? 'open'),
      }));
      const pdf = await renderJournalPdf(archive, new Date(), { onDemand: true, remarks: printed });
      return { pdf, fileName: `Журнал ${String(schoolClass.name)} — ${String(period.title)}.pdf` };
    },

    /** A class's summary progress sheet of its school year, printed now (PDF or XLSX). */
    async summaryPrint(schoolClassDocumentId: string, format: 'pdf' | 'xlsx'): Promise<{ body: Buffer; fileName: string }> {
      const exporter = getService(strapi, 'journal-export');
      const schoolClass = await classOf(schoolClassDocumentId);
      const year = schoolClass.academicYear as (Row & { title: string; startDate: string; endDate: string }) | null;
      if (!year) throw fieldError('schoolClass', 'У класса не указан учебный год');
      const archive = await exporter.collectSummaryArchive(year, schoolClass as never);
      const body = format === 'xlsx' ? await renderSummaryWorkbook(archive, new Date()) : await renderSummaryPdf(archive, new Date());
      return { body, fileName: `Сводная ведомость ${String(schoolClass.name)} — ${year.title}.${format}` };
    },
  };
};

export type DocumentsService = ReturnType<typeof createDocumentsService>;
export default createDocumentsService;
