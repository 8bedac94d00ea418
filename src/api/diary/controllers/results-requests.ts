import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { sendDownload } from '../../../school/download';
import { issuedDocumentOf } from '../../results-request/answer';
import { bodyFieldError, diaryReaderOf, ownPupilOf } from '../caller';

const REQUEST = 'api::results-request.results-request';

type Row = Record<string, unknown> & { id: number; documentId: string };

/** The columns the family's list shows (not the kept document's bytes). */
const VIEW_FIELDS = [
  'documentId',
  'number',
  'receivedOn',
  'form',
  'request',
  'issuedOn',
  'issued',
  'refusalReason',
  'issuedDocumentKind',
  'issuedDocumentName',
];

const invalid = bodyFieldError;

/** The body of a request: `{ data: { request: "…" } }` and nothing else. */
const requestTextOf = (body: unknown): unknown => {
  const data = body && typeof body === 'object' && !Array.isArray(body) ? (body as { data?: unknown }).data : undefined;
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw invalid('data', 'Тело запроса: { "data": { "request": "какие сведения нужны" } }');
  const { request, ...rest } = data as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length > 0) throw invalid(extra[0], `Неизвестные параметры: ${extra.join(', ')}; допустим только request`);
  return request;
};

const view = (row: Row) => ({
  documentId: row.documentId,
  number: row.number,
  receivedOn: row.receivedOn,
  form: row.form,
  request: row.request,
  answeredOn: row.issuedOn ?? null,
  issued: row.issued ?? null,
  refusalReason: row.refusalReason ?? null,
  document: row.issuedDocumentName ? { kind: row.issuedDocumentKind, fileName: row.issuedDocumentName } : null,
});

/** Thin controller: the family's own child, its requests, and a new one through the record rules. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  return {
    async list(ctx: Context) {
      const pupil = await ownPupilOf(strapi, ctx);
      const requests = (await strapi.db.query(REQUEST).findMany({
        where: { student: { id: pupil.id } },
        select: VIEW_FIELDS,
        orderBy: [{ receivedOn: 'desc' }, { id: 'desc' }],
      })) as Row[];
      ctx.body = { data: requests.map(view) };
    },
    /** The document issued in answer to one of this pupil's requests (another pupil's request: 404). */
    async document(ctx: Context) {
      const pupil = await ownPupilOf(strapi, ctx);
      const request = (await strapi.db.query(REQUEST).findOne({
        where: { documentId: String(ctx.params.request), student: { id: pupil.id } },
        select: ['id'],
      })) as Row | null;
      if (!request) throw new errors.NotFoundError('Обращение не найдено');
      const { pdf, fileName } = await issuedDocumentOf(strapi, request.id);
      sendDownload(ctx, pdf, { fileName, asciiName: 'document.pdf' });
    },
    async submit(ctx: Context) {
      const reader = diaryReaderOf(ctx);
      const pupil = await ownPupilOf(strapi, ctx, reader);
      const request = requestTextOf((ctx.request as { body?: unknown }).body);
      const guardian =
        reader.roleType === 'parent'
          ? ((await strapi.db
              .query('api::guardian.guardian')
              .findOne({ where: { user: { id: reader.id }, children: { id: pupil.id } }, select: ['id'] })) as Row | null)
          : null;
      const created = (await strapi.documents(REQUEST).create({
        data: {
          student: pupil.id,
          requesterKind: reader.roleType === 'parent' ? 'guardian' : 'pupil',
          guardian: guardian?.id ?? null,
          form: 'electronic',
          request,
        } as never,
      })) as unknown as Row;
      ctx.status = 201;
      ctx.body = { data: view(created) };
    },
  };
};
