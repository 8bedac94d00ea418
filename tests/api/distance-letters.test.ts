import type { Core } from '@strapi/strapi';
import { buildCurrentYear, type CurrentYear } from '../helpers/distance-fixture';
import { apiAs, bootStrapi, createAccount, stopStrapi, type Api } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

/** The letters of the distance-learning flow (seed 004 §2.1, §2.2; R79, R81, R82, R84), read from the notification queue. */

const NOTIFICATION = 'api::notification.notification';

let strapi: Core.Strapi;
let world: TwoClassSchool;
let current: CurrentYear;
let teacherA: Api;
let head: Api;
let pupil: { jwt: string };
let parent: { jwt: string };
let lastSeen = 0;

interface Queued {
  id: number;
  recipient: string;
  cause: string;
  subject: string;
  text: string;
}

/** The letters queued since the last call, once `expected` of them are there (they are queued after the commit). */
const newLetters = async (expected: number): Promise<Queued[]> => {
  let rows: Queued[] = [];
  for (let attempt = 0; attempt < 50; attempt += 1) {
    rows = (await strapi.db.query(NOTIFICATION).findMany({ where: { id: { $gt: lastSeen } }, orderBy: { id: 'asc' } })) as Queued[];
    if (rows.length >= expected) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // Anything queued a moment late for somebody else would show here too.
  await new Promise((resolve) => setTimeout(resolve, 300));
  rows = (await strapi.db.query(NOTIFICATION).findMany({ where: { id: { $gt: lastSeen } }, orderBy: { id: 'asc' } })) as Queued[];
  if (rows.length > 0) lastSeen = rows[rows.length - 1].id;
  return rows;
};
const to = (rows: Queued[]) => rows.map((row) => row.recipient).sort();
const letterTo = (rows: Queued[], email: string): Queued => {
  const found = rows.find((row) => row.recipient === email);
  if (!found) throw new Error(`No letter to ${email}: ${to(rows).join(', ')}`);
  return found;
};

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  current = await buildCurrentYear(strapi, world);
  teacherA = apiAs(strapi, world.teacherA.jwt);
  head = apiAs(strapi, world.accounts.methodologist.jwt);
  const curator = await createAccount(strapi, 'deputy-director', 'letters.curator');
  const association = await apiAs(strapi, world.accounts.deputy.jwt).post('/api/methodical-associations', {
    name: 'МО учителей математики',
    head: world.accounts.methodologist.documentId,
    curator: curator.documentId,
    members: [world.teacherA.documentId],
  });
  expect(association.status).toBe(201);
  // Орлов has his own account and a mother with an address but no account; Зайцева's mother has an account.
  const pupilAccount = await createAccount(strapi, 'pupil', 'pupil.orlov');
  await strapi
    .documents('api::student.student')
    .update({ documentId: current.pupils[0].documentId, data: { user: pupilAccount.documentId } } as never);
  pupil = pupilAccount;
  await strapi.documents('api::guardian.guardian').create({
    data: {
      lastName: 'Орлова',
      firstName: 'Анна',
      kinship: 'mother',
      email: 'orlova@family.test',
      children: [current.pupils[0].documentId],
    },
  } as never);
  const parentAccount = await createAccount(strapi, 'parent', 'parent.zaitseva');
  await strapi.documents('api::guardian.guardian').create({
    data: {
      lastName: 'Зайцева',
      firstName: 'Ольга',
      kinship: 'mother',
      children: [current.pupils[1].documentId],
      user: parentAccount.documentId,
    },
  } as never);
  parent = parentAccount;
  await newLetters(0);
});
afterAll(() => stopStrapi(strapi));

describe('letters of lesson plans', () => {
  it('go to the head of the association on submission, to the author on a return, and to the curator and the author on approval', async () => {
    const created = await teacherA.post('/api/lesson-plans', {
      journal: current.journal.documentId,
      lessonDate: current.tomorrow,
      kind: 'technological-map',
      topic: 'Решение задач на проценты',
      content: 'Этапы урока',
    });
    expect(created.status).toBe(201);
    const planId = created.body.data.documentId as string;
    expect(await newLetters(0)).toEqual([]);

    expect((await teacherA.post(`/api/lesson-plans/${planId}/submit`, {})).status).toBe(200);
    const submitted = await newLetters(1);
    expect(to(submitted)).toEqual(['methodologist@school.test']);
    expect(submitted[0]).toMatchObject({ cause: 'lesson-plan', subject: expect.stringContaining('Конспект на проверку: teacher.a') });
    expect(submitted[0].text).toContain('«Решение задач на проценты»');

    const returned = await head.post(`/api/lesson-plans/${planId}/review`, { decision: 'return', comment: 'Добавьте рефлексию' });
    expect(returned.status).toBe(200);
    const onReturn = await newLetters(1);
    expect(to(onReturn)).toEqual(['teacher.a@school.test']);
    expect(onReturn[0].subject).toContain('Конспект возвращён на доработку');
    expect(onReturn[0].text).toContain('Замечание: Добавьте рефлексию');

    expect((await teacherA.post(`/api/lesson-plans/${planId}/submit`, {})).status).toBe(200);
    expect(to(await newLetters(1))).toEqual(['methodologist@school.test']);
    expect((await head.post(`/api/lesson-plans/${planId}/review`, { decision: 'approve' })).status).toBe(200);
    const onApproval = await newLetters(2);
    expect(to(onApproval)).toEqual(['letters.curator@school.test', 'teacher.a@school.test']);
    expect(letterTo(onApproval, 'letters.curator@school.test').text).toContain('согласовал(а) технологическую карту на');
    expect(letterTo(onApproval, 'teacher.a@school.test').subject).toContain('Конспект согласован');
    expect(letterTo(onApproval, 'teacher.a@school.test').text).toContain('methodologist проверил(а) технологическую карту');
  });

  it('are not sent for a step that is refused', async () => {
    const created = await teacherA.post('/api/lesson-plans', {
      journal: current.journal.documentId,
      lessonDate: current.tomorrow,
      topic: 'Пропорции',
      content: 'Конспект',
    });
    expect((await head.post(`/api/lesson-plans/${created.body.data.documentId}/review`, { decision: 'approve' })).status).toBe(404);
    expect(await newLetters(0)).toEqual([]);
  });
});

describe('letters of assignments and pupils’ work', () => {
  let assignmentId: string;

  it('tell the journal’s pupils with an e-mail and their parents of a new assignment, naming a child only to its own family', async () => {
    const created = await teacherA.post('/api/assignments', {
      journal: current.journal.documentId,
      lesson: current.lessonYesterday.documentId,
      title: '№ 245–250',
      description: 'Решите задачи',
      sources: 'Учебник, § 12',
      dueOn: current.today,
    });
    expect(created.status).toBe(201);
    assignmentId = created.body.data.documentId;
    const letters = await newLetters(3);
    // Not the parents of another class, not another teacher, not the teacher who set it.
    expect(to(letters)).toEqual(['orlova@family.test', 'parent.zaitseva@school.test', 'pupil.orlov@school.test']);
    expect(letters.every((row) => row.cause === 'assignment')).toBe(true);
    const own = letterTo(letters, 'pupil.orlov@school.test');
    expect(own.subject).toBe(`Новое задание: Математика, сдать до ${current.today}`);
    expect(own.text).toContain('«№ 245–250»');
    expect(own.text).toContain('Учебник, § 12');
    expect(own.text).not.toMatch(/Орлов|Зайцева/);
    const zaitseva = letterTo(letters, 'parent.zaitseva@school.test').text;
    expect(zaitseva).toContain('Зайцева Вера');
    expect(zaitseva).not.toContain('Орлов');
    expect(letterTo(letters, 'orlova@family.test').text).toContain('Орлов Денис');
    expect(letterTo(letters, 'orlova@family.test').text).not.toContain('Зайцева');
  });

  it('tell the teacher who set the assignment of handed-in work, and the pupil’s parents of the check', async () => {
    const handed = await apiAs(strapi, parent.jwt).post(
      `/api/diary/${current.pupils[1].documentId}/assignments/${assignmentId}/submissions`,
      {
        text: 'Ответы: 1) 25 %',
      },
    );
    expect(handed.status).toBe(201);
    const onHandIn = await newLetters(1);
    expect(to(onHandIn)).toEqual(['teacher.a@school.test']);
    expect(onHandIn[0]).toMatchObject({ cause: 'assignment-submission', subject: 'Сдана работа: Зайцева Вера, «№ 245–250»' });

    const checked = await teacherA.post(`/api/assignment-submissions/${handed.body.data.documentId}/check`, {
      decision: 'check',
      mark: '5',
      comment: 'Молодец',
    });
    expect(checked.status).toBe(200);
    const onCheck = await newLetters(1);
    // Only Зайцева's mother: not the pupil Орлов, not his mother, not the teacher.
    expect(to(onCheck)).toEqual(['parent.zaitseva@school.test']);
    expect(onCheck[0].subject).toBe('Работа проверена: Зайцева Вера, Математика');
    expect(onCheck[0].text).toContain('отметка 5');
    expect(onCheck[0].text).toContain('Замечание учителя: Молодец');
  });

  it('tell the parents of a returned work what to correct, and the teacher of the new attempt', async () => {
    const handed = await apiAs(strapi, pupil.jwt).post(
      `/api/diary/${current.pupils[0].documentId}/assignments/${assignmentId}/submissions`,
      {
        text: 'Ответ',
      },
    );
    expect(handed.status).toBe(201);
    expect(to(await newLetters(1))).toEqual(['teacher.a@school.test']);
    const refused = await teacherA.post(`/api/assignment-submissions/${handed.body.data.documentId}/check`, { decision: 'return' });
    expect(refused.status).toBe(400);
    expect(await newLetters(0)).toEqual([]);
    const returned = await teacherA.post(`/api/assignment-submissions/${handed.body.data.documentId}/check`, {
      decision: 'return',
      comment: 'Нет решения задачи 3',
    });
    expect(returned.status).toBe(200);
    const onReturn = await newLetters(1);
    expect(to(onReturn)).toEqual(['orlova@family.test']);
    expect(onReturn[0].subject).toBe('Работа возвращена на доработку: Орлов Денис, Математика');
    expect(onReturn[0].text).toContain('Нет решения задачи 3');
    const again = await apiAs(strapi, pupil.jwt).post(
      `/api/diary/${current.pupils[0].documentId}/assignments/${assignmentId}/submissions`,
      {
        text: 'Исправлено',
      },
    );
    expect(again.status).toBe(201);
    const onAttempt = await newLetters(1);
    expect(to(onAttempt)).toEqual(['teacher.a@school.test']);
    expect(onAttempt[0].text).toContain('попытка 2');
  });
});
