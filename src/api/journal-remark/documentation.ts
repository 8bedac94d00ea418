import type { Core } from '@strapi/strapi';
import { errorResponse } from '../../documentation/openapi-parts';

/** The journal remarks' custom route for the OpenAPI document. */
export const JOURNAL_REMARK_OPENAPI = {
  paths: {
    '/journal-remarks/{id}/acknowledge': {
      post: {
        tags: ['Journal-remark'],
        operationId: 'post/journal-remarks/{id}/acknowledge',
        summary: 'Учитель ознакомлен с замечаниями по ведению журнала',
        description:
          'Отмечает, что учитель журнала ознакомился с замечаниями: статус `acknowledged`, время и автор отметки. ' +
          'Только для учителя, который ведёт проверенный журнал (иначе 403); повторная отметка — 400. Тело запроса не нужно.',
        parameters: [{ name: 'id', in: 'path', required: true, description: 'documentId записи о проверке', schema: { type: 'string' } }],
        responses: {
          200: {
            description: 'Запись о проверке после отметки',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/JournalRemarkResponse' } } },
          },
          400: errorResponse('Замечания уже приняты к сведению или устранены'),
          401: errorResponse('Нужен вход'),
          403: errorResponse('Не учитель этого журнала'),
          404: errorResponse('Записи нет'),
        },
      },
    },
  },
};

/** Adds the custom route to the OpenAPI document when the documentation plugin is enabled. */
export const registerJournalRemarkDocumentation = (strapi: Core.Strapi): void => {
  strapi.plugin('documentation')?.service('override').registerOverride(JOURNAL_REMARK_OPENAPI);
};
