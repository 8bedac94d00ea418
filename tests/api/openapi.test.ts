import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { bootStrapi, stopStrapi } from '../helpers/strapi';

interface OpenApiDocument {
  info: { title: string; version: string };
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> }>>;
}

interface RouterLike {
  prefix?: string;
  routes?: Array<{ method: string; path: string; config?: Record<string, unknown> }>;
}

let strapi: Core.Strapi;
let document: OpenApiDocument;

beforeAll(async () => {
  // The documentation plugin is off in tests unless a test asks for it (config/plugins.ts).
  process.env.DOCUMENTATION_IN_TESTS = 'true';
  strapi = await bootStrapi();
  const service = strapi.plugin('documentation').service('documentation');
  const file = path.join(service.getFullDocumentationPath(), service.getDocumentationVersion(), 'full_documentation.json');
  document = JSON.parse(fs.readFileSync(file, 'utf8')) as OpenApiDocument;
});
afterAll(async () => {
  delete process.env.DOCUMENTATION_IN_TESTS;
  await stopStrapi(strapi);
});

const responseSchema = (apiPath: string, method: string, status = '200') =>
  document.paths[apiPath]?.[method]?.responses[status]?.content?.['application/json']?.schema.$ref;

it('is generated at startup with our title', () => {
  expect(document.info).toMatchObject({ title: 'school-records API', version: '1.0.0' });
});

it('describes the core routes of the record types', () => {
  expect(responseSchema('/marks', 'get')).toBe('#/components/schemas/MarkListResponse');
  expect(responseSchema('/marks/{id}', 'get')).toBe('#/components/schemas/MarkResponse');
  expect(responseSchema('/regulations', 'get')).toBe('#/components/schemas/RegulationListResponse');
});

it('describes the custom routes with their response shapes', () => {
  expect(responseSchema('/regulations/current', 'get')).toBe('#/components/schemas/RegulationResponse');
  expect(responseSchema('/regulations/current', 'get', '404')).toBe('#/components/schemas/Error');
  expect(responseSchema('/journal-remarks/{id}/acknowledge', 'post')).toBe('#/components/schemas/JournalRemarkResponse');
});

it('describes the portfolio’s PDF answers and its JSON ones', () => {
  expect(document.paths['/students/{id}/portfolio.pdf']?.get?.responses['200']?.content?.['application/pdf']).toBeDefined();
  expect(document.paths['/diary/{student}/portfolio.pdf']?.get?.responses['200']?.content?.['application/pdf']).toBeDefined();
  expect(document.paths['/portfolio-entries/olympiad-winners']?.get?.responses['200']?.content?.['application/json']).toBeDefined();
  expect(responseSchema('/portfolio-entries/{id}', 'get')).toBe('#/components/schemas/PortfolioEntryResponse');
  expect(responseSchema('/rewards', 'get')).toBe('#/components/schemas/RewardListResponse');
});

it('describes the import of platform results and the family’s list of them (R83)', () => {
  const paths = document.paths as unknown as Record<string, Record<string, { summary?: string; parameters?: Array<{ name: string }> }>>;
  expect(paths['/platform-results/import']?.post?.summary).toMatch(/образовательной платформы/);
  expect(paths['/platform-results/import']?.post?.parameters?.map((parameter) => parameter.name)).toEqual(['journal', 'platform']);
  expect(paths['/diary/{student}/platform-results']?.get?.summary).toMatch(/образовательных платформах/);
  expect(responseSchema('/platform-results/{id}/evidence/{file}', 'get', '404')).toBe('#/components/schemas/Error');
});

it('describes the exchange feed, the review of portfolio records and the printed diary week', () => {
  const feed = document.paths['/exchange/changes']?.get as unknown as {
    parameters: Array<{ name: string }>;
    responses: Record<string, { content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }>;
  };
  expect(feed.parameters.map((parameter) => parameter.name)).toEqual(['after', 'limit']);
  expect(Object.keys(feed.responses['200']?.content?.['application/json']?.schema.properties ?? {})).toEqual(['data', 'meta']);
  expect(responseSchema('/exchange/changes', 'get', '403')).toBe('#/components/schemas/Error');
  expect(responseSchema('/portfolio-entries/{id}/review', 'post')).toBe('#/components/schemas/PortfolioEntryResponse');
  expect(responseSchema('/rewards/{id}/review', 'post')).toBe('#/components/schemas/RewardResponse');
  expect(document.paths['/diary/{student}/week.pdf']?.get?.responses['200']?.content?.['application/pdf']).toBeDefined();
  expect(document.paths['/diary/classes/{schoolClass}/week.pdf']?.get?.responses['200']?.content?.['application/pdf']).toBeDefined();
});

it('lists every content-API route of every API, custom routers included', () => {
  const missing: string[] = [];
  for (const api of Object.values(strapi.apis)) {
    for (const router of Object.values(api.routes as Record<string, RouterLike>)) {
      for (const route of router.routes ?? []) {
        const routePath = `${route.config && 'prefix' in route.config ? '' : (router.prefix ?? '')}${route.path}`.replace(
          /:(\w+)(\([^)]*\))?/g,
          '{$1}',
        );
        if (!document.paths[routePath]?.[route.method.toLowerCase()]) missing.push(`${route.method} ${routePath}`);
      }
    }
  }
  expect(missing).toEqual([]);
});

it('is served by the plugin at /documentation', async () => {
  const supertest = (await import('supertest')).default;
  const response = await supertest(strapi.server.httpServer).get('/documentation/v1.0.0');
  expect(response.status).toBe(200);
  expect(response.text).toContain('school-records API');
});
