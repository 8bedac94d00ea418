import type { Core, UID } from '@strapi/strapi';
import { DateTime } from 'luxon';
import { apiAs, bootStrapi, createAccount, stopStrapi, type Api } from '../helpers/strapi';
import { buildMiniSchool, make, type MiniSchool } from '../helpers/school-fixture';

let strapi: Core.Strapi;
let school: MiniSchool;
let deputy: Api;
let teacher: Api;
let classTeacher: Api;
let teacherAccount: { documentId: string; jwt: string };

beforeAll(async () => {
  strapi = await bootStrapi();
  deputy = apiAs(strapi, (await createAccount(strapi, 'deputy-director', 'deputy')).jwt);
  teacherAccount = await createAccount(strapi, 'teacher', 'teacher');
  teacher = apiAs(strapi, teacherAccount.jwt);
  const classTeacherAccount = await createAccount(strapi, 'class-teacher', 'classteacher');
  classTeacher = apiAs(strapi, classTeacherAccount.jwt);
  school = await buildMiniSchool(strapi, { teacher: teacherAccount, classTeacher: classTeacherAccount });
});
afterAll(() => stopStrapi(strapi));

const count = (uid: UID.ContentType) => strapi.db.query(uid).count({});

/** Posts a bad record and checks the 400, the field it names and that nothing was stored. */
const expectRefused = async (
  api: Api,
  url: string,
  uid: UID.ContentType,
  data: Record<string, unknown>,
  field: string,
  message?: RegExp,
) => {
  const before = await count(uid);
  const response = await api.post(url, data);
  expect(response.status).toBe(400);
  expect(response.body.error.name).toBe('ValidationError');
  const paths = (response.body.error.details.errors as Array<{ path: string[]; message: string }>).map((error) => error.path.join('.'));
  expect(paths).toContain(field);
  if (message) expect(response.body.error.message).toMatch(message);
  expect(await count(uid)).toBe(before);
};

const currentMark = (overrides: Record<string, unknown> = {}) => ({
  kind: 'current',
  journal: school.mathJournal.documentId,
  lesson: school.lessons[0].documentId,
  student: school.pupils5a[0].documentId,
  value: '5',
  ...overrides,
});

describe('marks', () => {
  it('stores a good current mark with its derived fields and who set it', async () => {
    const response = await teacher.post('/api/marks', currentMark({ value: 4, student: school.pupils5a[1].documentId }));
    expect(response.status).toBe(201);
    const stored = await strapi.db.query('api::mark.mark').findOne({
      where: { documentId: response.body.data.documentId },
      populate: { studyPeriod: true, setBy: true },
    });
    expect(stored).toMatchObject({ value: '4', numericValue: 4, date: '2025-09-02', kind: 'current' });
    expect(stored.studyPeriod.title).toBe('1 четверть');
    expect(stored.setBy.username).toBe('teacher');
    expect(stored.setAt).toBeTruthy();
  });

  it.each([['6'], ['1'], ['5+'], ['н/а'], ['зачтено'], ['']])('refuses «%s» as a current mark on the 2–5 scale', async (value) => {
    await expectRefused(teacher, '/api/marks', 'api::mark.mark', currentMark({ value }), 'value', /Допустимо: 2, 3, 4, 5/);
  });

  it('accepts «1» where the subject uses it and «зачтено» on a pass-fail subject', async () => {
    const russian = await make(strapi, 'api::journal.journal', {
      schoolClass: school.class5a.documentId,
      subject: school.russian.documentId,
      teachers: [teacherAccount.documentId],
    });
    const lesson = await make(strapi, 'api::lesson.lesson', { journal: russian.documentId, date: '2025-09-04', number: 1 });
    const one = await teacher.post('/api/marks', currentMark({ journal: russian.documentId, lesson: lesson.documentId, value: '1' }));
    expect(one.status).toBe(201);
    const peLesson = await make(strapi, 'api::lesson.lesson', { journal: school.peJournal.documentId, date: '2025-09-05', number: 3 });
    const passed = await teacher.post(
      '/api/marks',
      currentMark({ journal: school.peJournal.documentId, lesson: peLesson.documentId, value: 'Зачёт' }),
    );
    expect(passed.status).toBe(201);
    expect(passed.body.data.value).toBe('зачтено');
    await expectRefused(
      teacher,
      '/api/marks',
      'api::mark.mark',
      currentMark({ journal: school.peJournal.documentId, lesson: peLesson.documentId, value: '5' }),
      'value',
    );
  });

  it('refuses point marks in grade 1', async () => {
    const journal = await make(strapi, 'api::journal.journal', { schoolClass: school.class1a.documentId, subject: school.math.documentId });
    const lesson = await make(strapi, 'api::lesson.lesson', { journal: journal.documentId, date: '2025-09-02', number: 1 });
    await expectRefused(
      teacher,
      '/api/marks',
      'api::mark.mark',
      { kind: 'current', journal: journal.documentId, lesson: lesson.documentId, student: school.pupil1a.documentId, value: '5' },
      'value',
      /балльные отметки не выставляются/,
    );
  });

  it('refuses a mark for a pupil who is not in the journal’s class', async () => {
    await expectRefused(
      teacher,
      '/api/marks',
      'api::mark.mark',
      currentMark({ student: school.pupil5b.documentId }),
      'student',
      /не числится в классе 5А/,
    );
  });

  it('refuses a mark dated before the pupil joined the class', async () => {
    const newcomer = await make(strapi, 'api::student.student', {
      lastName: 'Новикова',
      firstName: 'Вера',
      gender: 'female',
      birthDate: '2014-01-01',
    });
    await make(strapi, 'api::enrollment.enrollment', {
      student: newcomer.documentId,
      schoolClass: school.class5a.documentId,
      startDate: '2025-10-01',
    });
    await expectRefused(
      teacher,
      '/api/marks',
      'api::mark.mark',
      currentMark({ student: newcomer.documentId }),
      'student',
      /на 02\.09\.2025/,
    );
    const later = await teacher.post('/api/marks', currentMark({ student: newcomer.documentId, lesson: school.lessons[2].documentId }));
    expect(later.status).toBe(201);
  });

  it('refuses a current mark without a lesson, or with another journal’s lesson', async () => {
    await expectRefused(teacher, '/api/marks', 'api::mark.mark', currentMark({ lesson: null }), 'lesson');
    const otherLesson = await make(strapi, 'api::lesson.lesson', { journal: school.peJournal.documentId, date: '2025-09-02', number: 5 });
    await expectRefused(
      teacher,
      '/api/marks',
      'api::mark.mark',
      currentMark({ lesson: otherLesson.documentId }),
      'lesson',
      /другому журналу/,
    );
  });

  it('keeps one periodic mark per pupil, journal and period', async () => {
    const periodic = {
      kind: 'periodic',
      journal: school.mathJournal.documentId,
      student: school.pupils5a[2].documentId,
      studyPeriod: school.quarters[0].documentId,
      value: '4',
    };
    const first = await teacher.post('/api/marks', periodic);
    expect(first.status).toBe(201);
    expect(first.body.data.date).toBe('2025-10-24');
    await expectRefused(teacher, '/api/marks', 'api::mark.mark', { ...periodic, value: '5' }, 'kind', /уже есть отметка за 1 четверть/);
    const nextQuarter = await teacher.post('/api/marks', { ...periodic, studyPeriod: school.quarters[1].documentId });
    expect(nextQuarter.status).toBe(201);
  });

  it('refuses a period mark for a half-year in a grade that uses quarters', async () => {
    await expectRefused(
      teacher,
      '/api/marks',
      'api::mark.mark',
      {
        kind: 'periodic',
        journal: school.mathJournal.documentId,
        student: school.pupils5a[0].documentId,
        studyPeriod: school.halves[0].documentId,
        value: '4',
      },
      'studyPeriod',
    );
  });

  it('keeps one annual mark per pupil and journal, and lets it be «н/а»', async () => {
    const annual = { kind: 'annual', journal: school.mathJournal.documentId, student: school.pupils5a[0].documentId, value: 'н/а' };
    const first = await teacher.post('/api/marks', annual);
    expect(first.status).toBe(201);
    expect(first.body.data).toMatchObject({ value: 'н/а', numericValue: null, date: '2026-08-31' });
    await expectRefused(teacher, '/api/marks', 'api::mark.mark', { ...annual, value: '3' }, 'kind');
  });

  it('refuses an update that takes a mark off the scale, and keeps the stored value', async () => {
    const created = await teacher.post('/api/marks', currentMark({ lesson: school.lessons[1].documentId, value: '3' }));
    expect(created.status).toBe(201);
    const response = await teacher.put(`/api/marks/${created.body.data.documentId}`, { value: '7' });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0].path).toEqual(['value']);
    const stored = await strapi.db.query('api::mark.mark').findOne({ where: { documentId: created.body.data.documentId } });
    expect(stored.value).toBe('3');
    const fixed = await teacher.put(`/api/marks/${created.body.data.documentId}`, { value: '4', comment: 'исправлено' });
    expect(fixed.status).toBe(200);
    expect(fixed.body.data).toMatchObject({ value: '4', numericValue: 4, comment: 'исправлено' });
  });

  it('refuses a mark for a lesson that has not happened yet (school time zone)', async () => {
    const today = DateTime.now().setZone('Europe/Moscow');
    const startYear = today.month >= 9 ? today.year : today.year - 1;
    const year = await make(strapi, 'api::academic-year.academic-year', {
      title: `${startYear}/${startYear + 1}`,
      startDate: `${startYear}-09-01`,
      endDate: `${startYear + 1}-08-31`,
      state: 'current',
    });
    const schoolClass = await make(strapi, 'api::school-class.school-class', { grade: 5, letter: 'А', academicYear: year.documentId });
    await make(strapi, 'api::enrollment.enrollment', {
      student: school.pupils5a[0].documentId,
      schoolClass: schoolClass.documentId,
      startDate: `${startYear}-09-01`,
    });
    const journal = await make(strapi, 'api::journal.journal', { schoolClass: schoolClass.documentId, subject: school.math.documentId });
    const tomorrow = today.plus({ days: 1 }).toISODate() as string;
    const lesson = await make(strapi, 'api::lesson.lesson', { journal: journal.documentId, date: tomorrow, number: 1 });
    await expectRefused(
      teacher,
      '/api/marks',
      'api::mark.mark',
      { kind: 'current', journal: journal.documentId, lesson: lesson.documentId, student: school.pupils5a[0].documentId, value: '5' },
      'lesson',
      /ещё не прошёл/,
    );
  });
});

describe('lessons', () => {
  it('refuses a date outside the academic year, or not a calendar day', async () => {
    await expectRefused(
      teacher,
      '/api/lessons',
      'api::lesson.lesson',
      { journal: school.mathJournal.documentId, date: '2026-09-01', number: 1 },
      'date',
      /вне учебного года 2025\/2026/,
    );
    await expectRefused(
      teacher,
      '/api/lessons',
      'api::lesson.lesson',
      { journal: school.mathJournal.documentId, date: '2026-02-30', number: 1 },
      'date',
    );
  });

  it('refuses a second lesson in the same slot of a journal', async () => {
    await expectRefused(
      teacher,
      '/api/lessons',
      'api::lesson.lesson',
      { journal: school.mathJournal.documentId, date: '2025-09-02', number: 2 },
      'number',
    );
  });

  it('files a lesson under the study period of its date, and refuses a lesson in the holidays', async () => {
    const inQuarter = await teacher.post('/api/lessons', {
      journal: school.mathJournal.documentId,
      date: '2025-12-01',
      number: 1,
      topic: 'Делимость',
    });
    expect(inQuarter.status).toBe(201);
    const stored = await strapi.db
      .query('api::lesson.lesson')
      .findOne({ where: { documentId: inQuarter.body.data.documentId }, populate: { studyPeriod: true } });
    expect(stored.studyPeriod.title).toBe('2 четверть');
    await expectRefused(
      teacher,
      '/api/lessons',
      'api::lesson.lesson',
      { journal: school.mathJournal.documentId, date: '2025-10-30', number: 1 },
      'date',
      /каникулы/,
    );
  });

  it('refuses to move a lesson that already has marks', async () => {
    const lesson = await make(strapi, 'api::lesson.lesson', { journal: school.mathJournal.documentId, date: '2025-09-10', number: 1 });
    await make(strapi, 'api::mark.mark', currentMark({ lesson: lesson.documentId }));
    const moved = await teacher.put(`/api/lessons/${lesson.documentId}`, { date: '2025-09-11' });
    expect(moved.status).toBe(400);
    expect(moved.body.error.details.errors[0].path).toEqual(['date']);
    const topic = await teacher.put(`/api/lessons/${lesson.documentId}`, { topic: 'Уточнённая тема' });
    expect(topic.status).toBe(200);
  });
});

describe('keeping what was recorded consistent', () => {
  it('keeps the moment a mark was set when it is saved again unchanged, and restamps a changed value', async () => {
    const created = await teacher.post(
      '/api/marks',
      currentMark({ lesson: school.lessons[2].documentId, student: school.pupils5a[2].documentId, value: '3' }),
    );
    const { documentId, setAt } = created.body.data;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const same = await teacher.put(`/api/marks/${documentId}`, { comment: 'устный ответ' });
    expect(same.body.data.setAt).toBe(setAt);
    const changed = await teacher.put(`/api/marks/${documentId}`, { value: '4' });
    expect(changed.body.data.setAt > setAt).toBe(true);
  });

  it('refuses an annual or exam mark dated outside the academic year', async () => {
    await expectRefused(
      teacher,
      '/api/marks',
      'api::mark.mark',
      { kind: 'exam', journal: school.mathJournal.documentId, student: school.pupils5a[1].documentId, value: '4', date: '2031-01-01' },
      'date',
    );
  });

  it('refuses to end an enrollment before the pupil’s marks in the class, or to delete it', async () => {
    const pupil = await make(strapi, 'api::student.student', {
      lastName: 'Зайцев',
      firstName: 'Лев',
      gender: 'male',
      birthDate: '2014-04-04',
    });
    const enrollment = await make(strapi, 'api::enrollment.enrollment', {
      student: pupil.documentId,
      schoolClass: school.class5a.documentId,
      startDate: '2025-09-01',
    });
    await make(strapi, 'api::mark.mark', currentMark({ student: pupil.documentId, lesson: school.lessons[2].documentId }));
    const early = await classTeacher.put(`/api/enrollments/${enrollment.documentId}`, { endDate: '2025-10-31' });
    expect(early.status).toBe(400);
    expect(early.body.error.details.errors[0].path).toEqual(['endDate']);
    expect((await classTeacher.put(`/api/enrollments/${enrollment.documentId}`, { endDate: '2025-12-20' })).status).toBe(200);
    const removed = await classTeacher.delete(`/api/enrollments/${enrollment.documentId}`);
    expect(removed.status).toBe(400);
    expect(removed.body.error.message).toMatch(/отметок обучающегося в журналах класса: 1/);
  });

  it('refuses to move a period’s dates away from the lessons filed under it', async () => {
    const moved = await deputy.put(`/api/study-periods/${school.quarters[1].documentId}`, { endDate: '2025-11-10' });
    expect(moved.status).toBe(400);
    expect(moved.body.error.details.errors[0].path).toEqual(['endDate']);
    expect((await deputy.put(`/api/study-periods/${school.quarters[1].documentId}`, { endDate: '2025-12-27' })).status).toBe(200);
  });
});

describe('attendance', () => {
  it('records an absence with the lesson’s journal and date', async () => {
    const response = await teacher.post('/api/attendances', {
      lesson: school.lessons[0].documentId,
      student: school.pupils5a[2].documentId,
      kind: 'ill',
    });
    expect(response.status).toBe(201);
    expect(response.body.data).toMatchObject({ kind: 'ill', date: '2025-09-02' });
    const stored = await strapi.db
      .query('api::attendance.attendance')
      .findOne({ where: { documentId: response.body.data.documentId }, populate: { journal: true } });
    expect(stored.journal.id).toBe(school.mathJournal.id);
    await expectRefused(
      teacher,
      '/api/attendances',
      'api::attendance.attendance',
      { lesson: school.lessons[0].documentId, student: school.pupils5a[2].documentId, kind: 'absent' },
      'student',
      /уже отмечен/,
    );
  });

  it('refuses attendance for a pupil outside the class, and minutes late without lateness', async () => {
    await expectRefused(
      teacher,
      '/api/attendances',
      'api::attendance.attendance',
      { lesson: school.lessons[1].documentId, student: school.pupil5b.documentId, kind: 'absent' },
      'student',
    );
    await expectRefused(
      teacher,
      '/api/attendances',
      'api::attendance.attendance',
      { lesson: school.lessons[1].documentId, student: school.pupils5a[0].documentId, kind: 'absent', minutesLate: 10 },
      'minutesLate',
    );
  });
});

describe('journals', () => {
  it('refuses a second journal for the same class, subject, year and kind, but allows a subgroup', async () => {
    await expectRefused(
      deputy,
      '/api/journals',
      'api::journal.journal',
      { schoolClass: school.class5a.documentId, subject: school.math.documentId, kind: 'classroom' },
      'subject',
      /Такой журнал уже есть/,
    );
    const group = await deputy.post('/api/journals', {
      schoolClass: school.class5a.documentId,
      subject: school.math.documentId,
      kind: 'classroom',
      subgroup: '2 группа',
    });
    expect(group.status).toBe(201);
    expect(group.body.data.title).toBe('5А · Математика · 2 группа · 2025/2026');
  });

  it('holds a single pupil for home schooling', async () => {
    await expectRefused(
      deputy,
      '/api/journals',
      'api::journal.journal',
      {
        schoolClass: school.class5a.documentId,
        subject: school.math.documentId,
        kind: 'home-schooling',
        pupils: [school.pupils5a[0].documentId, school.pupils5a[1].documentId],
      },
      'pupils',
    );
    const single = await deputy.post('/api/journals', {
      schoolClass: school.class5a.documentId,
      subject: school.math.documentId,
      kind: 'home-schooling',
      pupils: [school.pupils5a[0].documentId],
      teachers: [teacherAccount.documentId],
    });
    expect(single.status).toBe(201);
    expect(single.body.data.subgroup).toBe('Иванов Иван Сергеевич');
    expect(single.body.data.title).toBe('5А · Математика · Иванов Иван Сергеевич · обучение на дому · 2025/2026');
  });

  it('lets only the named pupil into a home-schooling journal', async () => {
    const journal = await strapi.db.query('api::journal.journal').findOne({ where: { kind: 'home-schooling' } });
    const lesson = await make(strapi, 'api::lesson.lesson', { journal: journal.documentId, date: '2025-09-08', number: 1 });
    await expectRefused(
      teacher,
      '/api/marks',
      'api::mark.mark',
      { kind: 'current', journal: journal.documentId, lesson: lesson.documentId, student: school.pupils5a[1].documentId, value: '5' },
      'student',
      /не входит в список журнала/,
    );
    const own = await teacher.post('/api/marks', {
      kind: 'current',
      journal: journal.documentId,
      lesson: lesson.documentId,
      student: school.pupils5a[0].documentId,
      value: '5',
    });
    expect(own.status).toBe(201);
  });

  it('refuses a classroom journal without a class, and a club without pupils', async () => {
    await expectRefused(
      deputy,
      '/api/journals',
      'api::journal.journal',
      { subject: school.math.documentId, kind: 'classroom', academicYear: school.year.documentId },
      'schoolClass',
    );
    await expectRefused(
      deputy,
      '/api/journals',
      'api::journal.journal',
      { subject: school.math.documentId, kind: 'club', academicYear: school.year.documentId },
      'pupils',
    );
  });
});

describe('in-depth study (углублённое изучение)', () => {
  it('teaches a subject in depth to a group of the class, and keeps each pupil in one group of the subject', async () => {
    const informatics = await make(strapi, 'api::subject.subject', { name: 'Информатика' });
    const [ivanov, petrova, sidorov] = school.pupils5a;
    const group = (subgroup: string, pupils: Array<{ documentId: string }>, extra: Record<string, unknown> = {}) => ({
      schoolClass: school.class5a.documentId,
      subject: informatics.documentId,
      kind: 'classroom',
      subgroup,
      pupils: pupils.map((pupil) => pupil.documentId),
      ...extra,
    });
    expect((await deputy.post('/api/journals', group('базовая группа', [ivanov, petrova]))).status).toBe(201);
    await expectRefused(
      deputy,
      '/api/journals',
      'api::journal.journal',
      group('углублённая группа', [petrova, sidorov], { studyLevel: 'advanced' }),
      'pupils',
      /Петрова .* уже изучает этот предмет в журнале «5А · Информатика · базовая группа · 2025\/2026»/,
    );
    const advanced = await deputy.post('/api/journals', group('углублённая группа', [sidorov], { studyLevel: 'advanced' }));
    expect(advanced.status).toBe(201);
    expect(advanced.body.data).toMatchObject({
      studyLevel: 'advanced',
      title: '5А · Информатика (углублённый) · углублённая группа · 2025/2026',
    });
  });

  it('refuses an unknown level, and in-depth study in a club or an elective', async () => {
    await expectRefused(
      deputy,
      '/api/journals',
      'api::journal.journal',
      { schoolClass: school.class5a.documentId, subject: school.math.documentId, subgroup: 'гр. 7', studyLevel: 'expert' },
      'studyLevel',
    );
    await expectRefused(
      deputy,
      '/api/journals',
      'api::journal.journal',
      {
        schoolClass: school.class5a.documentId,
        subject: school.math.documentId,
        kind: 'elective',
        studyLevel: 'advanced',
      },
      'studyLevel',
      /Углублённо изучается предмет учебного плана/,
    );
  });
});

describe('school structure', () => {
  it('refuses a badly named academic year or one that ends before it starts', async () => {
    await expectRefused(
      deputy,
      '/api/academic-years',
      'api::academic-year.academic-year',
      { title: '2025-2026', startDate: '2025-09-01', endDate: '2026-08-31' },
      'title',
    );
    await expectRefused(
      deputy,
      '/api/academic-years',
      'api::academic-year.academic-year',
      { title: '2030/2031', startDate: '2030-09-01', endDate: '2030-08-31' },
      'endDate',
    );
  });

  it('refuses overlapping periods, a fifth quarter, and a period outside its year', async () => {
    const base = { academicYear: school.year.documentId, scheme: 'quarter' };
    await expectRefused(
      deputy,
      '/api/study-periods',
      'api::study-period.study-period',
      { ...base, number: 5, startDate: '2026-06-01', endDate: '2026-06-10' },
      'number',
    );
    await expectRefused(
      deputy,
      '/api/study-periods',
      'api::study-period.study-period',
      { ...base, scheme: 'trimester', number: 1, startDate: '2025-09-01', endDate: '2026-11-30' },
      'startDate',
    );
    await expectRefused(
      deputy,
      '/api/study-periods',
      'api::study-period.study-period',
      { ...base, number: 4, startDate: '2026-04-01', endDate: '2026-05-30' },
      'number',
    );
  });

  it('refuses a second class with the same grade and letter in a year', async () => {
    await expectRefused(
      deputy,
      '/api/school-classes',
      'api::school-class.school-class',
      { grade: 5, letter: 'а', academicYear: school.year.documentId },
      'letter',
      /5А/,
    );
    await expectRefused(
      deputy,
      '/api/school-classes',
      'api::school-class.school-class',
      { grade: 12, letter: 'А', academicYear: school.year.documentId },
      'grade',
    );
  });

  it('refuses to change the scale of a subject that already has marks', async () => {
    const response = await deputy.put(`/api/subjects/${school.math.documentId}`, { scale: 'pass-fail' });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0].path).toEqual(['scale']);
    const stored = await strapi.db.query('api::subject.subject').findOne({ where: { id: school.math.id } });
    expect(stored.scale).toBe('five-point');
  });
});

describe('class lists', () => {
  it('refuses an enrollment that overlaps the pupil’s current class', async () => {
    await expectRefused(
      classTeacher,
      '/api/enrollments',
      'api::enrollment.enrollment',
      { student: school.pupils5a[0].documentId, schoolClass: school.class5b.documentId, startDate: '2025-12-01' },
      'startDate',
      /числится в классе 5А/,
    );
  });

  it('moves a pupil between classes once the old enrollment ends', async () => {
    const pupil = await make(strapi, 'api::student.student', {
      lastName: 'Орлов',
      firstName: 'Илья',
      gender: 'male',
      birthDate: '2014-06-06',
    });
    const first = await make(strapi, 'api::enrollment.enrollment', {
      student: pupil.documentId,
      schoolClass: school.class5a.documentId,
      startDate: '2025-09-01',
    });
    const closed = await classTeacher.put(`/api/enrollments/${first.documentId}`, {
      endDate: '2025-11-30',
      transferOrder: '№ 77-у от 28.11.2025',
      leavingReason: 'transferred-within-school',
    });
    expect(closed.status).toBe(200);
    const moved = await classTeacher.post('/api/enrollments', {
      student: pupil.documentId,
      schoolClass: school.class5b.documentId,
      startDate: '2025-12-01',
    });
    expect(moved.status).toBe(201);
  });

  it('refuses an enrollment that ends before it starts or outside its year', async () => {
    await expectRefused(
      classTeacher,
      '/api/enrollments',
      'api::enrollment.enrollment',
      { student: school.pupil5b.documentId, schoolClass: school.class5a.documentId, startDate: '2024-09-01' },
      'startDate',
    );
    await expectRefused(
      classTeacher,
      '/api/enrollments',
      'api::enrollment.enrollment',
      { student: school.pupil5b.documentId, schoolClass: school.class5a.documentId, startDate: '2026-03-01', endDate: '2026-02-01' },
      'endDate',
    );
  });

  it('refuses a pupil born in the future and a guardian with a nonsense phone', async () => {
    await expectRefused(
      classTeacher,
      '/api/students',
      'api::student.student',
      { lastName: 'Тест', firstName: 'Тест', gender: 'male', birthDate: '2999-01-01' },
      'birthDate',
    );
    await expectRefused(
      classTeacher,
      '/api/guardians',
      'api::guardian.guardian',
      { lastName: 'Иванова', firstName: 'Ольга', kinship: 'mother', phone: 'позвонить маме' },
      'phone',
    );
  });
});
