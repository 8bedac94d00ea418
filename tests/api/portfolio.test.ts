import type { Core } from '@strapi/strapi';
import { pdfTextLines } from '../helpers/pdf-text';
import { make } from '../helpers/school-fixture';
import { apiAs, bootStrapi, createAccount, stopStrapi, type Api } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

/**
 * Portfolio entries and rewards (issue 7, seed 001 §2.2.6, 002 §3.5, 003 §3.3, 5.3): the record
 * rules, who reads and keeps which pupil's portfolio, the family's view through the diary, the
 * printable summary and the school's list of olympiad winners.
 */

let strapi: Core.Strapi;
let world: TwoClassSchool;
let as: Record<string, Api>;
/** Иванов (5А, parent A, pupil A) and Кузнецов (5Б, parent B, class teacher B). */
let ivanov: string;
let kuznetsov: string;
const stored: Record<'olympiadA' | 'contestA' | 'olympiadB' | 'rewardA', string> = {
  olympiadA: '',
  contestA: '',
  olympiadB: '',
  rewardA: '',
};

const entry = (overrides: Record<string, unknown> = {}) => ({
  student: ivanov,
  title: 'Всероссийская олимпиада школьников по математике, школьный этап',
  kind: 'olympiad',
  level: 'school',
  result: 'winner',
  place: 1,
  date: '2025-10-15',
  organiser: 'МБОУ СОШ № 1',
  subject: world.school.math.documentId,
  ...overrides,
});

/** A PDF answer as bytes. */
const download = (api: Api, url: string) =>
  api
    .get(url)
    .buffer(true)
    .parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    });

/** The PDF's text with its lines joined, so a wrapped line reads whole. */
const textOf = (pdf: Buffer): string => pdfTextLines(pdf).join(' ').replace(/\s+/g, ' ');

/** The field paths a 400 names. */
const pathsOf = (body: { error?: { details?: { errors?: Array<{ path: string[] }> } } }): string[] =>
  (body.error?.details?.errors ?? []).map((error) => error.path.join('.'));

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  ivanov = world.school.pupils5a[0].documentId;
  kuznetsov = world.school.pupil5b.documentId;
  const { accounts } = world;
  as = {
    deputy: apiAs(strapi, accounts.deputy.jwt),
    director: apiAs(strapi, accounts.director.jwt),
    secretary: apiAs(strapi, accounts.secretary.jwt),
    archivist: apiAs(strapi, accounts.archivist.jwt),
    methodologist: apiAs(strapi, accounts.methodologist.jwt),
    parentA: apiAs(strapi, accounts.parentA.jwt),
    parentB: apiAs(strapi, accounts.parentB.jwt),
    pupilA: apiAs(strapi, accounts.pupilA.jwt),
    teacherA: apiAs(strapi, world.teacherA.jwt),
    teacherB: apiAs(strapi, world.teacherB.jwt),
    classTeacherB: apiAs(strapi, world.classTeacherB.jwt),
    public: apiAs(strapi),
  };
  stored.olympiadA = (await make(strapi, 'api::portfolio-entry.portfolio-entry', entry())).documentId;
  stored.contestA = (
    await make(strapi, 'api::portfolio-entry.portfolio-entry', {
      student: ivanov,
      title: 'Городской конкурс чтецов «Живая классика»',
      kind: 'contest',
      level: 'municipal',
      result: 'participant',
      date: '2025-11-20',
    })
  ).documentId;
  stored.olympiadB = (
    await make(
      strapi,
      'api::portfolio-entry.portfolio-entry',
      entry({
        student: kuznetsov,
        title: 'Региональный этап ВсОШ по математике',
        level: 'regional',
        result: 'prize-winner',
        place: 2,
        date: '2026-01-20',
      }),
    )
  ).documentId;
  stored.rewardA = (
    await make(strapi, 'api::reward.reward', {
      student: ivanov,
      kind: 'diploma',
      reason: 'За победу в школьном этапе олимпиады по математике',
      date: '2025-10-30',
      orderNumber: '№ 112-о от 30.10.2025',
      achievements: [stored.olympiadA],
    })
  ).documentId;
});
afterAll(() => stopStrapi(strapi));

describe('portfolio entry rules', () => {
  it('refuse a place for a mere participant, a future date and an unknown kind, naming each field', async () => {
    const response = await as.deputy.post(
      '/api/portfolio-entries',
      entry({ result: 'participant', place: 3, date: '2999-01-01', kind: 'hobby' }),
    );
    expect(response.status).toBe(400);
    expect(pathsOf(response.body)).toEqual(expect.arrayContaining(['place', 'date', 'kind']));
    expect(response.body.error.message).toMatch(/Место указывается только для победителя или призёра/);
    expect(response.body.error.message).toMatch(/ещё не наступила/);
  });

  it('refuse an entry without a pupil, a title or a date', async () => {
    const noPupil = await as.deputy.post('/api/portfolio-entries', entry({ student: null }));
    expect(noPupil.status).toBe(400);
    expect(pathsOf(noPupil.body)).toEqual(['student']);
    const bare = await as.deputy.post('/api/portfolio-entries', { student: ivanov, kind: 'project' });
    expect(bare.status).toBe(400);
    expect(pathsOf(bare.body)).toEqual(expect.arrayContaining(['title', 'date']));
  });

  it('record an achievement of another organisation only on the family’s wish', async () => {
    const other = entry({ kind: 'sports-event', subject: null, source: 'other-organisation', title: 'Первенство города по плаванию' });
    const refused = await as.deputy.post('/api/portfolio-entries', other);
    expect(refused.status).toBe(400);
    expect(pathsOf(refused.body)).toEqual(['addedAtFamilyRequest']);
    expect(refused.body.error.message).toMatch(/по желанию/);
    const accepted = await as.deputy.post('/api/portfolio-entries', { ...other, addedAtFamilyRequest: true });
    expect(accepted.status).toBe(201);
    await strapi.documents('api::portfolio-entry.portfolio-entry').delete({ documentId: accepted.body.data.documentId });
  });

  it('ask an olympiad for its subject or area, and a hand-over for whom it was handed to', async () => {
    const noSubject = await as.deputy.post('/api/portfolio-entries', entry({ subject: null }));
    expect(pathsOf(noSubject.body)).toEqual(['subject']);
    const handed = await as.deputy.post('/api/portfolio-entries', entry({ handedOverOn: '2026-05-30' }));
    expect(handed.status).toBe(400);
    expect(pathsOf(handed.body)).toEqual(['handedOverTo']);
    const early = await as.deputy.post('/api/portfolio-entries', entry({ handedOverOn: '2025-09-01', handedOverTo: 'Иванова О.' }));
    expect(pathsOf(early.body)).toEqual(['handedOverOn']);
  });

  it('record who confirmed an entry and when, never taken from the input, and clear it when withdrawn or when the entry changes', async () => {
    const created = await as.deputy.post(
      '/api/portfolio-entries',
      entry({ result: 'participant', place: null, confirmedBy: world.teacherB.id }),
    );
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId as string;
    const read = async () =>
      strapi.db
        .query('api::portfolio-entry.portfolio-entry')
        .findOne({ where: { documentId }, populate: { confirmedBy: { select: ['id'] } } });
    expect(await read()).toMatchObject({ confirmed: false, confirmedBy: null, confirmedAt: null });

    const confirmed = await as.deputy.put(`/api/portfolio-entries/${documentId}`, { confirmed: true });
    expect(confirmed.status).toBe(200);
    const afterConfirm = await read();
    expect(afterConfirm.confirmedBy).toEqual({ id: world.accounts.deputy.id });
    expect(afterConfirm.confirmedAt).toBeTruthy();

    // Recording the hand-over keeps the confirmation as it was; a confirmer named in the input is ignored.
    const handOver = await as.deputy.put(`/api/portfolio-entries/${documentId}`, {
      handedOverOn: '2026-05-30',
      handedOverTo: 'Иванова Ольга',
      confirmedBy: world.teacherA.id,
    });
    expect(handOver.status).toBe(200);
    expect((await read()).confirmedBy).toEqual({ id: world.accounts.deputy.id });

    // A change of what was confirmed withdraws the confirmation, unless the change confirms it again.
    await as.secretary.put(`/api/portfolio-entries/${documentId}`, { result: 'prize-winner', place: 3 });
    expect(await read()).toMatchObject({ confirmed: false, confirmedBy: null, confirmedAt: null });
    await as.secretary.put(`/api/portfolio-entries/${documentId}`, { place: 2, confirmed: true });
    expect(await read()).toMatchObject({ confirmed: true, place: 2, confirmedBy: { id: world.accounts.secretary.id } });

    await as.deputy.put(`/api/portfolio-entries/${documentId}`, { confirmed: false });
    expect(await read()).toMatchObject({ confirmed: false, confirmedBy: null, confirmedAt: null });
    expect((await as.deputy.delete(`/api/portfolio-entries/${documentId}`)).status).toBe(204);
  });
});

describe('reward rules', () => {
  it('refuse an achievement of another pupil as the reward’s cause, and an unknown kind', async () => {
    const response = await as.deputy.post('/api/rewards', {
      student: ivanov,
      kind: 'medal',
      reason: 'За олимпиаду',
      date: '2026-02-01',
      achievements: [stored.olympiadB],
    });
    expect(response.status).toBe(400);
    expect(pathsOf(response.body)).toEqual(expect.arrayContaining(['kind', 'achievements']));
  });

  it('refuse a reward without a reason or a date', async () => {
    const response = await as.deputy.post('/api/rewards', { student: kuznetsov, kind: 'gift' });
    expect(response.status).toBe(400);
    expect(pathsOf(response.body)).toEqual(expect.arrayContaining(['reason', 'date']));
  });

  it('keep an achievement while a reward names it, and the pupil while they have a portfolio', async () => {
    const achievement = await as.deputy.delete(`/api/portfolio-entries/${stored.olympiadA}`);
    expect(achievement.status).toBe(400);
    expect(achievement.body.error.message).toMatch(/поощрений/);
    const pupil = await as.deputy.delete(`/api/students/${kuznetsov}`);
    expect(pupil.status).toBe(400);
    expect(pupil.body.error.message).toMatch(/портфолио/);
  });
});

describe('who keeps and reads a portfolio', () => {
  it('lets the class teacher keep their own class’s portfolios and rewards, and no other class’s', async () => {
    const own = await as.classTeacherB.post('/api/portfolio-entries', {
      student: kuznetsov,
      title: 'Сдача норм ГТО, золотой знак',
      kind: 'gto-norm',
      level: 'municipal',
      result: 'winner',
      date: '2026-04-10',
    });
    expect(own.status).toBe(201);
    const reward = await as.classTeacherB.post('/api/rewards', {
      student: kuznetsov,
      kind: 'letter-of-thanks',
      reason: 'За золотой знак ГТО',
      date: '2026-04-15',
      achievements: [own.body.data.documentId],
    });
    expect(reward.status).toBe(201);
    expect((await as.classTeacherB.post('/api/portfolio-entries', entry())).status).toBe(403);
    expect((await as.classTeacherB.put(`/api/portfolio-entries/${stored.olympiadA}`, { organiser: 'x' })).status).toBe(403);
    expect((await as.classTeacherB.put(`/api/portfolio-entries/${own.body.data.documentId}`, { student: ivanov })).status).toBe(403);
    expect((await as.classTeacherB.delete(`/api/rewards/${reward.body.data.documentId}`)).status).toBe(204);
    expect((await as.classTeacherB.delete(`/api/portfolio-entries/${own.body.data.documentId}`)).status).toBe(204);
  });

  it('lets the secretary and the director write, and no teacher, parent or pupil', async () => {
    const bySecretary = await as.secretary.post('/api/rewards', {
      student: kuznetsov,
      kind: 'gift',
      reason: 'За помощь',
      date: '2026-03-01',
    });
    expect(bySecretary.status).toBe(201);
    expect((await as.director.put(`/api/rewards/${bySecretary.body.data.documentId}`, { orderNumber: '№ 5-о' })).status).toBe(200);
    expect((await as.director.delete(`/api/rewards/${bySecretary.body.data.documentId}`)).status).toBe(204);
    for (const who of ['teacherA', 'parentA', 'pupilA', 'methodologist', 'public']) {
      expect([who, (await as[who].post('/api/portfolio-entries', entry())).status]).toEqual([who, 403]);
      expect([
        who,
        (await as[who].post('/api/rewards', { student: ivanov, kind: 'gift', reason: 'x', date: '2026-01-01' })).status,
      ]).toEqual([who, 403]);
    }
  });

  it('shows a teacher the portfolios of the pupils of the classes they teach, and no others', async () => {
    const listA = await as.teacherA.get('/api/portfolio-entries?populate=student');
    expect(listA.status).toBe(200);
    expect(listA.body.data.map((row: { documentId: string }) => row.documentId).sort()).toEqual([stored.olympiadA, stored.contestA].sort());
    expect((await as.teacherA.get(`/api/portfolio-entries/${stored.olympiadB}`)).status).toBe(404);
    expect((await as.teacherA.get(`/api/rewards/${stored.rewardA}`)).status).toBe(200);
    const listB = await as.teacherB.get('/api/portfolio-entries');
    expect(listB.body.data.map((row: { documentId: string }) => row.documentId)).toEqual([stored.olympiadB]);
    expect((await as.teacherB.get('/api/rewards')).body.data).toEqual([]);
    expect((await as.teacherB.get(`/api/rewards/${stored.rewardA}`)).status).toBe(404);
    // Who confirmed is a login account: not for teachers to reach.
    expect((await as.teacherA.get('/api/portfolio-entries?populate=confirmedBy')).status).toBe(403);
  });

  it('shows the whole school to the deputy, the director and the secretary; nothing to the methodologist or families on the core routes', async () => {
    for (const who of ['deputy', 'director', 'secretary']) {
      const list = await as[who].get('/api/portfolio-entries');
      expect([who, list.status, list.body.data.length]).toEqual([who, 200, 3]);
    }
    for (const who of ['methodologist', 'parentA', 'pupilA', 'public', 'archivist']) {
      expect([who, (await as[who].get('/api/portfolio-entries')).status]).toEqual([who, 403]);
      expect([who, (await as[who].get('/api/rewards')).status]).toEqual([who, 403]);
    }
  });

  it('shows a family its own child’s portfolio and rewards through the diary, and another family’s child as not found', async () => {
    for (const who of ['parentA', 'pupilA']) {
      const own = await as[who].get(`/api/diary/${ivanov}/portfolio`);
      expect([who, own.status]).toEqual([who, 200]);
      expect(own.body.data.entries.map((row: { title: string }) => row.title)).toEqual([
        'Всероссийская олимпиада школьников по математике, школьный этап',
        'Городской конкурс чтецов «Живая классика»',
      ]);
      expect(own.body.data.entries[0]).toMatchObject({
        kindLabel: 'олимпиада',
        resultLabel: 'победитель',
        place: 1,
        subject: 'Математика',
      });
      expect(own.body.data.entries[0]).not.toHaveProperty('confirmedBy');
      expect(own.body.data.rewards).toEqual([
        expect.objectContaining({
          kind: 'diploma',
          orderNumber: '№ 112-о от 30.10.2025',
          achievements: [expect.objectContaining({ documentId: stored.olympiadA })],
        }),
      ]);
      const other = await as[who].get(`/api/diary/${kuznetsov}/portfolio`);
      expect([who, other.status, other.body.data]).toEqual([who, 404, null]);
      expect((await as[who].get(`/api/diary/${kuznetsov}/portfolio.pdf`)).status).toBe(404);
    }
    const b = await as.parentB.get(`/api/diary/${kuznetsov}/portfolio`);
    expect(b.body.data.entries.map((row: { documentId: string }) => row.documentId)).toEqual([stored.olympiadB]);
    expect((await as.parentB.get(`/api/diary/${ivanov}/portfolio`)).status).toBe(404);
    // Staff read through the core routes, not the family's.
    expect((await as.deputy.get(`/api/diary/${ivanov}/portfolio`)).status).toBe(403);
    expect((await as.public.get(`/api/diary/${ivanov}/portfolio`)).status).toBe(403);
  });

  it('covers the current stage only: a 5th-grader’s portfolio opens on 1 September of the 5th grade, the primary school’s stays out', async () => {
    const primary = await make(
      strapi,
      'api::portfolio-entry.portfolio-entry',
      entry({
        title: 'Конкурс рисунков «Моя семья», 4 класс',
        kind: 'contest',
        result: 'participant',
        place: null,
        date: '2025-04-10',
        subject: null,
      }),
    );
    try {
      const own = await as.parentA.get(`/api/diary/${ivanov}/portfolio`);
      expect(own.body.data.stage).toEqual({ key: 'basic', label: '5–9 классы (5 лет)', since: '2025-09-01', until: null });
      expect(own.body.data.earlier).toEqual({ entries: 1, rewards: 0 });
      expect(own.body.data.entries.map((row: { title: string }) => row.title)).not.toContain('Конкурс рисунков «Моя семья», 4 класс');
      const text = textOf((await download(as.deputy, `/api/students/${ivanov}/portfolio.pdf`)).body as Buffer);
      expect(text).toContain('5–9 классы (5 лет), с 01.09.2025');
      expect(text).not.toContain('Конкурс рисунков');

      // The closed primary stage is still there to print, with its own days.
      const primaryStage = await as.parentA.get(`/api/diary/${ivanov}/portfolio?stage=primary`);
      expect(primaryStage.status).toBe(200);
      expect(primaryStage.body.data.stage).toEqual({
        key: 'primary',
        label: '1–4 классы (4 года)',
        since: '2021-09-01',
        until: '2025-09-01',
      });
      expect(primaryStage.body.data.entries.map((row: { title: string }) => row.title)).toEqual(['Конкурс рисунков «Моя семья», 4 класс']);
      const primaryText = textOf((await download(as.deputy, `/api/students/${ivanov}/portfolio.pdf?stage=primary`)).body as Buffer);
      expect(primaryText).toContain('1–4 классы (4 года), с 01.09.2021 по 31.08.2025');
      expect(primaryText).toContain('Конкурс рисунков');
      expect(primaryText).not.toContain('Живая классика');
      const family = await download(as.parentA, `/api/diary/${ivanov}/portfolio.pdf?stage=primary`);
      expect(textOf(family.body as Buffer)).toContain('Конкурс рисунков');

      const notYet = await as.parentA.get(`/api/diary/${ivanov}/portfolio?stage=secondary`);
      expect([notYet.status, pathsOf(notYet.body)]).toEqual([400, ['stage']]);
      expect(notYet.body.error.message).toContain('ещё не начат');
      const unknown = await as.deputy.get(`/api/students/${ivanov}/portfolio.pdf?stage=college`);
      expect([unknown.status, pathsOf(unknown.body)]).toEqual([400, ['stage']]);
    } finally {
      await strapi.documents('api::portfolio-entry.portfolio-entry').delete({ documentId: primary.documentId });
    }
  });
});

describe('the printable portfolio summary', () => {
  it('prints the pupil’s name, achievements and rewards in Russian with the DejaVu font', async () => {
    const response = await download(as.deputy, `/api/students/${ivanov}/portfolio.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/pdf/);
    expect(response.headers['cache-control']).toBe('no-store');
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/DejaVuSans/);
    const text = textOf(pdf);
    expect(text).toContain('Портфолио обучающегося');
    expect(text).toContain('Иванов Иван Сергеевич');
    expect(text).toContain('Всероссийская олимпиада школьников по математике, школьный этап');
    expect(text).toMatch(/победитель, 1 место/);
    expect(text).toContain('Городской конкурс чтецов «Живая классика»');
    expect(text).toMatch(/диплом/);
    expect(text).toContain('5–9 классы (5 лет)');
    expect(text).not.toContain('Кузнецов');
  });

  it('is given to the family through the diary, and to teachers only for the classes they teach', async () => {
    const family = await download(as.parentA, `/api/diary/${ivanov}/portfolio.pdf`);
    expect(family.status).toBe(200);
    expect(textOf(family.body as Buffer)).toContain('Иванов Иван Сергеевич');
    expect((await download(as.teacherA, `/api/students/${ivanov}/portfolio.pdf`)).status).toBe(200);
    expect((await download(as.teacherA, `/api/students/${kuznetsov}/portfolio.pdf`)).status).toBe(404);
    expect((await download(as.classTeacherB, `/api/students/${kuznetsov}/portfolio.pdf`)).status).toBe(200);
    expect((await download(as.classTeacherB, `/api/students/${ivanov}/portfolio.pdf`)).status).toBe(404);
    expect((await download(as.deputy, '/api/students/nosuchpupil0000000000/portfolio.pdf')).status).toBe(404);
    for (const who of ['parentA', 'methodologist', 'archivist', 'public']) {
      expect([who, (await download(as[who], `/api/students/${ivanov}/portfolio.pdf`)).status]).toEqual([who, 403]);
    }
  });
});

describe('the olympiad winners of a year', () => {
  it('lists the winners and prize-winners of olympiads in the year, with class and subject, for the deputy and the director', async () => {
    for (const who of ['deputy', 'director']) {
      const response = await as[who].get(`/api/portfolio-entries/olympiad-winners?year=${encodeURIComponent('2025/2026')}`);
      expect(response.status).toBe(200);
      expect(response.body.meta).toMatchObject({
        year: { title: '2025/2026' },
        winners: 1,
        prizeWinners: 1,
        byLevel: { school: 1, regional: 1 },
      });
      expect(response.body.data).toEqual([
        expect.objectContaining({
          student: { documentId: kuznetsov, fullName: 'Кузнецов Олег Сергеевич' },
          schoolClass: expect.objectContaining({ name: '5Б' }),
          subject: 'Математика',
          level: 'regional',
          result: 'prize-winner',
          place: 2,
        }),
        expect.objectContaining({
          student: { documentId: ivanov, fullName: 'Иванов Иван Сергеевич' },
          schoolClass: expect.objectContaining({ name: '5А' }),
          level: 'school',
          result: 'winner',
        }),
      ]);
    }
    const byId = await as.deputy.get(`/api/portfolio-entries/olympiad-winners?year=${world.school.year.documentId}`);
    expect(byId.body.data).toHaveLength(2);
  });

  it('leaves out participants and other years, and names a year it cannot find', async () => {
    const year = await make(strapi, 'api::academic-year.academic-year', {
      title: '2026/2027',
      startDate: '2026-09-01',
      endDate: '2027-08-31',
      state: 'current',
    });
    const current = await as.deputy.get('/api/portfolio-entries/olympiad-winners');
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ data: [], meta: { year: { documentId: year.documentId }, winners: 0, prizeWinners: 0 } });
    const unknown = await as.deputy.get('/api/portfolio-entries/olympiad-winners?year=1999/2000');
    expect(unknown.status).toBe(400);
    expect(pathsOf(unknown.body)).toEqual(['year']);
  });

  it('is not for teachers, the secretary or families', async () => {
    for (const who of ['teacherA', 'classTeacherB', 'secretary', 'parentA', 'pupilA', 'public']) {
      expect([who, (await as[who].get('/api/portfolio-entries/olympiad-winners?year=2025/2026')).status]).toEqual([who, 403]);
    }
  });
});

describe('a new class teacher account', () => {
  it('keeps nothing until it leads a class', async () => {
    const newcomer = await createAccount(strapi, 'class-teacher', 'classteacher.new');
    const api = apiAs(strapi, newcomer.jwt);
    expect((await api.get('/api/portfolio-entries')).body.data).toEqual([]);
    expect((await api.post('/api/portfolio-entries', entry({ student: kuznetsov }))).status).toBe(403);
  });
});

describe('the portfolio’s stage from the class lists (R69)', () => {
  it('opens the 5–9 stage of a pupil kept down in the 5th grade on the first day of their first 5th grade', async () => {
    // Фёдоров was in 5В in 2024/2025, was kept down, and is in 5Б again in 2025/2026.
    const earlierYear = await make(strapi, 'api::academic-year.academic-year', {
      title: '2024/2025',
      startDate: '2024-09-01',
      endDate: '2025-08-31',
      state: 'closed',
    });
    const class5v = await make(strapi, 'api::school-class.school-class', { grade: 5, letter: 'В', academicYear: earlierYear.documentId });
    const fedorov = world.school.newcomer.documentId;
    await make(strapi, 'api::enrollment.enrollment', { student: fedorov, schoolClass: class5v.documentId, startDate: '2024-09-01' });
    await make(strapi, 'api::enrollment.enrollment', {
      student: fedorov,
      schoolClass: world.school.class5b.documentId,
      startDate: '2025-09-01',
    });
    await make(
      strapi,
      'api::portfolio-entry.portfolio-entry',
      entry({ student: fedorov, title: 'Олимпиада по математике, 5 класс (первый год)', date: '2025-03-10', level: 'school' }),
    );
    const text = textOf((await download(as.deputy, `/api/students/${fedorov}/portfolio.pdf`)).body as Buffer);
    // Counted on the calendar from the 5th grade of 2025/2026, the stage would open on 01.09.2025 and leave the olympiad out.
    expect(text).toContain('5–9 классы (5 лет), с 01.09.2024');
    expect(text).toContain('Олимпиада по математике, 5 класс (первый год)');
    // The primary stage closes on the eve of the first 5th grade, not of the second.
    const primary = textOf((await download(as.deputy, `/api/students/${fedorov}/portfolio.pdf?stage=primary`)).body as Buffer);
    expect(primary).toContain('по 31.08.2024');
    expect(primary).not.toContain('Олимпиада по математике, 5 класс');
  });
});
