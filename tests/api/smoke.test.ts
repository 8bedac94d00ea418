import type { Core } from '@strapi/strapi';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { buildMiniSchool } from '../helpers/school-fixture';

let strapi: Core.Strapi;
beforeAll(async () => {
  strapi = await bootStrapi();
});
afterAll(() => stopStrapi(strapi));

it('builds the mini school through the record rules', async () => {
  const school = await buildMiniSchool(strapi);
  expect(school.mathJournal.title).toBe('5А · Математика · 2025/2026');
  expect(school.quarters[1].title).toBe('2 четверть');
});
