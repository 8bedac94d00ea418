import type { Core } from '@strapi/strapi';
import supertest from 'supertest';
import { buildCurrentYear, type CurrentYear } from '../helpers/distance-fixture';
import { apiAs, bootStrapi, createAccount, stopStrapi, type Api } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

/** Assignments to pupils, their work handed in through the diary, and the teacher's check into the journal (seed 004 §2.2, R81, R82). */

const SUBMISSION = 'api::assignment-submission.assignment-submission';

let strapi: Core.Strapi;
let world: TwoClassSchool;
let current: CurrentYear;
let teacherA: Api;
let teacherB: Api;
let pupil: { jwt: string };
let parent: { jwt: string };
let assignmentId: string;

type ErrorBody = { body: { error: { message: string; details: { errors?: Array<{ path: string[] }> } } } };
const pathsOf = (response: ErrorBody) => (response.body.error.details.errors ?? []).map((error) => error.path.join('.'));

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  current = await buildCurrentYear(strapi, world);
  teacherA = apiAs(strapi, world.teacherA.jwt);
  teacherB = apiAs(strapi, world.teacherB.jwt);
  const pupilAccount = await createAccount(strapi, 'pupil', 'pupil.orlov');
  await strapi
    .documents('api::student.student')
    .update({ documentId: current.pupils[0].documentId, data: { user: pupilAccount.documentId } } as never);
  pupil = pupilAccount;
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
});
afterAll(async () => {
  // The local provider writes into public/uploads: remove what this file uploaded.
  const uploads = (await strapi.db.query('plugin::upload.file').findMany({})) as Array<{ id: number }>;
  for (const file of uploads) await strapi.plugin('upload').service('upload').remove(file);
  await stopStrapi(strapi);
});

const binary = (test: supertest.Test) =>
  test.buffer(true).parse((res, callback) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => callback(null, Buffer.concat(chunks)));
  });

const handIn = (jwt: string, student: string, assignment: string, text: string | null, files: Array<[string, string, number]> = []) => {
  let request = apiAs(strapi, jwt)
    .raw.post(`/api/diary/${student}/assignments/${assignment}/submissions`)
    .set('Authorization', `Bearer ${jwt}`);
  if (files.length === 0) return request.send({ data: text === null ? {} : { text } });
  request = request.field('data', JSON.stringify(text === null ? {} : { text }));
  for (const [name, type, bytes] of files) request = request.attach('files', Buffer.alloc(bytes, 1), { filename: name, contentType: type });
  return request;
};

describe('an assignment to the pupils of a journal', () => {
  it('is set by the journal’s teacher on a lesson with sources and a due day, and refused to another teacher', async () => {
    const created = await teacherA.post('/api/assignments', {
      journal: current.journal.documentId,
      lesson: current.lessonYesterday.documentId,
      title: '№ 245–250',
      description: 'Решите задачи, устный ответ на вопрос 3 запишите на аудио',
      sources: 'Учебник, § 12; РЭШ, урок 14',
      dueOn: current.today,
    });
    expect(created.status).toBe(201);
    assignmentId = created.body.data.documentId;
    expect(created.body.data).toMatchObject({ workType: 'homework', dueOn: current.today });
    expect(
      (
        await teacherB.post('/api/assignments', {
          journal: current.journal.documentId,
          lesson: current.lessonYesterday.documentId,
          title: 'x',
          dueOn: current.today,
        })
      ).status,
    ).toBe(403);
    const bad = await teacherA.post('/api/assignments', {
      journal: current.journal.documentId,
      lesson: world.lessonB.documentId,
      title: ' ',
      dueOn: '2000-01-01',
      workType: 'poem',
    });
    expect(bad.status).toBe(400);
    expect(pathsOf(bad)).toEqual(['lesson', 'title', 'dueOn', 'workType']);
    expect((await teacherB.get('/api/assignments')).body.data).toEqual([]);
  });

  it('shows in the pupil’s diary with its due day, status and the lesson, and not in another family’s', async () => {
    const diary = await apiAs(strapi, pupil.jwt).get(`/api/diary/${current.pupils[0].documentId}/assignments`);
    expect(diary.status).toBe(200);
    expect(diary.body.data).toEqual([
      expect.objectContaining({
        documentId: assignmentId,
        subject: 'Математика',
        title: '№ 245–250',
        dueOn: current.today,
        status: 'not-submitted',
        lesson: expect.objectContaining({ date: current.yesterday, topic: 'Проценты', materials: [] }),
        submission: null,
      }),
    ]);
    expect((await apiAs(strapi, world.accounts.parentA.jwt).get(`/api/diary/${current.pupils[0].documentId}/assignments`)).status).toBe(
      404,
    );
    expect(
      (await apiAs(strapi, world.accounts.parentA.jwt).get(`/api/diary/${world.school.pupils5a[0].documentId}/assignments`)).body.data,
    ).toEqual([]);
  });

  it('takes the pupil’s work with an audio answer once, and refuses a file of a type not allowed with a clear message', async () => {
    const refused = await handIn(parent.jwt, current.pupils[1].documentId, assignmentId, 'Ответ', [
      ['ответ.exe', 'application/x-msdownload', 100],
    ]);
    expect(refused.status).toBe(400);
    expect(pathsOf(refused)).toEqual(['files.0']);
    expect(refused.body.error.message).toMatch(/^Файл «ответ\.exe» не принят: тип application\/x-msdownload не допускается/);
    expect(await strapi.db.query(SUBMISSION).count()).toBe(0);
    const handed = await handIn(pupil.jwt, current.pupils[0].documentId, assignmentId, 'Задачи решены', [
      ['ответ.mp3', 'audio/mpeg', 4096],
    ]);
    expect(handed.status).toBe(201);
    expect(handed.body.data).toMatchObject({
      attempt: 1,
      status: 'submitted',
      late: false,
      files: [expect.objectContaining({ name: 'ответ.mp3' })],
    });
    const twice = await handIn(pupil.jwt, current.pupils[0].documentId, assignmentId, 'Ещё раз');
    expect(pathsOf(twice)).toEqual(['assignment']);
    expect((await handIn(pupil.jwt, current.pupils[1].documentId, assignmentId, 'За другого')).status).toBe(404);
    expect(pathsOf(await handIn(pupil.jwt, current.pupils[0].documentId, assignmentId, null))).toEqual(['text', 'assignment']);
  });

  it('lists for the teacher who has handed in work and who has not; another teacher gets 404', async () => {
    const list = await teacherA.get(`/api/assignments/${assignmentId}/submissions`);
    expect(list.status).toBe(200);
    expect(
      list.body.data.pupils.map((row: { student: { fullName: string }; status: string }) => [row.student.fullName, row.status]),
    ).toEqual([
      ['Зайцева Вера', 'not-submitted'],
      ['Орлов Денис', 'submitted'],
    ]);
    expect(list.body.data.notSubmitted.map((student: { fullName: string }) => student.fullName)).toEqual(['Зайцева Вера']);
    expect((await teacherB.get(`/api/assignments/${assignmentId}/submissions`)).status).toBe(404);
    expect((await apiAs(strapi, pupil.jwt).get(`/api/assignments/${assignmentId}/submissions`)).status).toBe(403);
  });

  it('never serves the pupil’s files by their public link: the journal’s teacher and the family read them through their routes', async () => {
    const work = await strapi.db.query(SUBMISSION).findOne({
      where: { student: { id: current.pupils[0].id } },
      populate: { files: { select: ['id', 'url'] } },
    });
    const [audio] = work.files as Array<{ id: number; url: string }>;
    const anyone = supertest(strapi.server.httpServer);
    expect((await anyone.get(audio.url)).status).toBe(404);
    expect((await anyone.head(audio.url)).status).toBe(404);

    const list = await teacherA.get(`/api/assignments/${assignmentId}/submissions`);
    const row = list.body.data.pupils.find((each: { student: { fullName: string } }) => each.student.fullName === 'Орлов Денис');
    const staffUrl = `/api/assignment-submissions/${work.documentId}/files/${audio.id}`;
    expect(row.submission.files).toEqual([{ name: 'ответ.mp3', mime: 'audio/mpeg', url: staffUrl }]);
    const byTeacher = await binary(teacherA.get(staffUrl));
    expect(byTeacher.status).toBe(200);
    expect(byTeacher.headers['cache-control']).toBe('no-store');
    expect(Buffer.compare(byTeacher.body as Buffer, Buffer.alloc(4096, 1))).toBe(0);
    expect((await teacherB.get(staffUrl)).status).toBe(404);
    expect((await teacherA.get(`/api/assignment-submissions/${work.documentId}/files/999999`)).status).toBe(404);
    expect((await apiAs(strapi, pupil.jwt).get(staffUrl)).status).toBe(403);
    expect((await anyone.get(staffUrl)).status).toBe(403);

    const diary = await apiAs(strapi, pupil.jwt).get(`/api/diary/${current.pupils[0].documentId}/assignments`);
    const familyUrl = `/api/diary/${current.pupils[0].documentId}/submissions/${work.documentId}/files/${audio.id}`;
    expect(diary.body.data[0].submission.files).toEqual([{ name: 'ответ.mp3', mime: 'audio/mpeg', url: familyUrl }]);
    expect((await binary(apiAs(strapi, pupil.jwt).get(familyUrl))).status).toBe(200);
    // Another family: neither through its own child's diary nor through this pupil's.
    expect((await apiAs(strapi, parent.jwt).get(familyUrl)).status).toBe(404);
    const viaOwnChild = `/api/diary/${current.pupils[1].documentId}/submissions/${work.documentId}/files/${audio.id}`;
    expect((await apiAs(strapi, parent.jwt).get(viaOwnChild)).status).toBe(404);
  });

  it('puts the teacher’s mark into the journal as a current mark of the assignment’s lesson, through the mark rules', async () => {
    const work = await strapi.db.query(SUBMISSION).findOne({ where: { student: { id: current.pupils[0].id } } });
    const badMark = await teacherA.post(`/api/assignment-submissions/${work.documentId}/check`, { decision: 'check', mark: 'A' });
    expect(badMark.status).toBe(400);
    expect(pathsOf(badMark)).toEqual(['mark']);
    expect(await strapi.db.query('api::mark.mark').count({ where: { lesson: { id: current.lessonYesterday.id } } })).toBe(0);
    expect((await teacherB.post(`/api/assignment-submissions/${work.documentId}/check`, { decision: 'check', mark: '5' })).status).toBe(
      404,
    );
    const checked = await teacherA.post(`/api/assignment-submissions/${work.documentId}/check`, {
      decision: 'check',
      mark: '5',
      comment: 'Верно',
    });
    expect(checked.status).toBe(200);
    expect(checked.body.data).toMatchObject({ status: 'checked', mark: '5', checkComment: 'Верно' });
    const marks = await strapi.db.query('api::mark.mark').findMany({
      where: { lesson: { id: current.lessonYesterday.id } },
      populate: { student: true, journal: true, lesson: true, setBy: true },
    });
    expect(marks).toHaveLength(1);
    expect(marks[0]).toMatchObject({ kind: 'current', value: '5', workType: 'homework', date: current.yesterday });
    expect([marks[0].student.id, marks[0].journal.id, marks[0].lesson.id, marks[0].setBy.id]).toEqual([
      current.pupils[0].id,
      current.journal.id,
      current.lessonYesterday.id,
      world.teacherA.id,
    ]);
    const stored = await strapi.db.query(SUBMISSION).findOne({ where: { id: work.id }, populate: { mark: true } });
    expect(stored.mark.id).toBe(marks[0].id);
    expect((await teacherA.post(`/api/assignment-submissions/${work.documentId}/check`, { decision: 'check', mark: '4' })).status).toBe(
      400,
    );
    const diary = await apiAs(strapi, pupil.jwt).get(`/api/diary/${current.pupils[0].documentId}/assignments`);
    expect(diary.body.data[0]).toMatchObject({ status: 'checked', submission: expect.objectContaining({ mark: '5' }) });
  });

  it('lets the teacher return work with a comment, and the parent hand in a new attempt; work is never deleted', async () => {
    const first = await handIn(parent.jwt, current.pupils[1].documentId, assignmentId, 'Решение');
    expect(first.status).toBe(201);
    expect(pathsOf(await teacherA.post(`/api/assignment-submissions/${first.body.data.documentId}/check`, { decision: 'return' }))).toEqual(
      ['comment'],
    );
    const returned = await teacherA.post(`/api/assignment-submissions/${first.body.data.documentId}/check`, {
      decision: 'return',
      comment: 'Нет решения задачи 248',
    });
    expect(returned.body.data).toMatchObject({ status: 'returned', mark: null });
    const second = await handIn(parent.jwt, current.pupils[1].documentId, assignmentId, 'Решение с задачей 248');
    expect(second.status).toBe(201);
    expect(second.body.data.attempt).toBe(2);
    expect(await strapi.db.query(SUBMISSION).count({ where: { student: { id: current.pupils[1].id } } })).toBe(2);
    await expect(strapi.documents(SUBMISSION).delete({ documentId: first.body.data.documentId } as never)).rejects.toThrow(/не удаляется/);
    expect((await teacherA.delete(`/api/assignments/${assignmentId}`)).status).toBe(400);
  });
});

describe('the materials of an assignment', () => {
  it('are listed with the lesson’s homework and read through private routes only, never by their public link', async () => {
    const uploaded = await apiAs(strapi, world.teacherA.jwt)
      .raw.post('/api/upload')
      .set('Authorization', `Bearer ${world.teacherA.jwt}`)
      .attach('files', Buffer.alloc(3000, 5), { filename: 'задачи.pdf', contentType: 'application/pdf' });
    expect(uploaded.status).toBe(201);
    const material = uploaded.body[0] as { id: number; url: string };
    const created = await teacherA.post('/api/assignments', {
      journal: current.journal.documentId,
      lesson: current.lessonToday.documentId,
      title: 'Задачи на пропорции',
      materials: [material.id],
      dueOn: current.tomorrow,
    });
    expect(created.status).toBe(201);
    const withMaterial = created.body.data.documentId as string;
    const anyone = supertest(strapi.server.httpServer);
    expect((await anyone.get(material.url)).status).toBe(404);

    const orlov = current.pupils[0].documentId;
    const familyUrl = `/api/diary/${orlov}/assignments/${withMaterial}/materials/${material.id}`;
    const homework = await apiAs(strapi, pupil.jwt).get(`/api/diary/${orlov}/homework?from=${current.yesterday}&to=${current.today}`);
    expect(homework.status).toBe(200);
    expect(homework.body.data).toEqual([
      expect.objectContaining({ date: current.yesterday, topic: 'Проценты', assignments: [expect.objectContaining({ materials: [] })] }),
      expect.objectContaining({
        date: current.today,
        topic: 'Пропорции',
        assignments: [
          {
            documentId: withMaterial,
            title: 'Задачи на пропорции',
            dueOn: current.tomorrow,
            materials: [{ name: 'задачи.pdf', mime: 'application/pdf', url: familyUrl }],
          },
        ],
      }),
    ]);
    const diary = await apiAs(strapi, pupil.jwt).get(`/api/diary/${orlov}/assignments`);
    const listed = diary.body.data.find((each: { documentId: string }) => each.documentId === withMaterial);
    expect(listed.materials).toEqual([{ name: 'задачи.pdf', mime: 'application/pdf', url: familyUrl }]);

    const byPupil = await binary(apiAs(strapi, pupil.jwt).get(familyUrl));
    expect(byPupil.status).toBe(200);
    expect(Buffer.compare(byPupil.body as Buffer, Buffer.alloc(3000, 5))).toBe(0);
    // The other pupil's parent, through their own child's diary; a family outside the journal: 404 either way.
    const zaitseva = `/api/diary/${current.pupils[1].documentId}/assignments/${withMaterial}/materials/${material.id}`;
    expect((await binary(apiAs(strapi, parent.jwt).get(zaitseva))).status).toBe(200);
    expect((await apiAs(strapi, parent.jwt).get(familyUrl)).status).toBe(404);
    const outsider = `/api/diary/${world.school.pupils5a[0].documentId}/assignments/${withMaterial}/materials/${material.id}`;
    expect((await apiAs(strapi, world.accounts.parentA.jwt).get(outsider)).status).toBe(404);
    expect((await apiAs(strapi, pupil.jwt).get(`/api/diary/${orlov}/assignments/${withMaterial}/materials/999999`)).status).toBe(404);

    const staffUrl = `/api/assignments/${withMaterial}/materials/${material.id}`;
    expect((await binary(teacherA.get(staffUrl))).status).toBe(200);
    expect((await binary(apiAs(strapi, world.accounts.deputy.jwt).get(staffUrl))).status).toBe(200);
    expect((await teacherB.get(staffUrl)).status).toBe(404);
    expect((await apiAs(strapi, pupil.jwt).get(staffUrl)).status).toBe(403);
  });
});

describe('the pupil’s self-assessment (R78)', () => {
  it('keeps the pupil’s own mark of the work beside the teacher’s, and sums up how well they judge their work', async () => {
    const created = await teacherA.post('/api/assignments', {
      journal: current.journal.documentId,
      lesson: current.lessonYesterday.documentId,
      title: '№ 251 с самооценкой',
      dueOn: current.today,
    });
    expect(created.status).toBe(201);
    const assignment = created.body.data.documentId as string;
    const child = current.pupils[1].documentId;
    const handInWith = (data: Record<string, unknown>) =>
      apiAs(strapi, parent.jwt)
        .raw.post(`/api/diary/${child}/assignments/${assignment}/submissions`)
        .set('Authorization', `Bearer ${parent.jwt}`)
        .send({ data });
    const before = await strapi.db.query(SUBMISSION).count();
    const badMark = await handInWith({ text: 'Решено', selfAssessment: 'отлично' });
    expect(badMark.status).toBe(400);
    expect(pathsOf(badMark)).toEqual(['selfAssessment']);
    expect(badMark.body.error.message).toContain('Самооценка — отметка по шкале предмета: 2, 3, 4, 5');
    expect(await strapi.db.query(SUBMISSION).count()).toBe(before);

    const handed = await handInWith({ text: 'Решено', selfAssessment: '5', selfAssessmentNote: 'Всё получилось, кроме проверки' });
    expect(handed.status).toBe(201);
    expect(handed.body.data).toMatchObject({
      selfAssessment: '5',
      selfAssessmentNote: 'Всё получилось, кроме проверки',
      selfAssessmentComparison: null,
    });

    const list = await teacherA.get(`/api/assignments/${assignment}/submissions`);
    const row = list.body.data.pupils.find((entry: { student: { documentId: string } }) => entry.student.documentId === child);
    expect(row.submission).toMatchObject({ selfAssessment: '5', mark: null });

    const checked = await teacherA.post(`/api/assignment-submissions/${handed.body.data.documentId}/check`, {
      decision: 'check',
      mark: '4',
    });
    expect(checked.status).toBe(200);
    expect(checked.body.data.selfAssessmentComparison).toEqual({ verdict: 'higher', label: 'выше отметки учителя', difference: 1 });

    const diary = await apiAs(strapi, parent.jwt).get(`/api/diary/${child}/assignments`);
    const own = diary.body.data.find((entry: { documentId: string }) => entry.documentId === assignment);
    expect(own.submission).toMatchObject({
      selfAssessment: '5',
      mark: '4',
      selfAssessmentComparison: expect.objectContaining({ verdict: 'higher' }),
    });
    expect(diary.body.meta.selfAssessment).toEqual({ compared: 1, matches: 0, higher: 1, lower: 0, meanAbsoluteDifference: 1 });
  });
});

describe('the analytics of self-assessment (R78)', () => {
  it('shows per class and pupil how often self-assessments matched the teacher’s marks, within the viewer’s reach', async () => {
    const half = await strapi.documents('api::study-period.study-period').create({
      data: {
        academicYear: current.year.documentId,
        scheme: 'half-year',
        number: 1,
        startDate: current.year.startDate,
        endDate: current.today,
      },
    } as never);
    const url = `/api/analytics/self-assessment?period=${half.documentId}`;
    const deputy = await apiAs(strapi, world.accounts.deputy.jwt).get(url);
    expect(deputy.status).toBe(200);
    expect(deputy.body.data.classes).toEqual([
      expect.objectContaining({
        class: expect.objectContaining({ name: '6А' }),
        compared: 1,
        matches: 0,
        higher: 1,
        lower: 0,
        meanAbsoluteDifference: 1,
        pupils: [expect.objectContaining({ fullName: expect.stringMatching(/^Зайцева/), compared: 1, higher: 1 })],
      }),
    ]);
    expect((await teacherA.get(url)).body.data.classes).toHaveLength(1);
    expect((await teacherB.get(url)).body.data.classes).toEqual([]);
    expect((await apiAs(strapi, parent.jwt).get(url)).status).toBe(403);
  });
});
