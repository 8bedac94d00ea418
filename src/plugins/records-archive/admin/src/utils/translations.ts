import { useIntl } from 'react-intl';
import { getTranslation } from '../pluginId';

export const prefixPluginTranslations = (translations: Record<string, string>, pluginId: string): Record<string, string> =>
  Object.fromEntries(Object.entries(translations).map(([key, value]) => [`${pluginId}.${key}`, value]));

export interface Message {
  id: string;
  defaultMessage: string;
}

/** A message of the plugin by its flat key (the unit test checks every key used with `msg` and `t` exists in ru.json). */
export const msg = (id: string, defaultMessage: string): Message => ({ id, defaultMessage });

type Values = Record<string, string | number | boolean | null | undefined | Date>;

/** `t(key, defaultMessage, values)`: formatMessage with the plugin's prefix. */
export const useT = () => {
  const { formatMessage, formatDate, formatNumber } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Values): string =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as Record<string, string | number>);
  const tm = (message: Message, values?: Values): string => t(message.id, message.defaultMessage, values);
  const date = (value: string | null | undefined, withTime = true): string =>
    value ? formatDate(new Date(value), withTime ? { dateStyle: 'short', timeStyle: 'short' } : { dateStyle: 'short' }) : '—';
  const bytes = (value: number | null | undefined): string => {
    if (value === null || value === undefined) return '—';
    if (value < 1024) return t('size.bytes', '{value} Б', { value });
    if (value < 1024 * 1024) return t('size.kb', '{value} КБ', { value: formatNumber(value / 1024, { maximumFractionDigits: 1 }) });
    return t('size.mb', '{value} МБ', { value: formatNumber(value / 1024 / 1024, { maximumFractionDigits: 1 }) });
  };
  return { t, tm, date, bytes };
};
