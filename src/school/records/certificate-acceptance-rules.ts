import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { currentActor } from '../../access/request-actor';
import { formatLocalDate, todayInZone } from '../calendar';
import { getSchoolSettings } from '../settings';
import { relationId, type RecordDraft, type StoredRecord } from './draft';

type Derived = Record<string, unknown>;

export const CERTIFICATE_ACCEPTANCE = 'api::certificate-acceptance.certificate-acceptance';
const PAPER_CARRIER = 'plugin::records-archive.paper-carrier';
/** The retention rule of accepted аттестаты (02-08, «Сейф учебной части»), as the records-archive plugin names it. */
const STORED_CERTIFICATE = 'stored-basic-certificate';
/** Grades of secondary general education (среднее общее образование). */
const SECONDARY_GRADES = new Set([10, 11]);

export const ACCEPTANCE_KIND_LABELS: Record<'original' | 'copy', string> = { original: 'подлинник', copy: 'копия' };

/** Fields fixed by the acceptance itself: a different enrolment or kind is a different acceptance. */
const FIXED_FIELDS = ['enrollment', 'kind'] as const;

interface EnrollmentRow extends StoredRecord {
  startDate: string;
  endDate: string | null;
  admissionOrder: string | null;
  student: { id: number; documentId: string; fullName: string | null } | null;
  schoolClass: { id: number; name: string | null; grade: number; letter: string | null; academicYear: { title: string } | null } | null;
}

/**
 * Acceptance of the basic general аттестат into safekeeping at admission to secondary general
 * education (seed 002 §3.4.1–3.4.2, R48): tied to the pupil's class-list entry of grade 10 (or 11,
 * for a pupil admitted later), the original or a copy, its series and number, the day it was accepted
 * (not before the enrolment starts, not after it ends, never in the future) and who accepted it.
 * The pupil is the enrolment's. One аттестат of a pupil is held at a time: a second acceptance is
 * refused while the first is in the safe. The enrolment and the kind are not changed afterwards.
 */
export const certificateAcceptanceRules = async (draft: RecordDraft): Promise<Derived> => {
  const { strapi } = draft;
  const today = todayInZone(getSchoolSettings(strapi).timeZone);
  if (!draft.isNew) {
    for (const field of FIXED_FIELDS) {
      const given = draft.data[field];
      if (given === undefined) continue;
      const stored = draft.existing?.[field];
      const same =
        field === 'kind'
          ? given === stored
          : (await draft.optionalRelated(field, 'Укажите запись о зачислении'))?.id === relationId(stored) && relationId(stored) !== null;
      if (!same) draft.report(field, 'Запись о приёме аттестата не переносится на другое зачисление и не меняет вид: запишите новый приём');
    }
  }
  const enrollment = (await draft.optionalRelated('enrollment', 'Укажите запись о зачислении в 10 класс (состав класса)', {
    student: { select: ['id', 'documentId', 'fullName'] },
    schoolClass: { select: ['id', 'name', 'grade', 'letter'], populate: { academicYear: { select: ['title'] } } },
  })) as EnrollmentRow | null;
  if (!enrollment) draft.fail('enrollment', 'Укажите запись о зачислении в 10 класс (состав класса)');
  const grade = enrollment.schoolClass?.grade ?? null;
  if (grade === null || !SECONDARY_GRADES.has(grade)) {
    draft.report(
      'enrollment',
      `Аттестат об основном общем образовании принимают на хранение при зачислении для получения среднего общего образования (10–11 класс), а это зачисление в ${enrollment.schoolClass?.name ?? 'класс без номера'}`,
    );
  }
  if (!enrollment.student) draft.report('enrollment', 'В записи о зачислении не указан обучающийся');

  const kind = draft.value<string>('kind');
  if (!kind) draft.report('kind', 'Укажите, что принято: original (подлинник аттестата) или copy (копия)');
  else if (kind !== 'original' && kind !== 'copy') draft.report('kind', 'Принимается original (подлинник аттестата) или copy (копия)');
  const series = draft.text('series');
  const number = draft.text('number');
  if (!number) draft.report('number', 'Укажите номер аттестата, как он напечатан на бланке');
  const acceptedOn = draft.localDate('acceptedOn', 'дату приёма аттестата');
  if (!acceptedOn) draft.report('acceptedOn', 'Укажите дату приёма аттестата на хранение (ГГГГ-ММ-ДД)');
  else if (acceptedOn > today) draft.report('acceptedOn', 'Дата приёма аттестата не может быть в будущем');
  else if (acceptedOn < String(enrollment.startDate).slice(0, 10)) {
    draft.report(
      'acceptedOn',
      `Аттестат принимают при зачислении: не раньше ${formatLocalDate(String(enrollment.startDate).slice(0, 10))}`,
    );
  } else if (enrollment.endDate && acceptedOn > String(enrollment.endDate).slice(0, 10)) {
    draft.report(
      'acceptedOn',
      `Обучающийся выбыл из класса ${formatLocalDate(String(enrollment.endDate).slice(0, 10))}: позже аттестат не принимают`,
    );
  }
  const actor = currentActor(strapi);
  const acceptedBy = draft.text('acceptedBy') ?? (draft.isNew && actor.name ? actor.name : null);
  if (!acceptedBy) draft.report('acceptedBy', 'Укажите, кто принял аттестат');

  if (enrollment.student) {
    const others = (await strapi.db.query(CERTIFICATE_ACCEPTANCE).findMany({
      where: { student: { id: enrollment.student.id }, ...draft.notSelf() },
      select: ['id', 'acceptedOn', 'kind'],
      populate: { paperCarrier: { select: ['state'] } },
    })) as Array<{ acceptedOn: string; kind: 'original' | 'copy'; paperCarrier: { state: string } | null }>;
    const held = others.find((other) => !other.paperCarrier || other.paperCarrier.state === 'in-storage');
    if (held) {
      draft.report(
        'enrollment',
        `Аттестат обучающегося (${ACCEPTANCE_KIND_LABELS[held.kind] ?? held.kind}) уже принят на хранение ${formatLocalDate(String(held.acceptedOn).slice(0, 10))} и не возвращён`,
      );
    }
  }
  draft.check();
  const derived: Derived = { kind, series, number, acceptedOn, acceptedBy, student: { id: enrollment.student!.id } };
  if (draft.isNew) {
    derived.registeredBy = actor.kind === 'user' && actor.id !== null ? { id: actor.id } : null;
    derived.paperCarrier = null;
  } else if (draft.data.paperCarrier !== undefined) {
    // The carrier is the acceptance's own: registered with it, never re-pointed by hand.
    const carrierId = relationId(draft.existing?.paperCarrier);
    derived.paperCarrier = carrierId === null ? null : { id: carrierId };
  }
  if (!draft.isNew && draft.data.registeredBy !== undefined) {
    const registeredBy = relationId(draft.existing?.registeredBy);
    derived.registeredBy = registeredBy === null ? null : { id: registeredBy };
  }
  return derived;
};

/** HTTP 403: an acceptance is a line of the register of held аттестаты; the return is marked on its carrier. */
export const assertCertificateAcceptanceDeletable = (stored: StoredRecord): void => {
  throw new errors.PolicyError(
    `Запись о приёме аттестата № ${String(stored.number ?? '')} не удаляется: возврат аттестата отмечают в бумажном архиве («передано»)`,
    { code: 'CERTIFICATE_ACCEPTANCE_LOCKED' },
  );
};

interface PaperArchive {
  createCarrier(input: {
    recordType: string;
    title: string;
    schoolYear: string;
    student: string;
    schoolClass: string | null;
    custodian: string | null;
    note: string | null;
  }): Promise<{ id: number }>;
}

/**
 * Registers the accepted аттестат in the paper archive, in the acceptance's own transaction: its
 * paper carrier under rule 02-08 with the rule's place («Сейф учебной части»), the pupil, the class
 * and who accepted it as custodian. A carrier the archivist already registered by hand for the pupil
 * (held, not yet tied to an acceptance) is linked instead of a second one. The stored-certificates
 * check and the hand-back at leaving (R49, R50) then work from it.
 */
export const registerAcceptedCertificate = async (strapi: Core.Strapi, created: StoredRecord): Promise<void> => {
  const acceptance = (await strapi.db.query(CERTIFICATE_ACCEPTANCE).findOne({
    where: { id: created.id },
    populate: {
      student: { select: ['id', 'documentId', 'fullName'] },
      enrollment: {
        select: ['id', 'admissionOrder'],
        populate: { schoolClass: { select: ['documentId', 'name'], populate: { academicYear: { select: ['title'] } } } },
      },
    },
  })) as
    | (StoredRecord & {
        kind: 'original' | 'copy';
        acceptedBy: string | null;
        student: { id: number; documentId: string; fullName: string | null } | null;
        enrollment: {
          admissionOrder: string | null;
          schoolClass: { documentId: string; name: string | null; academicYear: { title: string } | null } | null;
        } | null;
      })
    | null;
  if (!acceptance?.student) return;
  const linked = (await strapi.db.query(CERTIFICATE_ACCEPTANCE).findMany({
    where: { paperCarrier: { id: { $notNull: true } } },
    select: ['id'],
    populate: { paperCarrier: { select: ['id'] } },
  })) as Array<{ paperCarrier: { id: number } | null }>;
  const taken = linked.map((row) => row.paperCarrier?.id).filter((id): id is number => typeof id === 'number');
  const handRegistered = (await strapi.db.query(PAPER_CARRIER).findOne({
    where: {
      recordType: STORED_CERTIFICATE,
      state: 'in-storage',
      student: { id: acceptance.student.id },
      ...(taken.length > 0 ? { id: { $notIn: taken } } : {}),
    },
    select: ['id'],
    orderBy: [{ id: 'asc' }],
  })) as { id: number } | null;
  let carrierId = handRegistered?.id;
  if (!carrierId) {
    const schoolClass = acceptance.enrollment?.schoolClass ?? null;
    const order = acceptance.enrollment?.admissionOrder;
    const carrier = await (strapi.plugin('records-archive').service('paper-archive') as unknown as PaperArchive).createCarrier({
      recordType: STORED_CERTIFICATE,
      title:
        `Аттестат об основном общем образовании (${ACCEPTANCE_KIND_LABELS[acceptance.kind]}): ${acceptance.student.fullName ?? ''}`.trim(),
      schoolYear: schoolClass?.academicYear?.title ?? '',
      student: acceptance.student.documentId,
      schoolClass: schoolClass?.documentId ?? null,
      custodian: acceptance.acceptedBy,
      note: `Принят на хранение при зачислении${schoolClass?.name ? ` в ${schoolClass.name} класс` : ''}${order ? ` (приказ ${order})` : ''}`,
    });
    carrierId = carrier.id;
  }
  await strapi.db.query(CERTIFICATE_ACCEPTANCE).update({ where: { id: created.id }, data: { paperCarrier: carrierId } });
};
