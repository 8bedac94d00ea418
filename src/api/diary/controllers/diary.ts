import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { DiaryReader, DiaryService } from '../services/diary';

interface DiaryContext {
  state: { user?: { id?: number; role?: { type?: string } } };
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body?: unknown };
  body: unknown;
  status: number;
}

const readerOf = (ctx: DiaryContext): DiaryReader => {
  const user = ctx.state.user;
  if (!user?.id) throw new errors.UnauthorizedError('Войдите в электронный дневник');
  return { id: user.id, roleType: user.role?.type ?? '' };
};

/**
 * The body of a week's confirmation: `{ data: { week } }`; no body, or no `data`, means this week.
 * Anything else is refused rather than read as «this week».
 */
const weekOf = (body: unknown): unknown => {
  const data = body && typeof body === 'object' ? (body as { data?: unknown }).data : undefined;
  if (data === undefined || data === null) return undefined;
  const invalid = (path: string, message: string) =>
    new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });
  if (typeof data !== 'object' || Array.isArray(data)) throw invalid('data', 'Тело запроса: { "data": { "week": "ГГГГ-ММ-ДД" } }');
  const { week, ...rest } = data as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) throw invalid(unknown[0], `Неизвестные параметры: ${unknown.join(', ')}; допустим только week`);
  return week;
};

/**
 * The body naming a study period or a year: `{ data: { period } }` or `{ data: { year } }` (document
 * ids); anything else is refused with the field named.
 */
const summaryScopeBody = (body: unknown): { period?: unknown; year?: unknown } => {
  const data = body && typeof body === 'object' ? (body as { data?: unknown }).data : undefined;
  const invalid = (path: string, message: string) =>
    new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw invalid('data', 'Тело запроса: { "data": { "period": "<учебный период>" } } или { "data": { "year": "<учебный год>" } }');
  const { period, year, ...rest } = data as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) throw invalid(unknown[0], `Неизвестные параметры: ${unknown.join(', ')}; допустимы period или year`);
  if (period !== undefined && year !== undefined) throw invalid('year', 'Укажите что-то одно: учебный период или учебный год');
  if (period !== undefined && (typeof period !== 'string' || !period)) throw invalid('period', 'Учебный период задаётся его documentId');
  if (year !== undefined && (typeof year !== 'string' || !year)) throw invalid('year', 'Учебный год задаётся его documentId');
  return { period, year };
};

/** Thin controller: who is asking, which pupil, which dates; the service does the rest. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const diary = (): DiaryService => strapi.service('api::diary.diary') as unknown as DiaryService;
  const pupilAndRange = async (ctx: DiaryContext) => {
    const pupil = await diary().requirePupil(readerOf(ctx), ctx.params.student);
    return { pupil, range: await diary().resolveRange(ctx.query) };
  };
  return {
    async children(ctx: DiaryContext) {
      ctx.body = { data: await diary().children(readerOf(ctx)) };
    },
    async marks(ctx: DiaryContext) {
      const { pupil, range } = await pupilAndRange(ctx);
      ctx.body = {
        data: await diary().marks(pupil, range),
        meta: { student: { documentId: pupil.documentId, fullName: pupil.fullName }, range },
      };
    },
    async homework(ctx: DiaryContext) {
      const { pupil, range } = await pupilAndRange(ctx);
      ctx.body = { data: await diary().homework(pupil, range), meta: { range } };
    },
    async attendance(ctx: DiaryContext) {
      const { pupil, range } = await pupilAndRange(ctx);
      ctx.body = { data: await diary().attendance(pupil, range), meta: { range } };
    },
    async confirmWeek(ctx: DiaryContext) {
      const reader = readerOf(ctx);
      const pupil = await diary().requirePupil(reader, ctx.params.student);
      const result = await diary().confirmWeek(reader, pupil, weekOf(ctx.request.body));
      ctx.status = result.created ? 201 : 200;
      ctx.body = { data: result.confirmation };
    },
    async classConfirmations(ctx: DiaryContext) {
      ctx.body = { data: await diary().classConfirmations(readerOf(ctx), ctx.params.schoolClass, ctx.query.week) };
    },
    async entries(ctx: DiaryContext) {
      const { pupil, range } = await pupilAndRange(ctx);
      ctx.body = { data: await diary().entries(pupil, range), meta: { range } };
    },
    async week(ctx: DiaryContext) {
      const pupil = await diary().requirePupil(readerOf(ctx), ctx.params.student);
      ctx.body = { data: await diary().week(pupil, ctx.query.week) };
    },
    async markAcknowledgments(ctx: DiaryContext) {
      const pupil = await diary().requirePupil(readerOf(ctx), ctx.params.student);
      ctx.body = { data: await diary().markAcknowledgments(pupil) };
    },
    async acknowledgeMarks(ctx: DiaryContext) {
      const reader = readerOf(ctx);
      const pupil = await diary().requirePupil(reader, ctx.params.student);
      const result = await diary().acknowledgeMarks(reader, pupil, summaryScopeBody(ctx.request.body));
      ctx.status = result.created ? 201 : 200;
      ctx.body = { data: result.acknowledgment };
    },
    async classMarkAcknowledgments(ctx: DiaryContext) {
      const query = { period: ctx.query.period, year: ctx.query.year };
      ctx.body = { data: await diary().classMarkAcknowledgments(readerOf(ctx), ctx.params.schoolClass, query) };
    },
  };
};
