import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { formatLocalDate, todayInZone, type LocalDate } from '../../school/calendar';
import { BOLD_FONT, REGULAR_FONT } from '../../school/pdf-fonts';
import { CONTENT_WIDTH, createPdf, drawTable, numberPages } from '../../school/pdf-document';
import { schemeForGrade } from '../../school/rules/study-periods';
import { getSchoolSettings } from '../../school/settings';
import { classOn } from '../parent-meeting/pupil-report';

/**
 * «Справка об успеваемости» (seed 003 §4.8, R51): the pupil's results of the current school year —
 * each subject's marks of the study periods so far and the annual mark — from the journal, with the
 * school's details, its number in the register of requests, the date, the head's signature and the
 * seal, issued to the pupil or the parents on their request (e.g. for a transfer). For the
 * secretary, the deputy director, the director and the class teacher of the pupil's class.
 */

type Row = Record<string, unknown> & { id: number; documentId: string };

const ISSUERS = new Set(['secretary', 'deputy-director', 'director']);

export interface ProgressCertificate {
  schoolName: string;
  schoolAddress: string | null;
  number: string;
  issuedOn: LocalDate;
  fullName: string;
  birthDate: LocalDate | null;
  className: string;
  academicYear: string;
  periods: string[];
  subjects: Array<{ subject: string; periodMarks: string[]; annual: string | null }>;
}

const rows = (strapi: Core.Strapi, uid: string, params: Record<string, unknown>) =>
  strapi.db.query(uid as never).findMany(params) as Promise<Row[]>;

export const buildProgressCertificate = async (
  strapi: Core.Strapi,
  reader: { id: number; roleType: string },
  studentDocumentId: string,
  number: string,
): Promise<ProgressCertificate> => {
  const pupil = (await strapi.db
    .query('api::student.student')
    .findOne({ where: { documentId: studentDocumentId }, select: ['id', 'documentId', 'fullName', 'birthDate'] })) as Row | null;
  if (!pupil) throw new errors.NotFoundError('Обучающийся не найден');
  const settings = getSchoolSettings(strapi);
  const today = todayInZone(settings.timeZone);
  const schoolClass = await classOn(strapi, pupil.id, today);
  if (!schoolClass) throw new errors.ApplicationError('Обучающийся не числится ни в одном классе');
  if (!ISSUERS.has(reader.roleType)) {
    const leads = await strapi.db
      .query('api::school-class.school-class')
      .count({ where: { id: schoolClass.id, classTeacher: { id: reader.id } } });
    if (reader.roleType !== 'class-teacher' || leads === 0) {
      throw new errors.PolicyError('Справку об успеваемости выдают секретарь, администрация школы и классный руководитель обучающегося');
    }
  }
  const year = schoolClass.academicYear as Row & { id: number; title: string };
  const scheme = schemeForGrade(Number(schoolClass.grade), settings.periodSchemes);
  const periods = scheme
    ? await rows(strapi, 'api::study-period.study-period', {
        where: { academicYear: { id: year.id }, scheme },
        select: ['id', 'title', 'number'],
        orderBy: [{ number: 'asc' }],
      })
    : [];
  const journals = await rows(strapi, 'api::journal.journal', {
    where: { schoolClass: { id: schoolClass.id } },
    select: ['id', 'title'],
    populate: { subject: { select: ['name', 'sortOrder'] }, pupils: { select: ['id'] } },
  });
  const own = journals.filter((journal) => {
    const listed = (journal.pupils as Row[] | null) ?? [];
    return listed.length === 0 || listed.some((row) => row.id === pupil.id);
  });
  const marks = await rows(strapi, 'api::mark.mark', {
    where: {
      student: { id: pupil.id },
      kind: { $in: ['periodic', 'annual'] },
      journal: { id: { $in: own.map((row) => row.id).concat(0) } },
    },
    select: ['kind', 'value'],
    populate: { journal: { select: ['id'] }, studyPeriod: { select: ['id'] } },
  });
  const subjects = own
    .map((journal) => {
      const ofJournal = marks.filter((mark) => (mark.journal as Row | null)?.id === journal.id);
      const subject = journal.subject as Row | null;
      return {
        subject: String(subject?.name ?? journal.title ?? ''),
        sortOrder: Number(subject?.sortOrder ?? 100),
        periodMarks: periods.map((period) =>
          String(ofJournal.find((mark) => mark.kind === 'periodic' && (mark.studyPeriod as Row | null)?.id === period.id)?.value ?? '—'),
        ),
        annual: (ofJournal.find((mark) => mark.kind === 'annual')?.value as string | undefined) ?? null,
      };
    })
    .sort((a, b) => a.sortOrder - b.sortOrder || a.subject.localeCompare(b.subject, 'ru'))
    .map(({ sortOrder: _sortOrder, ...subject }) => subject);
  return {
    schoolName: settings.name,
    schoolAddress: settings.address || null,
    number,
    issuedOn: today,
    fullName: String(pupil.fullName ?? ''),
    birthDate: (pupil.birthDate as LocalDate | null) ?? null,
    className: String(schoolClass.name ?? ''),
    academicYear: String(year.title ?? ''),
    periods: periods.map((period) => String(period.title)),
    subjects,
  };
};

export const renderProgressCertificatePdf = async (certificate: ProgressCertificate, at: Date = new Date()): Promise<Buffer> => {
  const { doc, done } = createPdf({ title: `Справка об успеваемости: ${certificate.fullName}`, schoolName: certificate.schoolName, at });
  doc.font(BOLD_FONT).fontSize(11).text(certificate.schoolName, { width: CONTENT_WIDTH, align: 'center' });
  if (certificate.schoolAddress)
    doc.font(REGULAR_FONT).fontSize(9).text(certificate.schoolAddress, { width: CONTENT_WIDTH, align: 'center' });
  doc.moveDown(1.2);
  doc.font(BOLD_FONT).fontSize(14).text(`СПРАВКА № ${certificate.number}`, { width: CONTENT_WIDTH, align: 'center' });
  doc
    .font(REGULAR_FONT)
    .fontSize(10)
    .text(`от ${formatLocalDate(certificate.issuedOn)}`, { width: CONTENT_WIDTH, align: 'center' });
  doc.moveDown(1);
  doc
    .fontSize(11)
    .text(
      `Дана ${certificate.fullName}${certificate.birthDate ? `, ${formatLocalDate(certificate.birthDate)} года рождения,` : ''} ` +
        `в том, что он(а) обучается в ${certificate.className} классе в ${certificate.academicYear} учебном году ` +
        'и имеет следующие результаты текущего контроля успеваемости и промежуточной аттестации:',
      { width: CONTENT_WIDTH },
    );
  doc.moveDown(0.8);
  const periodShare = certificate.periods.length ? 0.45 / certificate.periods.length : 0;
  drawTable(
    doc,
    [
      { header: 'Учебный предмет', width: certificate.periods.length ? 0.4 : 0.7 },
      ...certificate.periods.map((title) => ({ header: title, width: periodShare, align: 'center' as const })),
      { header: 'Годовая', width: certificate.periods.length ? 0.15 : 0.3, align: 'center' },
    ],
    certificate.subjects.map((subject) => [subject.subject, ...subject.periodMarks, subject.annual ?? '—']),
    10,
  );
  doc.moveDown(1);
  doc.text('Справка выдана для предъявления по месту требования.', { width: CONTENT_WIDTH });
  doc.moveDown(2);
  doc.text('Директор  ____________________ / ____________________ /', { width: CONTENT_WIDTH });
  doc.moveDown(0.5);
  doc.text('М.П.', { width: CONTENT_WIDTH });
  numberPages(doc);
  doc.end();
  return done;
};
