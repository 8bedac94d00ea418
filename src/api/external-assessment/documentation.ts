import type { Core } from '@strapi/strapi';
import { errorResponse, queryParameter, sheetImportRequestBody, sheetImportCreated } from '../../documentation/openapi-parts';

/** The custom routes of external assessments and special conditions for the OpenAPI document. */
export const WHOLE_PUPIL_OPENAPI = {
  paths: {
    '/external-assessments/import': {
      post: {
        tags: ['External-assessment'],
        operationId: 'post/external-assessments/import',
        summary: 'Загрузка результатов внешней оценки (CSV, XLSX или строки JSON): все строки или ни одной',
        description:
          'Файл в поле `file` (multipart/form-data, CSV в UTF-8 с разделителем «;» или «,», либо XLSX — первый лист) или ' +
          '`{ "data": { "rows": [ … ] } }`. Столбцы: Вид, Название, Дата, Предмет, Код обучающегося или ФИО и Дата рождения, ' +
          'Баллы, Максимум, Отметка, Уровень (см. README). Ошибки — с номером строки (заголовок — строка 1) и полем; при ' +
          'любой ошибке ничего не загружается. Заместитель директора, директор, секретарь.',
        requestBody: sheetImportRequestBody,
        responses: {
          201: sheetImportCreated,
          400: errorResponse('Ошибки строк (details.errors: row, field, message); ничего не загружено'),
          401: errorResponse('Нужен вход'),
          403: errorResponse('Загрузка доступна заместителю директора, директору и секретарю'),
        },
      },
    },
    '/external-assessments/objectivity': {
      get: {
        tags: ['External-assessment'],
        operationId: 'get/external-assessments/objectivity',
        summary: 'Объективность оценивания: внешние отметки против отметок журнала тех же обучающихся',
        description:
          'По классу, предмету и виду процедуры: средняя внешняя отметка, средняя отметка журнала (годовая, иначе за последний ' +
          'период года) тех же обучающихся, доля обучающихся с расхождением на 1 балл и больше. Заместитель директора и директор.',
        parameters: [
          queryParameter('year', 'Учебный год: documentId или «2025/2026» (по умолчанию текущий)'),
          queryParameter('subject', 'Предмет: documentId или название'),
          queryParameter('grade', 'Параллель 1–11'),
          queryParameter('kind', 'Вид процедуры: vpr, regional, municipal, vsoko, monitoring'),
        ],
        responses: {
          200: {
            description: 'Строки по классам',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    data: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: {
                          schoolClass: { type: 'object' },
                          subject: { type: 'object' },
                          kind: { type: 'string' },
                          kindLabel: { type: 'string' },
                          wrote: { type: 'integer' },
                          compared: { type: 'integer' },
                          withoutJournalMark: { type: 'integer' },
                          externalAverage: { type: 'number', nullable: true },
                          journalAverage: { type: 'number', nullable: true },
                          differing: { type: 'integer' },
                          differingShare: { type: 'number', nullable: true },
                          higherInJournal: { type: 'integer' },
                          lowerInJournal: { type: 'integer' },
                          pupils: { type: 'array', items: { type: 'object' } },
                        },
                      },
                    },
                    meta: { type: 'object' },
                  },
                },
              },
            },
          },
          400: errorResponse('Неверный год, предмет, параллель или вид процедуры'),
          401: errorResponse('Нужен вход'),
          403: errorResponse('Отчёт доступен заместителю директора и директору'),
        },
      },
    },
    '/diary/{student}/special-conditions': {
      get: {
        tags: ['Diary'],
        operationId: 'get/diary/{student}/special-conditions',
        summary: 'Специальные условия обучения своего ребёнка (родитель) или свои (обучающийся)',
        description: 'Заключения ПМПК и рекомендованные условия. Каждое чтение записывается в журнал изменений (152-ФЗ).',
        parameters: [{ name: 'student', in: 'path', required: true, description: 'documentId обучающегося', schema: { type: 'string' } }],
        responses: {
          200: {
            description: 'Заключения, новые первыми',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    data: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: {
                          documentId: { type: 'string' },
                          commissionDate: { type: 'string', format: 'date' },
                          commissionNumber: { type: 'string' },
                          conditions: { type: 'string' },
                          diagnosis: { type: 'string', nullable: true },
                          validUntil: { type: 'string', format: 'date', nullable: true },
                        },
                      },
                    },
                    meta: { type: 'object' },
                  },
                },
              },
            },
          },
          401: errorResponse('Нужен вход'),
          403: errorResponse('Только для родителей и обучающихся'),
          404: errorResponse('Не ваш ребёнок'),
        },
      },
    },
  },
};

/** Adds the routes' shapes to the OpenAPI document when the documentation plugin is enabled. */
export const registerWholePupilDocumentation = (strapi: Core.Strapi): void => {
  strapi.plugin('documentation')?.service('override').registerOverride(WHOLE_PUPIL_OPENAPI);
};
