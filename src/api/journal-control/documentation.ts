import type { Core } from '@strapi/strapi';
import { errorResponse } from '../../documentation/openapi-parts';

const lessonShape = {
  type: 'object',
  properties: {
    documentId: { type: 'string' },
    number: { type: 'integer' },
    journal: { type: 'object', properties: { documentId: { type: 'string' }, title: { type: 'string' } } },
    subject: { type: 'string', nullable: true },
    schoolClass: { type: 'string', nullable: true },
    missing: { type: 'array', items: { type: 'string', enum: ['topic', 'attendance', 'marks'] } },
  },
};

/** The daily check's route for the OpenAPI document. */
export const JOURNAL_CONTROL_OPENAPI = {
  paths: {
    '/journal-control/daily': {
      get: {
        tags: ['Journal-control'],
        operationId: 'get/journal-control/daily',
        summary: 'Ежедневная проверка заполнения журналов',
        description:
          'Уроки дня без темы (`topic`), без отметок о посещаемости (`attendance`: ни одного пропуска или опоздания) или без отметок (`marks`; ' +
          'не требуются в классах без балльного оценивания), по учителям. Учитель видит свои уроки, заместитель директора и директор — всю школу. ' +
          'Определения проверок возвращаются в `definition`.',
        parameters: [
          {
            name: 'date',
            in: 'query',
            required: false,
            description: 'День в формате ГГГГ-ММ-ДД (по умолчанию сегодня в часовом поясе школы; будущий день — 400)',
            schema: { type: 'string', format: 'date' },
          },
        ],
        responses: {
          200: {
            description: 'Незаполненные уроки дня по учителям',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    data: {
                      type: 'object',
                      properties: {
                        date: { type: 'string', format: 'date' },
                        scope: { type: 'string', enum: ['school', 'own'] },
                        definition: { type: 'object', additionalProperties: { type: 'string' } },
                        lessons: { type: 'integer', description: 'Уроков в этот день' },
                        unfilled: { type: 'integer', description: 'Из них незаполненных' },
                        teachers: {
                          type: 'array',
                          items: {
                            type: 'object',
                            properties: {
                              teacher: {
                                type: 'object',
                                nullable: true,
                                properties: { id: { type: 'integer' }, username: { type: 'string' }, name: { type: 'string' } },
                              },
                              checked: { type: 'integer' },
                              lessons: { type: 'array', items: lessonShape },
                            },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          400: errorResponse('Дата не в формате ГГГГ-ММ-ДД или ещё не наступила'),
          401: errorResponse('Нужен вход'),
          403: errorResponse('Проверка недоступна этой роли'),
        },
      },
    },
  },
};

/** Adds the route's shape to the OpenAPI document when the documentation plugin is enabled. */
export const registerJournalControlDocumentation = (strapi: Core.Strapi): void => {
  strapi.plugin('documentation')?.service('override').registerOverride(JOURNAL_CONTROL_OPENAPI);
};
