import type { Core } from '@strapi/strapi';
import { apiAs, bootStrapi, createAccount, stopStrapi } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

let strapi: Core.Strapi;
let world: TwoClassSchool;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  const tokenService = strapi.service('admin::api-token');
  tokens.readOnly = (await tokenService.create({ name: 'Сайт школы', type: 'read-only', lifespan: null })).accessKey;
  tokens.custom = (
    await tokenService.create({
      name: 'Региональная АСУ',
      type: 'custom',
      lifespan: null,
      permissions: ['api::mark.mark.find', 'api::student.student.find'],
    })
  ).accessKey;
  tokens.feed = (
    await tokenService.create({ name: 'Дневник.ру', type: 'custom', lifespan: null, permissions: ['api::exchange.exchange.changes'] })
  ).accessKey;
});
afterAll(() => stopStrapi(strapi));

type Who =
  | 'public'
  | 'parentA'
  | 'pupilA'
  | 'teacherA'
  | 'classTeacherB'
  | 'deputy'
  | 'director'
  | 'secretary'
  | 'archivist'
  | 'methodologist'
  | 'readOnlyToken'
  | 'customToken'
  | 'feedToken';

const jwtOf = (who: Who): string | undefined => {
  if (who === 'public') return undefined;
  if (who === 'readOnlyToken') return tokens.readOnly;
  if (who === 'customToken') return tokens.custom;
  if (who === 'feedToken') return tokens.feed;
  if (who === 'teacherA') return world.teacherA.jwt;
  if (who === 'classTeacherB') return world.classTeacherB.jwt;
  return world.accounts[who].jwt;
};

/** A route, the status each caller gets: 200 (or 201/204 on writes), 403 forbidden, 404 hidden. */
interface RouteCase {
  name: string;
  call: (api: ReturnType<typeof apiAs>) => Promise<{ status: number }>;
  expect: Partial<Record<Who, number>> & { others: number };
}

const ALL: Who[] = [
  'public',
  'parentA',
  'pupilA',
  'teacherA',
  'classTeacherB',
  'deputy',
  'director',
  'secretary',
  'archivist',
  'methodologist',
  'readOnlyToken',
  'customToken',
  'feedToken',
];

/** The personal file of the 5Б pupil, opened once, the first time a case needs it. */
let file5b: Promise<string> | undefined;
const personalFile5b = (): Promise<string> =>
  (file5b ??= strapi
    .documents('api::personal-file.personal-file')
    .create({ data: { student: world.school.pupil5b.documentId, openedOn: '2021-09-01' } } as never)
    .then((file) => (file as unknown as { documentId: string }).documentId));

let newcomers = 0;
/** A new pupil for each call, since a pupil has one personal file. */
const newPupil = async (): Promise<string> => {
  newcomers += 1;
  const student = await strapi.documents('api::student.student').create({
    data: { lastName: 'Новикова', firstName: `Ученица ${newcomers}`, gender: 'female', birthDate: '2014-01-01' },
  } as never);
  return (student as unknown as { documentId: string }).documentId;
};

/** A portfolio entry and a reward of the 5Б pupil, made once by the class teacher (so on review). */
let review5b: Promise<{ entry: string; reward: string }> | undefined;
const onReview5b = (): Promise<{ entry: string; reward: string }> =>
  (review5b ??= (async () => {
    const classTeacher = apiAs(strapi, world.classTeacherB.jwt);
    const entry = await classTeacher.post('/api/portfolio-entries', {
      student: world.school.pupil5b.documentId,
      title: 'Школьная олимпиада по математике',
      kind: 'olympiad',
      result: 'participant',
      date: '2025-10-01',
      subject: world.school.math.documentId,
    });
    const reward = await classTeacher.post('/api/rewards', {
      student: world.school.pupil5b.documentId,
      kind: 'diploma',
      reason: 'За участие в олимпиаде',
      date: '2025-10-05',
    });
    return { entry: entry.body.data.documentId as string, reward: reward.body.data.documentId as string };
  })());

/** A thread of teacher A with the parents of the 5А pupil, opened once, the first time a case needs it. */
let parentsThread: Promise<string> | undefined;
const parentsThreadA = (): Promise<string> =>
  (parentsThread ??= apiAs(strapi, world.teacherA.jwt)
    .post('/api/messages/threads', {
      kind: 'teacher-parent',
      student: world.school.pupils5a[0].documentId,
      subject: 'Успеваемость',
      text: 'Добрый день!',
    })
    .then((response) => response.body.data.documentId as string));

const routes = (): RouteCase[] => [
  {
    name: 'GET /api/messages/threads',
    call: (api) => api.get('/api/messages/threads'),
    expect: { parentA: 200, pupilA: 200, teacherA: 200, classTeacherB: 200, others: 403 },
  },
  {
    name: 'GET /api/messages/threads/:thread (teacher A and the 5А parents)',
    call: async (api) => api.get(`/api/messages/threads/${await parentsThreadA()}`),
    expect: { parentA: 200, teacherA: 200, pupilA: 404, classTeacherB: 404, others: 403 },
  },
  {
    name: 'GET /api/subjects',
    call: (api) => api.get('/api/subjects'),
    expect: { public: 403, parentA: 403, pupilA: 403, customToken: 403, feedToken: 403, others: 200 },
  },
  {
    name: 'GET /api/school-classes',
    call: (api) => api.get('/api/school-classes'),
    expect: { public: 403, parentA: 403, pupilA: 403, customToken: 403, feedToken: 403, others: 200 },
  },
  {
    name: 'GET /api/marks',
    call: (api) => api.get('/api/marks'),
    expect: { public: 403, parentA: 403, pupilA: 403, methodologist: 403, readOnlyToken: 403, feedToken: 403, others: 200 },
  },
  {
    name: 'GET /api/marks/:markB (5Б)',
    call: (api) => api.get(`/api/marks/${world.markB.documentId}`),
    expect: {
      public: 403,
      parentA: 403,
      pupilA: 403,
      methodologist: 403,
      readOnlyToken: 403,
      customToken: 403,
      teacherA: 404,
      feedToken: 403,
      others: 200,
    },
  },
  {
    name: 'GET /api/students/:pupil5b',
    call: (api) => api.get(`/api/students/${world.school.pupil5b.documentId}`),
    expect: {
      public: 403,
      parentA: 403,
      pupilA: 403,
      methodologist: 403,
      readOnlyToken: 403,
      customToken: 403,
      teacherA: 404,
      feedToken: 403,
      others: 200,
    },
  },
  {
    name: 'GET /api/guardians',
    call: (api) => api.get('/api/guardians'),
    expect: {
      public: 403,
      parentA: 403,
      pupilA: 403,
      methodologist: 403,
      readOnlyToken: 403,
      customToken: 403,
      teacherA: 403,
      feedToken: 403,
      others: 200,
    },
  },
  {
    name: 'GET /api/lessons',
    call: (api) => api.get('/api/lessons'),
    expect: { public: 403, parentA: 403, pupilA: 403, readOnlyToken: 403, customToken: 403, feedToken: 403, others: 200 },
  },
  {
    name: 'GET /api/diary-entries',
    call: (api) => api.get('/api/diary-entries'),
    expect: { teacherA: 200, classTeacherB: 200, deputy: 200, director: 200, others: 403 },
  },
  {
    name: 'GET /api/journal-control/daily',
    call: (api) => api.get('/api/journal-control/daily?date=2025-09-02'),
    expect: { teacherA: 200, classTeacherB: 200, deputy: 200, director: 200, others: 403 },
  },
  {
    name: 'GET /api/work-programmes',
    call: (api) => api.get('/api/work-programmes'),
    expect: { teacherA: 200, classTeacherB: 200, deputy: 200, director: 200, others: 403 },
  },
  {
    name: 'GET /api/work-programmes/:id/mastery (unknown programme: the readers get 404, nobody else gets through)',
    call: (api) => api.get('/api/work-programmes/no-such-programme/mastery'),
    expect: { teacherA: 404, classTeacherB: 404, deputy: 404, director: 404, others: 403 },
  },
  {
    name: 'GET /api/work-programmes/completion',
    call: (api) => api.get('/api/work-programmes/completion?date=2025-11-12'),
    expect: { deputy: 200, director: 200, others: 403 },
  },
  {
    name: 'GET /api/diary/:student/programmes of the 5А pupil',
    call: (api) => api.get(`/api/diary/${world.school.pupils5a[0].documentId}/programmes`),
    expect: { parentA: 200, pupilA: 200, others: 403 },
  },
  {
    name: 'GET /api/diary/:student/class-results of the 5А pupil (school setting off by default: closed to everyone)',
    call: (api) => api.get(`/api/diary/${world.school.pupils5a[0].documentId}/class-results`),
    expect: { others: 403 },
  },
  {
    name: 'GET /api/analytics/forecast',
    call: (api) => api.get(`/api/analytics/forecast?period=${world.school.quarters[0].documentId}`),
    expect: { teacherA: 200, classTeacherB: 200, deputy: 200, director: 200, others: 403 },
  },
  {
    name: 'GET /api/analytics/self-assessment',
    call: (api) => api.get(`/api/analytics/self-assessment?period=${world.school.quarters[0].documentId}`),
    expect: { teacherA: 200, classTeacherB: 200, deputy: 200, director: 200, others: 403 },
  },
  {
    name: 'GET /api/analytics/control-works',
    call: (api) => api.get(`/api/analytics/control-works?period=${world.school.quarters[0].documentId}`),
    expect: { teacherA: 200, classTeacherB: 200, deputy: 200, director: 200, others: 403 },
  },
  // The bank of КИМ (R98): staff read it; families never. The results of a КИМ across classes: as the control-works analysis.
  {
    name: 'GET /api/assessment-materials',
    call: (api) => api.get('/api/assessment-materials'),
    expect: { teacherA: 200, classTeacherB: 200, deputy: 200, director: 200, methodologist: 200, others: 403 },
  },
  {
    name: 'GET /api/assessment-materials/:id/files/:file of a КИМ that does not exist',
    call: (api) => api.get('/api/assessment-materials/nosuchdocument0000000000/files/1'),
    expect: { teacherA: 404, classTeacherB: 404, deputy: 404, director: 404, methodologist: 404, others: 403 },
  },
  {
    name: 'GET /api/analytics/assessment-materials/:id of a КИМ that does not exist',
    call: (api) => api.get('/api/analytics/assessment-materials/nosuchdocument0000000000'),
    expect: { teacherA: 404, classTeacherB: 404, deputy: 404, director: 404, others: 403 },
  },
  {
    name: 'GET /api/journal-checks',
    call: (api) => api.get('/api/journal-checks'),
    expect: { deputy: 200, director: 200, others: 403 },
  },
  {
    name: 'GET /api/journal-control/checks',
    call: (api) => api.get('/api/journal-control/checks'),
    expect: { deputy: 200, director: 200, others: 403 },
  },
  {
    name: 'GET /api/journal-remarks/check-report.pdf',
    call: (api) => api.get('/api/journal-remarks/check-report.pdf?from=2025-09-01&to=2025-12-31'),
    expect: { deputy: 200, director: 200, others: 403 },
  },
  {
    name: 'GET /api/journal-remarks/journals/:journal/page.pdf of 5А maths',
    call: (api) => api.get(`/api/journal-remarks/journals/${world.school.mathJournal.documentId}/page.pdf`),
    expect: { teacherA: 200, classTeacherB: 404, deputy: 200, director: 200, others: 403 },
  },
  {
    name: 'POST /api/diary-entries to a 5А pupil in 5А maths',
    call: (api) =>
      api.post('/api/diary-entries', {
        student: world.school.pupils5a[1].documentId,
        journal: world.school.mathJournal.documentId,
        kind: 'praise',
        text: 'Хорошая работа',
        date: '2025-09-02',
      }),
    expect: { teacherA: 201, others: 403 },
  },
  {
    name: 'GET /api/portfolio-entries',
    call: (api) => api.get('/api/portfolio-entries'),
    expect: { teacherA: 200, classTeacherB: 200, deputy: 200, director: 200, secretary: 200, others: 403 },
  },
  {
    name: 'GET /api/rewards',
    call: (api) => api.get('/api/rewards'),
    expect: { teacherA: 200, classTeacherB: 200, deputy: 200, director: 200, secretary: 200, others: 403 },
  },
  {
    name: 'POST /api/portfolio-entries for a 5Б pupil',
    call: (api) =>
      api.post('/api/portfolio-entries', {
        student: world.school.pupil5b.documentId,
        title: 'Школьный конкурс чтецов',
        kind: 'contest',
        level: 'school',
        result: 'participant',
        date: '2025-10-01',
      }),
    expect: { classTeacherB: 201, deputy: 201, director: 201, secretary: 201, others: 403 },
  },
  {
    name: 'GET /api/diary/:pupil5a/portfolio (parent A’s child)',
    call: (api) => api.get(`/api/diary/${world.school.pupils5a[0].documentId}/portfolio`),
    expect: { parentA: 200, pupilA: 200, others: 403 },
  },
  {
    name: 'GET /api/students/:pupil5b/portfolio.pdf',
    call: (api) => api.get(`/api/students/${world.school.pupil5b.documentId}/portfolio.pdf`),
    expect: { teacherA: 404, classTeacherB: 200, deputy: 200, director: 200, secretary: 200, others: 403 },
  },
  {
    name: 'GET /api/portfolio-entries/olympiad-winners',
    call: (api) => api.get('/api/portfolio-entries/olympiad-winners?year=2025/2026'),
    expect: { deputy: 200, director: 200, others: 403 },
  },
  {
    name: 'POST /api/portfolio-entries/:entry5b/review (approve)',
    call: async (api) => api.post(`/api/portfolio-entries/${(await onReview5b()).entry}/review`, { decision: 'approve' }),
    expect: { deputy: 200, director: 200, others: 403 },
  },
  {
    name: 'POST /api/rewards/:reward5b/review (approve)',
    call: async (api) => api.post(`/api/rewards/${(await onReview5b()).reward}/review`, { decision: 'approve' }),
    expect: { deputy: 200, director: 200, others: 403 },
  },
  {
    name: 'GET /api/diary/:pupil5a/week.pdf (parent A’s child)',
    call: (api) => api.get(`/api/diary/${world.school.pupils5a[0].documentId}/week.pdf?date=2025-09-02`),
    expect: { parentA: 200, pupilA: 200, deputy: 200, director: 200, classTeacherB: 404, others: 403 },
  },
  {
    name: 'GET /api/diary/classes/:class5b/week.pdf (grade 5 keeps no paper diaries: 400 for those who may print)',
    call: (api) => api.get(`/api/diary/classes/${world.school.class5b.documentId}/week.pdf?date=2025-09-02`),
    expect: { classTeacherB: 400, deputy: 400, director: 400, others: 403 },
  },
  {
    name: 'GET /api/exchange/changes',
    call: (api) => api.get('/api/exchange/changes?after=0&limit=10'),
    expect: { feedToken: 200, others: 403 },
  },
  {
    name: 'GET /api/external-assessments',
    call: (api) => api.get('/api/external-assessments'),
    expect: { teacherA: 200, classTeacherB: 200, deputy: 200, director: 200, secretary: 200, others: 403 },
  },
  {
    name: 'POST /api/external-assessments/import (JSON rows, a 5Б pupil)',
    call: (api) =>
      api.post('/api/external-assessments/import', {
        rows: [{ kind: 'vpr', title: 'ВПР по математике', date: '2026-04-15', student: world.school.pupil5b.documentId, mark: 4 }],
      }),
    expect: { deputy: 201, director: 201, secretary: 201, others: 403 },
  },
  {
    name: 'GET /api/credit-transfers',
    call: (api) => api.get('/api/credit-transfers'),
    expect: { teacherA: 200, classTeacherB: 200, deputy: 200, director: 200, secretary: 200, others: 403 },
  },
  {
    name: 'POST /api/credit-transfers without the proving document (400 for those who keep credits)',
    call: (api) =>
      api.post('/api/credit-transfers', {
        student: world.school.pupil5b.documentId,
        journal: world.journalB.documentId,
        basis: 'other-organisation',
        organisation: 'Кванториум',
        programmeKind: 'course',
        programmeTitle: 'Робототехника',
      }),
    expect: { deputy: 400, director: 400, secretary: 400, others: 403 },
  },
  {
    name: 'GET /api/external-assessments/objectivity',
    call: (api) => api.get('/api/external-assessments/objectivity?year=2025/2026'),
    expect: { deputy: 200, director: 200, others: 403 },
  },
  {
    name: 'GET /api/exam-results',
    call: (api) => api.get('/api/exam-results'),
    expect: { teacherA: 200, classTeacherB: 200, deputy: 200, director: 200, secretary: 200, others: 403 },
  },
  {
    name: 'POST /api/exam-results/import (JSON rows, a 5Б pupil: no ОГЭ in the 5th grade)',
    call: (api) =>
      api.post('/api/exam-results/import', {
        rows: [{ examKind: 'oge', date: '2026-05-27', subject: 'Математика', student: world.school.pupil5b.documentId, mark: 4 }],
      }),
    expect: { deputy: 400, director: 400, secretary: 400, others: 403 },
  },
  {
    name: 'GET /api/exam-results/acknowledgments',
    call: (api) => api.get('/api/exam-results/acknowledgments'),
    expect: { deputy: 200, director: 200, secretary: 200, others: 403 },
  },
  {
    name: 'GET /api/exam-results/acknowledgment-sheet.pdf (no such exam)',
    call: (api) => api.get('/api/exam-results/acknowledgment-sheet.pdf?examKind=oge&subject=none&date=2026-05-27'),
    expect: { deputy: 404, director: 404, secretary: 404, others: 403 },
  },
  {
    name: 'POST /api/exam-results/:id/acknowledge (no such result)',
    call: (api) => api.post('/api/exam-results/nosuchdocument0000000000/acknowledge', {}),
    expect: { deputy: 404, director: 404, secretary: 404, others: 403 },
  },
  {
    name: 'GET /api/exam-results/:id/scans/:file (no such result)',
    call: (api) => api.get('/api/exam-results/nosuchdocument0000000000/scans/1'),
    expect: { teacherA: 404, classTeacherB: 404, deputy: 404, director: 404, secretary: 404, others: 403 },
  },
  {
    name: 'GET /api/diary/:pupil5a/exam-results (parent A’s child)',
    call: (api) => api.get(`/api/diary/${world.school.pupils5a[0].documentId}/exam-results`),
    expect: { parentA: 200, pupilA: 200, others: 403 },
  },
  {
    name: 'GET /api/special-conditions',
    call: (api) => api.get('/api/special-conditions'),
    expect: { teacherA: 200, classTeacherB: 200, deputy: 200, director: 200, others: 403 },
  },
  {
    name: 'POST /api/special-conditions for a 5Б pupil',
    call: (api) =>
      api.post('/api/special-conditions', {
        student: world.school.pupil5b.documentId,
        commissionDate: '2025-06-01',
        commissionNumber: 'ПМПК № 7',
        conditions: 'Дополнительное время',
      }),
    expect: { deputy: 201, director: 201, others: 403 },
  },
  {
    name: 'GET /api/diary/:pupil5a/special-conditions (parent A’s child)',
    call: (api) => api.get(`/api/diary/${world.school.pupils5a[0].documentId}/special-conditions`),
    expect: { parentA: 200, pupilA: 200, others: 403 },
  },
  {
    name: 'GET /api/learning-trajectories',
    call: (api) => api.get('/api/learning-trajectories'),
    expect: { teacherA: 200, classTeacherB: 200, deputy: 200, director: 200, others: 403 },
  },
  {
    name: 'POST /api/learning-trajectories for a 5Б pupil',
    call: (api) =>
      api.post('/api/learning-trajectories', {
        student: world.school.pupil5b.documentId,
        academicYear: world.school.year.documentId,
        basis: 'Заявление родителей',
        startsOn: '2025-09-15',
        goals: [{ goal: 'Подготовка к олимпиаде' }],
      }),
    expect: { classTeacherB: 201, deputy: 201, director: 201, others: 403 },
  },
  {
    name: 'POST /api/learning-trajectories/from-analytics for a 5Б pupil (not on the list of the fixture’s past year: 400 for those who may)',
    call: (api) => api.post('/api/learning-trajectories/from-analytics', { student: world.school.pupil5b.documentId, list: 'leader' }),
    expect: { classTeacherB: 400, deputy: 400, director: 400, others: 403 },
  },
  {
    name: 'GET /api/diary/:pupil5a/trajectories (parent A’s child)',
    call: (api) => api.get(`/api/diary/${world.school.pupils5a[0].documentId}/trajectories`),
    expect: { parentA: 200, pupilA: 200, others: 403 },
  },
  {
    name: 'GET /api/personal-files',
    call: async (api) => {
      await personalFile5b();
      return api.get('/api/personal-files');
    },
    expect: { classTeacherB: 200, deputy: 200, director: 200, secretary: 200, others: 403 },
  },
  {
    name: 'GET /api/personal-files/:file5b/card.pdf',
    call: async (api) => api.get(`/api/personal-files/${await personalFile5b()}/card.pdf`),
    expect: { classTeacherB: 200, deputy: 200, director: 200, secretary: 200, others: 403 },
  },
  {
    name: 'POST /api/personal-files for a new pupil',
    call: async (api) => api.post('/api/personal-files', { student: await newPupil(), openedOn: '2025-09-01' }),
    expect: { deputy: 201, director: 201, secretary: 201, others: 403 },
  },
  {
    name: 'GET /api/certificate-entries',
    call: (api) => api.get('/api/certificate-entries'),
    expect: { deputy: 200, director: 200, secretary: 200, others: 403 },
  },
  {
    name: 'GET /api/certificate-entries/book.pdf',
    call: (api) => api.get('/api/certificate-entries/book.pdf?level=secondary-general&year=2026'),
    expect: { deputy: 200, director: 200, secretary: 200, others: 403 },
  },
  {
    name: 'POST /api/certificate-entries/issue for a 5th-grade pupil (no аттестат: 400 for those who may issue)',
    call: (api) =>
      api.post('/api/certificate-entries/issue', {
        student: world.school.pupil5b.documentId,
        level: 'basic-general',
        blankNumber: '02418000000001',
        orderNumber: '1-о',
        orderDate: '2026-06-20',
        issuedOn: '2026-06-25',
        receivedBy: 'Кузнецов',
      }),
    expect: { deputy: 400, director: 400, secretary: 400, others: 403 },
  },
  {
    name: 'GET /api/study-certificate-entries',
    call: (api) => api.get('/api/study-certificate-entries'),
    expect: { deputy: 200, director: 200, secretary: 200, others: 403 },
  },
  {
    name: 'GET /api/study-certificate-entries/book.pdf',
    call: (api) => api.get('/api/study-certificate-entries/book.pdf?year=2026'),
    expect: { deputy: 200, director: 200, secretary: 200, others: 403 },
  },
  {
    name: 'POST /api/study-certificate-entries for a 5th-grader «did not pass the GIA» (400 for those who may issue)',
    call: (api) =>
      api.post('/api/study-certificate-entries', {
        student: world.school.pupil5b.documentId,
        reason: 'gia-failed',
        issuedOn: '2026-06-25',
        receivedBy: 'Кузнецов',
      }),
    expect: { deputy: 400, director: 400, secretary: 400, others: 403 },
  },
  {
    name: 'GET /api/medal-entries',
    call: (api) => api.get('/api/medal-entries'),
    expect: { deputy: 200, director: 200, secretary: 200, others: 403 },
  },
  {
    name: 'GET /api/medal-entries/awarded',
    call: (api) => api.get('/api/medal-entries/awarded?year=2026'),
    expect: { deputy: 200, director: 200, secretary: 200, others: 403 },
  },
  {
    name: 'GET /api/medal-entries/book.pdf',
    call: (api) => api.get('/api/medal-entries/book.pdf?year=2026'),
    expect: { deputy: 200, director: 200, secretary: 200, others: 403 },
  },
  {
    name: 'POST /api/medal-entries naming no аттестат (400 for those who may register)',
    call: (api) =>
      api.post('/api/medal-entries', { orderNumber: '1-о', orderDate: '2026-06-20', issuedOn: '2026-06-25', receivedBy: 'Кузнецов' }),
    expect: { deputy: 400, director: 400, secretary: 400, others: 403 },
  },
  {
    name: 'GET /api/certificate-blanks',
    call: (api) => api.get('/api/certificate-blanks'),
    expect: { deputy: 200, director: 200, secretary: 200, others: 403 },
  },
  {
    name: 'GET /api/certificate-blanks/balance',
    call: (api) => api.get('/api/certificate-blanks/balance'),
    expect: { deputy: 200, director: 200, secretary: 200, others: 403 },
  },
  {
    name: 'GET /api/certificate-blanks/register.pdf',
    call: (api) => api.get('/api/certificate-blanks/register.pdf?level=basic-general&year=2026'),
    expect: { deputy: 200, director: 200, secretary: 200, others: 403 },
  },
  {
    name: 'POST /api/certificate-blanks/receive with letters for numbers (400 for those who keep the register)',
    call: (api) =>
      api.post('/api/certificate-blanks/receive', {
        level: 'basic-general',
        numberFrom: 'первый',
        receivedOn: '2026-04-01',
        receiptDocument: 'накладная № 1',
      }),
    expect: { deputy: 400, director: 400, secretary: 400, others: 403 },
  },
  {
    name: 'GET /api/certificate-acceptances',
    call: (api) => api.get('/api/certificate-acceptances'),
    expect: { deputy: 200, director: 200, secretary: 200, others: 403 },
  },
  {
    name: 'POST /api/certificate-acceptances without an enrolment (400 for those who record it)',
    call: (api) => api.post('/api/certificate-acceptances', { kind: 'original', number: '03924000123456', acceptedOn: '2025-09-02' }),
    expect: { deputy: 400, director: 400, secretary: 400, others: 403 },
  },
  {
    name: 'GET /api/audit-entries',
    call: (api) => api.get('/api/audit-entries'),
    expect: { deputy: 200, director: 200, archivist: 200, others: 403 },
  },
  {
    name: 'POST /api/marks into 5А maths',
    call: (api) =>
      api.post('/api/marks', {
        kind: 'current',
        journal: world.school.mathJournal.documentId,
        lesson: world.school.lessons[1].documentId,
        student: world.school.pupils5a[1].documentId,
        value: '4',
      }),
    expect: { teacherA: 201, others: 403 },
  },
  {
    name: 'POST /api/marks/batch into 5А maths',
    call: (api) =>
      api.post('/api/marks/batch', [
        {
          journal: world.school.mathJournal.documentId,
          lesson: world.school.lessons[1].documentId,
          student: world.school.pupils5a[0].documentId,
          value: '5',
        },
        {
          journal: world.school.mathJournal.documentId,
          lesson: world.school.lessons[1].documentId,
          student: world.school.pupils5a[1].documentId,
          value: '4',
        },
      ]),
    expect: { teacherA: 201, others: 403 },
  },
  {
    name: 'PUT /api/marks/:markB (5Б) ',
    call: (api) => api.put(`/api/marks/${world.markB.documentId}`, { value: '4' }),
    expect: { classTeacherB: 200, others: 403 },
  },
  {
    name: 'PUT /api/guardians/:guardianA (5А family)',
    call: (api) => api.put(`/api/guardians/${world.guardianA.documentId}`, { phone: '+7 900 333-33-33' }),
    expect: { deputy: 200, secretary: 200, others: 403 },
  },
  {
    name: 'PUT /api/guardians/:guardianB (5Б family)',
    call: (api) => api.put(`/api/guardians/${world.guardianB.documentId}`, { phone: '+7 900 444-44-44' }),
    expect: { deputy: 200, secretary: 200, classTeacherB: 200, others: 403 },
  },
  {
    name: 'GET /api/support-contacts',
    call: (api) => api.get('/api/support-contacts'),
    expect: { deputy: 200, director: 200, archivist: 200, others: 403 },
  },
  {
    name: 'POST /api/support-contacts with a contact in the future (400 for those who keep the log)',
    call: (api) => api.post('/api/support-contacts', { contactedOn: '2999-01-01', provider: 'Техподдержка портала', problem: 'Не входит' }),
    expect: { director: 400, archivist: 400, others: 403 },
  },
  // Distance learning (seed 004 §2): methodical associations and lesson plans.
  {
    name: 'GET /api/methodical-associations',
    call: (api) => api.get('/api/methodical-associations'),
    // Names of the associations are not personal data; the accounts behind them are (no populate for the site's token).
    expect: { teacherA: 200, classTeacherB: 200, deputy: 200, director: 200, methodologist: 200, readOnlyToken: 200, others: 403 },
  },
  {
    name: 'POST /api/methodical-associations without a name (400 for the deputy and the director)',
    call: (api) => api.post('/api/methodical-associations', { name: ' ' }),
    expect: { deputy: 400, director: 400, others: 403 },
  },
  {
    name: 'GET /api/lesson-plans',
    call: (api) => api.get('/api/lesson-plans'),
    expect: { teacherA: 200, classTeacherB: 200, deputy: 200, director: 200, methodologist: 200, others: 403 },
  },
  {
    name: 'POST /api/lesson-plans without a journal (400 for teachers)',
    call: (api) => api.post('/api/lesson-plans', { topic: 'Дроби', lessonDate: '2025-10-01' }),
    expect: { teacherA: 400, classTeacherB: 400, others: 403 },
  },
  {
    name: 'POST /api/lesson-plans/:id/submit of a plan that does not exist',
    call: (api) => api.post('/api/lesson-plans/nosuchdocument0000000000/submit', {}),
    expect: { teacherA: 404, classTeacherB: 404, others: 403 },
  },
  {
    name: 'POST /api/lesson-plans/:id/review of a plan that does not exist',
    call: (api) => api.post('/api/lesson-plans/nosuchdocument0000000000/review', { decision: 'approve' }),
    expect: { methodologist: 404, others: 403 },
  },
  {
    name: 'GET /api/daily-reports',
    call: (api) => api.get('/api/daily-reports'),
    expect: { teacherA: 200, classTeacherB: 200, deputy: 200, director: 200, others: 403 },
  },
  {
    name: 'GET /api/daily-reports/missing (the check of lessons held without a report)',
    call: (api) => api.get('/api/daily-reports/missing?from=2025-09-01&to=2025-09-30'),
    expect: { deputy: 200, director: 200, others: 403 },
  },
  {
    name: 'POST /api/daily-reports for a day to come (400 for teachers)',
    call: (api) => api.post('/api/daily-reports', { date: '2999-01-01', summary: 'Завтра' }),
    expect: { teacherA: 400, classTeacherB: 400, others: 403 },
  },
  {
    name: 'GET /api/competency-results',
    call: (api) => api.get('/api/competency-results'),
    expect: { teacherA: 200, classTeacherB: 200, deputy: 200, director: 200, others: 403 },
  },
  {
    name: 'POST /api/competency-results with a level off the scale (400 for those who record)',
    call: (api) =>
      api.post('/api/competency-results', {
        student: world.school.pupils5a[0].documentId,
        academicYear: world.school.year.documentId,
        resultGroup: 'personal',
        indicator: 'Волонтёрство',
        level: 'отлично',
        source: 'observation',
        date: '2025-10-01',
      }),
    expect: { teacherA: 400, classTeacherB: 400, deputy: 400, director: 400, others: 403 },
  },
  {
    name: 'GET /api/competency-results/summary of the 5А pupil',
    call: (api) => api.get(`/api/competency-results/summary?student=${world.school.pupils5a[0].documentId}`),
    expect: { teacherA: 200, classTeacherB: 404, deputy: 200, director: 200, others: 403 },
  },
  {
    name: 'GET /api/competency-results/summary.pdf of the 5А pupil',
    call: (api) => api.get(`/api/competency-results/summary.pdf?student=${world.school.pupils5a[0].documentId}`),
    expect: { teacherA: 200, classTeacherB: 404, deputy: 200, director: 200, others: 403 },
  },
  {
    name: 'GET /api/students/:5А pupil/overview',
    call: (api) => api.get(`/api/students/${world.school.pupils5a[0].documentId}/overview`),
    expect: { teacherA: 200, classTeacherB: 404, deputy: 200, director: 200, others: 403 },
  },
  {
    name: 'GET /api/diary/:5А pupil/results.pdf',
    call: (api) => api.get(`/api/diary/${world.school.pupils5a[0].documentId}/results.pdf`),
    expect: { parentA: 200, pupilA: 200, others: 403 },
  },
  {
    name: 'GET /api/diary/:5А pupil/results',
    call: (api) => api.get(`/api/diary/${world.school.pupils5a[0].documentId}/results`),
    expect: { parentA: 200, pupilA: 200, others: 403 },
  },
  {
    name: 'GET /api/assignments',
    call: (api) => api.get('/api/assignments'),
    expect: { teacherA: 200, classTeacherB: 200, deputy: 200, director: 200, others: 403 },
  },
  {
    name: 'POST /api/assignments without a lesson (400 for teachers)',
    call: (api) => api.post('/api/assignments', { journal: world.school.mathJournal.documentId, title: 'Задачи', dueOn: '2025-10-01' }),
    expect: { teacherA: 400, classTeacherB: 400, others: 403 },
  },
  {
    name: 'GET /api/platform-results',
    call: (api) => api.get('/api/platform-results'),
    expect: { teacherA: 200, classTeacherB: 200, deputy: 200, director: 200, others: 403 },
  },
  {
    name: 'POST /api/platform-results without a platform (400 for teachers)',
    call: (api) =>
      api.post('/api/platform-results', {
        journal: world.school.mathJournal.documentId,
        student: world.school.pupils5a[0].documentId,
        activity: 'Курс «Дроби»',
        date: '2025-10-01',
        percent: 50,
      }),
    expect: { teacherA: 400, classTeacherB: 400, others: 403 },
  },
  {
    name: 'POST /api/platform-results/import (JSON rows without a journal: 400 for teachers)',
    call: (api) =>
      api.post('/api/platform-results/import', {
        rows: [{ platform: 'РЭШ', activity: 'Урок 5', date: '2025-10-01', student: world.school.pupils5a[0].documentId, percent: 50 }],
      }),
    expect: { teacherA: 400, classTeacherB: 400, others: 403 },
  },
  {
    name: 'GET /api/platform-results/:id/evidence/:file of a result that does not exist',
    call: (api) => api.get('/api/platform-results/nosuchdocument0000000000/evidence/1'),
    expect: { teacherA: 404, classTeacherB: 404, deputy: 404, director: 404, others: 403 },
  },
  {
    name: 'GET /api/diary/:student/platform-results (the 5А pupil)',
    call: (api) => api.get(`/api/diary/${world.school.pupils5a[0].documentId}/platform-results`),
    expect: { parentA: 200, pupilA: 200, others: 403 },
  },
  {
    name: 'GET /api/assignment-submissions',
    call: (api) => api.get('/api/assignment-submissions'),
    expect: { teacherA: 200, classTeacherB: 200, deputy: 200, director: 200, others: 403 },
  },
  {
    name: 'POST /api/assignment-submissions/:id/check of work that does not exist',
    call: (api) => api.post('/api/assignment-submissions/nosuchdocument0000000000/check', { decision: 'check', mark: '5' }),
    expect: { teacherA: 404, classTeacherB: 404, others: 403 },
  },
  {
    name: 'GET /api/assignment-submissions/:id/files/:file of work that does not exist',
    call: (api) => api.get('/api/assignment-submissions/nosuchdocument0000000000/files/1'),
    expect: { teacherA: 404, classTeacherB: 404, deputy: 404, director: 404, others: 403 },
  },
  {
    name: 'GET /api/diary/:student/submissions/:submission/files/:file of work that does not exist',
    call: (api) => api.get(`/api/diary/${world.school.pupils5a[0].documentId}/submissions/nosuchdocument0000000000/files/1`),
    expect: { parentA: 404, pupilA: 404, others: 403 },
  },
  {
    name: 'GET /api/diary/:student/assignments (the 5А pupil)',
    call: (api) => api.get(`/api/diary/${world.school.pupils5a[0].documentId}/assignments`),
    expect: { parentA: 200, pupilA: 200, others: 403 },
  },
  {
    name: 'POST /api/diary/:student/assignments/:assignment/submissions of an assignment that does not exist',
    call: (api) =>
      api.post(`/api/diary/${world.school.pupils5a[0].documentId}/assignments/nosuchdocument0000000000/submissions`, { text: 'Ответ' }),
    expect: { parentA: 404, pupilA: 404, others: 403 },
  },
  // Self-assessments of control works (R78): staff read them like marks; the family enters them through the diary.
  {
    name: 'GET /api/control-self-assessments',
    call: (api) => api.get('/api/control-self-assessments'),
    expect: { teacherA: 200, classTeacherB: 200, deputy: 200, director: 200, others: 403 },
  },
  {
    name: 'GET /api/control-self-assessments/:id of one that does not exist',
    call: (api) => api.get('/api/control-self-assessments/nosuchdocument0000000000'),
    expect: { teacherA: 404, classTeacherB: 404, deputy: 404, director: 404, others: 403 },
  },
  {
    name: 'GET /api/diary/:student/control-works (the 5А pupil)',
    call: (api) => api.get(`/api/diary/${world.school.pupils5a[0].documentId}/control-works?from=2025-09-01&to=2025-12-28`),
    expect: { parentA: 200, pupilA: 200, others: 403 },
  },
  {
    name: 'POST /api/diary/:student/control-works/:lesson/self-assessment of a lesson that does not exist',
    call: (api) =>
      api.post(`/api/diary/${world.school.pupils5a[0].documentId}/control-works/nosuchdocument0000000000/self-assessment`, { value: '4' }),
    expect: { parentA: 404, pupilA: 404, others: 403 },
  },
  // Meetings on results (R93): kept by the director, the deputy and (own association) the head of an МО; teachers read theirs.
  {
    name: 'GET /api/results-meetings',
    call: (api) => api.get('/api/results-meetings'),
    expect: { teacherA: 200, classTeacherB: 200, deputy: 200, director: 200, methodologist: 200, others: 403 },
  },
  {
    name: 'GET /api/results-meetings/decisions',
    call: (api) => api.get('/api/results-meetings/decisions?due=overdue'),
    expect: { teacherA: 200, classTeacherB: 200, deputy: 200, director: 200, methodologist: 200, others: 403 },
  },
  {
    name: 'GET /api/results-meetings/:id/protocol.pdf of a meeting that does not exist',
    call: (api) => api.get('/api/results-meetings/nosuchdocument0000000000/protocol.pdf'),
    expect: { teacherA: 404, classTeacherB: 404, deputy: 404, director: 404, methodologist: 404, others: 403 },
  },
  {
    name: 'POST /api/results-meetings without a kind (400 for those who keep them)',
    call: (api) => api.post('/api/results-meetings', { attendeesCount: 1 }),
    expect: { deputy: 400, director: 400, methodologist: 400, others: 403 },
  },
  {
    name: 'POST /api/results-meetings/:id/sign of a meeting that does not exist',
    call: (api) => api.post('/api/results-meetings/nosuchdocument0000000000/sign', {}),
    expect: { deputy: 404, director: 404, methodologist: 404, others: 403 },
  },
  {
    name: 'POST /api/results-meetings/:id/decisions/:n/done of a meeting that does not exist',
    call: (api) => api.post('/api/results-meetings/nosuchdocument0000000000/decisions/1/done', { doneOn: '2025-11-10' }),
    expect: { deputy: 404, director: 404, methodologist: 404, others: 403 },
  },
  {
    name: 'GET /api/diary/:student/assignments/:assignment/materials/:file of an assignment that does not exist',
    call: (api) => api.get(`/api/diary/${world.school.pupils5a[0].documentId}/assignments/nosuchdocument0000000000/materials/1`),
    expect: { parentA: 404, pupilA: 404, others: 403 },
  },
  {
    name: 'GET /api/assignments/:id/materials/:file of an assignment that does not exist',
    call: (api) => api.get('/api/assignments/nosuchdocument0000000000/materials/1'),
    expect: { teacherA: 404, classTeacherB: 404, deputy: 404, director: 404, others: 403 },
  },
  // The paper archive lives in the admin panel only: no REST account or API token reaches it.
  {
    name: 'GET /records-archive/paper-archive/carriers (admin route)',
    call: (api) => api.get('/records-archive/paper-archive/carriers'),
    expect: { others: 401 },
  },
  {
    name: 'GET /records-archive/pupils/:5А pupil/overview (admin route)',
    call: (api) => api.get(`/records-archive/pupils/${world.school.pupils5a[0].documentId}/overview`),
    expect: { others: 401 },
  },
  {
    name: 'POST /records-archive/paper-archive/checks (admin route)',
    call: (api) => api.post('/records-archive/paper-archive/checks', { commission: ['Иванова И. И.'] }),
    expect: { others: 401 },
  },
  {
    name: 'POST /records-archive/paper-archive/stored-certificates/:carrier/return (admin route)',
    call: (api) =>
      api.post('/records-archive/paper-archive/stored-certificates/1/return', {
        returnedOn: '2025-06-30',
        receivedBy: 'Иванова Мария Петровна',
        receiverKind: 'parent',
      }),
    expect: { others: 401 },
  },
  {
    name: 'GET /records-archive/paper-archive/stored-certificates/:carrier/receipt.pdf (admin route)',
    call: (api) => api.get('/records-archive/paper-archive/stored-certificates/1/receipt.pdf'),
    expect: { others: 401 },
  },
  {
    name: 'GET /records-archive/analytics/programmes (admin route)',
    call: (api) => api.get('/records-archive/analytics/programmes'),
    expect: { others: 401 },
  },
  {
    name: 'GET /records-archive/analytics/programmes/:id/mastery (admin route)',
    call: (api) => api.get('/records-archive/analytics/programmes/nosuchdocument0000000000/mastery'),
    expect: { others: 401 },
  },
];

describe('the role × route matrix', () => {
  const cases = ALL.flatMap((who) => routes().map((route) => ({ who, route })));
  it.each(cases.map(({ who, route }) => [who, route.name, route] as const))('%s: %s', async (who, _name, route) => {
    const response = await route.call(apiAs(strapi, jwtOf(who)));
    expect(response.status).toBe(route.expect[who] ?? route.expect.others);
  });
});

describe('no side doors', () => {
  it('narrows a teacher’s lists to their own journals, whatever the filter asks', async () => {
    const teacher = apiAs(strapi, world.teacherA.jwt);
    const all = await teacher.get('/api/marks?populate[journal][fields][0]=title&pagination[pageSize]=100');
    expect(all.body.data.length).toBeGreaterThan(0);
    for (const mark of all.body.data) expect(mark.journal.title).toMatch(/^5А/);
    const asked = await teacher.get(`/api/marks?filters[journal][documentId][$eq]=${world.journalB.documentId}`);
    expect(asked.status).toBe(200);
    expect(asked.body.data).toEqual([]);
    const students = await teacher.get('/api/students?pagination[pageSize]=100');
    expect(students.body.data.map((student: { fullName: string }) => student.fullName)).not.toContain('Кузнецов Олег Сергеевич');
  });

  it('shows a teacher who keeps no journal and leads no class no journal, mark or pupil at all', async () => {
    const idle = apiAs(strapi, (await createAccount(strapi, 'teacher', 'matrix_idle_teacher')).jwt);
    for (const url of ['/api/journals', '/api/marks', '/api/lessons', '/api/students', '/api/enrollments', '/api/journal-remarks']) {
      const response = await idle.get(url);
      expect({ url, status: response.status, rows: response.body.data?.length }).toEqual({ url, status: 200, rows: 0 });
    }
    const idleClassTeacher = apiAs(strapi, (await createAccount(strapi, 'class-teacher', 'matrix_idle_class_teacher')).jwt);
    for (const url of ['/api/guardians', '/api/students', '/api/marks']) {
      const response = await idleClassTeacher.get(url);
      expect({ url, status: response.status, rows: response.body.data?.length }).toEqual({ url, status: 200, rows: 0 });
    }
  });

  it('refuses a populate or a filter that reaches guardians or accounts from a teacher’s rows', async () => {
    const teacher = apiAs(strapi, world.teacherA.jwt);
    expect((await teacher.get('/api/marks?populate[student][populate][guardians]=true')).status).toBe(403);
    expect((await teacher.get('/api/marks?populate=student.guardians')).status).toBe(403);
    expect((await teacher.get('/api/students?populate=*')).status).toBe(403);
    expect((await teacher.get('/api/students?filters[guardians][phone][$startsWith]=%2B7')).status).toBe(403);
    expect((await teacher.get('/api/marks?filters[$or][0][student][guardians][lastName][$eq]=Иванова')).status).toBe(403);
    expect((await teacher.get('/api/marks?populate[student][fields][0]=fullName')).status).toBe(200);
  });

  it('keeps a read-only token to what the school publishes, even through populate', async () => {
    const site = apiAs(strapi, tokens.readOnly);
    expect((await site.get('/api/subjects')).status).toBe(200);
    expect((await site.get('/api/school-classes?populate=classTeacher')).status).toBe(403);
    expect((await site.get('/api/school-classes?populate[enrollments][populate]=student')).status).toBe(403);
    expect((await site.get('/api/academic-years?populate[schoolClasses][populate][journals]=true')).status).toBe(403);
  });

  it('lets a class teacher see their own class’s guardians and nobody else’s', async () => {
    const classTeacher = apiAs(strapi, world.classTeacherB.jwt);
    const guardians = await classTeacher.get('/api/guardians');
    expect(guardians.body.data.map((guardian: { lastName: string }) => guardian.lastName)).toEqual(['Кузнецов']);
    expect((await classTeacher.get(`/api/guardians/${world.guardianA.documentId}`)).status).toBe(404);
  });

  it('lets a class teacher keep a family with one child in their class and one elsewhere, but add no other class’s child', async () => {
    const classTeacher = apiAs(strapi, world.classTeacherB.jwt);
    const family = await strapi.documents('api::guardian.guardian').create({
      data: {
        lastName: 'Орлова',
        firstName: 'Нина',
        kinship: 'mother',
        children: [world.school.pupils5a[1].documentId, world.school.pupil5b.documentId],
      },
    } as never);
    expect((await classTeacher.put(`/api/guardians/${family.documentId}`, { phone: '+7 900 555-55-55' })).status).toBe(200);
    const adding = await classTeacher.put(`/api/guardians/${family.documentId}`, {
      children: { connect: [world.school.pupils5a[2].documentId] },
    });
    expect(adding.status).toBe(403);
  });
});
