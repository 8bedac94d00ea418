import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { createAssessmentRules } from '../../rules-acknowledgment/assessment-rules';
import { bodyFieldError, diaryReaderOf, ownPupilOf } from '../caller';

/** Acknowledging takes no parameters: no body, `{}` or `{ data: {} }`; anything else is refused with the field named. */
const assertNoParameters = (body: unknown): void => {
  const invalid = bodyFieldError;
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
  return {
    async show(ctx: Context) {
      const reader = diaryReaderOf(ctx);
      ctx.body = { data: await rules.show(reader, await ownPupilOf(strapi, ctx, reader)) };
    },
    async acknowledge(ctx: Context) {
      const reader = diaryReaderOf(ctx);
      const pupil = await ownPupilOf(strapi, ctx, reader);
      assertNoParameters((ctx.request as { body?: unknown }).body);
      const { created, acknowledgedAt } = await rules.acknowledge(reader, pupil);
      ctx.status = created ? 201 : 200;
      ctx.body = { data: { acknowledgedAt }, meta: { created } };
    },
    async classState(ctx: Context) {
      ctx.body = { data: await rules.classState(diaryReaderOf(ctx), String(ctx.params.schoolClass)) };
    },
  };
};
