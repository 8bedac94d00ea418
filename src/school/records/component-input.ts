import { parseLocalDate, type LocalDate } from '../calendar';
import type { RecordDraft, StoredRecord } from './draft';
import { readToOneInput } from './relation-input';
import { NOT_TEXT_MESSAGE, readTextInput } from './text-input';

const USER = 'plugin::users-permissions.user';
/** Accounts that are not staff: a family or an unassigned login. */
const FAMILY_ROLES = new Set(['parent', 'pupil', 'public', 'authenticated']);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Readers of the items of a repeatable component (a meeting's decisions, a trajectory's goals): each
 * problem is reported at the item's own path (`['goals', '0', 'dueOn']`), so the admin form and a REST
 * caller see which line is wrong; nothing is stored until `draft.check()` passes.
 */
export const componentInputOf = (draft: RecordDraft) => {
  const { strapi } = draft;

  /** The items the write gives for `field`; null when it does not write it. */
  const listOf = (field: string): unknown[] | null => {
    if (!draft.writes(field)) return null;
    const given = draft.data[field];
    if (given === undefined || given === null) return [];
    if (!Array.isArray(given)) draft.fail(field, 'Список — массив объектов');
    return given;
  };

  /** The item as an object, its unknown fields reported; null (reported with `shape`) when it is not one. */
  const itemAt = (path: string[], item: unknown, allowed: ReadonlySet<string>, shape: string): Record<string, unknown> | null => {
    if (!isObject(item)) {
      draft.reportAt(path, shape);
      return null;
    }
    const extra = Object.keys(item).filter((key) => !allowed.has(key) && key !== 'id' && key !== '__component');
    if (extra.length > 0) draft.reportAt(path, `Неизвестные поля: ${extra.join(', ')}`);
    return item;
  };

  /** A relation inside a component: the record it names, or null; a value naming nothing is refused. */
  const relationAt = async (path: string[], input: unknown, uid: string, message: string): Promise<StoredRecord | null> => {
    if (input === undefined || input === null || input === '') return null;
    const ref = readToOneInput(input, null);
    if (!ref) {
      draft.reportAt(path, message);
      return null;
    }
    const found = (await strapi.db
      .query(uid as never)
      .findOne({ where: ref, populate: uid === USER ? { role: { select: ['type'] } } : {} })) as StoredRecord | null;
    if (!found) draft.reportAt(path, 'Связанная запись не найдена');
    return found;
  };

  /** A staff account inside a component (executor, speaker): a family's account is refused. */
  const staffAt = async (path: string[], input: unknown, label: string): Promise<StoredRecord | null> => {
    const account = await relationAt(path, input, USER, `${label} — ссылка на учётную запись работника`);
    if (account && FAMILY_ROLES.has(String((account.role as { type?: string } | null)?.type ?? ''))) {
      draft.reportAt(path, `${label} — работник школы, а не родитель или обучающийся`);
    }
    return account;
  };

  const textAt = (path: string[], value: unknown, label: string, max: number, required: boolean): string | null => {
    const input = readTextInput(value);
    if (!input.ok) {
      draft.reportAt(path, NOT_TEXT_MESSAGE);
      return null;
    }
    if (!input.text && required) draft.reportAt(path, `Укажите ${label}`);
    else if (input.text && input.text.length > max) draft.reportAt(path, `Не длиннее ${max} символов`);
    return input.text;
  };

  const dateAt = (path: string[], value: unknown, label: string, required = false): LocalDate | null => {
    if (value === undefined || value === null || value === '') {
      if (required) draft.reportAt(path, `Укажите ${label} (ГГГГ-ММ-ДД)`);
      return null;
    }
    const date = parseLocalDate(value);
    if (!date) draft.reportAt(path, `Укажите ${label} в формате ГГГГ-ММ-ДД`);
    return date;
  };

  return { listOf, itemAt, relationAt, staffAt, textAt, dateAt };
};
