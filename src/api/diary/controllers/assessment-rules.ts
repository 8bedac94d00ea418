import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { createAssessmentRules } from '../../rules-acknowledgment/assessment-rules';
import type { DiaryReader, DiaryService } from '../services/diary';

const readerOf = (ctx: Context): DiaryReader => {
  const user = (ctx.state as { user?: { id?: number; role?: { type?: string } } }).user;
  if (!user?.id) throw new errors.UnauthorizedError('Войдите в электронный дневник');
  return { id: user.id, roleType: user.role?.type ?? '' };
};

/** Acknowledging takes no parameters: no body, `{}` or `{ data: {} }`; anything else is refused with the field named. */
const assertNoParameters = (body: unknown): void => {
  const invalid = (path: string, message: string) =>
    new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });
  if (body === undefined || body === null || body === '') return;
  if (typeof body !== 'object' || Array.isArray(body))
    throw invalid('data', 'Тело запроса не нужно: ознакомление отмечается без параметров');
  const { data, ...rest } = body as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length > 0) throw invalid(extra[0], `Неизвестные параметры: ${extra.join(', ')}`);
  if (data === undefined || data === null) return;
  if (typeof data !== 'object' || Array.isArray(data))
    throw invalid('data', 'Тело запроса не нужно: ознакомление отмечается без параметров');
  const fields = Object.keys(data);
  if (fields.length > 0) throw invalid(fields[0], `Неизвестные параметры: ${fields.join(', ')}; ознакомление отмечается без параметров`);
};

/** Thin controller of the assessment rules in the diary. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rules = createAssessmentRules(strapi);
  const ownPupil = (reader: DiaryReader, ctx: Context) =>
    (strapi.service('api::diary.diary') as unknown as DiaryService).requirePupil(reader, String(ctx.params.student));
  return {
    async show(ctx: Context) {
      const reader = readerOf(ctx);
      ctx.body = { data: await rules.show(reader, await ownPupil(reader, ctx)) };
    },
    async acknowledge(ctx: Context) {
      const reader = readerOf(ctx);
      const pupil = await ownPupil(reader, ctx);
      assertNoParameters((ctx.request as { body?: unknown }).body);
      const { created, acknowledgedAt } = await rules.acknowledge(reader, pupil);
      ctx.status = created ? 201 : 200;
      ctx.body = { data: { acknowledgedAt }, meta: { created } };
    },
    async classState(ctx: Context) {
      ctx.body = { data: await rules.classState(readerOf(ctx), String(ctx.params.schoolClass)) };
    },
  };
};
