import type { Core } from '@strapi/strapi';
import { errorResponse } from '../../documentation/openapi-parts';

/** The login slips' route for the OpenAPI document: a JSON request, a PDF response. */
export const LOGIN_SLIP_OPENAPI = {
  paths: {
    '/school-classes/{documentId}/login-slips': {
      post: {
        tags: ['Login-slip'],
        operationId: 'post/school-classes/{documentId}/login-slips',
        summary: 'Бланки для входа в электронный дневник: учётные записи обучающихся и родителей класса',
        description:
          'Для каждого обучающегося в списке класса на сегодня (для прошедшего учебного года — на его последний день) и ' +
          'каждого его родителя создаёт учётную запись дневника (роль pupil или parent), если её нет, и задаёт одноразовый ' +
          'пароль; при первом входе система требует сменить пароль. С `reset: true` новые одноразовые пароли получают и ' +
          'уже выданные учётные записи обучающихся и родителей. Ответ — PDF с бланками (8 на листе А4). ' +
          'Только классный руководитель этого класса или заместитель директора.',
        parameters: [{ name: 'documentId', in: 'path', required: true, description: 'documentId класса', schema: { type: 'string' } }],
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  data: {
                    type: 'object',
                    properties: {
                      reset: { type: 'boolean', default: false, description: 'Выдать новые пароли и уже выданным учётным записям' },
                      include: { type: 'string', enum: ['pupils', 'parents', 'both'], default: 'both' },
                    },
                  },
                },
              },
            },
          },
        },
        responses: {
          200: {
            description: 'Бланки для печати; Content-Disposition: attachment, имя файла с названием класса',
            content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
          },
          400: errorResponse('Неверные параметры'),
          401: errorResponse('Нужен вход'),
          403: errorResponse('Не классный руководитель этого класса и не заместитель директора'),
          404: errorResponse('Класса нет'),
        },
      },
    },
  },
};

/** Adds the route to the OpenAPI document when the documentation plugin is enabled. */
export const registerLoginSlipDocumentation = (strapi: Core.Strapi): void => {
  strapi.plugin('documentation')?.service('override').registerOverride(LOGIN_SLIP_OPENAPI);
};
