import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { todayInZone } from '../school/calendar';
import { getSchoolSettings } from '../school/settings';
import { currentActor } from './request-actor';
import { staffNameOf } from './staff-name';

/**
 * Duties the director assigns by order (seed 002 §3.4.6, §3.1.9, §3.1.10: назначенные приказом
 * директора). Once the school has recorded an appointment for a duty, only a person appointed for a
 * term covering today may perform it through REST; until then the role's permission alone decides,
 * as before. API tokens and scripts are not narrowed; admin-panel users are, on the records-archive
 * plugin's routes of a duty (backups, fixity checks, stored certificates), by its `appointed` policy,
 * through the school account with the same e-mail.
 */
export const DUTIES = ['certificate-books', 'stored-certificates', 'journal-control', 'e-journal-support', 'backups'] as const;
export type Duty = (typeof DUTIES)[number];

export const DUTY_LABELS: Record<Duty, string> = {
  'certificate-books': 'заполнение книг регистрации выданных документов об образовании',
  'stored-certificates': 'хранение аттестатов, принятых при зачислении',
  'journal-control': 'контроль ведения электронных журналов',
  'e-journal-support': 'техническое сопровождение электронного журнала',
  backups: 'резервное копирование',
};

/** The records whose creation is a duty assigned by order. */
export const DUTY_ON_CREATE: Partial<Record<string, Duty>> = {
  'api::certificate-entry.certificate-entry': 'certificate-books',
  'api::study-certificate-entry.study-certificate-entry': 'certificate-books',
  'api::medal-entry.medal-entry': 'certificate-books',
  'api::certificate-blank.certificate-blank': 'certificate-books',
  'api::certificate-acceptance.certificate-acceptance': 'stored-certificates',
  'api::journal-remark.journal-remark': 'journal-control',
  'api::support-contact.support-contact': 'e-journal-support',
};

const APPOINTMENT = 'api::duty-appointment.duty-appointment';

/** The REST caller performing a duty: narrowed once the duty has an appointment (tokens and scripts are not). */
export const assertAppointed = async (strapi: Core.Strapi, duty: Duty): Promise<void> => {
  const actor = currentActor(strapi);
  if (actor.kind !== 'user' || actor.id === null) return;
  await assertAccountAppointed(strapi, duty, actor.id);
};

/**
 * The school account `accountId` performing `duty` (null: a person without a school account, e.g. an
 * admin-panel user whose e-mail matches none): refused with the appointed persons named once the duty
 * has an appointment and the account holds none for a term covering today.
 */
export const assertAccountAppointed = async (strapi: Core.Strapi, duty: Duty, accountId: number | null): Promise<void> => {
  const recorded = await strapi.db.query(APPOINTMENT).count({ where: { duty } });
  if (recorded === 0) return;
  const today = todayInZone(getSchoolSettings(strapi).timeZone);
  const inForce = { duty, validFrom: { $lte: today }, $or: [{ validUntil: { $null: true } }, { validUntil: { $gte: today } }] };
  if (accountId !== null) {
    const held = await strapi.db.query(APPOINTMENT).count({ where: { ...inForce, person: { id: accountId } } });
    if (held > 0) return;
  }
  const appointed = (await strapi.db.query(APPOINTMENT).findMany({
    where: inForce,
    populate: { person: { select: ['fullName', 'username'] } },
  })) as Array<{ orderNumber: string; person: { fullName: string | null; username: string } | null }>;
  const who = appointed.map((appointment) => `${staffNameOf(appointment.person) || '—'} (приказ ${appointment.orderNumber})`).join(', ');
  throw new errors.PolicyError(
    `Обязанность «${DUTY_LABELS[duty]}» поручена приказом директора${who ? `: ${who}` : ', но срок всех назначений истёк'}. Вы не назначены`,
  );
};
