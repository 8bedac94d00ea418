import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { DiaryReader, DiaryService } from './services/diary';

/**
 * What the diary's controllers share: who is calling (a logged-in account, else 401), the pupil
 * whose diary they may read (their child or themself, else 404 — `DiaryService.requirePupil`), and
 * the field-named 400 of a bad request body.
 */

interface CallerContext {
  state: unknown;
  /** Koa's context carries the route's params (set by the router). */
  params?: Record<string, string>;
}

export const diaryReaderOf = (ctx: { state: unknown }): DiaryReader => {
  const user = (ctx.state as { user?: { id?: number; role?: { type?: string } } }).user;
  if (!user?.id) throw new errors.UnauthorizedError('Войдите в электронный дневник');
  return { id: user.id, roleType: user.role?.type ?? '' };
};

/** The pupil named by `:student`, if the caller may read their diary. */
export const ownPupilOf = (strapi: Core.Strapi, ctx: CallerContext, reader: DiaryReader = diaryReaderOf(ctx)) =>
  (strapi.service('api::diary.diary') as unknown as DiaryService).requirePupil(reader, String(ctx.params?.student));

/** A 400 naming the field of the body that is wrong. */
export const bodyFieldError = (path: string, message: string): errors.ValidationError =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });
