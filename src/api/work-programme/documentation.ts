import type { Core } from '@strapi/strapi';
import { errorResponse } from '../../documentation/openapi-parts';

const dateParameter = {
  name: 'date',
  in: 'query',
  required: false,
  description: 'На какую дату считать прохождение, ГГГГ-ММ-ДД (по умолчанию сегодня в часовом поясе школы)',
  schema: { type: 'string', format: 'date' },
};

const completion = {
  type: 'object',
  properties: {
    planned: { type: 'integer', description: 'Уроков по тематическому плану (или часов программы, если плана нет)' },
    plannedToDate: { type: 'integer', description: 'Уроков по плану к дате (по доле прошедших учебных дней года)' },
    delivered: { type: 'integer', description: 'Уроков проведено по журналу к дате' },
    percent: { type: 'integer' },
    lag: { type: 'integer', description: 'Отставание от плана, уроков' },
    lagging: { type: 'boolean' },
    unmatched: { type: 'integer', description: 'Проведённые уроки, тема которых не названа в плане' },
    topics: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          topic: { type: 'string' },
          plannedResults: { type: 'array', items: { type: 'string' }, description: 'Планируемые результаты темы' },
          planned: { type: 'integer' },
          plannedToDate: { type: 'integer' },
          delivered: { type: 'integer' },
          lagging: { type: 'boolean' },
        },
      },
    },
  },
};

const programme = {
  type: 'object',
  properties: {
    documentId: { type: 'string' },
    title: { type: 'string' },
    subject: { type: 'string', nullable: true },
    schoolClass: { type: 'string', nullable: true },
    journal: { type: 'string', nullable: true },
    teacher: { type: 'string', nullable: true },
    approval: {
      type: 'object',
      properties: {
        document: { type: 'string', nullable: true },
        approvedOn: { type: 'string', format: 'date', nullable: true },
        approvedBy: { type: 'string', nullable: true },
      },
    },
    hoursPerYear: { type: 'integer', nullable: true },
    file: { type: 'object', nullable: true, properties: { name: { type: 'string' }, url: { type: 'string' } } },
    completion,
  },
};

/** The work programmes' custom routes (R12) for the OpenAPI document. */
export const WORK_PROGRAMME_OPENAPI = {
  paths: {
    '/work-programmes/completion': {
      get: {
        tags: ['Work-programme'],
        operationId: 'get/work-programmes/completion',
        summary: 'Прохождение рабочих программ по школе: класс × предмет, план к дате и проведено',
        description:
          'Все рабочие программы учебного года, в который входит дата; сначала отстающие (по величине отставания), затем по классу и предмету. ' +
          'Журналы года без программы — отдельным списком. Заместитель директора и директор.',
        parameters: [dateParameter],
        responses: {
          200: {
            description: 'Отчёт о прохождении программ',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    data: {
                      type: 'object',
                      properties: {
                        date: { type: 'string', format: 'date' },
                        academicYear: { type: 'string', nullable: true },
                        lagging: { type: 'integer' },
                        programmes: { type: 'array', items: programme },
                        journalsWithoutProgramme: {
                          type: 'array',
                          items: { type: 'object', properties: { documentId: { type: 'string' }, title: { type: 'string' } } },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          400: errorResponse('Неверная дата'),
          401: errorResponse('Нужен вход'),
          403: errorResponse('Отчёт недоступен этой роли'),
        },
      },
    },
    '/work-programmes/{id}/mastery': {
      get: {
        tags: ['Work-programme'],
        operationId: 'get/work-programmes/{id}/mastery',
        summary: 'Освоение планируемых результатов программы по темам: контрольные работы темы и уровень каждого обучающегося',
        description:
          'Для каждой темы тематического плана — её планируемые результаты, контрольные работы журнала, тема которых называет тему плана, ' +
          'и уровень (ниже базового, базовый, повышенный), которого обучающийся достиг баллами последней такой работы с порогами. ' +
          'Работы без порогов перечислены, но уровня не дают; работы, тема которых не названа в плане, — отдельным списком. ' +
          'Учителя журнала, классный руководитель, заместитель директора, директор.',
        parameters: [{ name: 'id', in: 'path', required: true, description: 'documentId рабочей программы', schema: { type: 'string' } }],
        responses: {
          200: { description: 'Освоение по темам', content: { 'application/json': { schema: { type: 'object' } } } },
          401: errorResponse('Нужен вход'),
          403: errorResponse('Программы недоступны этой роли'),
          404: errorResponse('Программа не найдена или не видна вызывающему'),
        },
      },
    },
    '/diary/{student}/programmes': {
      get: {
        tags: ['Diary'],
        operationId: 'get/diary/{student}/programmes',
        summary: 'Рабочие программы по предметам обучающегося и их прохождение (электронный дневник)',
        description:
          'Программы журналов класса обучающегося (и журналов, где он в списке): учитель, утверждение, часы, файл, ' +
          'уроков по плану к дате и проведено, отставание. Родитель — своего ребёнка, обучающийся — свои; чужой ребёнок — 404.',
        parameters: [
          { name: 'student', in: 'path', required: true, description: 'documentId обучающегося', schema: { type: 'string' } },
          dateParameter,
        ],
        responses: {
          200: {
            description: 'Программы с прохождением',
            content: { 'application/json': { schema: { type: 'object', properties: { data: { type: 'array', items: programme } } } } },
          },
          400: errorResponse('Неверная дата'),
          401: errorResponse('Нужен вход'),
          403: errorResponse('Дневник недоступен этой роли'),
          404: errorResponse('Не ваш ребёнок'),
        },
      },
    },
  },
};

/** Adds the custom routes to the OpenAPI document when the documentation plugin is enabled. */
export const registerWorkProgrammeDocumentation = (strapi: Core.Strapi): void => {
  strapi.plugin('documentation')?.service('override').registerOverride(WORK_PROGRAMME_OPENAPI);
};
