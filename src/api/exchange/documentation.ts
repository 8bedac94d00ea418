import type { Core } from '@strapi/strapi';
import { DEFAULT_LIMIT, MAX_LIMIT } from './services/exchange';
import { errorResponse } from '../../documentation/openapi-parts';

const nullable = (type: string, description?: string) => ({ type, nullable: true, ...(description ? { description } : {}) });

const changeShape = {
  type: 'object',
  required: ['cursor', 'operation', 'entity', 'documentId', 'occurredAt'],
  properties: {
    cursor: { type: 'string', description: 'Номер изменения в журнале изменений; передайте последний прочитанный как after' },
    operation: { type: 'string', enum: ['create', 'update', 'delete'] },
    entity: { type: 'string', enum: ['mark', 'attendance', 'lesson'] },
    documentId: { type: 'string', description: 'documentId отметки, записи посещаемости или урока (не меняется)' },
    occurredAt: { type: 'string', format: 'date-time' },
    changedFields: { type: 'array', nullable: true, items: { type: 'string' }, description: 'Изменённые поля (только update)' },
    pupil: nullable('string', 'documentId обучающегося'),
    journal: nullable('string', 'documentId журнала'),
    lesson: nullable('string', 'documentId урока'),
    schoolClass: nullable('string', 'documentId класса журнала (нет у межклассных журналов)'),
    subject: nullable('string', 'documentId предмета'),
    studyPeriod: nullable('string', 'documentId учебного периода'),
    date: { type: 'string', format: 'date', nullable: true },
    kind: nullable('string', 'отметка: current, periodic, annual, exam, final; посещаемость: absent, ill, excused, late'),
    value: nullable('string', 'отметка как поставлена: 5, 4, зачтено, н/а, осв …'),
    numericValue: nullable('integer'),
    weight: nullable('number'),
    workType: nullable('string'),
    minutesLate: nullable('integer'),
    lessonNumber: nullable('integer'),
    topic: nullable('string'),
    homework: nullable('string'),
    comment: nullable('string'),
  },
};

/** The feed's route for the OpenAPI document. */
export const EXCHANGE_OPENAPI = {
  paths: {
    '/exchange/changes': {
      get: {
        tags: ['Exchange'],
        operationId: 'get/exchange/changes',
        summary: 'Лента изменений журнала для Дневник.ру и региональной АСУ',
        description:
          'Каждое создание, изменение и удаление отметок, посещаемости и уроков по порядку записи в журнал изменений. ' +
          'Опрашивайте с after = meta.cursor предыдущего ответа, пока meta.hasMore; ни одно изменение не теряется и не ' +
          'повторяется между страницами, удаления приходят с operation: delete и последними значениями записи. ' +
          'Только API-токен типа Custom с разрешением exchange.changes; всем остальным (и токенам Full access) — 403.',
        parameters: [
          {
            name: 'after',
            in: 'query',
            required: false,
            description: 'Курсор: cursor последнего прочитанного изменения (0 или пусто — с начала)',
            schema: { type: 'string', pattern: '^\\d+$' },
          },
          {
            name: 'limit',
            in: 'query',
            required: false,
            description: `Изменений на странице: 1–${MAX_LIMIT}, по умолчанию ${DEFAULT_LIMIT}`,
            schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
          },
        ],
        responses: {
          200: {
            description: 'Страница изменений по порядку',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    data: { type: 'array', items: changeShape },
                    meta: {
                      type: 'object',
                      properties: {
                        after: { type: 'string' },
                        cursor: { type: 'string', description: 'Передайте как after в следующем запросе' },
                        hasMore: { type: 'boolean' },
                        limit: { type: 'integer' },
                      },
                    },
                  },
                },
              },
            },
          },
          400: errorResponse('Неверный after или limit; курсор впереди журнала (база восстановлена из копии)'),
          401: errorResponse('Нужен API-токен'),
          403: errorResponse('Токен без разрешения exchange.changes, токен Full access или учётная запись'),
        },
      },
    },
  },
};

/** Adds the feed's shapes to the OpenAPI document when the documentation plugin is enabled. */
export const registerExchangeDocumentation = (strapi: Core.Strapi): void => {
  strapi.plugin('documentation')?.service('override').registerOverride(EXCHANGE_OPENAPI);
};
