import { yup } from '@strapi/utils';

/** Shared parts of the admin API's request schemas (messages in Russian: the admin page shows them). */

export const UNKNOWN_FIELD = 'Неизвестное поле: ${unknown}';

export const idParams = yup
  .object({ id: yup.number().integer('Неверный номер записи').positive('Неверный номер записи').required('Не указан номер записи') })
  .noUnknown(true, UNKNOWN_FIELD);

export const pagination = {
  page: yup
    .number()
    .typeError('Номер страницы — целое число')
    .integer('Номер страницы — целое число')
    .min(1, 'Номер страницы начинается с 1'),
  pageSize: yup
    .number()
    .typeError('Размер страницы — целое число')
    .integer('Размер страницы — целое число')
    .min(1, 'Размер страницы — от 1 до 100')
    .max(100, 'Не больше 100 записей на странице'),
};
