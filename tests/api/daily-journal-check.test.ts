import type { Core } from '@strapi/strapi';
import { queueDailyJournalCheck, runDailyJournalCheck } from '../../src/notifications/daily-journal-check';
import { acquireLease } from '../../src/plugins/records-archive/server/src/utils/lease';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

const NOTIFICATION = 'api::notification.notification';

let strapi: Core.Strapi;
let world: TwoClassSchool;

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
});
afterAll(() => stopStrapi(strapi));

const lettersTo = (email: string) =>
  strapi.db.query(NOTIFICATION).findMany({ where: { recipient: email, cause: 'journal-check' } }) as Promise<
    Array<{ subject: string; text: string }>
  >;

describe('the end-of-day check of journal keeping', () => {
  it('sends each teacher their unfilled lessons of the day, and the deputy the school’s list', async () => {
    const result = await queueDailyJournalCheck(strapi, '2025-09-02');
    expect(result.lessons).toBeGreaterThanOrEqual(2);
    expect(result.unfilled).toBeGreaterThanOrEqual(2);
    const toTeacherA = await lettersTo('teacher.a@school.test');
    expect(toTeacherA).toHaveLength(1);
    expect(toTeacherA[0].subject).toContain('Журнал за 02.09.2025');
    // The lesson has a mark but no absences recorded: attendance is what is missing.
    expect(toTeacherA[0].text).toContain('нет отметок посещаемости');
    expect(toTeacherA[0].text).toContain('5А');
    expect(toTeacherA[0].text).not.toContain('5Б');
    const toDeputy = await lettersTo('deputy@school.test');
    expect(toDeputy).toHaveLength(1);
    expect(toDeputy[0].subject).toContain('Контроль ведения журналов за 02.09.2025');
    expect(toDeputy[0].text).toContain('teacher.a');
    expect(toDeputy[0].text).toContain('5Б');
    expect(result.queued.map((letter) => letter.kind).sort()).toEqual(expect.arrayContaining(['deputy', 'teacher']));
  });

  it('queues nothing twice for the same day', async () => {
    const before = await strapi.db.query(NOTIFICATION).count({ where: { cause: 'journal-check' } });
    const again = await queueDailyJournalCheck(strapi, '2025-09-02');
    expect(again.queued).toEqual([]);
    expect(await strapi.db.query(NOTIFICATION).count({ where: { cause: 'journal-check' } })).toBe(before);
  });

  it('writes to nobody about a day whose lessons are all filled or that had none', async () => {
    const quiet = await queueDailyJournalCheck(strapi, '2025-09-07');
    expect(quiet).toMatchObject({ lessons: 0, unfilled: 0, queued: [] });
  });

  it('does nothing while another instance holds the day’s lease', async () => {
    expect(await acquireLease(strapi, 'journal-check:2025-09-08', 60_000, 'other-instance:1:lease')).toBe(true);
    expect(await runDailyJournalCheck(strapi, '2025-09-08')).toBeNull();
    expect(await runDailyJournalCheck(strapi, '2025-09-07')).toMatchObject({ date: '2025-09-07', queued: [] });
    expect(world.accounts.deputy.id).toBeGreaterThan(0);
  });
});
