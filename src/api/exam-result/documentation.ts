import type { Core } from '@strapi/strapi';
import { errorResponse, queryParameter } from '../../documentation/openapi-parts';

/** The custom routes of GIA results for the OpenAPI document. */
export const EXAM_RESULT_OPENAPI = {
  paths: {
    '/exam-results/import': {
      post: {
        tags: ['Exam-result'],
        operationId: 'post/exam-results/import',
        summary: 'Загрузка протоколов ГИА, итогового сочинения и собеседования (CSV, XLSX или строки JSON): все строки или ни одной',
        description:
          'Файл в поле `file` (CSV в UTF-8 с «;» или «,», либо XLSX — первый лист) или `{ "data": { "rows": [ … ] } }`. Столбцы — см. README ' +
          '(«Протоколы ГИА: столбцы файла»). Ошибки — с номером строки (заголовок — строка 1) и полем. Заместитель директора, директор, секретарь.',
        responses: {
          201: { description: 'Загружено: imported, documentIds' },
          400: errorResponse('Ошибки строк (details.errors: row, field, message); ничего не загружено'),
          401: errorResponse('Нужен вход'),
          403: errorResponse('Загрузка доступна заместителю директора, директору и секретарю'),
        },
      },
    },
    '/exam-results/acknowledgments': {
      get: {
        tags: ['Exam-result'],
        operationId: 'get/exam-results/acknowledgments',
        summary: 'Ознакомление с результатами под подпись: по каждому экзамену кто ознакомлен и кто нет',
        parameters: [
          queryParameter('year', 'Учебный год: documentId или «2025/2026»'),
          queryParameter('examKind', 'oge, ege, gve, final-essay, final-interview'),
          queryParameter('subject', 'documentId предмета или none'),
          queryParameter('date', 'Дата экзамена ГГГГ-ММ-ДД'),
        ],
        responses: {
          200: { description: 'Экзамены с обучающимися' },
          400: errorResponse('Неверный параметр'),
          403: errorResponse('Нет доступа'),
        },
      },
    },
    '/exam-results/acknowledgment-sheet.pdf': {
      get: {
        tags: ['Exam-result'],
        operationId: 'get/exam-results/acknowledgment-sheet.pdf',
        summary: 'Лист ознакомления с результатами одного экзамена (столбец «Ознакомлен(а)» и подпись), PDF',
        parameters: [
          queryParameter('examKind', 'Вид экзамена'),
          queryParameter('subject', 'documentId предмета или none'),
          queryParameter('date', 'Дата экзамена'),
        ],
        responses: { 200: { description: 'PDF' }, 400: errorResponse('Не указан экзамен'), 404: errorResponse('Нет результатов') },
      },
    },
    '/exam-results/{id}/acknowledge': {
      post: {
        tags: ['Exam-result'],
        operationId: 'post/exam-results/{id}/acknowledge',
        summary: 'Обучающийся ознакомлен с результатом под подпись (показал — вызывающий)',
        parameters: [{ name: 'id', in: 'path', required: true, description: 'documentId результата', schema: { type: 'string' } }],
        responses: {
          200: { description: 'Результат с датой ознакомления' },
          400: errorResponse('Уже ознакомлен или неверная дата'),
          404: errorResponse('Нет такого результата'),
        },
      },
    },
  },
};

export const registerExamResultDocumentation = (strapi: Core.Strapi): void => {
  strapi.plugin('documentation')?.service('override').registerOverride(EXAM_RESULT_OPENAPI);
};
