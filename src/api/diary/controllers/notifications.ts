import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { bodyFieldError } from '../caller';

type Row = Record<string, unknown> & { id: number; documentId: string };

const GUARDIAN = 'api::guardian.guardian';

const invalid = bodyFieldError;

/** The body: `{ data: { marksDigest: true | false } }` and nothing else. */
const marksDigestOf = (body: unknown): boolean => {
  const data = body && typeof body === 'object' && !Array.isArray(body) ? (body as { data?: unknown }).data : undefined;
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw invalid('data', 'Тело запроса: { "data": { "marksDigest": true } }');
  const { marksDigest, ...rest } = data as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length > 0) throw invalid(extra[0], `Неизвестные параметры: ${extra.join(', ')}; допустим только marksDigest`);
  if (typeof marksDigest !== 'boolean') throw invalid('marksDigest', 'marksDigest: true (присылать сводку) или false');
  return marksDigest;
};

/**
 * Thin controller: the guardian records of the caller's account (one per family it belongs to)
 * carry the setting together, and the address letters go to (the guardian's e-mail, else the account's).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const guardiansOf = async (ctx: Context) => {
    const user = (ctx.state as { user?: { id?: number; email?: string } }).user;
    if (!user?.id) throw new errors.UnauthorizedError('Войдите в электронный дневник');
    const guardians = (await strapi.db
      .query(GUARDIAN)
      .findMany({ where: { user: { id: user.id } }, select: ['id', 'documentId', 'email', 'marksDigest'] })) as Row[];
    if (guardians.length === 0) throw new errors.NotFoundError('Учётная запись не связана с родителем (законным представителем)');
    return { guardians, accountEmail: user.email ?? null };
  };
  const view = (guardians: Row[], accountEmail: string | null) => ({
    marksDigest: guardians.some((guardian) => guardian.marksDigest === true),
    email: (guardians.find((guardian) => guardian.email)?.email as string | undefined) ?? accountEmail,
  });
  return {
    async show(ctx: Context) {
      const { guardians, accountEmail } = await guardiansOf(ctx);
      ctx.body = { data: view(guardians, accountEmail) };
    },
    async update(ctx: Context) {
      const { guardians, accountEmail } = await guardiansOf(ctx);
      const marksDigest = marksDigestOf((ctx.request as { body?: unknown }).body);
      const { email } = view(guardians, accountEmail);
      if (marksDigest && !String(email ?? '').includes('@')) {
        throw invalid('marksDigest', 'Нет адреса электронной почты: попросите классного руководителя записать его в сведения о родителе');
      }
      for (const guardian of guardians) {
        await strapi.documents(GUARDIAN).update({ documentId: guardian.documentId, data: { marksDigest } as never });
      }
      ctx.body = { data: { marksDigest, email } };
    },
  };
};
