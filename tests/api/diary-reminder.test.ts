import type { Core } from '@strapi/strapi';
import { queueWeeklyDiaryReminders, runWeeklyDiaryReminder } from '../../src/notifications/weekly-reminder';
import { acquireLease } from '../../src/plugins/records-archive/server/src/utils/lease';
import { make } from '../helpers/school-fixture';
import { apiAs, bootStrapi, createAccount, stopStrapi } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

/**
 * The class teacher's weekly reminder (R16): the task's core, called with a date (cron is off in
 * tests), queues one letter per class with the past week's unconfirmed diaries and lessons missing
 * their diary entries; nothing for a class with nothing to report; never twice for a class and week;
 * and the scheduled run happens once across instances (a lease per week).
 */

const NOTIFICATION = 'api::notification.notification';

let strapi: Core.Strapi;
let world: TwoClassSchool;

const reminders = async (recipient?: string) =>
  (await strapi.db.query(NOTIFICATION).findMany({
    where: { cause: 'diary-reminder', ...(recipient ? { recipient } : {}) },
    orderBy: { id: 'asc' },
  })) as Array<{ recipient: string; subject: string; text: string }>;

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  // 5А and 1А get class teachers; in 1А the only pupil's parent confirms the week of 1 September.
  const classTeacherA = await createAccount(strapi, 'class-teacher', 'classteacher.a');
  const classTeacherC = await createAccount(strapi, 'class-teacher', 'classteacher.c');
  for (const [schoolClass, teacher] of [
    [world.school.class5a, classTeacherA],
    [world.school.class1a, classTeacherC],
  ] as const) {
    await strapi
      .documents('api::school-class.school-class')
      .update({ documentId: schoolClass.documentId, data: { classTeacher: teacher.documentId } } as never);
  }
  const parentC = await createAccount(strapi, 'parent', 'parent.c');
  await make(strapi, 'api::guardian.guardian', {
    lastName: 'Смирнова',
    firstName: 'Елена',
    kinship: 'mother',
    phone: '+7 900 333-33-33',
    children: [world.school.pupil1a.documentId],
    user: parentC.documentId,
  });
  const confirmed = await apiAs(strapi, parentC.jwt).post(`/api/diary/${world.school.pupil1a.documentId}/confirmations`, {
    week: '2025-09-03',
  });
  expect(confirmed.status).toBe(201);
});
afterAll(() => stopStrapi(strapi));

describe('the weekly diary reminder', () => {
  it('queues a letter to each class teacher with the past week’s unconfirmed diaries and missing entries', async () => {
    // Monday 8 September: the past week is 1–7 September.
    const result = await queueWeeklyDiaryReminders(strapi, '2025-09-08');
    expect(result).toMatchObject({ weekStart: '2025-09-01', weekEnd: '2025-09-07' });
    expect(result.queued).toEqual([
      { schoolClass: '5А', recipient: 'classteacher.a@school.test', notConfirmed: 3, missingEntries: 0 },
      { schoolClass: '5Б', recipient: 'classteacher.b@school.test', notConfirmed: 1, missingEntries: 1 },
    ]);
    const [letter] = await reminders('classteacher.b@school.test');
    expect(letter.subject).toBe('Еженедельная проверка дневников 5Б: неделя 01.09.2025 — 07.09.2025');
    expect(letter.text).toContain('Дневник не подтверждён родителями (1):\n— Кузнецов Олег Сергеевич');
    // The 5Б lesson of 2 September has a topic but no homework.
    expect(letter.text).toContain('02.09.2025, 1 урок, Математика: нет домашнего задания');
    const [letterA] = await reminders('classteacher.a@school.test');
    expect(letterA.text).toContain('Записи всех уроков недели заполнены.');
    expect(letterA.text).toContain('— Иванов Иван Сергеевич');
  });

  it('sends nothing to the class teacher of a class whose week is confirmed and complete', async () => {
    expect(await reminders('classteacher.c@school.test')).toEqual([]);
    const again = await queueWeeklyDiaryReminders(strapi, '2025-09-08');
    expect(again.skipped).toContainEqual({ schoolClass: '1А', reason: 'nothing-to-report' });
  });

  it('does not queue the same class and week twice', async () => {
    const before = (await reminders()).length;
    const result = await queueWeeklyDiaryReminders(strapi, '2025-09-12');
    expect(result.queued).toEqual([]);
    expect(result.skipped).toEqual(
      expect.arrayContaining([
        { schoolClass: '5А', reason: 'already-queued' },
        { schoolClass: '5Б', reason: 'already-queued' },
      ]),
    );
    expect(await reminders()).toHaveLength(before);
  });

  it('the scheduled run does nothing while another instance holds the week’s lease, and runs once it is free', async () => {
    const before = (await reminders()).length;
    // Another instance took the week of 8–14 September.
    expect(await acquireLease(strapi, 'diary-reminder:2025-09-08', 60_000, 'other-instance:1:lease')).toBe(true);
    expect(await runWeeklyDiaryReminder(strapi, '2025-09-15')).toBeNull();
    expect(await reminders()).toHaveLength(before);
    // The week of 15–21 September is free: this instance runs it and queues the letters (1А's parent has not confirmed it).
    const result = await runWeeklyDiaryReminder(strapi, '2025-09-22');
    expect(result?.weekStart).toBe('2025-09-15');
    expect(result?.queued.map((item) => item.schoolClass)).toEqual(['1А', '5А', '5Б']);
    expect(await reminders()).toHaveLength(before + 3);
  });
});
