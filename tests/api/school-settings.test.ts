import type { Core } from '@strapi/strapi';
import supertest from 'supertest';
import { getSchoolSettings } from '../../src/school/settings';
import { loadStoredSchoolSettings } from '../../src/school/settings-store';
import { adminLogin, adminWithActions } from '../helpers/admin';
import { bootStrapi, stopStrapi } from '../helpers/strapi';

let strapi: Core.Strapi;
let superAdmin: string;

beforeAll(async () => {
  strapi = await bootStrapi();
  superAdmin = await adminLogin(strapi, { email: 'settings-admin@school.test' });
});
afterAll(() => stopStrapi(strapi));

const http = () => supertest(strapi.server.httpServer);
const read = (jwt?: string) => {
  const request = http().get('/school-settings');
  return jwt ? request.set('Authorization', `Bearer ${jwt}`) : request;
};
const save = (jwt: string, data: unknown) => http().put('/school-settings').set('Authorization', `Bearer ${jwt}`).send({ data });

describe('school settings page API', () => {
  it('answers the settings of config/school.ts with the work types and their default weights', async () => {
    const response = await read(superAdmin);
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ timeZone: 'Europe/Moscow', address: '', pointMarksFromGrade: 2 });
    expect(response.body.data.workTypeWeights).toMatchObject({ 'control-work': 2, test: 1.5, 'oral-answer': 1 });
    expect(response.body.meta.overridden).toEqual([]);
    expect(response.body.meta.workTypes).toContain('lab-work');
  });

  it('needs an admin login and the settings permission', async () => {
    expect((await read()).status).toBe(401);
    const stranger = await adminWithActions(strapi, 'no-settings@school.test', ['plugin::upload.read']);
    expect((await read(stranger)).status).toBe(403);
    const reader = await adminWithActions(strapi, 'settings-reader@school.test', ['api::school-settings.read']);
    expect((await read(reader)).status).toBe(200);
    expect((await save(reader, { address: 'ул. Ленина, 1' })).status).toBe(403);
  });

  it('saves a change, which getSchoolSettings returns at once and after a restart', async () => {
    const response = await save(superAdmin, {
      name: 'МБОУ «Гимназия № 3»',
      address: 'г. Самара, ул. Ленина, 1',
      timeZone: 'Europe/Samara',
      workTypeWeights: { 'control-work': 3 },
    });
    expect(response.status).toBe(200);
    expect(response.body.meta.overridden).toEqual(['name', 'address', 'timeZone', 'workTypeWeights']);
    expect(getSchoolSettings(strapi)).toMatchObject({ name: 'МБОУ «Гимназия № 3»', timeZone: 'Europe/Samara', pointMarksFromGrade: 2 });
    expect(getSchoolSettings(strapi).workTypeWeights).toMatchObject({ 'control-work': 3, test: 1.5, essay: 1 });
    expect(response.body.meta.defaults.timeZone).toBe('Europe/Moscow');

    await loadStoredSchoolSettings(strapi);
    expect(getSchoolSettings(strapi).address).toBe('г. Самара, ул. Ленина, 1');
  });

  it('refuses bad input with 400 and one Russian message per field, saving nothing', async () => {
    const response = await save(superAdmin, {
      timeZone: 'Europe/Atlantis',
      workTypeWeights: { test: -2 },
      periodSchemes: [{ fromGrade: 1, toGrade: 11, scheme: 'weeks' }],
      address: 'г. Тольятти',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('ValidationError');
    const byPath = Object.fromEntries(
      (response.body.error.details.errors as Array<{ path: string[]; message: string }>).map((issue) => [
        issue.path.join('.'),
        issue.message,
      ]),
    );
    expect(Object.keys(byPath).sort()).toEqual(['periodSchemes.0.scheme', 'timeZone', 'workTypeWeights.test']);
    expect(byPath.timeZone).toMatch(/часовой пояс/);
    expect(getSchoolSettings(strapi)).toMatchObject({ timeZone: 'Europe/Samara', address: 'г. Самара, ул. Ленина, 1' });
  });

  it('keeps the analytics’ thresholds and weights one by one over their defaults, and the parents’ class figures switch', async () => {
    const before = (await read(superAdmin)).body.data;
    expect(before.analytics).toEqual({
      fewMarks: 3,
      fallingBy: 0.5,
      absentShare: 30,
      trendFactor: 0.25,
      trendLimit: 1,
      trendMinMarks: 3,
      leaderReserveMarks: 1,
      riskWeights: { 'expected-fail': 8, 'not-assessed': 8, absences: 4, falling: 2, 'few-marks': 1 },
    });
    expect(before.parentsSeeClassResults).toBe(false);
    await save(superAdmin, { analytics: { fewMarks: 4, riskWeights: { absences: 6 } } });
    const response = await save(superAdmin, { analytics: { fallingBy: '0,7' }, parentsSeeClassResults: true });
    expect(response.status).toBe(200);
    expect(response.body.data.analytics).toMatchObject({ fewMarks: 4, fallingBy: 0.7, absentShare: 30 });
    expect(response.body.data.analytics.riskWeights).toEqual({
      'expected-fail': 8,
      'not-assessed': 8,
      absences: 6,
      falling: 2,
      'few-marks': 1,
    });
    expect(getSchoolSettings(strapi).parentsSeeClassResults).toBe(true);
    await loadStoredSchoolSettings(strapi);
    expect(getSchoolSettings(strapi).analytics).toMatchObject({ fewMarks: 4, fallingBy: 0.7 });
    expect((await save(superAdmin, { analytics: null, parentsSeeClassResults: null })).body.data.analytics.fewMarks).toBe(3);
    expect(getSchoolSettings(strapi).parentsSeeClassResults).toBe(false);
  });

  it('refuses analytics thresholds out of bounds, unknown ones and a switch that is not true or false', async () => {
    const response = await save(superAdmin, {
      analytics: { fewMarks: 2.5, absentShare: 0, trendFactor: 'много', sunspots: 1, riskWeights: { absences: -1, boredom: 3 } },
      parentsSeeClassResults: 'yes',
    });
    expect(response.status).toBe(400);
    const paths = (response.body.error.details.errors as Array<{ path: string[] }>).map((issue) => issue.path.join('.')).sort();
    expect(paths).toEqual([
      'analytics.absentShare',
      'analytics.fewMarks',
      'analytics.riskWeights.absences',
      'analytics.riskWeights.boredom',
      'analytics.sunspots',
      'analytics.trendFactor',
      'parentsSeeClassResults',
    ]);
    expect(getSchoolSettings(strapi).analytics.fewMarks).toBe(3);
  });

  it('goes back to config/school.ts for a value sent as null', async () => {
    const response = await save(superAdmin, { timeZone: null });
    expect(response.status).toBe(200);
    expect(response.body.data.timeZone).toBe('Europe/Moscow');
    expect(response.body.meta.overridden).not.toContain('timeZone');
    expect(getSchoolSettings(strapi).timeZone).toBe('Europe/Moscow');
  });
});
