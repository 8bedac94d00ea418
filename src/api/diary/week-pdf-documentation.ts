import type { Core } from '@strapi/strapi';
import { errorResponse } from '../../documentation/openapi-parts';

const pdfResponse = {
  description: 'Недельная выписка для бумажного дневника (PDF, A4); Content-Disposition: attachment',
  content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
};

const dateParameter = {
  name: 'date',
  in: 'query',
  required: false,
  description: 'Любой день недели, ГГГГ-ММ-ДД (по умолчанию сегодня в часовом поясе школы); неделя — с понедельника по воскресенье',
  schema: { type: 'string', format: 'date' },
};

/** The printed diary week (R17, paper diaries) for the OpenAPI document. */
export const DIARY_WEEK_PDF_OPENAPI = {
  paths: {
    '/diary/{student}/week.pdf': {
      get: {
        tags: ['Diary'],
        operationId: 'get/diary/{student}/week.pdf',
        summary: 'Недельная выписка из электронного дневника для бумажного дневника (PDF)',
        description:
          'По дням недели таблица уроков: предмет, домашнее задание, отметки по предмету, пропуски и опоздания; отметки за период и год; ' +
          'записи учителей; строки для подписи родителя и классного руководителя. Родитель — своего ребёнка, обучающийся — свою; ' +
          'классный руководитель — обучающегося своего класса на этой неделе; заместитель директора и директор — любого.',
        parameters: [
          { name: 'student', in: 'path', required: true, description: 'documentId обучающегося', schema: { type: 'string' } },
          dateParameter,
        ],
        responses: {
          200: pdfResponse,
          400: errorResponse('Неверная дата'),
          401: errorResponse('Нужен вход'),
          403: errorResponse('Выписка недоступна этой роли'),
          404: errorResponse('Не ваш ребёнок или не ваш класс'),
        },
      },
    },
    '/diary/classes/{schoolClass}/week.pdf': {
      get: {
        tags: ['Diary'],
        operationId: 'get/diary/classes/{schoolClass}/week.pdf',
        summary: 'Недельные выписки всего класса для бумажных дневников (PDF, по листу на обучающегося)',
        description:
          'Для классов, в которых по настройке школы «Бумажные дневники обязательны в классах» (paperDiaryGrades, по умолчанию 2–4) ' +
          'ведутся бумажные дневники; для других — 400. Классный руководитель своего класса, заместитель директора, директор.',
        parameters: [
          { name: 'schoolClass', in: 'path', required: true, description: 'documentId класса', schema: { type: 'string' } },
          dateParameter,
        ],
        responses: {
          200: pdfResponse,
          400: errorResponse('Неверная дата, или в этих классах бумажные дневники не ведутся'),
          401: errorResponse('Нужен вход'),
          403: errorResponse('Не ваш класс'),
          404: errorResponse('Класс не найден'),
        },
      },
    },
  },
};

/** Adds the routes' shapes to the OpenAPI document when the documentation plugin is enabled. */
export const registerDiaryWeekPdfDocumentation = (strapi: Core.Strapi): void => {
  strapi.plugin('documentation')?.service('override').registerOverride(DIARY_WEEK_PDF_OPENAPI);
};
