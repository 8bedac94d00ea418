import type { Core } from '@strapi/strapi';
import { queueMarksDigest, runMarksDigest } from '../../src/notifications/marks-digest';
import { acquireLease } from '../../src/plugins/records-archive/server/src/utils/lease';
import { todayInZone } from '../../src/school/calendar';
import { getSchoolSettings } from '../../src/school/settings';
import { apiAs, bootStrapi, stopStrapi, type Api } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

const NOTIFICATION = 'api::notification.notification';

let strapi: Core.Strapi;
let world: TwoClassSchool;
let parentA: Api;
let parentB: Api;
let teacherA: Api;
let today: string;

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  parentA = apiAs(strapi, world.accounts.parentA.jwt);
  parentB = apiAs(strapi, world.accounts.parentB.jwt);
  teacherA = apiAs(strapi, world.teacherA.jwt);
  today = todayInZone(getSchoolSettings(strapi).timeZone);
});
afterAll(() => stopStrapi(strapi));

const digestsTo = (email: string) =>
  strapi.db.query(NOTIFICATION).findMany({ where: { recipient: email, cause: 'marks-digest' } }) as Promise<
    Array<{ subject: string; text: string }>
  >;

describe('the parents’ daily digest of new marks', () => {
  it('is off until the parent turns it on in the diary', async () => {
    expect((await parentA.get('/api/diary/notifications')).body.data).toEqual({ marksDigest: false, email: 'parent.a@school.test' });
    expect((await queueMarksDigest(strapi, today)).queued).toEqual([]);
    const on = await parentA.put('/api/diary/notifications', { marksDigest: true });
    expect(on.status).toBe(200);
    expect(on.body.data.marksDigest).toBe(true);
  });

  it('sends a parent who asked for it the day’s new marks of their child, once', async () => {
    // The fixture's marks were set today (setAt is the time of entry).
    const result = await queueMarksDigest(strapi, today);
    expect(result.queued).toEqual([{ recipient: 'parent.a@school.test', marks: expect.any(Number) }]);
    const [letter] = await digestsTo('parent.a@school.test');
    expect(letter.subject).toMatch(/^Новые отметки за /);
    expect(letter.text).toContain('Иванов');
    expect(letter.text).toContain('Математика: 5');
    expect(letter.text).not.toContain('Кузнецов');
    expect((await queueMarksDigest(strapi, today)).queued).toEqual([]);
    expect(await digestsTo('parent.a@school.test')).toHaveLength(1);
    expect(await digestsTo('parent.b@school.test')).toHaveLength(0);
  });

  it('writes nothing about a day without new marks', async () => {
    await parentB.put('/api/diary/notifications', { marksDigest: true });
    expect((await queueMarksDigest(strapi, '2025-09-07')).queued).toEqual([]);
  });

  it('refuses a setting that is not yes or no, and is for parents only', async () => {
    const bad = await parentA.put('/api/diary/notifications', { marksDigest: 'да' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['marksDigest']);
    const extra = await parentA.put('/api/diary/notifications', { marksDigest: true, email: 'x@y.z' });
    expect(extra.body.error.details.errors[0].path).toEqual(['email']);
    expect((await teacherA.get('/api/diary/notifications')).status).toBe(403);
  });

  it('runs once a day however many instances fire it', async () => {
    expect(await acquireLease(strapi, 'marks-digest:2025-09-08', 60_000, 'other-instance:1:lease')).toBe(true);
    expect(await runMarksDigest(strapi, '2025-09-08')).toBeNull();
  });
});
