import { formatLocalDate, todayInZone } from '../calendar';
import { getSchoolSettings } from '../settings';
import { currentRestAccount } from './author';
import { relationId, type RecordDraft } from './draft';

type Derived = Record<string, unknown>;

export const SUPPORT_CHANNELS = ['portal', 'email', 'phone', 'visit', 'other'] as const;

/**
 * A contact with technical support (seed 004 §3.12.2: the person appointed for the e-journal's
 * technical functioning keeps in touch with the School portal's support): the day (not in the
 * future), the channel, whom, the problem and the ticket number; the resolution and its day (not
 * before the contact, not in the future) once it is solved. Who made the contact is the account
 * that records it and does not change.
 */
export const supportContactRules = async (draft: RecordDraft): Promise<Derived> => {
  const today = todayInZone(getSchoolSettings(draft.strapi).timeZone);
  const contactedOn = draft.localDate('contactedOn', 'дату обращения');
  if (!contactedOn) draft.report('contactedOn', 'Укажите дату обращения');
  else if (contactedOn > today) draft.report('contactedOn', `Дата обращения ${formatLocalDate(contactedOn)} ещё не наступила`);
  const channel = draft.value<string>('channel') ?? 'portal';
  if (!(SUPPORT_CHANNELS as readonly string[]).includes(channel)) {
    draft.report('channel', `Способ обращения: ${SUPPORT_CHANNELS.join(', ')} (портал, почта, телефон, визит, другое)`);
  }
  const provider = draft.text('provider');
  if (!provider) draft.report('provider', 'Укажите, куда обратились (например, «Техподдержка Школьного портала»)');
  const problem = draft.text('problem');
  if (!problem) draft.report('problem', 'Опишите неполадку или вопрос');
  const ticketNumber = draft.text('ticketNumber');
  const resolution = draft.text('resolution');
  const resolvedOn = draft.localDate('resolvedOn', 'дату решения');
  if (resolvedOn) {
    if (contactedOn && resolvedOn < contactedOn) {
      draft.report(
        'resolvedOn',
        `Решено (${formatLocalDate(resolvedOn)}) не может быть раньше обращения (${formatLocalDate(contactedOn)})`,
      );
    } else if (resolvedOn > today) draft.report('resolvedOn', `Дата решения ${formatLocalDate(resolvedOn)} ещё не наступила`);
    if (!resolution) draft.report('resolution', 'Запишите, чем закончилось обращение');
  } else if (resolution) draft.report('resolvedOn', 'Укажите дату, когда обращение решено');
  for (const [field, text, max] of [
    ['provider', provider, 200],
    ['ticketNumber', ticketNumber, 60],
    ['problem', problem, 4000],
    ['resolution', resolution, 4000],
  ] as const) {
    if (text && text.length > max) draft.report(field, `Не длиннее ${max} символов`);
  }
  // Who made the contact: the account recording it (a panel user without a school account names them); it never changes.
  const account = currentRestAccount(draft.strapi);
  const existing = draft.isNew ? null : relationId(draft.existing?.contactedBy);
  const named = 'contactedBy' in draft.data && draft.data.contactedBy !== undefined && draft.data.contactedBy !== null;
  const given = named ? await draft.optionalRelated('contactedBy', 'Кто обращался — учётная запись сотрудника (documentId или id)') : null;
  if (given) {
    const expected = draft.isNew ? (account?.id ?? given.id) : existing;
    if (expected !== given.id) draft.report('contactedBy', 'Кто обращался, записывается по учётной записи при регистрации и не меняется');
  }
  draft.check();
  const derived: Derived = { contactedOn, channel, provider, problem, ticketNumber, resolution, resolvedOn };
  // The REST caller (or the panel user's school account) made the contact; an admin without one names the person.
  if (draft.isNew) derived.contactedBy = account ?? (given ? { id: given.id } : null);
  else if (!draft.isNew && existing !== null) derived.contactedBy = { id: existing };
  return derived;
};
