import { factories, type Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { readScopeOf, type Reader } from '../../../access/record-scope';
import { actorFromState, type RequestState } from '../../../access/request-actor';
import { sendDownload } from '../../../school/download';
import { PERSONAL_FILE } from '../../../school/records/personal-file-rules';
import { getPersonalFileService } from '../services/personal-file';

/** The personal file behind `:id` must be one the caller may read (a class teacher: their class's pupils). */
const assertVisible = async (strapi: Core.Strapi, ctx: Context): Promise<{ documentId: string; reader: Reader }> => {
  const actor = actorFromState(ctx.state as RequestState);
  const reader: Reader = {
    kind: actor.kind === 'system' ? 'none' : actor.kind,
    id: actor.id,
    roleType: actor.roleType,
    tokenType: actor.tokenType,
  };
  const scope = await readScopeOf(strapi, reader, PERSONAL_FILE);
  if (scope.kind === 'deny') throw new errors.PolicyError('Личные дела вам недоступны (152-ФЗ: персональные данные обучающихся)');
  const documentId = String(ctx.params.id);
  const filter = scope.kind === 'rows' ? scope.filter : {};
  const visible = await strapi.db.query(PERSONAL_FILE).count({ where: { $and: [{ documentId }, filter] } });
  if (visible === 0) throw new errors.NotFoundError('Личное дело не найдено');
  return { documentId, reader };
};

/** The medical admission documents (health data) are read by the secretary and the administration, not by class teachers. */
const documentReaderOf = (reader: Reader) => ({ withMedical: !(reader.kind === 'user' && reader.roleType === 'class-teacher') });

export default factories.createCoreController(PERSONAL_FILE, ({ strapi }) => ({
  /** POST /api/personal-files/:id/yearly-results/fill?year=: the year's final marks from the journal. */
  async fillYear(ctx: Context) {
    const { documentId, reader } = await assertVisible(strapi, ctx);
    const year = typeof ctx.query.year === 'string' && ctx.query.year.trim() ? ctx.query.year.trim() : undefined;
    const classTeacherId = reader.kind === 'user' && reader.roleType === 'class-teacher' ? reader.id : null;
    ctx.body = { data: await getPersonalFileService(strapi).fillYear(documentId, year, classTeacherId) };
  },

  /** GET /api/personal-files/:id/documents: the admission documents of the file. */
  async documents(ctx: Context) {
    const { documentId, reader } = await assertVisible(strapi, ctx);
    ctx.body = { data: await getPersonalFileService(strapi).admissionDocuments(documentId, documentReaderOf(reader)) };
  },

  /** GET /api/personal-files/:id/documents/:document: one admission document's file (never by its public link). */
  async document(ctx: Context) {
    const { documentId, reader } = await assertVisible(strapi, ctx);
    const id = Number(ctx.params.document);
    if (!Number.isInteger(id) || id <= 0) throw new errors.NotFoundError('Документ личного дела не найден');
    const { content, name, mime } = await getPersonalFileService(strapi).admissionDocumentFile(documentId, id, documentReaderOf(reader));
    sendDownload(ctx, content, { fileName: name, asciiName: 'document', type: mime });
  },

  /** GET /api/personal-files/:id/card.pdf: the personal card (личная карта обучающегося). */
  async card(ctx: Context) {
    const { documentId } = await assertVisible(strapi, ctx);
    const { pdf, number } = await getPersonalFileService(strapi).cardPdf(documentId);
    const name = `personal-card-${number.replace('/', '-')}.pdf`;
    sendDownload(ctx, pdf, { fileName: name, asciiName: 'personal-card.pdf' });
  },
}));
