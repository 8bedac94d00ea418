import { errors } from '@strapi/utils';
import { currentActor } from '../../access/request-actor';
import { formatLocalDate, todayInZone } from '../calendar';
import { getSchoolSettings } from '../settings';
import { relationId, type RecordDraft, type StoredRecord } from './draft';

type Derived = Record<string, unknown>;

export const MEDAL_ENTRY = 'api::medal-entry.medal-entry';
const CERTIFICATE_ENTRY = 'api::certificate-entry.certificate-entry';

export const MEDAL_ENTRY_KINDS = ['original', 'annulment'] as const;
export type MedalEntryKind = (typeof MEDAL_ENTRY_KINDS)[number];

/** The fields the book computes; typed values are replaced by the rules and refused over REST. */
export const MEDAL_ENTRY_DERIVED = [
  'bookYear',
  'registrationNumber',
  'student',
  'fullName',
  'medal',
  'certificate',
  'registeredBy',
] as const;

/** HTTP 403: an entry of the medals book is never edited or deleted. */
export class MedalEntryLockedError extends errors.PolicyError {
  constructor(number: unknown, year: unknown) {
    super(
      `Запись № ${String(number ?? '')} (${String(year ?? '')}) книги учёта и выдачи медалей внесена и не исправляется и не удаляется. Ошибку исправляют записью об аннулировании и новой записью`,
      { code: 'MEDAL_ENTRY_LOCKED' },
    );
  }
}

const numberOf = (row: StoredRecord): string => `№ ${String(row.registrationNumber)} (${String(row.bookYear)})`;

/**
 * The book of medals (книга учёта и выдачи медалей «За особые успехи в учении», seed 003 §4.3.1):
 * an append-only register. An entry records the issue of a medal that the certificate book has
 * already awarded: it names the аттестат entry, which carries the medal and its degree computed from
 * the final marks (never typed here), and adds the order, the date of issue and the receiver. Derived:
 * the running number per calendar year of issue, the pupil, the name, the medal, the аттестат's number,
 * who registered it. Never updated or deleted (403); a mistake is an annulment entry and a new entry.
 */
export const medalEntryRules = async (draft: RecordDraft): Promise<Derived> => {
  const { strapi } = draft;
  if (!draft.isNew) throw new MedalEntryLockedError(draft.existing?.registrationNumber, draft.existing?.bookYear);
  const settings = getSchoolSettings(strapi);
  const today = todayInZone(settings.timeZone);
  const kind = (draft.value<string>('kind') ?? 'original') as MedalEntryKind;
  if (!(MEDAL_ENTRY_KINDS as readonly string[]).includes(kind)) {
    draft.fail('kind', 'Вид записи: original (выдача медали) или annulment (аннулирование)');
  }
  const issuedOn = kind === 'annulment' && !draft.value('issuedOn') ? today : draft.localDate('issuedOn', 'дату выдачи');
  if (!issuedOn) draft.fail('issuedOn', 'Укажите дату выдачи медали в формате ГГГГ-ММ-ДД');
  if (issuedOn > today) draft.report('issuedOn', 'Дата выдачи не может быть в будущем');
  const reasonNote = draft.text('reasonNote');
  const derived: Derived = { kind, issuedOn, bookYear: Number(issuedOn.slice(0, 4)), reasonNote };

  if (kind === 'annulment') {
    const original = await draft.require('original', 'Укажите запись книги, которая аннулируется', {
      student: { select: ['id'] },
      certificateEntry: { select: ['id'] },
    });
    if (original.kind !== 'original') draft.fail('original', 'Запись об аннулировании не может быть аннулирована');
    const annulled = (await strapi.db.query(MEDAL_ENTRY).findOne({
      where: { kind: 'annulment', original: { id: original.id } },
      select: ['registrationNumber', 'bookYear'],
    })) as StoredRecord | null;
    if (annulled) draft.fail('original', `Запись ${numberOf(original)} уже аннулирована записью ${numberOf(annulled)}`);
    if (issuedOn < String(original.issuedOn)) draft.report('issuedOn', 'Дата аннулирования не может быть раньше даты выдачи');
    if (!reasonNote) draft.report('reasonNote', 'Укажите причину аннулирования');
    Object.assign(derived, {
      student: { id: relationId(original.student) },
      certificateEntry: relationId(original.certificateEntry) ? { id: relationId(original.certificateEntry) } : null,
      fullName: original.fullName,
      medal: original.medal,
      certificate: original.certificate,
      orderNumber: draft.text('orderNumber'),
      orderDate: draft.localDate('orderDate', 'дату приказа'),
      receivedBy: null,
    });
  } else {
    if (draft.data.original !== undefined && draft.data.original !== null && (await draft.related('original'))) {
      draft.report('original', 'Исходную запись указывают только для аннулирования');
    }
    const certificate = await draft.require(
      'certificateEntry',
      'Укажите запись книги регистрации аттестатов, по которой присуждена медаль',
      {
        student: { select: ['id'] },
      },
    );
    if (!certificate.medal || certificate.kind === 'annulment') {
      draft.fail(
        'certificateEntry',
        `По записи ${numberOf(certificate)} книги аттестатов медаль не присуждена: медаль вычисляется из итоговых отметок аттестата о среднем общем образовании`,
      );
    }
    const certificateAnnulled = (await strapi.db.query(CERTIFICATE_ENTRY).findOne({
      where: { kind: 'annulment', original: { id: certificate.id } },
      select: ['registrationNumber', 'bookYear'],
    })) as StoredRecord | null;
    if (certificateAnnulled) {
      draft.fail('certificateEntry', `Аттестат ${numberOf(certificate)} аннулирован записью ${numberOf(certificateAnnulled)}`);
    }
    const studentId = relationId(certificate.student);
    const earlier = (await strapi.db.query(MEDAL_ENTRY).findMany({
      where: { student: { id: studentId ?? 0 }, kind: 'original' },
      select: ['id', 'registrationNumber', 'bookYear'],
    })) as StoredRecord[];
    for (const entry of earlier) {
      const annulled = await strapi.db.query(MEDAL_ENTRY).count({ where: { kind: 'annulment', original: { id: entry.id } } });
      if (annulled === 0) {
        draft.fail('certificateEntry', `Медаль уже выдана: запись ${numberOf(entry)}. Ошибку исправляют аннулированием записи`);
      }
    }
    if (issuedOn < String(certificate.issuedOn)) {
      draft.report('issuedOn', `Медаль выдаётся не раньше аттестата (${formatLocalDate(String(certificate.issuedOn))})`);
    }
    const orderNumber = draft.text('orderNumber');
    if (!orderNumber) draft.report('orderNumber', 'Укажите номер приказа о награждении медалью');
    const orderDate = draft.localDate('orderDate', 'дату приказа');
    if (!orderDate) draft.report('orderDate', 'Укажите дату приказа о награждении (ГГГГ-ММ-ДД)');
    else if (orderDate > issuedOn) draft.report('orderDate', `Приказ датируется не позже дня выдачи (${formatLocalDate(issuedOn)})`);
    const receivedBy = draft.text('receivedBy');
    if (!receivedBy) draft.report('receivedBy', 'Укажите, кто получил медаль');
    const student = studentId
      ? ((await strapi.db.query('api::student.student').findOne({ where: { id: studentId }, select: ['id', 'fullName'] })) as StoredRecord)
      : null;
    Object.assign(derived, {
      student: student ? { id: student.id } : null,
      certificateEntry: { id: certificate.id },
      fullName: student?.fullName ?? certificate.fullName,
      medal: certificate.medal,
      certificate: `${numberOf(certificate)}, бланк ${String(certificate.blankNumber ?? '—')}`,
      orderNumber,
      orderDate,
      receivedBy,
      original: null,
    });
  }
  draft.check();

  const last = (await strapi.db.query(MEDAL_ENTRY).findOne({
    where: { bookYear: derived.bookYear },
    orderBy: { registrationNumber: 'desc' },
    select: ['registrationNumber'],
  })) as StoredRecord | null;
  const actor = currentActor(strapi);
  return {
    ...derived,
    registrationNumber: Number(last?.registrationNumber ?? 0) + 1,
    issuedBy: draft.text('issuedBy') ?? (actor.name || null),
    registeredBy: actor.kind === 'user' && actor.id !== null ? { id: actor.id } : null,
  };
};

/** A registered medal entry is never deleted. */
export const assertMedalEntryDeletable = (stored: StoredRecord): never => {
  throw new MedalEntryLockedError(stored.registrationNumber, stored.bookYear);
};
