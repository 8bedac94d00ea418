import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { MessagingService, Sender } from '../services/message';

interface MessageContext {
  state: { user?: { id?: number; role?: { type?: string } } };
  params: Record<string, string>;
  request: { body?: unknown };
  body: unknown;
  status: number;
}

const senderOf = (ctx: MessageContext): Sender => {
  const user = ctx.state.user;
  if (!user?.id) throw new errors.UnauthorizedError('Войдите, чтобы читать и писать сообщения');
  return { id: user.id, roleType: user.role?.type ?? '' };
};

const dataOf = (body: unknown): Record<string, unknown> => {
  const data = body && typeof body === 'object' ? (body as { data?: unknown }).data : undefined;
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    const message = 'Тело запроса: { "data": { … } }';
    throw new errors.ValidationError(message, { errors: [{ path: ['data'], message, name: 'ValidationError' }] });
  }
  return data as Record<string, unknown>;
};

/** Thin controller: who is asking and what they sent; the service checks participants and reach. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const messaging = (): MessagingService => strapi.service('api::message.message') as unknown as MessagingService;
  return {
    async threads(ctx: MessageContext) {
      ctx.body = { data: await messaging().threads(senderOf(ctx)) };
    },
    async thread(ctx: MessageContext) {
      ctx.body = { data: await messaging().thread(senderOf(ctx), ctx.params.id) };
    },
    async startThread(ctx: MessageContext) {
      ctx.body = { data: await messaging().startThread(senderOf(ctx), dataOf(ctx.request.body)) };
      ctx.status = 201;
    },
    async post(ctx: MessageContext) {
      ctx.body = { data: await messaging().post(senderOf(ctx), ctx.params.id, dataOf(ctx.request.body)) };
      ctx.status = 201;
    },
  };
};
