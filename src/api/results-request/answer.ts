import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { readScopeOf, type Reader } from '../../access/record-scope';
import { actorFromState, type RequestState } from '../../access/request-actor';
import { todayInZone } from '../../school/calendar';
import { sendDownload } from '../../school/download';
import { runIssue } from '../../school/records/results-request-rules';
import { getSchoolSettings } from '../../school/settings';
import { bodyFieldError } from '../diary/caller';
import { printPupilReport } from '../parent-meeting/pupil-report';
import { portfolioSummaryPdf } from '../portfolio-entry/portfolio';
import { buildProgressCertificate, renderProgressCertificatePdf } from './progress-certificate';

/**
 * A request for information on a pupil's results answered with a document (seed 003 §5.2: the
 * information is given on the pupil's or parent's request): the «Результаты обучения» report of a
 * study period or the year, the summary of the portfolio and rewards, or the справка об успеваемости
 * (numbered «request number/year»). The document is made from
 * the record as it stands, by the member of staff answering (their own access to the pupil's
 * results applies), and kept with the request exactly as issued — its bytes (never served by the
 * public uploads folder: it is personal data) and their SHA-256 — so the school can show what it
 * gave and the family can download it again from the diary. An answered request stands: its answer
 * is not changed afterwards (the record rules refuse it).
 */

const REQUEST = 'api::results-request.results-request';
const PORTFOLIO_ENTRY = 'api::portfolio-entry.portfolio-entry';

export const ISSUED_DOCUMENT_TITLES = {
  'results-report': 'Результаты обучения',
  'portfolio-summary': 'Портфолио и поощрения обучающегося (сводка)',
  'progress-certificate': 'Справка об успеваемости',
} as const;
export type IssuedDocumentKind = keyof typeof ISSUED_DOCUMENT_TITLES;

type Row = Record<string, unknown> & { id: number; documentId: string };

const readerOf = (ctx: Context): Reader & { id: number; roleType: string } => {
  const actor = actorFromState(ctx.state as RequestState);
  if (actor.kind !== 'user' || actor.id === null) throw new errors.UnauthorizedError('Войдите в систему');
  return { kind: 'user', id: actor.id, roleType: actor.roleType ?? '' };
};

/** `{ data: { document, period? } }` and nothing else. */
const answerInput = (body: unknown): { kind: IssuedDocumentKind; period: unknown } => {
  const data = body && typeof body === 'object' && !Array.isArray(body) ? (body as { data?: unknown }).data : undefined;
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw bodyFieldError('data', 'Тело запроса: { "data": { "document": "results-report" | "portfolio-summary", "period": "…" } }');
  }
  const { document, period, ...rest } = data as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length > 0) throw bodyFieldError(extra[0], `Неизвестные параметры: ${extra.join(', ')}; допустимы document и period`);
  if (typeof document !== 'string' || !(document in ISSUED_DOCUMENT_TITLES)) {
    throw bodyFieldError(
      'document',
      'Документ: results-report (результаты обучения), portfolio-summary (сводка портфолио и поощрений) или progress-certificate (справка об успеваемости)',
    );
  }
  if (period !== undefined && period !== null && (typeof period !== 'string' || document !== 'results-report')) {
    throw bodyFieldError('period', 'Учебный период задаётся documentId и только для отчёта о результатах обучения');
  }
  return { kind: document as IssuedDocumentKind, period: period ?? undefined };
};

/** The request behind `:id` within the caller's reach, else 404. */
const requestOf = async (strapi: Core.Strapi, reader: Reader, documentId: string): Promise<Row & { student: Row | null }> => {
  const scope = await readScopeOf(strapi, reader, REQUEST);
  if (scope.kind === 'deny') throw new errors.NotFoundError('Обращение не найдено');
  const filter = scope.kind === 'rows' ? scope.filter : {};
  const request = (await strapi.db.query(REQUEST).findOne({
    where: { $and: [{ documentId }, filter] },
    populate: { student: { select: ['id', 'documentId', 'fullName', 'birthDate'] } },
  })) as (Row & { student: Row | null }) | null;
  if (!request) throw new errors.NotFoundError('Обращение не найдено');
  return request;
};

/** The portfolio summary, if the caller may read the pupil's portfolio. */
const portfolioDocument = async (strapi: Core.Strapi, reader: Reader, student: Row) => {
  const refused = () =>
    new errors.PolicyError('Сводку портфолио выдаёт тот, кому портфолио обучающегося доступно (классный руководитель, администрация)');
  if ((await readScopeOf(strapi, reader, PORTFOLIO_ENTRY)).kind === 'deny') throw refused();
  const scope = await readScopeOf(strapi, reader, 'api::student.student');
  if (scope.kind === 'deny') throw refused();
  const filter = scope.kind === 'rows' ? scope.filter : {};
  const visible = await strapi.db.query('api::student.student').count({ where: { $and: [{ id: student.id }, filter] } });
  if (visible === 0) throw refused();
  return portfolioSummaryPdf(strapi, student);
};

/** The справка об успеваемости numbered by the request's number in the register and the year of issue. */
const progressCertificate = async (strapi: Core.Strapi, reader: { id: number; roleType: string }, student: string, number: string) => {
  const certificate = await buildProgressCertificate(strapi, reader, student, number);
  return {
    pdf: await renderProgressCertificatePdf(certificate),
    fileName: `Справка об успеваемости № ${number} — ${certificate.fullName}.pdf`,
  };
};

/** POST /api/results-requests/:id/answer: makes the document, keeps it with the request and records the answer. */
export const answerWithDocument = async (strapi: Core.Strapi, ctx: Context) => {
  const { kind, period } = answerInput((ctx.request as { body?: unknown }).body);
  return answerRequest(strapi, readerOf(ctx), String(ctx.params.id), kind, period);
};

/**
 * Answers the request `requestDocumentId` with a document made now by `reader` (a staff account:
 * its own reach applies), kept with the request as issued. Shared by REST and the admin page.
 */
export const answerRequest = async (
  strapi: Core.Strapi,
  reader: Reader & { id: number; roleType: string },
  requestDocumentId: string,
  kind: IssuedDocumentKind,
  period: unknown = undefined,
) => {
  const request = await requestOf(strapi, reader, requestDocumentId);
  if (request.issuedOn || request.refusalReason) {
    throw bodyFieldError(
      'document',
      `На обращение № ${String(request.number ?? '—')} уже ответили${request.issuedOn ? ` ${String(request.issuedOn)}` : ''}: ответ не изменяется`,
    );
  }
  const student = request.student;
  if (!student) throw bodyFieldError('document', 'В обращении не указан обучающийся');
  const issuedYear = todayInZone(getSchoolSettings(strapi).timeZone).slice(0, 4);
  const { pdf, fileName } =
    kind === 'results-report'
      ? await printPupilReport(strapi, reader, student.documentId, period)
      : kind === 'progress-certificate'
        ? await progressCertificate(strapi, reader, student.documentId, `${String(request.number ?? '')}/${issuedYear}`)
        : await portfolioDocument(strapi, reader, student);
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const issuedOn = todayInZone(getSchoolSettings(strapi).timeZone);
  await runIssue(() =>
    strapi.documents(REQUEST).update({
      documentId: request.documentId,
      data: {
        issuedOn,
        issued: `${ISSUED_DOCUMENT_TITLES[kind]}: «${fileName}» (SHA-256 ${sha256.slice(0, 16)}…)`,
        issuedDocumentKind: kind,
        issuedDocumentName: fileName,
        issuedDocumentSha256: sha256,
        issuedDocumentPdf: pdf.toString('base64'),
      } as never,
    }),
  );
  return { documentId: request.documentId, issuedOn, document: { kind, fileName, sha256, bytes: pdf.length } };
};

/** The document kept with a request, checked against its SHA-256 (a mismatch is never served). */
export const issuedDocumentOf = async (strapi: Core.Strapi, requestId: number): Promise<{ pdf: Buffer; fileName: string }> => {
  const row = (await strapi.db.query(REQUEST).findOne({
    where: { id: requestId },
    select: ['issuedDocumentName', 'issuedDocumentSha256', 'issuedDocumentPdf'],
  })) as { issuedDocumentName: string | null; issuedDocumentSha256: string | null; issuedDocumentPdf: string | null } | null;
  if (!row?.issuedDocumentPdf) throw new errors.NotFoundError('По этому обращению документ не выдавался');
  const pdf = Buffer.from(row.issuedDocumentPdf, 'base64');
  if (createHash('sha256').update(pdf).digest('hex') !== row.issuedDocumentSha256) {
    strapi.log.error(`results-request ${requestId}: the kept document does not match its SHA-256`);
    throw new Error(`The kept copy of the document issued on request ${requestId} is damaged`);
  }
  return { pdf, fileName: row.issuedDocumentName ?? 'document.pdf' };
};

/** GET /api/results-requests/:id/document.pdf: staff within reach download the document as issued. */
export const downloadIssuedDocument = async (strapi: Core.Strapi, ctx: Context) => {
  const request = await requestOf(strapi, readerOf(ctx), String(ctx.params.id));
  const { pdf, fileName } = await issuedDocumentOf(strapi, request.id);
  sendDownload(ctx, pdf, { fileName, asciiName: 'document.pdf' });
};
