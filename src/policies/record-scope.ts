import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { RequestState } from '../access/request-actor';
import { readerFromState, readScopeOf, reachedTypes, unreachableTypesOf, type Reader } from '../access/record-scope';

interface PolicyState extends RequestState {
  route?: { info?: { apiName?: string; pluginName?: string }; handler?: string };
}

const readerOf = (state: PolicyState): Reader => readerFromState(state);

/** The content type a core route serves, from its handler («api::mark.mark.find»). */
const routeTarget = (state: PolicyState): { uid: string; action: string } | null => {
  const handler = state.route?.handler;
  if (typeof handler !== 'string') return null;
  const match = /^(api::[\w-]+\.[\w-]+)\.(\w+)$/.exec(handler);
  return match ? { uid: match[1], action: match[2] } : null;
};

/**
 * `global::record-scope`: on every core read route of a record type, narrows a list to the rows the
 * caller may see, answers 404 for a single row outside them, and refuses (403) a `populate` or a
 * relation filter that would reach data the caller may not read — no filtered-but-leaky answers.
 */
/**
 * Strapi's policy context is a shallow copy of the request's Koa context: `state`, `params` and
 * `request` are the request's own objects, but `query` (a getter) is not copied — read and narrow
 * the parsed query through `request.query`, which Koa caches, so the controller sees the change.
 */
type KoaPolicyContext = Core.PolicyContext & {
  state: unknown;
  params?: Record<string, string>;
  request: { query: Record<string, unknown> };
};

const recordScope = async (policyContext: KoaPolicyContext, _config: unknown, { strapi }: { strapi: Core.Strapi }): Promise<boolean> => {
  const state = policyContext.state as PolicyState;
  const target = routeTarget(state);
  if (!target) return true;
  const reader = readerOf(state);
  const scope = await readScopeOf(strapi, reader, target.uid);
  if (scope.kind === 'deny') throw new errors.PolicyError('Эти сведения вам недоступны (152-ФЗ: персональные данные обучающихся)');

  const query = policyContext.request.query as { populate?: unknown; filters?: unknown };
  const unreachable = unreachableTypesOf(reader);
  if (unreachable.size > 0) {
    const reached = [...reachedTypes(strapi, target.uid, query.populate, query.filters)].filter((uid) => unreachable.has(uid));
    if (reached.length > 0) {
      throw new errors.PolicyError(
        `Запрос раскрывает сведения, которые вам недоступны: ${reached.map((uid) => (strapi.getModel(uid as never) as { info?: { displayName?: string } } | undefined)?.info?.displayName ?? uid).join(', ')}`,
      );
    }
  }
  if (scope.kind === 'all') return true;

  if (target.action === 'find') {
    query.filters = query.filters ? { $and: [query.filters, scope.filter] } : scope.filter;
    return true;
  }
  const documentId = policyContext.params?.id;
  if (documentId) {
    const visible = await strapi.db.query(target.uid as never).count({ where: { $and: [{ documentId }, scope.filter] } });
    if (visible === 0) throw new errors.NotFoundError('Not Found');
  }
  return true;
};

export default recordScope;
