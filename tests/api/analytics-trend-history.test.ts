import type { Core } from '@strapi/strapi';
import { buildMiniSchool, make, type MiniSchool } from '../helpers/school-fixture';
import { apiAs, bootStrapi, createAccount, stopStrapi, type Api } from '../helpers/strapi';

/**
 * A pupil's line over the years (R87): beside the averages of the year's periods, the attestation
 * marks of every year (period, annual, exam marks) per subject and the events (approved portfolio
 * entries, external assessments, GIA results), through `GET /api/analytics/pupils/:student/trend`.
 *
 * Иванов: 4А in 2024/2025 (maths Q4 «4», annual «4»), 5А in 2025/2026 (maths Q1 «3», Q2 «5»,
 * annual «5»; Russian annual «4», taught by another teacher); a regional olympiad in maths
 * (approved), a school contest (pending), a ВПР in maths. Орлова: 9А in 2025/2026, собеседование
 * «зачёт», ОГЭ in maths «5» (28 points), which the protocol writes into the 9А maths journal as the exam mark.
 */

let strapi: Core.Strapi;
let school: MiniSchool;
let orlova: { documentId: string };
const as: Record<string, Api> = {};

interface Point {
  date: string;
  kind: string;
  label: string;
  value: string;
}
interface Subject {
  subject: string;
  periods: Array<{ title: string }>;
  attestation: Point[];
}
interface Event {
  date: string;
  type: string;
  label: string;
  outcome: string;
}

beforeAll(async () => {
  strapi = await bootStrapi();
  const accounts = {
    deputy: await createAccount(strapi, 'deputy-director', 'th_deputy'),
    teacher: await createAccount(strapi, 'teacher', 'th_teacher'),
    teacherRu: await createAccount(strapi, 'teacher', 'th_teacher_ru'),
    parent: await createAccount(strapi, 'parent', 'th_parent'),
  };
  for (const [name, account] of Object.entries(accounts)) as[name] = apiAs(strapi, account.jwt);
  school = await buildMiniSchool(strapi, { teacher: accounts.teacher });
  const ivanov = school.pupils5a[0];
  await make(strapi, 'api::guardian.guardian', {
    lastName: 'Иванова',
    firstName: 'Ольга',
    kinship: 'mother',
    phone: '+7 900 111-11-11',
    children: [ivanov.documentId],
    user: accounts.parent.documentId,
  });

  // 2024/2025: Иванов in 4А.
  const before = await make(strapi, 'api::academic-year.academic-year', {
    title: '2024/2025',
    startDate: '2024-09-01',
    endDate: '2025-08-31',
    state: 'closed',
  });
  const q4before = await make(strapi, 'api::study-period.study-period', {
    academicYear: before.documentId,
    scheme: 'quarter',
    number: 4,
    startDate: '2025-03-31',
    endDate: '2025-05-26',
  });
  const class4a = await make(strapi, 'api::school-class.school-class', { grade: 4, letter: 'А', academicYear: before.documentId });
  await make(strapi, 'api::enrollment.enrollment', {
    student: ivanov.documentId,
    schoolClass: class4a.documentId,
    startDate: '2024-09-01',
    endDate: '2025-08-31',
  });
  const math4a = await make(strapi, 'api::journal.journal', {
    schoolClass: class4a.documentId,
    subject: school.math.documentId,
    kind: 'classroom',
  });
  const mark = (journal: string, kind: string, value: string, extra: Record<string, unknown> = {}) =>
    make(strapi, 'api::mark.mark', { kind, journal, student: ivanov.documentId, value, ...extra });
  await mark(math4a.documentId, 'periodic', '4', { studyPeriod: q4before.documentId });
  await mark(math4a.documentId, 'annual', '4', { date: '2025-05-28' });

  // 2025/2026: Иванов in 5А.
  const math5a = school.mathJournal.documentId;
  await mark(math5a, 'periodic', '3', { studyPeriod: school.quarters[0].documentId });
  await mark(math5a, 'periodic', '5', { studyPeriod: school.quarters[1].documentId });
  await mark(math5a, 'annual', '5', { date: '2026-05-28' });
  const russian5a = await make(strapi, 'api::journal.journal', {
    schoolClass: school.class5a.documentId,
    subject: school.russian.documentId,
    kind: 'classroom',
    teachers: [accounts.teacherRu.documentId],
  });
  await mark(russian5a.documentId, 'annual', '4', { date: '2026-05-28' });

  await make(strapi, 'api::portfolio-entry.portfolio-entry', {
    student: ivanov.documentId,
    title: 'Региональная олимпиада по математике',
    kind: 'olympiad',
    level: 'regional',
    result: 'prize-winner',
    place: 2,
    date: '2025-12-10',
    subject: school.math.documentId,
    source: 'other-organisation',
    addedAtFamilyRequest: true,
  });
  const pending = await make(strapi, 'api::portfolio-entry.portfolio-entry', {
    student: ivanov.documentId,
    title: 'Конкурс рисунков',
    kind: 'contest',
    level: 'school',
    result: 'participant',
    date: '2026-02-01',
    source: 'school',
  });
  await strapi.db
    .query('api::portfolio-entry.portfolio-entry')
    .update({ where: { documentId: pending.documentId }, data: { reviewState: 'pending' } });
  await make(strapi, 'api::external-assessment.external-assessment', {
    kind: 'vpr',
    title: 'ВПР по математике, 5 класс',
    date: '2026-04-15',
    subject: school.math.documentId,
    student: ivanov.documentId,
    score: 12,
    maxScore: 20,
    mark: 3,
  });

  // Орлова in 9А: the собеседование admits her, the ОГЭ protocol writes the exam mark into the journal.
  orlova = await make(strapi, 'api::student.student', {
    lastName: 'Орлова',
    firstName: 'Вера',
    patronymic: 'Игоревна',
    gender: 'female',
    birthDate: '2010-03-03',
  });
  const class9a = await make(strapi, 'api::school-class.school-class', { grade: 9, letter: 'А', academicYear: school.year.documentId });
  await make(strapi, 'api::enrollment.enrollment', {
    student: orlova.documentId,
    schoolClass: class9a.documentId,
    startDate: '2025-09-01',
  });
  await make(strapi, 'api::journal.journal', { schoolClass: class9a.documentId, subject: school.math.documentId, kind: 'classroom' });
  await make(strapi, 'api::exam-result.exam-result', {
    examKind: 'final-interview',
    student: orlova.documentId,
    date: '2026-02-11',
    result: 'pass',
  });
  await make(strapi, 'api::exam-result.exam-result', {
    examKind: 'oge',
    student: orlova.documentId,
    subject: school.math.documentId,
    date: '2026-05-27',
    primaryScore: 28,
    mark: 5,
  });
});

afterAll(async () => {
  await stopStrapi(strapi);
});

const trendOf = async (who: string, student: { documentId: string }, year = school.year.documentId) => {
  const response = await as[who].get(`/api/analytics/pupils/${student.documentId}/trend?year=${year}`);
  expect(response.status).toBe(200);
  return response.body.data as { subjects: Subject[]; events: Event[]; periods: Array<{ title: string }> };
};
const subjectOf = (data: { subjects: Subject[] }, name: string) => data.subjects.find((subject) => subject.subject === name);
const line = (subject: Subject | undefined) => (subject?.attestation ?? []).map((point) => [point.date, point.label, point.value]);

describe('a pupil’s attestation marks over the years (R87)', () => {
  it('gives each subject its period, annual marks of every year up to the one asked, in date order', async () => {
    const data = await trendOf('deputy', school.pupils5a[0]);
    expect(line(subjectOf(data, 'Математика'))).toEqual([
      ['2025-05-26', '4 четверть 2024/2025', '4'],
      ['2025-05-28', 'Годовая отметка 2024/2025', '4'],
      ['2025-10-24', '1 четверть 2025/2026', '3'],
      ['2025-12-28', '2 четверть 2025/2026', '5'],
      ['2026-05-28', 'Годовая отметка 2025/2026', '5'],
    ]);
    // The periods of the year stay as they were beside the new line.
    expect(subjectOf(data, 'Математика')?.periods.map((period) => period.title)).toEqual(['1 четверть', '2 четверть']);
    // Russian has only an annual mark: the subject is listed with no period averages.
    expect(subjectOf(data, 'Русский язык')).toMatchObject({ periods: [], change: null });
    expect(line(subjectOf(data, 'Русский язык'))).toEqual([['2026-05-28', 'Годовая отметка 2025/2026', '4']]);
  });

  it('a past year shows nothing after its end', async () => {
    const before = (await strapi.db.query('api::academic-year.academic-year').findOne({ where: { title: '2024/2025' } })) as {
      documentId: string;
    };
    const data = await trendOf('deputy', school.pupils5a[0], before.documentId);
    expect(line(subjectOf(data, 'Математика'))).toEqual([
      ['2025-05-26', '4 четверть 2024/2025', '4'],
      ['2025-05-28', 'Годовая отметка 2024/2025', '4'],
    ]);
    expect(subjectOf(data, 'Русский язык')).toBeUndefined();
    expect(data.events).toEqual([]);
  });

  it('the exam mark the ОГЭ protocol wrote stands in the line, and the ОГЭ among the events', async () => {
    const data = await trendOf('deputy', orlova);
    expect(line(subjectOf(data, 'Математика'))).toEqual([['2026-05-27', 'Экзаменационная отметка 2025/2026', '5']]);
    expect(data.events.map((event) => [event.date, event.type, event.label, event.outcome])).toEqual([
      ['2026-02-11', 'exam', 'итоговое собеседование по русскому языку', 'зачёт'],
      ['2026-05-27', 'exam', 'ОГЭ по предмету «Математика»', 'отметка 5, 28 первичных баллов'],
    ]);
  });
});

describe('events on the same line (R87)', () => {
  it('lists approved portfolio entries and external assessments with a date and a Russian label, not pending entries', async () => {
    const data = await trendOf('parent', school.pupils5a[0]);
    expect(data.events.map((event) => [event.date, event.type, event.label, event.outcome])).toEqual([
      [
        '2025-12-10',
        'portfolio',
        'Олимпиада по предмету «Математика»: Региональная олимпиада по математике',
        'призёр, 2 место, региональный уровень',
      ],
      ['2026-04-15', 'external-assessment', 'ВПР по предмету «Математика»: ВПР по математике, 5 класс', '12 из 20 баллов, отметка 3'],
    ]);
    expect(JSON.stringify(data)).not.toMatch(/Конкурс рисунков/);
    // The family sees every subject of its own child.
    expect(line(subjectOf(data, 'Русский язык'))).toHaveLength(1);
  });
});

describe('who sees which part of the line (R87)', () => {
  it('a teacher sees the marks of the journals they teach and the events of their subjects only', async () => {
    const teacher = await trendOf('teacher', school.pupils5a[0]);
    // The 4А maths journal of 2024/2025 is not theirs, the Russian journal neither.
    expect(line(subjectOf(teacher, 'Математика')).map(([, label]) => label)).toEqual([
      '1 четверть 2025/2026',
      '2 четверть 2025/2026',
      'Годовая отметка 2025/2026',
    ]);
    expect(subjectOf(teacher, 'Русский язык')).toBeUndefined();
    expect(teacher.events.map((event) => event.type)).toEqual(['portfolio', 'external-assessment']);

    const teacherRu = await trendOf('teacherRu', school.pupils5a[0]);
    expect(teacherRu.subjects.map((subject) => subject.subject)).toEqual(['Русский язык']);
    // The olympiad and the ВПР are in maths: not shown to the Russian teacher.
    expect(teacherRu.events).toEqual([]);
  });

  it('another family’s child and an unreached pupil stay closed', async () => {
    expect((await as.parent.get(`/api/analytics/pupils/${orlova.documentId}/trend`)).status).toBe(404);
    expect((await as.teacherRu.get(`/api/analytics/pupils/${orlova.documentId}/trend`)).status).toBe(404);
  });
});
