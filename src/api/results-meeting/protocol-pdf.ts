import type { Core } from '@strapi/strapi';
import { formatLocalDate } from '../../school/calendar';
import { CONTENT_WIDTH, createPdf, drawTable, numberPages, sectionHeading } from '../../school/pdf-document';
import { BOLD_FONT, REGULAR_FONT } from '../../school/pdf-fonts';
import { MEETING_KIND_LABELS, RESULTS_MEETING } from '../../school/records/results-meeting-rules';
import { getSchoolSettings } from '../../school/settings';
import { staffNameOf } from '../../access/staff-name';

type Row = Record<string, unknown>;
type Named = { fullName?: string | null; username?: string | null; name?: string | null; title?: string | null } | null | undefined;

const nameOf = (value: Named): string => staffNameOf(value) || String(value?.name ?? value?.title ?? '');
const dayOf = (value: unknown): string => (value ? formatLocalDate(String(value).slice(0, 10)) : '');

/**
 * The printed protocol of a meeting on results (R93): the meeting (kind, association, day, number,
 * chair, secretary, how many attended), the period discussed, the agenda, the reports heard with their
 * speakers, the decisions with executors, terms and execution, and the signature — «подписан» with
 * who and when, or lines to sign on paper. A4 portrait, pages numbered.
 */
export const meetingProtocolPdf = async (strapi: Core.Strapi, meetingId: number): Promise<{ pdf: Buffer; fileName: string }> => {
  const meeting = (await strapi.db.query(RESULTS_MEETING).findOne({
    where: { id: meetingId },
    populate: {
      association: { select: ['name'] },
      academicYear: { select: ['title'] },
      studyPeriod: { select: ['title'] },
      chair: { select: ['fullName', 'username'] },
      secretary: { select: ['fullName', 'username'] },
      signedBy: { select: ['fullName', 'username'] },
      reports: {
        populate: { schoolClass: { select: ['name'] }, subject: { select: ['name'] }, speaker: { select: ['fullName', 'username'] } },
      },
      decisions: { populate: { executor: { select: ['fullName', 'username'] } } },
    },
  })) as Row & { reports?: Row[]; decisions?: Row[] };
  const schoolName = getSchoolSettings(strapi).name;
  const kind = MEETING_KIND_LABELS[meeting.kind as keyof typeof MEETING_KIND_LABELS] ?? String(meeting.kind);
  const title = `Протокол № ${String(meeting.protocolNumber)} от ${dayOf(meeting.heldOn)}`;
  const { doc, done } = createPdf({ title: `${title}: ${kind}`, schoolName });

  doc.font(REGULAR_FONT).fontSize(9).fillColor('#555555').text(schoolName, { width: CONTENT_WIDTH, align: 'center' });
  doc.fillColor('black').moveDown(0.8);
  doc.font(BOLD_FONT).fontSize(15).text(title, { width: CONTENT_WIDTH, align: 'center' });
  const association = nameOf(meeting.association as Named);
  doc
    .font(REGULAR_FONT)
    .fontSize(11)
    .text(association ? `${kind} «${association}»` : kind, { width: CONTENT_WIDTH, align: 'center' });
  doc.moveDown(1).fontSize(10);
  const period = [nameOf(meeting.studyPeriod as Named), nameOf(meeting.academicYear as Named)].filter(Boolean).join(', ');
  if (period) doc.text(`Рассматриваемый период: ${period}`, { width: CONTENT_WIDTH });
  doc.text(`Председатель: ${nameOf(meeting.chair as Named)}`, { width: CONTENT_WIDTH });
  doc.text(`Секретарь: ${nameOf(meeting.secretary as Named)}`, { width: CONTENT_WIDTH });
  doc.text(`Присутствовали: ${String(meeting.attendeesCount ?? '')}`, { width: CONTENT_WIDTH });

  if (meeting.agenda) {
    sectionHeading(doc, 'Повестка');
    doc.text(String(meeting.agenda), { width: CONTENT_WIDTH });
  }

  sectionHeading(doc, 'Слушали: отчёты по итогам');
  const reports = meeting.reports ?? [];
  if (reports.length === 0) doc.text('Отчёты не указаны.', { width: CONTENT_WIDTH });
  else
    drawTable(
      doc,
      [
        { header: '№', width: 0.06, align: 'center' },
        { header: 'Отчёт', width: 0.46 },
        { header: 'Класс, предмет, параллель', width: 0.28 },
        { header: 'Докладчик', width: 0.2 },
      ],
      reports.map((report, index) => [
        String(index + 1),
        String(report.title ?? ''),
        [nameOf(report.schoolClass as Named), nameOf(report.subject as Named), report.grade ? `${String(report.grade)} классы` : '']
          .filter(Boolean)
          .join(', ') || 'вся школа',
        nameOf(report.speaker as Named),
      ]),
    );

  sectionHeading(doc, 'Решили');
  const decisions = meeting.decisions ?? [];
  if (decisions.length === 0) doc.text('Решений не принято.', { width: CONTENT_WIDTH });
  else
    drawTable(
      doc,
      [
        { header: '№', width: 0.06, align: 'center' },
        { header: 'Решение', width: 0.5 },
        { header: 'Исполнитель', width: 0.18 },
        { header: 'Срок', width: 0.13, align: 'center' },
        { header: 'Исполнено', width: 0.13, align: 'center' },
      ],
      decisions.map((decision, index) => [
        String(index + 1),
        String(decision.text ?? ''),
        nameOf(decision.executor as Named),
        dayOf(decision.dueOn),
        dayOf(decision.doneOn),
      ]),
    );

  doc.moveDown(1.5).font(REGULAR_FONT).fontSize(10);
  if (meeting.signedAt) {
    doc.text(`Протокол подписан ${dayOf(meeting.signedAt)}: ${nameOf(meeting.signedBy as Named)}`, { width: CONTENT_WIDTH });
  } else {
    doc.text('Председатель ____________________', { width: CONTENT_WIDTH });
    doc.moveDown(0.8).text('Секретарь ____________________', { width: CONTENT_WIDTH });
  }
  numberPages(doc);
  doc.end();
  return { pdf: await done, fileName: `Протокол № ${String(meeting.protocolNumber)} от ${dayOf(meeting.heldOn)}.pdf` };
};
