import type { Core } from '@strapi/strapi';
import { errorResponse } from '../../documentation/openapi-parts';

const pdfResponse = {
  description: 'Сводная ведомость портфолио (PDF, A4); Content-Disposition: attachment',
  content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
};

const entryShape = {
  type: 'object',
  properties: {
    documentId: { type: 'string' },
    title: { type: 'string' },
    kind: { type: 'string' },
    kindLabel: { type: 'string' },
    level: { type: 'string', enum: ['school', 'municipal', 'regional', 'federal', 'international'] },
    levelLabel: { type: 'string' },
    result: { type: 'string', enum: ['participant', 'prize-winner', 'winner'] },
    resultLabel: { type: 'string' },
    place: { type: 'integer', nullable: true },
    date: { type: 'string', format: 'date' },
    organiser: { type: 'string', nullable: true },
    subject: { type: 'string', nullable: true },
    area: { type: 'string', nullable: true },
    source: { type: 'string', enum: ['school', 'other-organisation'] },
    addedAtFamilyRequest: { type: 'boolean' },
    confirmed: { type: 'boolean' },
    confirmedAt: { type: 'string', format: 'date-time', nullable: true },
    handedOverOn: { type: 'string', format: 'date', nullable: true },
    handedOverTo: { type: 'string', nullable: true },
    evidence: {
      type: 'array',
      items: { type: 'object', properties: { name: { type: 'string' }, url: { type: 'string' }, mime: { type: 'string' } } },
    },
  },
};

const rewardShape = {
  type: 'object',
  properties: {
    documentId: { type: 'string' },
    kind: { type: 'string', enum: ['diploma', 'prize', 'gift', 'letter-of-thanks', 'public-commendation'] },
    kindLabel: { type: 'string' },
    reason: { type: 'string' },
    date: { type: 'string', format: 'date' },
    orderNumber: { type: 'string', nullable: true },
    achievements: { type: 'array', items: { type: 'object', properties: { documentId: { type: 'string' }, title: { type: 'string' } } } },
  },
};

const pupilParameter = (name: string) => ({
  name,
  in: 'path',
  required: true,
  description: 'documentId обучающегося',
  schema: { type: 'string' },
});

/** The review action of a portfolio entry or a reward: the decision in, the record out. */
const reviewPath = (tag: string, plural: string, what: string, response: string) => ({
  post: {
    tags: [tag],
    operationId: `post/${plural}/{id}/review`,
    summary: `Проверка: утвердить ${what} или вернуть на доработку`,
    description:
      'Заместитель директора или директор (R30, seed 003 §5.5). Записи учителей, классных руководителей и секретаря создаются ' +
      '«на проверке» (reviewState: pending); изменение утверждённой или возвращённой записи снова отправляет её на проверку. ' +
      'В официальную сводку, список победителей олимпиад и дневник семьи входят только утверждённые записи. Замечание ' +
      'обязательно при возврате. Состояние проверки не задаётся в теле обычного создания или изменения (400).',
    parameters: [{ name: 'id', in: 'path', required: true, description: `documentId (${what})`, schema: { type: 'string' } }],
    requestBody: {
      required: true,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            required: ['data'],
            properties: {
              data: {
                type: 'object',
                required: ['decision'],
                properties: {
                  decision: { type: 'string', enum: ['approve', 'return'] },
                  remark: { type: 'string', maxLength: 1000, description: 'Замечание; обязательно при return' },
                },
              },
            },
          },
        },
      },
    },
    responses: {
      200: {
        description: 'Запись с новым состоянием проверки (reviewState, reviewRemark, reviewedAt)',
        content: { 'application/json': { schema: { $ref: `#/components/schemas/${response}` } } },
      },
      400: errorResponse('Неверное решение или нет замечания при возврате'),
      401: errorResponse('Нужен вход'),
      403: errorResponse('Проверяют только заместитель директора и директор'),
      404: errorResponse('Запись не найдена'),
    },
  },
});

/** The portfolio's custom routes for the OpenAPI document: JSON and PDF answers, the year of the winners' list. */
export const PORTFOLIO_OPENAPI = {
  paths: {
    '/portfolio-entries/{id}/review': reviewPath('Portfolio-entry', 'portfolio-entries', 'запись портфолио', 'PortfolioEntryResponse'),
    '/rewards/{id}/review': reviewPath('Reward', 'rewards', 'поощрение', 'RewardResponse'),
    '/portfolio-entries/olympiad-winners': {
      get: {
        tags: ['Portfolio-entry'],
        operationId: 'get/portfolio-entries/olympiad-winners',
        summary: 'Победители и призёры олимпиад учебного года',
        description:
          'Записи портфолио вида «олимпиада» с результатом «победитель» или «призёр», датированные внутри учебного года, с классом ' +
          'обучающегося на день олимпиады; по предмету, уровню (от высшего), результату и ФИО. Заместитель директора и директор.',
        parameters: [
          {
            name: 'year',
            in: 'query',
            required: false,
            description: 'Учебный год: documentId или название «2025/2026» (по умолчанию текущий)',
            schema: { type: 'string' },
          },
        ],
        responses: {
          200: {
            description: 'Список и итоги',
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
                          student: { type: 'object', properties: { documentId: { type: 'string' }, fullName: { type: 'string' } } },
                          schoolClass: {
                            type: 'object',
                            nullable: true,
                            properties: { documentId: { type: 'string' }, name: { type: 'string' } },
                          },
                          subject: { type: 'string', nullable: true },
                          title: { type: 'string' },
                          level: { type: 'string' },
                          levelLabel: { type: 'string' },
                          result: { type: 'string', enum: ['prize-winner', 'winner'] },
                          resultLabel: { type: 'string' },
                          place: { type: 'integer', nullable: true },
                          date: { type: 'string', format: 'date' },
                          organiser: { type: 'string', nullable: true },
                          confirmed: { type: 'boolean' },
                        },
                      },
                    },
                    meta: {
                      type: 'object',
                      properties: {
                        year: { type: 'object' },
                        winners: { type: 'integer' },
                        prizeWinners: { type: 'integer' },
                        byLevel: { type: 'object', additionalProperties: { type: 'integer' } },
                        awaitingReview: { type: 'integer', description: 'Результаты этого года «на проверке» (в список не входят)' },
                        returnedForCorrection: { type: 'integer', description: 'Возвращённые на доработку (в список не входят)' },
                      },
                    },
                  },
                },
              },
            },
          },
          400: errorResponse('Учебный год не найден (или текущий не задан)'),
          401: errorResponse('Нужен вход'),
          403: errorResponse('Список доступен заместителю директора и директору'),
        },
      },
    },
    '/students/{id}/portfolio.pdf': {
      get: {
        tags: ['Portfolio-entry'],
        operationId: 'get/students/{id}/portfolio.pdf',
        summary: 'Сводная ведомость портфолио обучающегося (PDF)',
        description:
          'Достижения и поощрения обучающегося, класс и период составления портфолио. Учитель — обучающимся классов, где он ведёт ' +
          'журналы; классный руководитель — также своего класса; заместитель директора, директор, секретарь — всей школы. Другой ' +
          'обучающийся — 404. Родители и обучающиеся получают ведомость через дневник: `/diary/{student}/portfolio.pdf`.',
        parameters: [pupilParameter('id')],
        responses: {
          200: pdfResponse,
          401: errorResponse('Нужен вход'),
          403: errorResponse('Портфолио недоступно этой роли'),
          404: errorResponse('Обучающийся не найден или вне вашего доступа'),
        },
      },
    },
    '/diary/{student}/portfolio': {
      get: {
        tags: ['Diary'],
        operationId: 'get/diary/{student}/portfolio',
        summary: 'Портфолио и поощрения своего ребёнка (родитель) или свои (обучающийся)',
        parameters: [pupilParameter('student')],
        responses: {
          200: {
            description: 'Записи портфолио и поощрения по дате',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    data: {
                      type: 'object',
                      properties: { entries: { type: 'array', items: entryShape }, rewards: { type: 'array', items: rewardShape } },
                    },
                    meta: { type: 'object' },
                  },
                },
              },
            },
          },
          401: errorResponse('Нужен вход'),
          403: errorResponse('Только для родителей и обучающихся'),
          404: errorResponse('Не ваш ребёнок (даже существование обучающегося не раскрывается)'),
        },
      },
    },
    '/diary/{student}/portfolio.pdf': {
      get: {
        tags: ['Diary'],
        operationId: 'get/diary/{student}/portfolio.pdf',
        summary: 'Сводная ведомость портфолио своего ребёнка (PDF)',
        parameters: [pupilParameter('student')],
        responses: {
          200: pdfResponse,
          401: errorResponse('Нужен вход'),
          403: errorResponse('Только для родителей и обучающихся'),
          404: errorResponse('Не ваш ребёнок'),
        },
      },
    },
  },
};

/** Adds the routes' shapes to the OpenAPI document when the documentation plugin is enabled. */
export const registerPortfolioDocumentation = (strapi: Core.Strapi): void => {
  strapi.plugin('documentation')?.service('override').registerOverride(PORTFOLIO_OPENAPI);
};
