/**
 * Pieces of the OpenAPI descriptions that every API's `documentation.ts` shares: string parameters, the error answer,
 * and the request and answer of a sheet import (CSV, XLSX or JSON rows: all rows or none).
 */

/** An optional string parameter of the query. */
export const queryParameter = (name: string, description: string) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema: { type: 'string' },
});

/** A required string parameter of the path. */
export const pathParameter = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});

/** An error answer with Strapi's error body. */
export const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** A sheet import's body: the file in `file` (multipart), or `{ "data": { "rows": [ … ] } }`. */
export const sheetImportRequestBody = {
  content: {
    'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } },
    'application/json': {
      schema: {
        type: 'object',
        properties: { data: { type: 'object', properties: { rows: { type: 'array', items: { type: 'object' } } } } },
      },
    },
  },
};

/** A sheet import's answer: how many records it created, and their documentIds. */
export const sheetImportCreated = {
  description: 'Загружено',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        properties: {
          data: {
            type: 'object',
            properties: { imported: { type: 'integer' }, documentIds: { type: 'array', items: { type: 'string' } } },
          },
        },
      },
    },
  },
};
