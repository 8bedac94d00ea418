import type { Core } from '@strapi/strapi';
import {
  errorResponse,
  pathParameter,
  queryParameter,
  sheetImportRequestBody,
  sheetImportCreated,
} from '../../documentation/openapi-parts';

/** The custom routes of results on external e-learning platforms (R83) for the OpenAPI document. */
export const PLATFORM_RESULTS_OPENAPI = {
  paths: {
    '/platform-results/import': {
      post: {
        tags: ['Platform-result'],
        operationId: 'post/platform-results/import',
        summary: 'Загрузка результатов с образовательной платформы (CSV, XLSX или строки JSON): все строки или ни одной',
        description:
          'Выгрузка платформы в поле `file` (CSV в UTF-8 с разделителем «;» или «,», либо XLSX — первый лист) или ' +
          '`{ "data": { "rows": [ … ] } }`. Столбцы: Журнал (или параметр journal), Платформа (или параметр platform), Задание, Дата, ' +
          'Код обучающегося или ФИО и Дата рождения, Баллы, Максимум, Процент, Ссылка (см. README). Ошибки — с номером строки и полем; ' +
          'при любой ошибке ничего не загружается. Учителя журнала.',
        parameters: [
          queryParameter('journal', 'Журнал (documentId) для всех строк без столбца «Журнал»'),
          queryParameter('platform', 'Платформа для всех строк без столбца «Платформа»'),
        ],
        requestBody: sheetImportRequestBody,
        responses: {
          201: sheetImportCreated,
          400: errorResponse('Ошибки строк (details.errors: row, field, message); ничего не загружено'),
          401: errorResponse('Нужен вход'),
          403: errorResponse('Загружают учителя журнала'),
        },
      },
    },
    '/platform-results/{id}/evidence/{file}': {
      get: {
        tags: ['Platform-result'],
        operationId: 'get/platform-results/{id}/evidence/{file}',
        summary: 'Подтверждающий файл результата (никогда не по публичной ссылке)',
        parameters: [pathParameter('id', 'documentId результата'), pathParameter('file', 'id файла')],
        responses: {
          200: { description: 'Файл', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
          401: errorResponse('Нужен вход'),
          403: errorResponse('Результаты на платформах вам недоступны'),
          404: errorResponse('Нет такого результата в вашем доступе или такого файла у него'),
        },
      },
    },
    '/diary/{student}/platform-results': {
      get: {
        tags: ['Diary'],
        operationId: 'get/diary/{student}/platform-results',
        summary: 'Результаты своего ребёнка (родитель) или свои (обучающийся) на образовательных платформах',
        parameters: [pathParameter('student', 'documentId обучающегося')],
        responses: {
          200: {
            description: 'Результаты, новые первыми, с предметом, заданием и отметкой учителя',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { data: { type: 'array', items: { type: 'object' } }, meta: { type: 'object' } },
                },
              },
            },
          },
          401: errorResponse('Нужен вход'),
          403: errorResponse('Только родителю и обучающемуся'),
          404: errorResponse('Не ваш ребёнок'),
        },
      },
    },
  },
};

export const registerPlatformResultDocumentation = (strapi: Core.Strapi): void => {
  strapi.plugin('documentation')?.service('override').registerOverride(PLATFORM_RESULTS_OPENAPI);
};
