import { errorResponse } from './openapi-parts';

interface OpenApiDraft {
  info: Record<string, unknown>;
  externalDocs?: unknown;
  paths: Record<string, Record<string, unknown>>;
  'x-strapi-config': { plugins?: string[] };
}

interface RouteLike {
  method: string;
  path: string;
  handler: unknown;
  config?: Record<string, unknown>;
}

interface RouterLike {
  type?: string;
  prefix?: string;
  routes?: RouteLike[];
}

/**
 * The documentation plugin describes the core routes of each content type (and the plugins it is
 * told about) by itself. This adds every other content-API route — custom routes in their own
 * router files, APIs without a content type such as the diary — with a minimal description, so the
 * document lists every route an API token may call. Owners give theirs request and response shapes
 * with `strapi.plugin('documentation').service('override').registerOverride(...)` in `register`
 * (see `src/api/regulation/documentation.ts`). Also drops the plugin's placeholder contact and terms.
 */
export const documentEveryContentApiRoute = (draft: OpenApiDraft): void => {
  delete draft.info.termsOfService;
  delete draft.info.contact;
  delete draft.info.license;
  delete draft.externalDocs;

  const routers: Array<{ tag: string; router: RouterLike }> = [];
  for (const [name, api] of Object.entries(strapi.apis)) {
    for (const router of Object.values(api.routes as Record<string, RouterLike>)) routers.push({ tag: name, router });
  }
  const documentedPlugins = new Set(draft['x-strapi-config'].plugins ?? []);
  for (const [name, plugin] of Object.entries(strapi.plugins)) {
    if (documentedPlugins.has(name) || Array.isArray(plugin.routes)) continue;
    for (const router of Object.values(plugin.routes as Record<string, RouterLike>)) {
      if (router.type === 'content-api') routers.push({ tag: name, router: { ...router, prefix: router.prefix ?? `/${name}` } });
    }
  }

  for (const { tag, router } of routers) {
    for (const route of router.routes ?? []) {
      const method = route.method.toLowerCase();
      const fullPath = route.config && 'prefix' in route.config ? route.path : `${router.prefix ?? ''}${route.path}`;
      const path = fullPath.replace(/:(\w+)(\([^)]*\))?/g, '{$1}');
      if (draft.paths[path]?.[method]) continue;
      const parameters = [...path.matchAll(/\{(\w+)\}/g)].map(([, param]) => ({
        name: param,
        in: 'path',
        required: true,
        schema: { type: 'string' },
      }));
      draft.paths[path] = {
        ...draft.paths[path],
        [method]: {
          tags: [tag.charAt(0).toUpperCase() + tag.slice(1)],
          operationId: `${method}${path}`,
          summary: typeof route.handler === 'string' ? route.handler : `${route.method} ${path}`,
          parameters,
          responses: {
            200: { description: 'OK', content: { 'application/json': { schema: { type: 'object' } } } },
            400: errorResponse('Bad Request'),
            401: errorResponse('Unauthorized'),
            403: errorResponse('Forbidden'),
            404: errorResponse('Not Found'),
          },
        },
      };
    }
  }
};
