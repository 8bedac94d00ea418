import type { Core } from '@strapi/strapi';
import { runArchiveProcedure } from '../../src/school/records/procedure';
import { apiAs, bootStrapi, createAccount, stopStrapi, type Api } from '../helpers/strapi';
import { buildMiniSchool, make, type MiniSchool } from '../helpers/school-fixture';

let strapi: Core.Strapi;
let school: MiniSchool;
let teacher: Api;
let deputy: Api;
let markInQ1: { documentId: string };
let absenceInQ1: { documentId: string };
let markInQ2: { documentId: string };

const closing = { kind: 'period-closing' as const, reason: 'Окончание 1 четверти', authorisedBy: 'Архивариус Петрова Н.В.' };

beforeAll(async () => {
  strapi = await bootStrapi();
  const teacherAccount = await createAccount(strapi, 'teacher', 'teacher');
  teacher = apiAs(strapi, teacherAccount.jwt);
  school = await buildMiniSchool(strapi, { teacher: teacherAccount });
  deputy = apiAs(strapi, (await createAccount(strapi, 'deputy-director', 'deputy')).jwt);
  const pupil = school.pupils5a[0].documentId;
  markInQ1 = await make(strapi, 'api::mark.mark', {
    kind: 'current',
    journal: school.mathJournal.documentId,
    lesson: school.lessons[0].documentId,
    student: pupil,
    value: '4',
  });
  absenceInQ1 = await make(strapi, 'api::attendance.attendance', { lesson: school.lessons[1].documentId, student: pupil, kind: 'ill' });
  markInQ2 = await make(strapi, 'api::mark.mark', {
    kind: 'current',
    journal: school.mathJournal.documentId,
    lesson: school.lessons[2].documentId,
    student: pupil,
    value: '5',
  });
  await runArchiveProcedure(closing, () =>
    strapi
      .documents('api::study-period.study-period')
      .update({ documentId: school.quarters[0].documentId, data: { state: 'closed', closedAt: new Date().toISOString() } } as never),
  );
});
afterAll(() => stopStrapi(strapi));

describe('a closed study period', () => {
  it('cannot be closed or reopened by a plain edit', async () => {
    const reopen = await deputy.put(`/api/study-periods/${school.quarters[0].documentId}`, { state: 'open' });
    expect(reopen.status).toBe(400);
    expect(reopen.body.error.details.errors[0].path).toEqual(['state']);
    const close = await deputy.put(`/api/study-periods/${school.quarters[1].documentId}`, { state: 'closed' });
    expect(close.status).toBe(400);
    const moveDates = await deputy.put(`/api/study-periods/${school.quarters[0].documentId}`, { endDate: '2025-10-25' });
    expect(moveDates.status).toBe(400);
  });

  it('makes its marks read-only on every route: update, delete, and new marks', async () => {
    const update = await teacher.put(`/api/marks/${markInQ1.documentId}`, { value: '5' });
    expect(update.status).toBe(403);
    expect(update.body.error.message).toMatch(/1 четверть 2025\/2026.*закрыт/);
    expect((await teacher.delete(`/api/marks/${markInQ1.documentId}`)).status).toBe(403);
    const created = await teacher.post('/api/marks', {
      kind: 'current',
      journal: school.mathJournal.documentId,
      lesson: school.lessons[0].documentId,
      student: school.pupils5a[1].documentId,
      value: '3',
    });
    expect(created.status).toBe(403);
    const periodic = await teacher.post('/api/marks', {
      kind: 'periodic',
      journal: school.mathJournal.documentId,
      studyPeriod: school.quarters[0].documentId,
      student: school.pupils5a[1].documentId,
      value: '4',
    });
    expect(periodic.status).toBe(403);
    const stored = await strapi.db.query('api::mark.mark').findOne({ where: { documentId: markInQ1.documentId } });
    expect(stored.value).toBe('4');
  });

  it('makes its lessons and attendance read-only, and no lesson can be added into it', async () => {
    expect((await teacher.put(`/api/lessons/${school.lessons[0].documentId}`, { topic: 'Другая тема' })).status).toBe(403);
    expect((await teacher.post('/api/lessons', { journal: school.mathJournal.documentId, date: '2025-10-01', number: 4 })).status).toBe(
      403,
    );
    expect((await teacher.put(`/api/attendances/${absenceInQ1.documentId}`, { kind: 'excused' })).status).toBe(403);
    expect((await teacher.delete(`/api/attendances/${absenceInQ1.documentId}`)).status).toBe(403);
  });

  it('refuses the same edits in the admin panel’s document service path', async () => {
    await expect(
      strapi.documents('api::mark.mark').update({ documentId: markInQ1.documentId, data: { value: '2' } } as never),
    ).rejects.toThrow(/закрыт/);
  });

  it('leaves the open period writable', async () => {
    const update = await teacher.put(`/api/marks/${markInQ2.documentId}`, { value: '4' });
    expect(update.status).toBe(200);
  });

  it('lets the correction procedure change a record, with a reason', async () => {
    const corrected = await runArchiveProcedure(
      { kind: 'correction', reason: 'Ошибка при выставлении, служебная записка № 3', authorisedBy: 'Зам. директора по УВР' },
      () => strapi.documents('api::mark.mark').update({ documentId: markInQ1.documentId, data: { value: '5' } } as never),
    );
    expect(corrected).toMatchObject({ value: '5' });
    await expect(runArchiveProcedure({ kind: 'correction', reason: ' ', authorisedBy: 'кто-то' }, async () => 1)).rejects.toThrow(/reason/);
  });
});
