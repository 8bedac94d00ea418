import type { Core } from '@strapi/strapi';
import supertest from 'supertest';
import { adminLogin } from '../helpers/admin';
import { pdfTextLines } from '../helpers/pdf-text';
import { make } from '../helpers/school-fixture';
import { apiAs, bootStrapi, stopStrapi, type Api } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

/**
 * R30 (seed 003 §5.5): results and rewards recorded by teachers «под контролем заместителей
 * директора». A class teacher's or the secretary's entry waits for review; the deputy director or
 * the director approves it or returns it with a remark; only approved records reach the family,
 * the printed summary and the olympiad winners; a change by a teacher sends a record back to review.
 */

let strapi: Core.Strapi;
let world: TwoClassSchool;
let as: Record<string, Api>;
/** Кузнецов (5Б: class teacher B, parent B). */
let kuznetsov: string;

const entry = (overrides: Record<string, unknown> = {}) => ({
  student: kuznetsov,
  title: 'Муниципальный этап ВсОШ по математике',
  kind: 'olympiad',
  level: 'municipal',
  result: 'winner',
  place: 1,
  date: '2025-12-05',
  subject: world.school.math.documentId,
  ...overrides,
});

const pathsOf = (body: { error?: { details?: { errors?: Array<{ path: string[] }> } } }): string[] =>
  (body.error?.details?.errors ?? []).map((error) => error.path.join('.'));

const download = (api: Api, url: string) =>
  api
    .get(url)
    .buffer(true)
    .parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    });

const review = (api: Api, plural: string, documentId: string, data: unknown) => api.post(`/api/${plural}/${documentId}/review`, data);

const stateOf = async (uid: string, documentId: string) =>
  (await strapi.db.query(uid as never).findOne({ where: { documentId }, populate: { reviewedBy: { select: ['id'] } } })) as {
    reviewState: string | null;
    reviewRemark: string | null;
    reviewedAt: string | null;
    reviewedBy: { id: number } | null;
    title?: string;
  };

const ENTRY = 'api::portfolio-entry.portfolio-entry';
const REWARD = 'api::reward.reward';

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  kuznetsov = world.school.pupil5b.documentId;
  const { accounts } = world;
  as = {
    deputy: apiAs(strapi, accounts.deputy.jwt),
    director: apiAs(strapi, accounts.director.jwt),
    secretary: apiAs(strapi, accounts.secretary.jwt),
    parentB: apiAs(strapi, accounts.parentB.jwt),
    parentA: apiAs(strapi, accounts.parentA.jwt),
    teacherA: apiAs(strapi, world.teacherA.jwt),
    teacherB: apiAs(strapi, world.teacherB.jwt),
    classTeacherB: apiAs(strapi, world.classTeacherB.jwt),
  };
});
afterAll(() => stopStrapi(strapi));

describe('who starts a record on review and who approves at once', () => {
  it('puts a class teacher’s and the secretary’s entries on review, and approves the deputy’s and the director’s with their name and time', async () => {
    const byClassTeacher = await as.classTeacherB.post('/api/portfolio-entries', entry({ title: 'Конкурс чтецов', kind: 'contest' }));
    expect(byClassTeacher.status).toBe(201);
    expect(byClassTeacher.body.data).toMatchObject({ reviewState: 'pending', reviewRemark: null, reviewedAt: null });
    const bySecretary = await as.secretary.post('/api/portfolio-entries', entry({ title: 'Конкурс рисунков', kind: 'contest' }));
    expect(bySecretary.body.data.reviewState).toBe('pending');

    for (const who of ['deputy', 'director'] as const) {
      const before = Date.now();
      const own = await as[who].post(
        '/api/portfolio-entries',
        entry({ title: `Запись (${who})`, kind: 'project', place: null, result: 'participant' }),
      );
      expect([who, own.status, own.body.data.reviewState]).toEqual([who, 201, 'approved']);
      const stored = await stateOf(ENTRY, own.body.data.documentId);
      expect(stored.reviewedBy?.id).toBe(world.accounts[who].id);
      expect(new Date(stored.reviewedAt as string).getTime()).toBeGreaterThanOrEqual(before - 1000);
    }
    const reward = await as.classTeacherB.post('/api/rewards', {
      student: kuznetsov,
      kind: 'diploma',
      reason: 'За олимпиаду',
      date: '2025-12-10',
    });
    expect([reward.status, reward.body.data.reviewState]).toEqual([201, 'pending']);
    const deputyReward = await as.deputy.post('/api/rewards', {
      student: kuznetsov,
      kind: 'prize',
      reason: 'За проект',
      date: '2025-12-11',
    });
    expect(deputyReward.body.data.reviewState).toBe('approved');
  });

  it('refuses the review state, remark, reviewer or time in an ordinary create or update body with 400 naming the field, storing nothing', async () => {
    const entries = await strapi.db.query(ENTRY as never).count();
    const create = await as.classTeacherB.post('/api/portfolio-entries', entry({ title: 'Самоутверждённая', reviewState: 'approved' }));
    expect(create.status).toBe(400);
    expect(pathsOf(create.body)).toEqual(['reviewState']);
    expect(create.body.error.message).toMatch(/заместитель директора/);
    const deputyToo = await as.deputy.post('/api/portfolio-entries', entry({ title: 'Возврат телом', reviewState: 'returned' }));
    expect([deputyToo.status, pathsOf(deputyToo.body)]).toEqual([400, ['reviewState']]);
    expect(await strapi.db.query(ENTRY as never).count()).toBe(entries);

    const pending = await as.classTeacherB.post('/api/portfolio-entries', entry({ title: 'На проверке' }));
    const id = pending.body.data.documentId as string;
    for (const [field, value] of [
      ['reviewState', 'approved'],
      ['reviewRemark', 'Всё верно'],
      ['reviewedAt', '2025-12-31T10:00:00.000Z'],
    ] as const) {
      const update = await as.classTeacherB.put(`/api/portfolio-entries/${id}`, { [field]: value });
      expect([field, update.status, pathsOf(update.body)]).toEqual([field, 400, [field]]);
    }
    // A class teacher may not name accounts at all: Strapi's input validation refuses the key before our rules.
    const reviewer = await as.classTeacherB.put(`/api/portfolio-entries/${id}`, { reviewedBy: world.accounts.deputy.id });
    expect([reviewer.status, reviewer.body.error.message]).toEqual([400, expect.stringContaining('reviewedBy')]);
    const byDeputy = await as.deputy.put(`/api/portfolio-entries/${id}`, { reviewedBy: world.accounts.deputy.id });
    expect([byDeputy.status, pathsOf(byDeputy.body)]).toEqual([400, ['reviewedBy']]);
    expect(await stateOf(ENTRY, id)).toMatchObject({ reviewState: 'pending', reviewRemark: null, reviewedAt: null, reviewedBy: null });
    // The stored value sent back unchanged (as a full form does) is not a change.
    expect((await as.classTeacherB.put(`/api/portfolio-entries/${id}`, { reviewState: 'pending' })).status).toBe(200);
    const rewardPut = await as.classTeacherB.post('/api/rewards', {
      student: kuznetsov,
      kind: 'gift',
      reason: 'За помощь',
      date: '2025-12-12',
      reviewState: 'approved',
    });
    expect([rewardPut.status, pathsOf(rewardPut.body)]).toEqual([400, ['reviewState']]);
  });
});

describe('the review action', () => {
  it('lets the deputy approve and the director return with a remark, recording who and when, in the audit trail too', async () => {
    const created = await as.classTeacherB.post(
      '/api/portfolio-entries',
      entry({ title: 'Региональный конкурс проектов', kind: 'project' }),
    );
    const id = created.body.data.documentId as string;
    const approved = await review(as.deputy, 'portfolio-entries', id, { decision: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body.data).toMatchObject({ documentId: id, reviewState: 'approved', reviewRemark: null });
    expect((await stateOf(ENTRY, id)).reviewedBy?.id).toBe(world.accounts.deputy.id);

    const returned = await review(as.director, 'portfolio-entries', id, { decision: 'return', remark: 'Приложите скан диплома' });
    expect(returned.status).toBe(200);
    expect(returned.body.data).toMatchObject({ reviewState: 'returned', reviewRemark: 'Приложите скан диплома' });
    const stored = await stateOf(ENTRY, id);
    expect(stored.reviewedBy?.id).toBe(world.accounts.director.id);
    expect(stored.reviewedAt).not.toBeNull();

    const trail = (await strapi.db.query('api::audit-entry.audit-entry').findMany({
      where: { recordType: ENTRY, recordDocumentId: id, action: 'update' },
      orderBy: { sequence: 'asc' },
    })) as Array<{ actorId: number; after: Record<string, unknown> }>;
    expect(trail.map((item) => [item.actorId, item.after.reviewState])).toEqual([
      [world.accounts.deputy.id, 'approved'],
      [world.accounts.director.id, 'returned'],
    ]);
  });

  it('asks for a remark to return, a known decision and no other fields, changing nothing when refused', async () => {
    const created = await as.classTeacherB.post('/api/portfolio-entries', entry({ title: 'Конкурс сочинений', kind: 'contest' }));
    const id = created.body.data.documentId as string;
    const cases: Array<[unknown, string[]]> = [
      [{ decision: 'return' }, ['remark']],
      [{ decision: 'return', remark: '   ' }, ['remark']],
      [{ decision: 'reject', remark: 'нет' }, ['decision']],
      [{}, ['decision']],
      [{ decision: 'approve', reviewState: 'approved' }, ['reviewState']],
      [{ decision: 'approve', remark: 'Ж'.repeat(1001) }, ['remark']],
      [{ decision: 'approve', remark: { $ne: '' } }, ['remark']],
      ['approve', ['data']],
    ];
    for (const [body, paths] of cases) {
      const response = await review(as.deputy, 'portfolio-entries', id, body);
      expect([JSON.stringify(body), response.status, pathsOf(response.body)]).toEqual([JSON.stringify(body), 400, paths]);
    }
    expect(await stateOf(ENTRY, id)).toMatchObject({ reviewState: 'pending', reviewRemark: null, reviewedAt: null });
    expect((await review(as.deputy, 'portfolio-entries', 'nosuchentry00000000000', { decision: 'approve' })).status).toBe(404);
  });

  it('is only for the deputy director and the director', async () => {
    const created = await as.classTeacherB.post('/api/portfolio-entries', entry({ title: 'Фестиваль науки', kind: 'conference' }));
    const id = created.body.data.documentId as string;
    for (const who of ['classTeacherB', 'teacherA', 'secretary', 'parentB']) {
      const response = await review(as[who], 'portfolio-entries', id, { decision: 'approve' });
      expect([who, response.status]).toEqual([who, 403]);
    }
    expect((await review(apiAs(strapi), 'portfolio-entries', id, { decision: 'approve' })).status).toBe(403);
    expect((await stateOf(ENTRY, id)).reviewState).toBe('pending');
  });

  it('reviews rewards the same way', async () => {
    const created = await as.classTeacherB.post('/api/rewards', {
      student: kuznetsov,
      kind: 'letter-of-thanks',
      reason: 'За дежурство',
      date: '2025-12-15',
    });
    const id = created.body.data.documentId as string;
    expect((await review(as.deputy, 'rewards', id, { decision: 'return' })).status).toBe(400);
    expect((await review(as.classTeacherB, 'rewards', id, { decision: 'approve' })).status).toBe(403);
    const returned = await review(as.deputy, 'rewards', id, { decision: 'return', remark: 'Укажите номер приказа' });
    expect(returned.body.data).toMatchObject({ reviewState: 'returned', reviewRemark: 'Укажите номер приказа' });
    const fixed = await as.classTeacherB.put(`/api/rewards/${id}`, { orderNumber: '№ 130-о' });
    expect(fixed.body.data).toMatchObject({ reviewState: 'pending', reviewRemark: null, reviewedAt: null });
    const approved = await review(as.director, 'rewards', id, { decision: 'approve' });
    expect(approved.body.data.reviewState).toBe('approved');
    expect((await stateOf(REWARD, id)).reviewedBy?.id).toBe(world.accounts.director.id);
  });
});

describe('a change after the review', () => {
  it('sends an approved or returned entry a teacher changes back to review, and keeps it when nothing changes', async () => {
    const created = await as.classTeacherB.post('/api/portfolio-entries', entry({ title: 'Турнир знатоков', kind: 'contest' }));
    const id = created.body.data.documentId as string;
    await review(as.deputy, 'portfolio-entries', id, { decision: 'approve' });
    const same = await as.classTeacherB.put(`/api/portfolio-entries/${id}`, { title: 'Турнир знатоков', place: 1 });
    expect(same.body.data.reviewState).toBe('approved');
    const changed = await as.classTeacherB.put(`/api/portfolio-entries/${id}`, { place: 2, result: 'prize-winner' });
    expect(changed.status).toBe(200);
    expect(changed.body.data).toMatchObject({ reviewState: 'pending', reviewedAt: null });
    expect((await stateOf(ENTRY, id)).reviewedBy).toBeNull();

    await review(as.deputy, 'portfolio-entries', id, { decision: 'return', remark: 'Не тот уровень' });
    const corrected = await as.classTeacherB.put(`/api/portfolio-entries/${id}`, { level: 'school' });
    expect(corrected.body.data).toMatchObject({ reviewState: 'pending', reviewRemark: null });

    // The deputy's own correction is approved at once.
    const byDeputy = await as.deputy.put(`/api/portfolio-entries/${id}`, { organiser: 'Управление образования' });
    expect(byDeputy.body.data.reviewState).toBe('approved');
    expect((await stateOf(ENTRY, id)).reviewedBy?.id).toBe(world.accounts.deputy.id);
  });
});

describe('what counts', () => {
  it('shows staff what awaits review through the scoped REST filter, each within their reach', async () => {
    const approvedByScript = await make(strapi, ENTRY as never, entry({ title: 'Внесено сценарием' }));
    const classTeacherPending = await as.classTeacherB.post(
      '/api/portfolio-entries',
      entry({ title: 'Ждёт проверки 5Б', kind: 'contest' }),
    );
    const classTeacherId = classTeacherPending.body.data.documentId as string;
    const filter = '/api/portfolio-entries?filters[reviewState][$eq]=pending&pagination[pageSize]=100';

    const forDeputy = await as.deputy.get(filter);
    expect(forDeputy.status).toBe(200);
    const deputyIds = forDeputy.body.data.map((row: { documentId: string }) => row.documentId);
    expect(deputyIds).toContain(classTeacherId);
    expect(forDeputy.body.data.every((row: { reviewState: string }) => row.reviewState === 'pending')).toBe(true);
    expect(deputyIds).not.toContain(approvedByScript.documentId);

    const forClassTeacher = await as.classTeacherB.get(filter);
    expect(forClassTeacher.body.data.map((row: { documentId: string }) => row.documentId)).toContain(classTeacherId);
    // Teacher A teaches only 5А: the same filter finds no 5Б entry for them.
    const forTeacherA = await as.teacherA.get(filter);
    expect([forTeacherA.status, forTeacherA.body.data]).toEqual([200, []]);
    const rewards = await as.deputy.get('/api/rewards?filters[reviewState][$in][0]=pending&filters[reviewState][$in][1]=returned');
    expect(rewards.status).toBe(200);
    expect(rewards.body.data.length).toBeGreaterThan(0);
    expect(rewards.body.data.every((row: { reviewState: string }) => ['pending', 'returned'].includes(row.reviewState))).toBe(true);
  });

  it('gives the family, the printed summary and the olympiad winners only approved entries and rewards', async () => {
    const approvedTitle = 'Региональный этап ВсОШ по физике';
    const pendingTitle = 'Муниципальный этап ВсОШ по химии';
    const approved = await as.classTeacherB.post(
      '/api/portfolio-entries',
      entry({ title: approvedTitle, level: 'regional', date: '2026-01-25' }),
    );
    await review(as.deputy, 'portfolio-entries', approved.body.data.documentId, { decision: 'approve' });
    const pending = await as.classTeacherB.post('/api/portfolio-entries', entry({ title: pendingTitle, date: '2026-01-26' }));
    const pendingReward = await as.classTeacherB.post('/api/rewards', {
      student: kuznetsov,
      kind: 'diploma',
      reason: 'Ожидающее поощрение',
      date: '2026-01-27',
    });
    const approvedReward = await as.classTeacherB.post('/api/rewards', {
      student: kuznetsov,
      kind: 'diploma',
      reason: 'Утверждённое поощрение',
      date: '2026-01-28',
      achievements: [approved.body.data.documentId, pending.body.data.documentId],
    });
    await review(as.director, 'rewards', approvedReward.body.data.documentId, { decision: 'approve' });

    const family = await as.parentB.get(`/api/diary/${kuznetsov}/portfolio`);
    expect(family.status).toBe(200);
    const titles = family.body.data.entries.map((row: { title: string }) => row.title);
    expect(titles).toContain(approvedTitle);
    expect(titles).not.toContain(pendingTitle);
    expect(titles).not.toContain('Конкурс чтецов');
    const reasons = family.body.data.rewards.map((row: { reason: string }) => row.reason);
    expect(reasons).toContain('Утверждённое поощрение');
    expect(reasons).not.toContain('Ожидающее поощрение');
    const shown = family.body.data.rewards.find((row: { reason: string }) => row.reason === 'Утверждённое поощрение');
    expect(shown.achievements.map((item: { title: string }) => item.title)).toEqual([approvedTitle]);
    expect(pendingReward.body.data.reviewState).toBe('pending');

    for (const [api, url] of [
      [as.parentB, `/api/diary/${kuznetsov}/portfolio.pdf`],
      [as.deputy, `/api/students/${kuznetsov}/portfolio.pdf`],
    ] as const) {
      const pdf = await download(api, url);
      expect(pdf.status).toBe(200);
      const text = pdfTextLines(pdf.body as Buffer)
        .join(' ')
        .replace(/\s+/g, ' ');
      expect(text).toContain(approvedTitle);
      expect(text).not.toContain(pendingTitle);
      expect(text).not.toContain('Ожидающее поощрение');
    }

    const winners = await as.deputy.get(`/api/portfolio-entries/olympiad-winners?year=${encodeURIComponent('2025/2026')}`);
    expect(winners.status).toBe(200);
    const listed = winners.body.data.map((row: { title: string }) => row.title);
    expect(listed).toContain(approvedTitle);
    expect(listed).not.toContain(pendingTitle);
    expect(winners.body.meta.awaitingReview).toBeGreaterThanOrEqual(1);
    const pendingInYear = await strapi.db.query(ENTRY as never).count({
      where: { kind: 'olympiad', result: { $in: ['winner', 'prize-winner'] }, reviewState: 'pending' },
    });
    expect(winners.body.meta.awaitingReview).toBe(pendingInYear);
  });
});

describe('the content manager (admin panel)', () => {
  it('approves what the administration records there, takes a whole form back unchanged, and refuses a typed review state', async () => {
    const token = await adminLogin(strapi, { email: 'portfolio-review@school.test' });
    const base = `/content-manager/collection-types/${ENTRY}`;
    const agent = supertest(strapi.server.httpServer);
    const created = await agent
      .post(base)
      .set('Authorization', `Bearer ${token}`)
      .send({ ...entry({ title: 'Внесено в панели', kind: 'contest' }) });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ reviewState: 'approved', reviewRemark: null });
    expect(created.body.data.reviewedAt).not.toBeNull();
    const id = created.body.data.documentId as string;

    // The edit form sends every field back, the review ones included, as they were.
    const form = await agent.get(`${base}/${id}`).set('Authorization', `Bearer ${token}`);
    const { reviewState, reviewRemark, reviewedAt } = form.body.data as Record<string, unknown>;
    const saved = await agent
      .put(`${base}/${id}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ title: 'Внесено в панели (исправлено)', reviewState, reviewRemark: reviewRemark ?? '', reviewedAt });
    expect(saved.status).toBe(200);
    expect(saved.body.data).toMatchObject({ title: 'Внесено в панели (исправлено)', reviewState: 'approved' });

    const typed = await agent.put(`${base}/${id}`).set('Authorization', `Bearer ${token}`).send({ reviewState: 'returned' });
    expect([typed.status, pathsOf(typed.body)]).toEqual([400, ['reviewState']]);
    expect((await stateOf(ENTRY, id)).reviewState).toBe('approved');
  });
});
