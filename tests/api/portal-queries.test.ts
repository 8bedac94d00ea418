import type { Core } from '@strapi/strapi';
import { apiAs, bootStrapi, createAccount, stopStrapi, type Api } from '../helpers/strapi';
import { buildMiniSchool, make, type MiniSchool } from '../helpers/school-fixture';

let strapi: Core.Strapi;
let school: MiniSchool;
let reader: Api;

/** Marks: three lessons × three pupils in the 1st and 2nd quarters, plus quarter marks. */
beforeAll(async () => {
  strapi = await bootStrapi();
  school = await buildMiniSchool(strapi);
  reader = apiAs(strapi, (await createAccount(strapi, 'director', 'director')).jwt);
  const values = ['5', '4', '3'];
  for (const [lessonIndex, lesson] of school.lessons.entries()) {
    for (const [pupilIndex, pupil] of school.pupils5a.entries()) {
      await make(strapi, 'api::mark.mark', {
        kind: 'current',
        journal: school.mathJournal.documentId,
        lesson: lesson.documentId,
        student: pupil.documentId,
        value: values[(lessonIndex + pupilIndex) % 3],
      });
    }
  }
  for (const pupil of school.pupils5a) {
    await make(strapi, 'api::mark.mark', {
      kind: 'periodic',
      journal: school.mathJournal.documentId,
      studyPeriod: school.quarters[0].documentId,
      student: pupil.documentId,
      value: '4',
    });
  }
});
afterAll(() => stopStrapi(strapi));

const classAndPeriod = () =>
  `filters[journal][schoolClass][documentId][$eq]=${school.class5a.documentId}&filters[studyPeriod][documentId][$eq]=${school.quarters[0].documentId}`;

it('lists all marks of a class for a quarter, current and quarter marks alike', async () => {
  const response = await reader.get(`/api/marks?${classAndPeriod()}&pagination[pageSize]=100`);
  expect(response.status).toBe(200);
  expect(response.body.meta.pagination.total).toBe(2 * 3 + 3);
  expect(new Set(response.body.data.map((mark: { kind: string }) => mark.kind))).toEqual(new Set(['current', 'periodic']));
});

it('pages through them with a stable order and honest totals', async () => {
  const seen: string[] = [];
  for (let page = 1; page <= 3; page += 1) {
    const response = await reader.get(
      `/api/marks?${classAndPeriod()}&sort[0]=date:asc&sort[1]=id:asc&pagination[page]=${page}&pagination[pageSize]=4`,
    );
    expect(response.body.meta.pagination).toEqual({ page, pageSize: 4, pageCount: 3, total: 9 });
    seen.push(...response.body.data.map((mark: { documentId: string }) => mark.documentId));
  }
  expect(new Set(seen).size).toBe(9);
  const dates = (await reader.get(`/api/marks?${classAndPeriod()}&sort=date:asc&pagination[pageSize]=100`)).body.data.map(
    (mark: { date: string }) => mark.date,
  );
  expect(dates).toEqual([...dates].sort());
});

it('filters by kind and value and returns only the fields asked for, with the pupil populated', async () => {
  const response = await reader.get(
    `/api/marks?filters[kind][$eq]=current&filters[value][$eq]=5&filters[journal][documentId][$eq]=${school.mathJournal.documentId}` +
      '&fields[0]=value&fields[1]=date&populate[student][fields][0]=fullName&sort=date:asc',
  );
  expect(response.status).toBe(200);
  expect(response.body.data).toHaveLength(3);
  for (const mark of response.body.data) {
    expect(Object.keys(mark).sort()).toEqual(['date', 'documentId', 'id', 'student', 'value']);
    expect(mark.student.fullName).toMatch(/Серге(евич|евна)$/);
  }
});

it('gives the lessons of a journal in a date range with their topics and homework', async () => {
  const response = await reader.get(
    `/api/lessons?filters[journal][documentId][$eq]=${school.mathJournal.documentId}&filters[date][$gte]=2025-09-01&filters[date][$lte]=2025-09-30&sort=date:asc`,
  );
  expect(response.body.data.map((lesson: { date: string }) => lesson.date)).toEqual(['2025-09-02', '2025-09-03']);
  expect(response.body.data[0]).toMatchObject({ topic: 'Тема урока 2025-09-02', homework: '№ 1–5' });
});

it('lists a class with its pupils through enrollments', async () => {
  const response = await reader.get(
    `/api/enrollments?filters[schoolClass][documentId][$eq]=${school.class5a.documentId}&populate[student][fields][0]=fullName&sort=id:asc`,
  );
  expect(response.body.data.map((enrollment: { student: { fullName: string } }) => enrollment.student.fullName)).toEqual([
    'Иванов Иван Сергеевич',
    'Петрова Анна Сергеевна',
    'Сидоров Пётр Сергеевич',
  ]);
});

it('caps a page size above the configured maximum', async () => {
  const response = await reader.get('/api/marks?pagination[pageSize]=100000');
  expect(response.status).toBe(200);
  expect(response.body.meta.pagination.pageSize).toBeLessThanOrEqual(500);
});
