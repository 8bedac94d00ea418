import type { Core } from '@strapi/strapi';
import { errorResponse } from '../../documentation/openapi-parts';

/** Query parameters that shape one returned edition (the same as on `GET /regulations/{id}`). */
const SHAPE_PARAMETERS = [
  { name: 'fields', in: 'query', required: false, description: 'Поля ответа, например `fields[0]=title`', schema: { type: 'string' } },
  {
    name: 'populate',
    in: 'query',
    required: false,
    description: 'Связи ответа, например `populate=supersededBy`',
    schema: { type: 'string' },
  },
];

/**
 * The regulation's custom route for the OpenAPI document (the documentation plugin describes only the
 * core routes by itself). The list and the single edition keep the generated description; they
 * return adopted editions only (current and superseded) to everyone but the regulation's editors.
 */
export const REGULATION_OPENAPI = {
  paths: {
    '/regulations/current': {
      get: {
        tags: ['Regulation'],
        operationId: 'get/regulations/current',
        summary: 'Действующая редакция Положения',
        description:
          'Редакция Положения об индивидуальном учёте результатов, действующая сейчас: текст (Markdown), номер редакции, ' +
          'реквизиты принятия и утверждения, дата вступления в силу. Доступна без входа. 404, пока ни одна редакция не утверждена.',
        security: [{}, { bearerAuth: [] }],
        parameters: SHAPE_PARAMETERS,
        responses: {
          200: {
            description: 'Действующая редакция',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/RegulationResponse' } } },
          },
          400: errorResponse('Неверные параметры запроса'),
          404: errorResponse('Действующая редакция ещё не утверждена'),
        },
      },
    },
  },
};

/** Adds the custom routes to the OpenAPI document when the documentation plugin is enabled. */
export const registerRegulationDocumentation = (strapi: Core.Strapi): void => {
  strapi.plugin('documentation')?.service('override').registerOverride(REGULATION_OPENAPI);
};
