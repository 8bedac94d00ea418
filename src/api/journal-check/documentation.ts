import type { Core } from '@strapi/strapi';
import { errorResponse } from '../../documentation/openapi-parts';

const pdfResponse = (description: string) => ({
  description: `${description} (PDF, A4); Content-Disposition: attachment`,
  content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
});

const dateParameter = (name: string, description: string) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema: { type: 'string', format: 'date' },
});

/** The journal-check papers and the schedule of checks (R28) for the OpenAPI document. */
export const JOURNAL_CHECK_OPENAPI = {
  paths: {
    '/journal-remarks/check-report.pdf': {
      get: {
        tags: ['Journal-remark'],
        operationId: 'get/journal-remarks/check-report.pdf',
        summary: 'Справка о проверке электронных журналов за период (PDF)',
        description:
          'Проверенные журналы, выводы, замечания, сроки устранения, ознакомление учителей и выполнение графика проверок за период. ' +
          'Заместитель директора и директор.',
        parameters: [
          dateParameter('from', 'Начало периода, ГГГГ-ММ-ДД (по умолчанию месяц до конца периода)'),
          dateParameter('to', 'Конец периода, ГГГГ-ММ-ДД (по умолчанию сегодня)'),
        ],
        responses: {
          200: pdfResponse('Справка о проверке'),
          400: errorResponse('Неверные даты периода'),
          401: errorResponse('Нужен вход'),
          403: errorResponse('Справка недоступна этой роли'),
        },
      },
    },
    '/journal-remarks/journals/{journal}/page.pdf': {
      get: {
        tags: ['Journal-remark'],
        operationId: 'get/journal-remarks/journals/{journal}/page.pdf',
        summary: 'Страница «Замечания по ведению журнала» одного журнала (PDF)',
        description:
          'Замечания журнала таблицей, как на странице бумажного журнала: дата проверки, замечания, срок, проверяющий, ознакомление, устранение. ' +
          'Заместитель директора и директор — любой журнал, учитель — свои журналы (классный руководитель — и журналы своего класса); другой журнал — 404.',
        parameters: [{ name: 'journal', in: 'path', required: true, description: 'documentId журнала', schema: { type: 'string' } }],
        responses: {
          200: pdfResponse('Страница замечаний'),
          401: errorResponse('Нужен вход'),
          403: errorResponse('Страница недоступна этой роли'),
          404: errorResponse('Журнала нет или он не ваш'),
        },
      },
    },
    '/journal-control/checks': {
      get: {
        tags: ['Journal-control'],
        operationId: 'get/journal-control/checks',
        summary: 'График проверок журналов: проведённые, запланированные, просроченные',
        description:
          'Плановые проверки за период (по умолчанию учебный год, в который входит дата); просроченная — плановая дата прошла, записи о проверке нет. ' +
          'Просроченные первыми. Заместитель директора и директор.',
        parameters: [
          dateParameter('date', 'На какую дату судить о просрочке (по умолчанию сегодня)'),
          dateParameter('from', 'Начало периода'),
          dateParameter('to', 'Конец периода'),
        ],
        responses: {
          200: {
            description: 'График с состоянием каждой проверки',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    data: {
                      type: 'object',
                      properties: {
                        date: { type: 'string', format: 'date' },
                        overdue: { type: 'integer' },
                        planned: { type: 'integer' },
                        done: { type: 'integer' },
                        checks: {
                          type: 'array',
                          items: {
                            type: 'object',
                            properties: {
                              documentId: { type: 'string' },
                              plannedOn: { type: 'string', format: 'date' },
                              state: { type: 'string', enum: ['overdue', 'planned', 'done'] },
                              stateLabel: { type: 'string' },
                              purpose: { type: 'string' },
                              inspector: { type: 'string', nullable: true },
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
          400: errorResponse('Неверные даты'),
          401: errorResponse('Нужен вход'),
          403: errorResponse('График недоступен этой роли'),
        },
      },
    },
  },
};

/** Adds the routes to the OpenAPI document when the documentation plugin is enabled. */
export const registerJournalCheckDocumentation = (strapi: Core.Strapi): void => {
  strapi.plugin('documentation')?.service('override').registerOverride(JOURNAL_CHECK_OPENAPI);
};
