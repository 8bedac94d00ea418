import type { Core, UID } from '@strapi/strapi';
import supertest from 'supertest';
import { adminWithActions } from '../helpers/admin';
import { useFreshArchiveLocations } from '../helpers/archive-fixture';
import { make, type MiniSchool } from '../helpers/school-fixture';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

/**
 * A corpus of bad input against every write route: the core POST, PUT and DELETE of each record
 * type, the custom writes (acknowledgment of remarks, diary confirmation, login slips), uploads and
 * the archive's admin routes. Each case must be refused with a 4xx and a message (never a 500), and
 * must leave the table it aims at — and the audit trail — exactly as they were.
 *
 * To extend it, add a line to a type's `fields` (bad values of one field, tried on create and on
 * update) or a case to one of the tables below.
 */

/** Over the JSON body limit (1 MB): the body parser refuses it before any rule. */
const ONE_MEGABYTE = 'x'.repeat(1024 * 1024);
/** Under the body limit but far over any field's length. */
const HUGE = 'Ж'.repeat(100_000);
const SQL = "'; DROP TABLE marks;--";
const SCRIPT = '<script>alert(1)</script>';
const UPLOAD_LIMIT = 256 * 1024;

let strapi: Core.Strapi;
let world: TwoClassSchool;
let adminToken: string;
/** Stored records the cases update or acknowledge, made once in beforeAll. */
const stored: Record<'attendance' | 'enrollment' | 'remark' | 'regulation' | 'diaryEntry', string> = {
  attendance: '',
  enrollment: '',
  remark: '',
  regulation: '',
  diaryEntry: '',
};

const previousUploadLimit = process.env.UPLOAD_SIZE_LIMIT;
beforeAll(async () => {
  // The upload limit is the app's own knob (config/plugins.ts); a small one keeps the oversize file small.
  process.env.UPLOAD_SIZE_LIMIT = String(UPLOAD_LIMIT);
  strapi = await bootStrapi();
  if (previousUploadLimit === undefined) delete process.env.UPLOAD_SIZE_LIMIT;
  else process.env.UPLOAD_SIZE_LIMIT = previousUploadLimit;
  useFreshArchiveLocations(strapi);
  world = await buildTwoClasses(strapi);
  // An archivist admin holding every write action of the archive's admin routes.
  adminToken = await adminWithActions(
    strapi,
    'archivist@school.test',
    [
      'periods.close',
      'school-years.archive',
      'fixity.run',
      'backup.create',
      'disposition.draft',
      'disposition.approve',
      'disposition.execute',
      'legal-hold.manage',
      'paper-archive.manage',
      'paper-archive.sign',
    ].map((action) => `plugin::records-archive.${action}`),
  );
  stored.attendance = (
    await make(strapi, 'api::attendance.attendance', {
      student: school.pupils5a[2].documentId,
      lesson: school.lessons[0].documentId,
      kind: 'absent',
    })
  ).documentId;
  const enrollment = await strapi.db
    .query('api::enrollment.enrollment')
    .findOne({ where: { student: { id: school.pupil1a.id } }, select: ['documentId'] });
  stored.enrollment = enrollment.documentId as string;
  stored.remark = (
    await make(strapi, 'api::journal-remark.journal-remark', {
      journal: school.mathJournal.documentId,
      inspectedOn: '2025-10-01',
      remarks: 'Заполнить домашние задания.',
    })
  ).documentId;
  stored.regulation = (await make(strapi, 'api::regulation.regulation', { title: 'Положение (проект)', body: 'Текст' })).documentId;
  stored.diaryEntry = (
    await make(strapi, 'api::diary-entry.diary-entry', {
      student: school.pupils5a[0].documentId,
      journal: school.mathJournal.documentId,
      kind: 'praise',
      text: 'Молодец',
      date: '2025-09-03',
      author: world.teacherA.id,
    })
  ).documentId;
});
afterAll(() => stopStrapi(strapi));

/** A portfolio entry and a reward of pupil Иванов (5А) the cases change, and Кузнецов's (5Б) entry. */
const portfolio = { entry: '', reward: '', otherPupilsEntry: '' };
beforeAll(async () => {
  const olympiad = {
    student: school.pupils5a[0].documentId,
    title: 'Школьный этап олимпиады по математике',
    kind: 'olympiad',
    level: 'school',
    result: 'winner',
    place: 1,
    date: '2025-10-15',
    subject: school.math.documentId,
  };
  portfolio.entry = (await make(strapi, 'api::portfolio-entry.portfolio-entry', olympiad)).documentId;
  portfolio.otherPupilsEntry = (
    await make(strapi, 'api::portfolio-entry.portfolio-entry', { ...olympiad, student: school.pupil5b.documentId })
  ).documentId;
  portfolio.reward = (
    await make(strapi, 'api::reward.reward', {
      student: school.pupils5a[0].documentId,
      kind: 'diploma',
      reason: 'За победу в олимпиаде',
      date: '2025-10-30',
      achievements: [portfolio.entry],
    })
  ).documentId;
});

/** An external assessment result and special conditions of pupil Иванов (5А) the cases change. */
const wholePupil = { assessment: '', condition: '' };
beforeAll(async () => {
  wholePupil.assessment = (
    await make(strapi, 'api::external-assessment.external-assessment', {
      kind: 'vpr',
      title: 'ВПР по математике, 5 класс',
      date: '2026-04-15',
      subject: school.math.documentId,
      student: school.pupils5a[0].documentId,
      score: 12,
      maxScore: 20,
      mark: 3,
    })
  ).documentId;
  wholePupil.condition = (
    await make(strapi, 'api::special-condition.special-condition', {
      student: school.pupils5a[0].documentId,
      commissionDate: '2025-06-10',
      commissionNumber: 'ПМПК № 145',
      conditions: 'Дополнительное время на контрольных работах',
    })
  ).documentId;
});

/** The fixture's school, read when a case runs (the cases are listed before beforeAll builds it). */
const school = new Proxy({} as MiniSchool, { get: (_target, key) => world.school[key as keyof MiniSchool] });

/** A value known only once the fixture exists (an account's id). */
class Later {
  constructor(readonly read: () => unknown) {}
}
const resolve = (value: unknown): unknown => (value instanceof Later ? value.read() : value);

type Caller = 'public' | 'teacherA' | 'teacherB' | 'classTeacherB' | 'deputy' | 'director' | 'secretary' | 'parentA' | 'pupilA' | 'admin';

const LABELS: Record<Caller, string> = {
  public: 'a visitor’s',
  teacherA: 'a teacher’s',
  teacherB: 'another teacher’s',
  classTeacherB: 'a class teacher’s',
  deputy: 'the deputy director’s',
  director: 'the director’s',
  secretary: 'the secretary’s',
  parentA: 'a parent’s',
  pupilA: 'a pupil’s',
  admin: 'an admin’s',
};

const bearerOf = (who: Caller): string | undefined => {
  if (who === 'public') return undefined;
  if (who === 'admin') return adminToken;
  if (who === 'teacherA' || who === 'teacherB' || who === 'classTeacherB') return world[who].jwt;
  return world.accounts[who].jwt;
};

/** A body the case sends: JSON (`json`), raw text as JSON (`raw`), a multipart upload, or nothing. */
type Body = { json: unknown } | { raw: string; type?: string } | { upload: { bytes: number; fileInfo?: string } | null } | { none: true };

interface BadCase {
  /** The behaviour, read as a sentence: "a teacher's mark with a huge value string". */
  name: string;
  who: Caller;
  method: 'post' | 'put' | 'delete';
  url: () => string;
  body: () => Body;
  /** The table the write aims at: its row count (and `row`, if given) must not change. */
  table: UID.Schema;
  /** The documentId of the row an update, delete or acknowledgment aims at. */
  row?: () => string;
  /** The status it must get; 400 unless told. */
  status?: number;
  /** Field paths the refusal must name (error.details.errors[].path). */
  paths?: string[];
}

const data = (value: unknown): Body => ({ json: { data: value } });

/** Everything of the row, its relations as ids, so that a changed link shows too. */
const rowState = async (uid: UID.Schema, documentId: string): Promise<unknown> => {
  const attributes = strapi.getModel(uid).attributes as Record<string, { type: string }>;
  const populate = Object.fromEntries(
    Object.entries(attributes)
      .filter(([, attribute]) => attribute.type === 'relation' || attribute.type === 'media')
      .map(([name]) => [name, { select: ['id'] }]),
  );
  return strapi.db.query(uid).findMany({ where: { documentId }, populate });
};

const snapshot = async (badCase: BadCase) => ({
  rows: await strapi.db.query(badCase.table).count({}),
  row: badCase.row ? await rowState(badCase.table, badCase.row()) : null,
  audit: await strapi.db.query('api::audit-entry.audit-entry').count({}),
});

const send = (badCase: BadCase) => {
  const agent = supertest(strapi.server.httpServer);
  let request = agent[badCase.method](badCase.url());
  const bearer = bearerOf(badCase.who);
  if (bearer) request = request.set('Authorization', `Bearer ${bearer}`);
  const body = badCase.body();
  if ('json' in body) return request.send(body.json as object);
  if ('raw' in body) return request.set('Content-Type', body.type ?? 'application/json').send(body.raw);
  if ('upload' in body) {
    if (!body.upload) return request.field('fileInfo', '{}');
    request = request.attach('files', Buffer.alloc(body.upload.bytes, 7), { filename: 'scan.pdf', contentType: 'application/pdf' });
    return body.upload.fileInfo === undefined ? request : request.field('fileInfo', body.upload.fileInfo);
  }
  return request;
};

const expectRefused = async (badCase: BadCase) => {
  const before = await snapshot(badCase);
  const response = await send(badCase);
  const expected = badCase.status ?? 400;
  if (response.status !== expected) {
    throw new Error(`Expected ${expected}, got ${response.status}: ${JSON.stringify(response.body).slice(0, 600)}`);
  }
  expect(typeof response.body?.error?.message).toBe('string');
  expect(response.body.error.message.length).toBeGreaterThan(0);
  if (badCase.paths) {
    const errors = (response.body.error.details?.errors ?? []) as Array<{ path: Array<string | number> }>;
    const paths = errors.map((error) => error.path.join('.'));
    if (!badCase.paths.every((path) => paths.includes(path))) {
      throw new Error(`Expected the paths ${badCase.paths.join(', ')}: ${JSON.stringify(response.body.error)}`);
    }
  }
  expect(await snapshot(badCase)).toEqual(before);
};

/* ------------------------------------------------------------------------------------------------ */
/* The record types: a good body, a stored record the writer may change, and bad values per field. */

type FieldCase = [field: string, value: unknown, problem: string, paths?: string[]];

interface TypeSpec {
  /** `/api/<plural>` */
  plural: string;
  uid: UID.ContentType;
  /** "mark", for test names. */
  label: string;
  /** A role that may write this type (for its own rows). */
  writer: Caller;
  /** A body the writer's create accepts (checked at the end of the file). */
  good: () => Record<string, unknown>;
  /** A stored record the writer may update. */
  existing: () => string;
  fields: FieldCase[];
}

const badDates = (field: string): FieldCase[] => [
  [field, '2025-13-45', `with the impossible date 2025-13-45 as ${field}`, [field]],
  [field, '2025-02-30', `with 30 February as ${field}`, [field]],
  [field, 'yesterday', `with «yesterday» as ${field}`, [field]],
  [field, 20250901, `with a number as ${field}`, [field]],
  [field, { year: 2025, month: 9, day: 1 }, `with an object as ${field}`, [field]],
  [field, ['2025-09-01'], `with an array as ${field}`, [field]],
  [field, SQL, `with an SQL injection as ${field}`, [field]],
];

const badRelations = (field: string, label = field): FieldCase[] => [
  [field, 999_999, `naming a ${label} id that does not exist`, [field]],
  [field, 'nosuchdocument0000000000', `naming a ${label} documentId that does not exist`, [field]],
  [field, SQL, `with an SQL injection as ${label}`, [field]],
  [field, { id: { $gt: 0 } }, `with a filter operator as ${label}`, [field]],
  [field, { connect: [{ documentId: 'nosuchdocument0000000000' }] }, `connecting a ${label} that does not exist`, [field]],
];

const badTexts = (field: string, paths: string[] | undefined = [field]): FieldCase[] => [
  [field, 12345, `with a number as ${field}`, paths],
  [field, { $ne: '' }, `with an object as ${field}`, paths],
  [field, ['a', 'b'], `with an array as ${field}`, paths],
  [field, HUGE, `with a huge ${field} string`, paths],
];

const TYPES = (): TypeSpec[] => {
  return [
    {
      plural: 'academic-years',
      uid: 'api::academic-year.academic-year',
      label: 'academic year',
      writer: 'deputy',
      good: () => ({ title: '2026/2027', startDate: '2026-09-01', endDate: '2027-08-31', state: 'planned' }),
      existing: () => school.year.documentId,
      fields: [
        ...badTexts('title'),
        ['title', SQL, 'with an SQL injection as title', ['title']],
        ['title', SCRIPT, 'with a script tag as title', ['title']],
        ...badDates('startDate'),
        ...badDates('endDate'),
        ['state', 'archived', 'with an unknown state', ['state']],
        ['state', { $ne: 'x' }, 'with an object as state', ['state']],
      ],
    },
    {
      plural: 'study-periods',
      uid: 'api::study-period.study-period',
      label: 'study period',
      writer: 'deputy',
      good: () => ({
        academicYear: school.year.documentId,
        scheme: 'trimester',
        number: 1,
        startDate: '2025-09-01',
        endDate: '2025-11-30',
      }),
      existing: () => school.quarters[3].documentId,
      fields: [
        ...badRelations('academicYear', 'academic year'),
        ['scheme', 'week', 'with an unknown scheme', ['scheme']],
        ['scheme', 'constructor', 'with «constructor» as scheme', ['scheme']],
        ['scheme', 12, 'with a number as scheme', ['scheme']],
        ['number', 'один', 'with a word as number', ['number']],
        ['number', 1.5, 'with a fraction as number', ['number']],
        ['number', { $gt: 0 }, 'with an object as number', ['number']],
        ['number', [1, 2], 'with an array as number', ['number']],
        ['number', 99, 'with number 99', ['number']],
        ...badDates('startDate'),
        ...badDates('endDate'),
        ['state', 'closed', 'closing itself by a plain write', ['state']],
      ],
    },
    {
      plural: 'subjects',
      uid: 'api::subject.subject',
      label: 'subject',
      writer: 'deputy',
      good: () => ({ name: 'Физика', shortName: 'Физ', scale: 'five-point' }),
      existing: () => school.russian.documentId,
      fields: [
        ...badTexts('name'),
        ['name', '   ', 'with a blank name', ['name']],
        ...badTexts('shortName'),
        ['scale', 'ten-point', 'with an unknown scale', ['scale']],
        ['scale', ['five-point'], 'with an array as scale', ['scale']],
        ['sortOrder', 'first', 'with a word as sort order', ['sortOrder']],
      ],
    },
    {
      plural: 'school-classes',
      uid: 'api::school-class.school-class',
      label: 'class',
      writer: 'deputy',
      good: () => ({ grade: 6, letter: 'В', academicYear: school.year.documentId }),
      existing: () => school.class1a.documentId,
      fields: [
        ['grade', 'пятый', 'with a word as grade', ['grade']],
        ['grade', 12, 'with grade 12', ['grade']],
        ['grade', { $gt: 0 }, 'with an object as grade', ['grade']],
        ['letter', 7, 'with a number as letter', ['letter']],
        ['letter', SQL, 'with an SQL injection as letter', ['letter']],
        ['letter', SCRIPT, 'with a script tag as letter', ['letter']],
        ['letter', HUGE, 'with a huge letter string', ['letter']],
        ...badRelations('academicYear', 'academic year'),
        ...badTexts('profile'),
      ],
    },
    {
      plural: 'students',
      uid: 'api::student.student',
      label: 'pupil',
      writer: 'secretary',
      good: () => ({ lastName: 'Орлов', firstName: 'Игорь', gender: 'male', birthDate: '2014-01-01' }),
      existing: () => school.newcomer.documentId,
      fields: [
        ...badTexts('lastName'),
        ...badTexts('firstName'),
        ...badTexts('patronymic'),
        ['lastName', '', 'with an empty last name', ['lastName']],
        ['gender', 'unknown', 'with an unknown gender', ['gender']],
        ['gender', 1, 'with a number as gender', ['gender']],
        ...badDates('birthDate'),
        ['birthDate', '2999-01-01', 'born in 2999', ['birthDate']],
      ],
    },
    {
      plural: 'enrollments',
      uid: 'api::enrollment.enrollment',
      label: 'enrollment',
      writer: 'secretary',
      good: () => ({ student: school.newcomer.documentId, schoolClass: school.class5b.documentId, startDate: '2025-09-15' }),
      existing: () => stored.enrollment,
      fields: [
        ...badRelations('student', 'pupil'),
        ...badRelations('schoolClass', 'class'),
        ...badDates('startDate'),
        ...badDates('endDate'),
        ...badTexts('admissionOrder'),
        ['leavingReason', 'eloped', 'with an unknown leaving reason', ['leavingReason']],
      ],
    },
    {
      plural: 'guardians',
      uid: 'api::guardian.guardian',
      label: 'guardian',
      writer: 'secretary',
      good: () => ({ lastName: 'Орлова', firstName: 'Нина', kinship: 'mother', children: [school.newcomer.documentId] }),
      existing: () => world.guardianA.documentId,
      fields: [
        ...badTexts('lastName'),
        ...badTexts('firstName'),
        ...badTexts('phone'),
        ['phone', SQL, 'with an SQL injection as phone', ['phone']],
        ['phone', SCRIPT, 'with a script tag as phone', ['phone']],
        ['kinship', 'neighbour', 'with an unknown kinship', ['kinship']],
        ['email', 'not-an-email', 'with a malformed e-mail', ['email']],
        ['email', 42, 'with a number as e-mail', ['email']],
        ['children', [999_999], 'naming a child who does not exist', ['children']],
        ['children', ['nosuchdocument0000000000'], 'naming a child documentId that does not exist', ['children']],
        ['children', SQL, 'with an SQL injection as children', ['children']],
      ],
    },
    {
      plural: 'journals',
      uid: 'api::journal.journal',
      label: 'journal',
      writer: 'deputy',
      good: () => ({ schoolClass: school.class5b.documentId, subject: school.russian.documentId, kind: 'classroom' }),
      existing: () => school.peJournal.documentId,
      fields: [
        ['kind', 'seminar', 'with an unknown kind', ['kind']],
        ['kind', '__proto__', 'with «__proto__» as kind', ['kind']],
        ['kind', 7, 'with a number as kind', ['kind']],
        ...badRelations('subject'),
        ...badRelations('schoolClass', 'class'),
        ['pupils', [999_999], 'naming a pupil who does not exist', ['pupils']],
        ['subgroup', HUGE, 'with a huge subgroup string', ['subgroup']],
        ['subgroup', { $ne: '' }, 'with an object as subgroup', ['subgroup']],
        ['studyLevel', 'expert', 'with an unknown level of study', ['studyLevel']],
        ['studyLevel', 3, 'with a number as level of study', ['studyLevel']],
      ],
    },
    {
      plural: 'lessons',
      uid: 'api::lesson.lesson',
      label: 'lesson',
      writer: 'teacherA',
      good: () => ({ journal: school.mathJournal.documentId, date: '2025-09-10', number: 4, topic: 'Натуральные числа' }),
      existing: () => school.lessons[2].documentId,
      fields: [
        ...badRelations('journal'),
        ...badDates('date'),
        ['date', '2031-09-10', 'dated outside its academic year', ['date']],
        ['number', 'второй', 'with a word as number', ['number']],
        ['number', { $gt: 0 }, 'with an object as number', ['number']],
        ['number', [1, 2], 'with an array as number', ['number']],
        ['number', 2.5, 'with a fraction as number', ['number']],
        ...badTexts('topic'),
        ['homework', HUGE, 'with a huge homework string', ['homework']],
        ['workType', 'nap', 'with an unknown work type', ['workType']],
        ['assessmentSpec', 'Дроби, 5 заданий', 'with a specification on a lesson that is not a control work', ['assessmentSpec']],
        ['assessmentSpec', { $ne: '' }, 'with an object as specification', ['assessmentSpec']],
        ['plannedSuccessRate', 120, 'with a planned success rate above 100 %', ['plannedSuccessRate']],
        ['plannedSuccessRate', 'восемьдесят', 'with a word as planned success rate', ['plannedSuccessRate']],
        ['plannedQualityRate', -5, 'with a negative planned quality rate', ['plannedQualityRate']],
        ['plannedQualityRate', [50], 'with an array as planned quality rate', ['plannedQualityRate']],
        ['plannedResults', HUGE, 'with huge planned results', ['plannedResults']],
        ['maxPoints', 20, 'with a maximum of points on a lesson that is not a control work', ['maxPoints']],
        ['maxPoints', 'двадцать', 'with a word as maximum of points', ['maxPoints']],
        ['basicFromPoints', 8, 'with a basic threshold alone', ['advancedFromPoints']],
        ['advancedFromPoints', { $gt: 1 }, 'with an object as advanced threshold', ['advancedFromPoints']],
        ['materials', [999_999], 'attaching a file that does not exist'],
      ],
    },
    {
      plural: 'marks',
      uid: 'api::mark.mark',
      label: 'mark',
      writer: 'teacherA',
      good: () => ({
        kind: 'current',
        journal: school.mathJournal.documentId,
        lesson: school.lessons[1].documentId,
        student: school.pupils5a[2].documentId,
        value: '4',
      }),
      existing: () => world.markA.documentId,
      fields: [
        ['points', 12, 'with points on a lesson that is not a control work with a maximum', ['points']],
        ['points', 'двенадцать', 'with a word as points', ['points']],
        ['points', -1, 'with negative points', ['points']],
        ['value', HUGE, 'with a huge value string', ['value']],
        ['value', SQL, 'with an SQL injection as value', ['value']],
        ['value', SCRIPT, 'with a script tag as value', ['value']],
        ['value', { $ne: '' }, 'with an object as value', ['value']],
        ['value', ['5'], 'with an array as value', ['value']],
        ['value', 5.5, 'with 5.5 as value', ['value']],
        ['value', 'constructor', 'with «constructor» as value', ['value']],
        ['kind', 'bonus', 'with an unknown kind', ['kind']],
        ['kind', 'toString', 'with «toString» as kind', ['kind']],
        ...badRelations('student', 'pupil'),
        ...badRelations('lesson'),
        ...badRelations('journal'),
        ['weight', 'heavy', 'with a word as weight', ['weight']],
        ['weight', { $gt: 0 }, 'with an object as weight', ['weight']],
        ['comment', HUGE, 'with a huge comment string', ['comment']],
        ['workType', 'nap', 'with an unknown work type', ['workType']],
        ['setBy', new Later(() => world.teacherB.id), 'claiming another teacher set it'],
      ],
    },
    {
      plural: 'attendances',
      uid: 'api::attendance.attendance',
      label: 'absence',
      writer: 'teacherA',
      good: () => ({ student: school.pupils5a[1].documentId, lesson: school.lessons[1].documentId, kind: 'ill' }),
      existing: () => stored.attendance,
      fields: [
        ...badRelations('student', 'pupil'),
        ...badRelations('lesson'),
        ['kind', 'truant', 'with an unknown kind', ['kind']],
        ['kind', ['absent'], 'with an array as kind', ['kind']],
        ['minutesLate', 'ten', 'with a word as minutes late', ['minutesLate']],
        ['minutesLate', { $gt: 0 }, 'with an object as minutes late', ['minutesLate']],
        ['comment', HUGE, 'with a huge comment string', ['comment']],
      ],
    },
    {
      plural: 'journal-remarks',
      uid: 'api::journal-remark.journal-remark',
      label: 'journal inspection',
      writer: 'deputy',
      good: () => ({
        journal: school.mathJournal.documentId,
        inspectedOn: '2025-10-01',
        findings: 'Отметки выставлены не у всех.',
        fixBy: '2025-10-10',
      }),
      existing: () => stored.remark,
      fields: [
        ...badRelations('journal'),
        ...badDates('inspectedOn'),
        ...badDates('fixBy'),
        ...badTexts('findings'),
        ...badTexts('remarks'),
        ['state', 'closed', 'with an unknown state', ['state']],
        ['state', { $ne: 'open' }, 'with an object as state', ['state']],
      ],
    },
    {
      plural: 'diary-entries',
      uid: 'api::diary-entry.diary-entry',
      label: 'diary entry',
      writer: 'teacherA',
      good: () => ({
        student: school.pupils5a[1].documentId,
        journal: school.mathJournal.documentId,
        kind: 'wish',
        text: 'Повторить таблицу умножения',
        date: '2025-09-03',
      }),
      existing: () => stored.diaryEntry,
      fields: [
        ...badRelations('student'),
        ...badRelations('journal'),
        ...badDates('date'),
        ['date', '2999-09-01', 'dated in the future', ['date']],
        ...badTexts('text'),
        ['text', '   ', 'with a blank text', ['text']],
        ['kind', 'scold', 'with an unknown kind', ['kind']],
        ['kind', { $ne: 'remark' }, 'with an object as kind', ['kind']],
      ],
    },
    {
      plural: 'regulations',
      uid: 'api::regulation.regulation',
      label: 'regulation edition',
      writer: 'deputy',
      good: () => ({ title: 'Положение о текущем контроле', body: 'Текст положения' }),
      existing: () => stored.regulation,
      fields: [
        ...badTexts('title'),
        ['editionNumber', 'второй', 'with a word as edition number', ['editionNumber']],
        ['editionNumber', { $gt: 0 }, 'with an object as edition number', ['editionNumber']],
        ['state', 'superseded', 'superseded by a plain write', ['state']],
        ['state', 'void', 'with an unknown state', ['state']],
        ...badDates('directorOrderDate'),
        ...badDates('effectiveDate'),
        ['directorOrderNumber', HUGE, 'with a huge order number string', ['directorOrderNumber']],
      ],
    },
    {
      plural: 'portfolio-entries',
      uid: 'api::portfolio-entry.portfolio-entry',
      label: 'portfolio entry',
      writer: 'deputy',
      good: () => ({
        student: school.pupils5a[1].documentId,
        title: 'Городской конкурс исследовательских работ',
        kind: 'research',
        level: 'municipal',
        result: 'prize-winner',
        place: 2,
        date: '2025-12-10',
        organiser: 'Управление образования',
        area: 'экология',
      }),
      existing: () => portfolio.entry,
      fields: [
        ...badRelations('student', 'pupil'),
        ...badTexts('title'),
        ['title', '   ', 'with a blank title', ['title']],
        ['kind', 'hobby', 'with an unknown kind', ['kind']],
        ['kind', { $ne: '' }, 'with an object as kind', ['kind']],
        ['level', 'galactic', 'with an unknown level', ['level']],
        ['result', 'champion', 'with an unknown result', ['result']],
        ['result', ['winner'], 'with an array as result', ['result']],
        ['place', 'первое', 'with a word as place', ['place']],
        ['place', 1.5, 'with a fraction as place', ['place']],
        ['place', { $gt: 0 }, 'with an object as place', ['place']],
        ['place', 0, 'with place 0', ['place']],
        ...badDates('date'),
        ['date', '2999-01-01', 'dated in the future', ['date']],
        ...badTexts('organiser'),
        ...badTexts('area'),
        ...badRelations('subject'),
        ['source', 'home', 'with an unknown source', ['source']],
        ['source', 'other-organisation', 'from another organisation without the family’s wish', ['addedAtFamilyRequest']],
        ['addedAtFamilyRequest', 'yes', 'with a word as the family’s wish', ['addedAtFamilyRequest']],
        ['confirmed', 'yes', 'with a word as confirmed', ['confirmed']],
        ['reviewState', 'returned', 'setting its review state through the body', ['reviewState']],
        ['reviewState', 'void', 'with an unknown review state', ['reviewState']],
        ['reviewRemark', 'Всё верно', 'writing the reviewer’s remark through the body', ['reviewRemark']],
        ['reviewedAt', '2025-12-31T10:00:00.000Z', 'setting the review time through the body', ['reviewedAt']],
        ...badDates('handedOverOn'),
        ['handedOverOn', '2999-01-01', 'handed over in the future', ['handedOverOn']],
        ['handedOverTo', 'Иванова О. С.', 'handed over to someone on no date', ['handedOverOn']],
        ...badTexts('handedOverTo'),
        ['evidence', [999_999], 'attaching a file that does not exist'],
      ],
    },
    {
      plural: 'rewards',
      uid: 'api::reward.reward',
      label: 'reward',
      writer: 'deputy',
      good: () => ({
        student: school.pupils5a[0].documentId,
        kind: 'letter-of-thanks',
        reason: 'За активное участие в жизни класса',
        date: '2025-12-25',
        orderNumber: '№ 120-о от 25.12.2025',
      }),
      existing: () => portfolio.reward,
      fields: [
        ...badRelations('student', 'pupil'),
        ['kind', 'medal', 'with an unknown kind', ['kind']],
        ['kind', ['gift'], 'with an array as kind', ['kind']],
        ...badTexts('reason'),
        ['reason', '   ', 'with a blank reason', ['reason']],
        ...badDates('date'),
        ['date', '2999-01-01', 'dated in the future', ['date']],
        ...badTexts('orderNumber'),
        ['achievements', [999_999], 'naming an achievement that does not exist', ['achievements']],
        ['achievements', SQL, 'with an SQL injection as achievements', ['achievements']],
        ['achievements', { id: { $gt: 0 } }, 'with a filter operator as achievements', ['achievements']],
        ['achievements', [true], 'with true as an achievement', ['achievements']],
        ['reviewState', 'returned', 'setting its review state through the body', ['reviewState']],
        ['reviewRemark', { $ne: '' }, 'with an object as the reviewer’s remark', ['reviewRemark']],
        ['reviewedAt', 'вчера', 'setting the review time through the body', ['reviewedAt']],
        ['achievements', new Later(() => [portfolio.otherPupilsEntry]), 'naming another pupil’s achievement', ['achievements']],
      ],
    },
    {
      plural: 'external-assessments',
      uid: 'api::external-assessment.external-assessment',
      label: 'external assessment result',
      writer: 'deputy',
      good: () => ({
        kind: 'regional',
        title: 'Региональная диагностика по математике',
        date: '2026-02-10',
        subject: school.math.documentId,
        student: school.pupils5a[1].documentId,
        score: 14,
        maxScore: 20,
        mark: 4,
        level: 'повышенный',
      }),
      existing: () => wholePupil.assessment,
      fields: [
        ...badRelations('student', 'pupil'),
        ...badRelations('subject'),
        ['kind', 'exam', 'with an unknown kind', ['kind']],
        ['kind', ['vpr'], 'with an array as kind', ['kind']],
        ...badTexts('title'),
        ['title', '   ', 'with a blank title', ['title']],
        ...badDates('date'),
        ['date', '2999-01-01', 'dated in the future', ['date']],
        ['mark', 6, 'with mark 6', ['mark']],
        ['mark', 1, 'with mark 1', ['mark']],
        ['mark', 3.5, 'with a fraction as mark', ['mark']],
        ['mark', 'пять', 'with a word as mark', ['mark']],
        ['mark', { $gt: 0 }, 'with an object as mark', ['mark']],
        ['score', -1, 'with a negative score', ['score']],
        ['score', 'много', 'with a word as score', ['score']],
        ['score', 25, 'with a score above the maximum', ['score']],
        ['maxScore', 0, 'with a zero maximum', ['maxScore']],
        ...badTexts('level'),
      ],
    },
    {
      plural: 'special-conditions',
      uid: 'api::special-condition.special-condition',
      label: 'special-conditions record',
      writer: 'deputy',
      good: () => ({
        student: school.pupil5b.documentId,
        commissionDate: '2025-08-20',
        commissionNumber: 'ПМПК № 201',
        conditions: 'Обучение на дому',
        diagnosis: 'G80',
        validUntil: '2026-08-31',
      }),
      existing: () => wholePupil.condition,
      fields: [
        ...badRelations('student', 'pupil'),
        ...badDates('commissionDate'),
        ['commissionDate', '2999-01-01', 'dated in the future', ['commissionDate']],
        ...badDates('validUntil'),
        ['validUntil', '2020-01-01', 'valid until before the commission', ['validUntil']],
        ...badTexts('commissionNumber'),
        ...badTexts('conditions'),
        ['conditions', '   ', 'with blank conditions', ['conditions']],
        ...badTexts('diagnosis'),
      ],
    },
    {
      plural: 'parent-meetings',
      uid: 'api::parent-meeting.parent-meeting',
      label: 'parents’ meeting',
      writer: 'classTeacherB',
      good: () => ({
        schoolClass: school.class5b.documentId,
        date: '2025-10-15',
        topic: 'Итоги первой четверти',
        attendees: [world.guardianB.documentId],
      }),
      existing: () => parentMeeting.documentId,
      fields: [
        ...badRelations('schoolClass', 'class'),
        ...badDates('date'),
        ['date', '2024-09-10', 'dated outside the class’s school year', ['date']],
        ...badTexts('topic'),
        ['topic', '   ', 'with a blank topic', ['topic']],
        ['topic', 'Т'.repeat(301), 'with a topic over 300 characters', ['topic']],
        ...badTexts('minutes'),
        ['assessmentRulesPresented', 'да', 'with a word as «rules presented»', ['assessmentRulesPresented']],
        ['attendees', ['nosuchdocument0000000000'], 'with an attendee who does not exist', ['attendees']],
        ['kind', 'chat', 'with an unknown kind', ['kind']],
        ['kind', { $ne: 'class' }, 'with an object as kind', ['kind']],
        ...badRelations('student', 'pupil'),
        ...badTexts('participants'),
        ...badTexts('decisions'),
        ...badDates('followUpOn'),
        ['followUpOn', '2025-09-01', 'with the next meeting before this one', ['followUpOn']],
      ],
    },
    {
      plural: 'results-requests',
      uid: 'api::results-request.results-request',
      label: 'results request',
      writer: 'secretary',
      good: () => ({
        receivedOn: '2026-10-05',
        student: school.pupils5a[0].documentId,
        guardian: world.guardianA.documentId,
        form: 'written',
        request: 'Выписка отметок за первую четверть',
      }),
      existing: () => resultsRequest.documentId,
      fields: [
        ...badRelations('student', 'pupil'),
        ...badRelations('guardian'),
        ...badDates('receivedOn'),
        ['receivedOn', '2999-01-01', 'received in the future', ['receivedOn']],
        ['requesterKind', 'neighbour', 'with an unknown requester', ['requesterKind']],
        ['form', 'telepathy', 'with an unknown form', ['form']],
        ['form', { $ne: '' }, 'with an object as form', ['form']],
        ...badTexts('request'),
        ['request', '   ', 'with a blank request', ['request']],
        ...badDates('issuedOn'),
        ['issuedOn', '2026-01-01', 'answered before the request', ['issuedOn']],
        ...badTexts('issued'),
        ...badTexts('refusalReason'),
        ['number', 'первый', 'with a word as number', ['number']],
      ],
    },
    {
      plural: 'work-programmes',
      uid: 'api::work-programme.work-programme',
      label: 'work programme',
      writer: 'teacherA',
      good: () => ({
        journal: school.mathJournal.documentId,
        title: 'Рабочая программа по математике',
        hoursPerYear: 34,
        plan: [{ topic: 'Натуральные числа', lessons: 4 }],
      }),
      existing: () => programmeRecords.programme,
      fields: [
        ...badRelations('journal'),
        ...badTexts('title'),
        ['title', '   ', 'with a blank title', ['title']],
        ['hoursPerYear', 'много', 'with a word as hours per year', ['hoursPerYear']],
        ['hoursPerYear', 0, 'with no hours per year', ['hoursPerYear']],
        ['hoursPerYear', 1.5, 'with a fraction as hours per year', ['hoursPerYear']],
        ['hoursPerYear', { $gt: 0 }, 'with an object as hours per year', ['hoursPerYear']],
        ['plan', 'Натуральные числа', 'with a string as the thematic plan', ['plan']],
        ['plan', [42], 'with a number as a topic of the plan', ['plan']],
        ['plan', [{ topic: '   ', lessons: 2 }], 'with a blank topic in the plan', ['plan']],
        ['plan', [{ topic: 'Дроби', lessons: -1 }], 'with a negative number of lessons in the plan', ['plan']],
        ['plan', [{ topic: 'Дроби', lessons: '4' }], 'with lessons as a string in the plan', ['plan']],
        ['plan', [{ topic: HUGE, lessons: 1 }], 'with a huge topic in the plan', ['plan']],
        ['plan', [{ topic: 'Дроби', lessons: 100 }], 'with a plan longer than the hours per year', ['plan']],
        ['approvedOn', '2025-08-29', 'marked approved by the teacher', ['approvedOn']],
        ...badDates('approvedOn'),
        ...badTexts('approvalDocument', ['approvalDocument']),
      ],
    },
    {
      plural: 'assessment-materials',
      uid: 'api::assessment-material.assessment-material',
      label: 'assessment material (КИМ)',
      writer: 'teacherA',
      good: () => ({
        title: 'Контрольная работа «Дроби»',
        subject: school.math.documentId,
        grade: 5,
        kind: 'control-work',
        tasks: [
          { number: 1, checks: 'Сложение дробей', maxPoints: 6, level: 'basic' },
          { number: 2, checks: 'Задача на дроби', maxPoints: 6, level: 'advanced' },
        ],
        maxPoints: 12,
        basicFromPoints: 5,
        advancedFromPoints: 9,
      }),
      existing: () => programmeRecords.material,
      fields: [
        ...badRelations('subject'),
        ...badRelations('academicYear', 'school year'),
        ...badRelations('previousVersion', 'previous version'),
        ...badTexts('title'),
        ['title', '   ', 'with a blank title', ['title']],
        ['grade', 0, 'with grade 0', ['grade']],
        ['grade', 12, 'with grade 12', ['grade']],
        ['grade', 'пятый', 'with a word as grade', ['grade']],
        ['grade', 5.5, 'with a fraction as grade', ['grade']],
        ['kind', 'exam', 'with an unknown kind of work', ['kind']],
        ...badTexts('specification'),
        ['tasks', 'Задание 1', 'with a string as the tasks', ['tasks']],
        ['tasks', [42], 'with a number as a task', ['tasks']],
        ['tasks', [{ number: 1, maxPoints: -1 }], 'with a negative maximum of a task', ['tasks.0.maxPoints']],
        ['tasks', [{ number: 1, maxPoints: '12' }], 'with a string as the maximum of a task', ['tasks.0.maxPoints']],
        ['tasks', [{ number: 1, maxPoints: 12, level: 'expert' }], 'with an unknown level of a task', ['tasks.0.level']],
        [
          'tasks',
          [
            { number: 1, maxPoints: 6 },
            { number: 1, maxPoints: 6 },
          ],
          'with two tasks of the same number',
          ['tasks.1.number'],
        ],
        ['tasks', [{ number: 1, checks: HUGE, maxPoints: 12 }], 'with a huge planned result of a task', ['tasks.0.checks']],
        ['maxPoints', 10, 'with a maximum that is not the sum of the tasks', ['maxPoints']],
        ['maxPoints', 'много', 'with a word as the maximum', ['maxPoints']],
        ['basicFromPoints', 10, 'with the basic threshold above the advanced one', ['basicFromPoints']],
        ['advancedFromPoints', 13, 'with the advanced threshold above the maximum', ['advancedFromPoints']],
        ['approved', true, 'approved by the teacher', ['approved']],
        ['approved', 'да', 'with a word as approval', ['approved']],
      ],
    },
    {
      plural: 'journal-checks',
      uid: 'api::journal-check.journal-check',
      label: 'planned journal check',
      writer: 'deputy',
      good: () => ({ journal: school.mathJournal.documentId, plannedOn: '2025-10-01', purpose: 'Своевременность записи тем уроков' }),
      existing: () => programmeRecords.check,
      fields: [
        ...badRelations('journal'),
        ...badRelations('schoolClass', 'class'),
        ...badRelations('inspector'),
        ...badRelations('remark'),
        ...badDates('plannedOn'),
        ...badTexts('purpose'),
        ['purpose', '   ', 'with a blank purpose', ['purpose']],
      ],
    },
    {
      plural: 'duty-appointments',
      uid: 'api::duty-appointment.duty-appointment',
      label: 'appointment by order',
      writer: 'director',
      good: () => ({
        duty: 'backups',
        person: world.accounts.archivist.documentId,
        orderNumber: '15-ОД',
        orderDate: '2025-08-29',
        validFrom: '2025-09-01',
      }),
      existing: () => dutyAppointment.documentId,
      fields: [
        ['duty', 'cooking', 'with an unknown duty', ['duty']],
        ['duty', { $ne: '' }, 'with an object as duty', ['duty']],
        ...badRelations('person'),
        ...badTexts('orderNumber'),
        ['orderNumber', '   ', 'with a blank order number', ['orderNumber']],
        ...badDates('orderDate'),
        ['orderDate', '2999-01-01', 'ordered in the future', ['orderDate']],
        ...badDates('validFrom'),
        ['validFrom', '2025-01-01', 'in force before the order', ['validFrom']],
        ...badDates('validUntil'),
        ['validUntil', '2025-08-30', 'ending before it starts', ['validUntil']],
        ...badTexts('note'),
      ],
    },
    {
      plural: 'credit-transfers',
      uid: 'api::credit-transfer.credit-transfer',
      label: 'credit of results',
      writer: 'deputy',
      good: () => ({
        student: school.pupils5a[2].documentId,
        journal: school.peJournal.documentId,
        basis: 'other-organisation',
        organisation: 'ДЮСШ № 2',
        programmeKind: 'additional-programme',
        programmeTitle: 'Лёгкая атлетика',
        documentTitle: 'Справка',
        documentNumber: '17',
        documentDate: '2026-05-10',
      }),
      existing: () => creditTransfer.documentId,
      fields: [
        ...badRelations('student'),
        ...badRelations('journal'),
        ['basis', 'friendship', 'with an unknown basis', ['basis']],
        ['basis', { $ne: '' }, 'with an object as basis', ['basis']],
        ['programmeKind', 'hobby', 'with an unknown programme kind', ['programmeKind']],
        ...badTexts('organisation'),
        ['organisation', '   ', 'with a blank organisation', ['organisation']],
        ...badTexts('programmeTitle'),
        ...badTexts('documentNumber'),
        ...badDates('documentDate'),
        ['documentDate', '2999-01-01', 'with a document from the future', ['documentDate']],
        ...badDates('applicationDate'),
        ['hours', -3, 'with negative hours', ['hours']],
        ['hours', 'many', 'with a word as hours', ['hours']],
        ['decision', 'maybe', 'with an unknown decision', ['decision']],
        ['creditedValue', '5', 'with a credited mark before the decision', ['creditedValue']],
        ...badTexts('refusalReason'),
        ...badDates('orderDate'),
      ],
    },
    {
      plural: 'support-contacts',
      uid: 'api::support-contact.support-contact',
      label: 'contact with technical support',
      writer: 'director',
      good: () => ({
        contactedOn: '2026-10-01',
        channel: 'portal',
        provider: 'Техподдержка Школьного портала',
        problem: 'Не открывается журнал',
      }),
      existing: () => supportContact.documentId,
      fields: [
        ...badDates('contactedOn'),
        ['contactedOn', '2999-01-01', 'contacted in the future', ['contactedOn']],
        ['channel', 'pigeon', 'with an unknown channel', ['channel']],
        ['channel', { $ne: '' }, 'with an object as channel', ['channel']],
        ...badTexts('provider'),
        ['provider', '   ', 'with a blank provider', ['provider']],
        ...badTexts('problem'),
        ...badTexts('ticketNumber'),
        ...badDates('resolvedOn'),
        ['resolvedOn', '2026-09-01', 'resolved before the contact', ['resolvedOn']],
        ...badTexts('resolution'),
        ...badRelations('contactedBy'),
      ],
    },
    {
      plural: 'methodical-associations',
      uid: 'api::methodical-association.methodical-association',
      label: 'methodical association',
      writer: 'deputy',
      good: () => ({
        name: 'МО учителей физической культуры',
        head: world.accounts.methodologist.documentId,
        curator: world.accounts.deputy.documentId,
      }),
      existing: () => distance.association,
      fields: [
        ...badTexts('name'),
        ['name', '   ', 'with a blank name', ['name']],
        ...badRelations('head'),
        ...badRelations('curator'),
        ['members', ['nosuchdocument0000000000'], 'with a member that does not exist', ['members']],
      ],
    },
    {
      plural: 'lesson-plans',
      uid: 'api::lesson-plan.lesson-plan',
      label: 'lesson plan',
      writer: 'teacherA',
      good: () => ({
        journal: school.mathJournal.documentId,
        lessonDate: '2025-10-01',
        topic: 'Сложение дробей',
        content: 'Этапы урока',
      }),
      existing: () => distance.plan,
      fields: [
        ...badRelations('journal'),
        ...badDates('lessonDate'),
        ['lessonDate', '2024-10-01', 'for a day outside the journal’s year', ['lessonDate']],
        ...badRelations('lesson'),
        ['kind', 'essay', 'with an unknown kind', ['kind']],
        ...badTexts('topic'),
        ['topic', '   ', 'with a blank topic', ['topic']],
        ...badTexts('content'),
        ['state', 'approved', 'approved by the teacher', ['state']],
        ['reviewComment', 'Хорошо', 'with a review comment by the teacher', ['reviewComment']],
        ['history', [], 'with a history written by the teacher', ['history']],
        ['files', ['скан'], 'naming a file by a word', ['files.0']],
        ['files', [999_999], 'naming an upload that does not exist', ['files.0']],
      ],
    },
    {
      plural: 'daily-reports',
      uid: 'api::daily-report.daily-report',
      label: 'daily report on lessons held',
      writer: 'teacherA',
      good: () => ({ date: '2025-09-03', lessons: [school.lessons[1].documentId], summary: 'Уроки по конспекту' }),
      existing: () => distance.report,
      fields: [
        ...badDates('date'),
        ['date', '2999-01-01', 'for a day to come', ['date']],
        ...badRelations('lessons'),
        // Teachers may not name accounts: Strapi refuses the key itself (the deputy comes from the association).
        ['deputy', 999_999, 'naming a deputy account', undefined],
        ...badTexts('summary'),
        ['links', 'https://example.org', 'with a string as the links', ['links']],
        ['links', [{ url: 'ftp://example.org' }], 'with a link that is not http', ['links.0.url']],
        ['links', [{ url: 'https://example.org', extra: 1 }], 'with an unknown field of a link', ['links.0']],
        ['materials', ['скан'], 'naming a file by a word', ['materials.0']],
        ['sentAt', '2025-01-01T00:00:00Z', 'with the sending time given by the teacher', ['sentAt']],
      ],
    },
    {
      plural: 'competency-results',
      uid: 'api::competency-result.competency-result',
      label: 'meta-subject or personal result',
      writer: 'deputy',
      good: () => ({
        student: school.pupil5b.documentId,
        academicYear: school.year.documentId,
        resultGroup: 'meta-subject',
        uudKind: 'cognitive',
        indicator: 'Смысловое чтение',
        level: 'базовый',
        source: 'diagnostic-work',
        date: '2025-10-01',
      }),
      existing: () => plans.competency,
      fields: [
        ...badRelations('student', 'pupil'),
        ...badRelations('academicYear', 'school year'),
        ['resultGroup', 'subject', 'with an unknown group', ['resultGroup']],
        ['uudKind', 'creative', 'with an unknown kind of УУД', ['uudKind']],
        ...badTexts('indicator'),
        ['level', 'отлично', 'with a level off the school’s scale', ['level']],
        ['level', { $ne: '' }, 'with an object as level', ['level']],
        ['source', 'rumour', 'with an unknown source', ['source']],
        ...badDates('date'),
        ['date', '2999-01-01', 'dated in the future', ['date']],
        ...badTexts('note'),
        ...badRelations('recordedBy', 'recorder'),
      ],
    },
    {
      plural: 'assignments',
      uid: 'api::assignment.assignment',
      label: 'assignment to pupils',
      writer: 'teacherA',
      good: () => ({
        journal: school.mathJournal.documentId,
        lesson: school.lessons[1].documentId,
        title: '№ 120–125',
        dueOn: '2025-09-10',
      }),
      existing: () => distance.assignment,
      fields: [
        ...badRelations('journal'),
        ...badRelations('lesson'),
        ...badTexts('title'),
        ['title', '   ', 'with a blank title', ['title']],
        ...badTexts('description'),
        ...badTexts('sources'),
        ...badDates('dueOn'),
        ['dueOn', '2025-08-01', 'due before its lesson', ['dueOn']],
        ['workType', 'poem', 'with an unknown work type', ['workType']],
        ['materials', ['скан'], 'naming a file by a word', ['materials.0']],
      ],
    },
    {
      plural: 'platform-results',
      uid: 'api::platform-result.platform-result',
      label: 'result on an external e-learning platform',
      writer: 'teacherA',
      good: () => ({
        journal: school.mathJournal.documentId,
        student: school.pupils5a[1].documentId,
        platform: 'ЯКласс',
        activity: 'Проверочная «Дроби»',
        date: '2025-10-02',
        score: 7,
        maxScore: 10,
        url: 'https://www.yaklass.ru/r/1',
      }),
      existing: () => distance.platformResult,
      fields: [
        ...badRelations('journal'),
        ...badRelations('student', 'pupil'),
        ...badRelations('assignment'),
        ...badRelations('mark'),
        ...badTexts('platform'),
        ['platform', '   ', 'with a blank platform', ['platform']],
        ...badTexts('activity'),
        ...badDates('date'),
        ['date', '2999-01-01', 'dated in the future', ['date']],
        ['score', 11, 'with a score above the maximum', ['score']],
        ['score', 'много', 'with a word as score', ['score']],
        ['maxScore', 0, 'with a zero maximum', ['maxScore']],
        ['percent', 101, 'with a percent above 100', ['percent']],
        ['url', 'javascript:alert(1)', 'with a javascript: link', ['url']],
        ['url', 'ftp://yaklass.ru/r/1', 'with an ftp link', ['url']],
        ...badTexts('url'),
        ['evidence', ['скан'], 'naming a file by a word', ['evidence.0']],
      ],
    },
    {
      plural: 'support-plans',
      uid: 'api::support-plan.support-plan',
      label: 'individual work plan',
      writer: 'deputy',
      good: () => ({
        student: school.pupil5b.documentId,
        studyPeriod: school.quarters[0].documentId,
        reason: 'Мало отметок по математике',
        measures: 'Консультации по вторникам',
        startsOn: '2025-11-10',
      }),
      existing: () => plans.support,
      fields: [
        ...badRelations('student', 'pupil'),
        ...badRelations('studyPeriod', 'study period'),
        ...badTexts('reason'),
        ...badTexts('measures'),
        ['measures', '   ', 'with blank measures', ['measures']],
        ...badDates('startsOn'),
        ...badDates('reviewOn'),
        ['reviewOn', '2025-01-01', 'reviewed before it starts', ['reviewOn']],
        ...badRelations('approvedAt', 'talk with the parents'),
        ...badTexts('outcome'),
        ['closedOn', '2025-12-01', 'closed without an outcome', ['outcome']],
      ],
    },
    {
      plural: 'learning-trajectories',
      uid: 'api::learning-trajectory.learning-trajectory',
      label: 'individual educational trajectory',
      writer: 'deputy',
      good: () => ({
        student: school.pupil5b.documentId,
        academicYear: school.year.documentId,
        basis: 'Рекомендации ПМПК',
        startsOn: '2025-10-01',
        goals: [{ subject: school.math.documentId, goal: 'Вычисления с дробями', dueOn: '2025-12-20' }],
      }),
      existing: () => plans.trajectory,
      fields: [
        ...badRelations('student', 'pupil'),
        ...badRelations('academicYear', 'school year'),
        ...badTexts('basis'),
        ['basis', '   ', 'with a blank basis', ['basis']],
        ...badDates('startsOn'),
        ['startsOn', '2024-10-01', 'starting outside its school year', ['startsOn']],
        ...badDates('nextReviewOn'),
        ['nextReviewOn', '2025-01-01', 'reviewed before it starts', ['nextReviewOn']],
        ['goals', 'учиться', 'with a word as goals', ['goals']],
        ['goals', [{ goal: 'Читать', subject: 999_999 }], 'with a goal naming a subject that does not exist', ['goals.0.subject']],
        ['goals', [{ goal: 'Читать', dueOn: '2025-13-45' }], 'with a goal due on an impossible date', ['goals.0.dueOn']],
        ['goals', [{ goal: 12345 }], 'with a number as a goal', ['goals.0.goal']],
        ['reviews', [{ reviewedOn: 'yesterday', findings: 'x' }], 'with a review on «yesterday»', ['reviews.0.reviewedOn']],
        ['reviews', [{ reviewedOn: '2025-12-01' }], 'with a review without findings', ['reviews.0.findings']],
        ...badDates('agreedWithParentsOn'),
        ['agreedWithParentsOn', '2025-10-01', 'agreed without who agreed', ['agreedWith']],
        ...badTexts('outcome'),
        ['closedOn', '2025-12-01', 'closed without an outcome', ['outcome']],
        ['origin', 'by-hand', 'with an origin of no kind', ['origin']],
        ['origin', 'at-risk', 'from the at-risk list without the study period analysed', ['originPeriod']],
        ...badRelations('originPeriod', 'study period'),
      ],
    },
    {
      plural: 'control-plan-items',
      uid: 'api::control-plan-item.control-plan-item',
      label: 'internal-control plan item',
      writer: 'deputy',
      good: () => ({
        academicYear: school.year.documentId,
        topic: 'Проверка ведения журналов 5-х классов',
        controlKind: 'frontal',
        basis: 'Пропуски тем уроков в отчёте о ежедневной проверке',
        plannedFrom: '2025-10-06',
        plannedTo: '2025-10-10',
        approvalProtocol: 'Педагогический совет, протокол № 1 от 29.08.2025',
      }),
      existing: () => plans.control,
      fields: [
        ...badRelations('academicYear', 'school year'),
        ...badTexts('topic'),
        ['controlKind', 'surprise', 'with an unknown kind of control', ['controlKind']],
        ...badRelations('schoolClass', 'class'),
        ...badRelations('subject'),
        ...badTexts('basis'),
        ...badDates('plannedFrom'),
        ...badDates('plannedTo'),
        ['plannedTo', '2026-09-30', 'ending outside the school year', ['plannedTo']],
        ...badTexts('approvalProtocol'),
        ['approvalProtocol', '  ', 'without its approval', ['approvalProtocol']],
        ['doneOn', '2025-10-10', 'done without a result', ['result']],
      ],
    },
    {
      plural: 'management-decisions',
      uid: 'api::management-decision.management-decision',
      label: 'management decision',
      writer: 'director',
      good: () => ({
        decidedOn: '2025-10-15',
        kind: 'instruction',
        title: 'Провести внеплановую проверку резервных копий',
        archiveConcern: 'Нет резервной копии за неделю',
      }),
      existing: () => plans.decision,
      fields: [
        ...badDates('decidedOn'),
        ['decidedOn', '2999-01-01', 'dated in the future', ['decidedOn']],
        ['kind', 'wish', 'with an unknown kind', ['kind']],
        ['kind', 'order', 'an order without a number', ['number']],
        ...badTexts('title'),
        ['title', '  ', 'with a blank title', ['title']],
        ...badTexts('text'),
        ...badTexts('archiveConcern'),
        ...badDates('dueOn'),
        ['dueOn', '2025-01-01', 'due before it is taken', ['dueOn']],
        ...badDates('executedOn'),
        ...badTexts('executionNote'),
      ],
    },
    {
      plural: 'results-meetings',
      uid: 'api::results-meeting.results-meeting',
      label: 'meeting on results',
      writer: 'director',
      good: () => ({
        kind: 'pedagogical-council',
        heldOn: '2025-11-01',
        protocolNumber: '4',
        studyPeriod: school.quarters[0].documentId,
        chair: world.accounts.director.documentId,
        secretary: world.accounts.deputy.documentId,
        attendeesCount: 20,
        reports: [{ title: 'Итоги 1 четверти', grade: 5 }],
        decisions: [{ text: 'Провести консультации', executor: world.teacherA.documentId, dueOn: '2025-12-01' }],
      }),
      existing: () => meetings.open,
      fields: [
        ['kind', 'party', 'of an unknown kind', ['kind']],
        ['kind', 'association-meeting', 'of a methodical association without the association', ['association']],
        ...badRelations('association', 'methodical association'),
        ...badDates('heldOn'),
        ['heldOn', '2999-01-01', 'held in the future', ['heldOn']],
        ...badTexts('protocolNumber'),
        ['protocolNumber', '  ', 'without a protocol number', ['protocolNumber']],
        ...badRelations('studyPeriod', 'study period'),
        ...badRelations('chair', 'chair'),
        ...badRelations('secretary', 'secretary'),
        ['attendeesCount', 0, 'attended by nobody', ['attendeesCount']],
        ['attendeesCount', '20', 'with the attendance as a string', ['attendeesCount']],
        ...badTexts('agenda'),
        ['reports', 'Итоги', 'with the reports as a string', ['reports']],
        ['reports', [{ title: 12345 }], 'with a report whose title is a number', ['reports.0.title']],
        ['reports', [{ title: 'Итоги', grade: 12 }], 'with a report on grade 12', ['reports.0.grade']],
        [
          'reports',
          [{ title: 'Итоги', schoolClass: { id: { $gt: 0 } } }],
          'with a filter operator as a report’s class',
          ['reports.0.schoolClass'],
        ],
        ['reports', [{ title: 'Итоги', isAdmin: true }], 'with a report with an unknown field', undefined],
        ['decisions', [{ text: HUGE }], 'with a huge decision', ['decisions.0.text']],
        ['decisions', [{ text: 'Сделать', dueOn: '2025-01-01' }], 'with a decision due before the meeting', ['decisions.0.dueOn']],
        ['decisions', [{ text: 'Сделать', doneOn: '2999-01-01' }], 'with a decision done in the future', ['decisions.0.doneOn']],
        ['decisions', [{ text: 'Сделать', executor: SQL }], 'with an SQL injection as an executor', ['decisions.0.executor']],
        ['signedAt', '2025-11-02T10:00:00.000Z', 'signed by the body', ['signedAt']],
      ],
    },
  ];
};

/** An open and a signed meeting on results the cases change. */
const meetings = { open: '', signed: '' };
beforeAll(async () => {
  const meeting = (protocolNumber: string) => ({
    kind: 'director-meeting',
    heldOn: '2025-11-05',
    protocolNumber,
    academicYear: school.year.documentId,
    chair: world.accounts.director.documentId,
    secretary: world.accounts.deputy.documentId,
    attendeesCount: 8,
    reports: [{ title: 'Итоги 1 четверти' }],
    decisions: [{ text: 'Проверить журналы', dueOn: '2025-11-20' }],
  });
  meetings.open = (await make(strapi, 'api::results-meeting.results-meeting', meeting('1'))).documentId;
  meetings.signed = (await make(strapi, 'api::results-meeting.results-meeting', meeting('2'))).documentId;
  const { runMeetingStep } = await import('../../src/school/records/results-meeting-rules');
  await runMeetingStep({ kind: 'sign', accountId: world.accounts.director.id }, () =>
    strapi.documents('api::results-meeting.results-meeting').update({ documentId: meetings.signed, data: {} } as never),
  );
});

/** Meetings on results: signing, marking a decision done, and a signed protocol that is never changed. */
const resultsMeetingCases = (): BadCase[] => {
  const table = 'api::results-meeting.results-meeting' as UID.Schema;
  const post = postCaseOf(table, 'director');
  /** The stored meetings exist only once beforeAll has run: their cases name them lazily. */
  const on = (meeting: () => string, path: string, badCase: BadCase): BadCase => ({
    ...badCase,
    url: () => `/api/results-meetings/${meeting()}${path}`,
    row: meeting,
  });
  const open = () => meetings.open;
  const signed = () => meetings.signed;
  const doneBody = () => data({ doneOn: '2025-11-10' });
  return [
    post(
      'the director’s signing of a meeting that does not exist',
      '/api/results-meetings/nosuchdocument0000000000/sign',
      () => data({}),
      undefined,
      'director',
      404,
    ),
    on(
      signed,
      '/sign',
      post('the director’s signing of a signed protocol', '', () => data({}), undefined, 'director', 403),
    ),
    on(
      open,
      '/sign',
      post('a teacher’s signing of a protocol', '', () => data({}), undefined, 'teacherA', 403),
    ),
    on(
      open,
      '/sign',
      post('a parent’s signing of a protocol', '', () => data({}), undefined, 'parentA', 403),
    ),
    on(
      open,
      '/decisions/1/done',
      post('the director’s decision done with data as a list', '', () => data([{ doneOn: '2025-11-10' }]), ['data']),
    ),
    on(
      open,
      '/decisions/1/done',
      post('the director’s decision done without a date', '', () => data({}), ['doneOn']),
    ),
    on(
      open,
      '/decisions/1/done',
      post('the director’s decision done on an impossible date', '', () => data({ doneOn: '2025-02-30' }), ['doneOn']),
    ),
    on(
      open,
      '/decisions/1/done',
      post('the director’s decision done with an unknown parameter', '', () => data({ doneOn: '2025-11-10', text: 'Иначе' }), ['text']),
    ),
    on(
      open,
      '/decisions/1/done',
      post('the director’s decision done before the meeting', '', () => data({ doneOn: '2025-11-01' }), ['decisions.0.doneOn']),
    ),
    on(
      open,
      '/decisions/9/done',
      post('the director’s decision done of a decision the protocol has not', '', doneBody, undefined, 'director', 404),
    ),
    on(
      open,
      `/decisions/${encodeURIComponent(SQL)}/done`,
      post('the director’s decision done with an SQL injection as its number', '', doneBody, undefined, 'director', 404),
    ),
    on(open, '/decisions/1/done', post('a teacher’s decision done', '', doneBody, undefined, 'teacherA', 403)),
    {
      name: 'the director’s change of a signed protocol',
      who: 'director',
      method: 'put',
      url: () => `/api/results-meetings/${meetings.signed}`,
      body: () => data({ attendeesCount: 9 }),
      table,
      row: signed,
      status: 403,
    },
    {
      name: 'the director’s deletion of a signed protocol',
      who: 'director',
      method: 'delete',
      url: () => `/api/results-meetings/${meetings.signed}`,
      body: () => ({ none: true }),
      table,
      row: signed,
      status: 403,
    },
  ];
};

/** An individual work plan for Кузнецов and an item of the internal-control plan the cases change. */
const plans = { support: '', control: '', decision: '', competency: '', trajectory: '' };
beforeAll(async () => {
  plans.trajectory = (
    await make(strapi, 'api::learning-trajectory.learning-trajectory', {
      student: school.pupil5b.documentId,
      academicYear: school.year.documentId,
      basis: 'Заявление родителей',
      startsOn: '2025-09-15',
      goals: [{ goal: 'Подготовка к олимпиаде' }],
    })
  ).documentId;
  plans.competency = (
    await make(strapi, 'api::competency-result.competency-result', {
      student: school.pupil5b.documentId,
      academicYear: school.year.documentId,
      resultGroup: 'personal',
      indicator: 'Волонтёрство',
      level: 'высокий',
      source: 'observation',
      date: '2025-10-01',
    })
  ).documentId;
  plans.support = (
    await make(strapi, 'api::support-plan.support-plan', {
      student: school.pupil5b.documentId,
      reason: 'Мало отметок',
      measures: 'Консультации',
      startsOn: '2025-11-10',
    })
  ).documentId;
  plans.decision = (
    await make(strapi, 'api::management-decision.management-decision', {
      decidedOn: '2025-10-01',
      kind: 'decision',
      title: 'Проверить архив',
      archiveConcern: 'Не проведена проверка целостности',
    })
  ).documentId;
  plans.control = (
    await make(strapi, 'api::control-plan-item.control-plan-item', {
      academicYear: school.year.documentId,
      topic: 'Объективность отметок',
      controlKind: 'thematic',
      basis: 'Расхождение с ВПР',
      plannedFrom: '2025-11-10',
      plannedTo: '2025-11-21',
      approvalProtocol: 'Протокол № 3',
    })
  ).documentId;
});

/** A work programme of the 5А PE journal (teacher A's) and a planned check of the 5А maths journal the cases change. */
const programmeRecords = { programme: '', check: '', material: '' };
beforeAll(async () => {
  // A draft КИМ of teacher A's (R98), the one the cases change.
  programmeRecords.material = (
    await make(strapi, 'api::assessment-material.assessment-material', {
      title: 'Диагностическая работа по математике',
      subject: school.math.documentId,
      grade: 5,
      kind: 'diagnostic-work',
      tasks: [
        { number: 1, maxPoints: 6, level: 'basic' },
        { number: 2, maxPoints: 6, level: 'advanced' },
      ],
      maxPoints: 12,
      basicFromPoints: 5,
      advancedFromPoints: 9,
      author: world.teacherA.id,
    })
  ).documentId;
  programmeRecords.programme = (
    await make(strapi, 'api::work-programme.work-programme', {
      journal: school.peJournal.documentId,
      teacher: world.teacherA.id,
      title: 'Рабочая программа по физической культуре',
      hoursPerYear: 34,
      plan: [{ topic: 'Лёгкая атлетика', lessons: 10 }],
    })
  ).documentId;
  programmeRecords.check = (
    await make(strapi, 'api::journal-check.journal-check', {
      journal: school.mathJournal.documentId,
      plannedOn: '2025-10-01',
      purpose: 'Накопляемость отметок',
      inspector: world.accounts.deputy.id,
    })
  ).documentId;
});

/** A parents' meeting of 5Б and a results request about Иванов the cases change. */
const parentMeeting = { documentId: '' };
const resultsRequest = { documentId: '' };
/** An appointment for backups (a duty the REST routes do not narrow, so no other case is affected). */
const dutyAppointment = { documentId: '' };
/** A methodical association and a draft lesson plan of teacher A, for the update cases. */
const distance = { association: '', plan: '', report: '', assignment: '', platformResult: '' };
beforeAll(async () => {
  distance.association = (
    await make(strapi, 'api::methodical-association.methodical-association', {
      name: 'МО учителей математики',
      head: world.accounts.methodologist.documentId,
      curator: world.accounts.deputy.documentId,
      members: [world.teacherA.documentId],
    })
  ).documentId;
  distance.plan = (
    await make(strapi, 'api::lesson-plan.lesson-plan', {
      journal: school.mathJournal.documentId,
      lessonDate: '2025-10-01',
      topic: 'Сравнение дробей',
      content: 'Этапы урока',
      teacher: world.teacherA.documentId,
    })
  ).documentId;
  distance.report = (
    await make(strapi, 'api::daily-report.daily-report', {
      date: '2025-09-02',
      lessons: [school.lessons[0].documentId],
      summary: 'Уроки по конспекту',
      teacher: world.teacherA.documentId,
    })
  ).documentId;
  distance.assignment = (
    await make(strapi, 'api::assignment.assignment', {
      journal: school.mathJournal.documentId,
      lesson: school.lessons[0].documentId,
      title: '№ 100–105',
      dueOn: '2025-09-09',
    })
  ).documentId;
  // A pupil's result on an external platform (R83), recorded for the maths journal.
  distance.platformResult = (
    await make(strapi, 'api::platform-result.platform-result', {
      journal: school.mathJournal.documentId,
      student: school.pupils5a[0].documentId,
      platform: 'Учи.ру',
      activity: 'Курс «Дроби»',
      date: '2025-10-01',
      score: 5,
      maxScore: 10,
      percent: 70,
    })
  ).documentId;
});
const supportContact = { documentId: '' };
/** A pending credit of results for Петрова's PE (nothing decided, so every change is judged by the rules). */
const creditTransfer = { documentId: '' };
beforeAll(async () => {
  creditTransfer.documentId = (
    await make(strapi, 'api::credit-transfer.credit-transfer', {
      student: school.pupils5a[1].documentId,
      journal: school.peJournal.documentId,
      basis: 'other-organisation',
      organisation: 'ДЮСШ № 1',
      programmeKind: 'additional-programme',
      programmeTitle: 'Плавание',
      documentTitle: 'Справка',
      documentNumber: '12',
      documentDate: '2026-05-10',
    })
  ).documentId;
  supportContact.documentId = (
    await make(strapi, 'api::support-contact.support-contact', {
      contactedOn: '2026-10-01',
      provider: 'Техподдержка Школьного портала',
      problem: 'Не открывается журнал 5А',
    })
  ).documentId;
  dutyAppointment.documentId = (
    await make(strapi, 'api::duty-appointment.duty-appointment', {
      duty: 'backups',
      person: world.accounts.archivist.documentId,
      orderNumber: '14-ОД',
      orderDate: '2025-08-29',
      validFrom: '2025-09-01',
    })
  ).documentId;
  resultsRequest.documentId = (
    await make(strapi, 'api::results-request.results-request', {
      receivedOn: '2026-10-01',
      student: school.pupils5a[0].documentId,
      guardian: world.guardianA.documentId,
      form: 'oral',
      request: 'Отметки за неделю',
    })
  ).documentId;
  parentMeeting.documentId = (
    await make(strapi, 'api::parent-meeting.parent-meeting', {
      schoolClass: school.class5b.documentId,
      date: '2025-09-10',
      topic: 'Организационное собрание',
      attendees: [world.guardianB.documentId],
    })
  ).documentId;
});

/** The same malformed bodies for every create and update route. */
const MALFORMED: Array<[problem: string, body: () => Body, message?: RegExp]> = [
  ['without a body', () => ({ none: true }), /data/],
  ['with the data missing', () => ({ json: { value: '5' } }), /data/],
  ['with data null', () => data(null), /data/],
  ['with data as an array', () => data([{ value: '5' }])],
  ['with data as a string', () => data('5')],
  ['with data as a number', () => data(5)],
  ['with a malformed JSON body', () => ({ raw: '{"data": {"value": "5",' })],
  ['with a JSON array as the body', () => ({ raw: '[{"data": {}}]' })],
  ['with a 1 MB body', () => data({ comment: ONE_MEGABYTE })],
];

const sizeStatus = (problem: string) => (problem === 'with a 1 MB body' ? 413 : 400);

/** «a mark», «an enrollment». */
const aOrAn = (noun: string): string => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;

const typeCases = (): BadCase[] =>
  TYPES().flatMap((type): BadCase[] => {
    const collection = `/api/${type.plural}`;
    const one = () => `${collection}/${type.existing()}`;
    const label = LABELS[type.writer];
    return [
      ...MALFORMED.map(
        ([problem, body]): BadCase => ({
          name: `${label} new ${type.label} ${problem}`,
          who: type.writer,
          method: 'post',
          url: () => collection,
          body,
          table: type.uid,
          status: sizeStatus(problem),
        }),
      ),
      ...MALFORMED.map(
        ([problem, body]): BadCase => ({
          name: `${label} change of ${aOrAn(type.label)} ${problem}`,
          who: type.writer,
          method: 'put',
          url: one,
          body,
          table: type.uid,
          row: type.existing,
          status: sizeStatus(problem),
        }),
      ),
      {
        name: `${label} new ${type.label} with an unknown field`,
        who: type.writer,
        method: 'post',
        url: () => collection,
        body: () => data({ ...type.good(), isAdmin: true }),
        table: type.uid,
      },
      {
        name: `${label} change of ${aOrAn(type.label)} with an unknown field`,
        who: type.writer,
        method: 'put',
        url: one,
        body: () => data({ isAdmin: true }),
        table: type.uid,
        row: type.existing,
      },
      {
        name: `${label} new ${type.label} setting its id by hand`,
        who: type.writer,
        method: 'post',
        url: () => collection,
        body: () => data({ ...type.good(), id: 1 }),
        table: type.uid,
      },
      ...type.fields.map(
        ([field, value, problem, paths]): BadCase => ({
          name: `${label} new ${type.label} ${problem}`,
          who: type.writer,
          method: 'post',
          url: () => collection,
          body: () => data({ ...type.good(), [field]: resolve(value) }),
          table: type.uid,
          paths,
        }),
      ),
      ...type.fields.map(
        ([field, value, problem, paths]): BadCase => ({
          name: `${label} change of ${aOrAn(type.label)} ${problem}`,
          who: type.writer,
          method: 'put',
          url: one,
          body: () => data({ [field]: resolve(value) }),
          table: type.uid,
          row: type.existing,
          paths,
        }),
      ),
      {
        name: `${label} change of ${aOrAn(type.label)} that does not exist`,
        who: type.writer,
        method: 'put',
        url: () => `${collection}/nosuchdocument0000000000`,
        body: () => data(type.good()),
        table: type.uid,
        status: 404,
      },
      {
        name: `${label} deletion of ${aOrAn(type.label)} that does not exist`,
        who: type.writer,
        method: 'delete',
        url: () => `${collection}/nosuchdocument0000000000`,
        body: () => ({ none: true }),
        table: type.uid,
        status: 404,
      },
      {
        name: `${label} deletion of ${aOrAn(type.label)} by an SQL injection as its id`,
        who: type.writer,
        method: 'delete',
        url: () => `${collection}/${encodeURIComponent(SQL)}`,
        body: () => ({ none: true }),
        table: type.uid,
        status: 404,
      },
      {
        name: `${label} deletion of ${aOrAn(type.label)} by a numeric id`,
        who: type.writer,
        method: 'delete',
        url: () => `${collection}/999999`,
        body: () => ({ none: true }),
        table: type.uid,
        status: 404,
      },
    ];
  });

/* ------------------------------------------------------------------------------------------------ */
/* Records out of the caller's reach (two classes, two families) and records others still point to. */

const reachCases = (): BadCase[] => {
  const markIn = (overrides: Record<string, unknown>) => ({
    kind: 'current',
    journal: school.mathJournal.documentId,
    lesson: school.lessons[1].documentId,
    student: school.pupils5a[1].documentId,
    value: '5',
    ...overrides,
  });
  return [
    {
      name: 'a teacher’s mark in another class’s journal',
      who: 'teacherA',
      method: 'post',
      url: () => '/api/marks',
      body: () =>
        data(markIn({ journal: world.journalB.documentId, lesson: world.lessonB.documentId, student: school.pupil5b.documentId })),
      table: 'api::mark.mark',
      status: 403,
    },
    {
      name: 'a teacher’s mark in their own journal for another class’s pupil',
      who: 'teacherA',
      method: 'post',
      url: () => '/api/marks',
      body: () => data(markIn({ student: school.pupil5b.documentId })),
      table: 'api::mark.mark',
      paths: ['student'],
    },
    {
      name: 'a teacher’s mark in their own journal for another journal’s lesson',
      who: 'teacherA',
      method: 'post',
      url: () => '/api/marks',
      body: () => data(markIn({ lesson: world.lessonB.documentId })),
      table: 'api::mark.mark',
      paths: ['lesson'],
    },
    {
      name: 'a teacher’s change of another class’s mark',
      who: 'teacherA',
      method: 'put',
      url: () => `/api/marks/${world.markB.documentId}`,
      body: () => data({ value: '5' }),
      table: 'api::mark.mark',
      row: () => world.markB.documentId,
      status: 403,
    },
    {
      name: 'a teacher’s move of their own mark into another class’s journal',
      who: 'teacherA',
      method: 'put',
      url: () => `/api/marks/${world.markA.documentId}`,
      body: () => data({ journal: world.journalB.documentId, lesson: world.lessonB.documentId, student: school.pupil5b.documentId }),
      table: 'api::mark.mark',
      row: () => world.markA.documentId,
      status: 403,
    },
    {
      name: 'a teacher’s deletion of another class’s mark',
      who: 'teacherA',
      method: 'delete',
      url: () => `/api/marks/${world.markB.documentId}`,
      body: () => ({ none: true }),
      table: 'api::mark.mark',
      row: () => world.markB.documentId,
      status: 403,
    },
    {
      name: 'a teacher’s lesson in another class’s journal',
      who: 'teacherA',
      method: 'post',
      url: () => '/api/lessons',
      body: () => data({ journal: world.journalB.documentId, date: '2025-09-10', number: 3 }),
      table: 'api::lesson.lesson',
      status: 403,
    },
    {
      name: 'a teacher’s change of another class’s lesson',
      who: 'teacherA',
      method: 'put',
      url: () => `/api/lessons/${world.lessonB.documentId}`,
      body: () => data({ topic: 'Чужая тема' }),
      table: 'api::lesson.lesson',
      row: () => world.lessonB.documentId,
      status: 403,
    },
    {
      name: 'a teacher’s absence on another class’s lesson',
      who: 'teacherA',
      method: 'post',
      url: () => '/api/attendances',
      body: () => data({ student: school.pupil5b.documentId, lesson: world.lessonB.documentId, kind: 'absent' }),
      table: 'api::attendance.attendance',
      status: 403,
    },
    {
      name: 'a teacher’s absence on their own lesson for another class’s pupil',
      who: 'teacherA',
      method: 'post',
      url: () => '/api/attendances',
      body: () => data({ student: school.pupil5b.documentId, lesson: school.lessons[1].documentId, kind: 'absent' }),
      table: 'api::attendance.attendance',
      paths: ['student'],
    },
    {
      name: 'a teacher’s deletion of a lesson that has marks',
      who: 'teacherA',
      method: 'delete',
      url: () => `/api/lessons/${school.lessons[0].documentId}`,
      body: () => ({ none: true }),
      table: 'api::lesson.lesson',
      row: () => school.lessons[0].documentId,
    },
    {
      name: 'a teacher’s new pupil (not their role)',
      who: 'teacherA',
      method: 'post',
      url: () => '/api/students',
      body: () => data({ lastName: 'Орлов', firstName: 'Игорь', gender: 'male', birthDate: '2014-01-01' }),
      table: 'api::student.student',
      status: 403,
    },
    {
      name: 'a class teacher’s enrollment into another teacher’s class',
      who: 'classTeacherB',
      method: 'post',
      url: () => '/api/enrollments',
      body: () => data({ student: school.newcomer.documentId, schoolClass: school.class5a.documentId, startDate: '2025-09-15' }),
      table: 'api::enrollment.enrollment',
      status: 403,
    },
    {
      name: 'a class teacher’s change of another class’s pupil',
      who: 'classTeacherB',
      method: 'put',
      url: () => `/api/students/${school.pupils5a[0].documentId}`,
      body: () => data({ lastName: 'Подменов' }),
      table: 'api::student.student',
      row: () => school.pupils5a[0].documentId,
      status: 403,
    },
    {
      name: 'a class teacher’s new guardian of another class’s child',
      who: 'classTeacherB',
      method: 'post',
      url: () => '/api/guardians',
      body: () => data({ lastName: 'Чужая', firstName: 'Мама', kinship: 'mother', children: [school.pupils5a[0].documentId] }),
      table: 'api::guardian.guardian',
      status: 403,
    },
    {
      name: 'a class teacher’s change of another class’s family',
      who: 'classTeacherB',
      method: 'put',
      url: () => `/api/guardians/${world.guardianA.documentId}`,
      body: () => data({ phone: '+7 900 000-00-00' }),
      table: 'api::guardian.guardian',
      row: () => world.guardianA.documentId,
      status: 403,
    },
    {
      name: 'a class teacher’s link of their own family to another class’s child',
      who: 'classTeacherB',
      method: 'put',
      url: () => `/api/guardians/${world.guardianB.documentId}`,
      body: () => data({ children: { connect: [school.pupils5a[0].documentId] } }),
      table: 'api::guardian.guardian',
      row: () => world.guardianB.documentId,
      status: 403,
    },
    {
      name: 'a class teacher’s deletion of another class’s family',
      who: 'classTeacherB',
      method: 'delete',
      url: () => `/api/guardians/${world.guardianA.documentId}`,
      body: () => ({ none: true }),
      table: 'api::guardian.guardian',
      row: () => world.guardianA.documentId,
      status: 403,
    },
    {
      name: 'a secretary’s deletion of a pupil who is on a class list',
      who: 'secretary',
      method: 'delete',
      url: () => `/api/students/${school.pupil1a.documentId}`,
      body: () => ({ none: true }),
      table: 'api::student.student',
      row: () => school.pupil1a.documentId,
    },
    {
      name: 'a secretary’s new journal (not their role)',
      who: 'secretary',
      method: 'post',
      url: () => '/api/journals',
      body: () => data({ schoolClass: school.class5b.documentId, subject: school.russian.documentId }),
      table: 'api::journal.journal',
      status: 403,
    },
    {
      name: 'a parent’s mark',
      who: 'parentA',
      method: 'post',
      url: () => '/api/marks',
      body: () => data(markIn({})),
      table: 'api::mark.mark',
      status: 403,
    },
    {
      name: 'a visitor’s mark',
      who: 'public',
      method: 'post',
      url: () => '/api/marks',
      body: () => data(markIn({})),
      table: 'api::mark.mark',
      status: 403,
    },
    {
      name: 'a teacher’s journal inspection (the deputy’s task)',
      who: 'teacherA',
      method: 'post',
      url: () => '/api/journal-remarks',
      body: () => data({ journal: school.mathJournal.documentId, remarks: 'Сам себя проверил' }),
      table: 'api::journal-remark.journal-remark',
      status: 403,
    },
    {
      name: 'the deputy director’s inspection acknowledged in the teacher’s name',
      who: 'deputy',
      method: 'put',
      url: () => `/api/journal-remarks/${stored.remark}`,
      body: () => data({ state: 'acknowledged', acknowledgedBy: world.teacherA.id }),
      table: 'api::journal-remark.journal-remark',
      row: () => stored.remark,
      paths: ['acknowledgedBy'],
    },
  ];
};

/* ------------------------------------------------------------------------------------------------ */
/* Custom write routes of the REST API. */

/** Answering a request with a document: `POST /api/results-requests/:id/answer` (the request stays unanswered). */
const requestAnswerCases = (): BadCase[] => {
  const answer = (who: Caller, name: string, body: Body, status = 400, paths?: string[]): BadCase => ({
    name,
    who,
    method: 'post',
    url: () => `/api/results-requests/${resultsRequest.documentId}/answer`,
    body: () => body,
    table: 'api::results-request.results-request',
    row: () => resultsRequest.documentId,
    status,
    paths,
  });
  return [
    answer('deputy', 'an answer without a body', { none: true }, 400, ['data']),
    answer('deputy', 'an answer with data as a list', data(['results-report']), 400, ['data']),
    answer('deputy', 'an answer with an unknown document', data({ document: 'diploma' }), 400, ['document']),
    answer('deputy', 'an answer with the document as a number', data({ document: 7 }), 400, ['document']),
    answer('deputy', 'an answer with the document as an operator', data({ document: { $ne: null } }), 400, ['document']),
    answer('deputy', 'an answer with a period as a number', data({ document: 'results-report', period: 3 }), 400, ['period']),
    answer('deputy', 'an answer with an unknown period', data({ document: 'results-report', period: 'nosuchperiod' }), 400, ['period']),
    answer('deputy', 'a portfolio summary for a period', data({ document: 'portfolio-summary', period: 'x' }), 400, ['period']),
    answer('deputy', 'an answer with an extra field', data({ document: 'results-report', issuedOn: '2026-01-01' }), 400, ['issuedOn']),
    answer('deputy', 'an answer with a malformed JSON body', { raw: '{"data": {' }),
    answer('teacherA', 'a subject teacher’s answer', data({ document: 'results-report' }), 403),
    answer('parentA', 'a parent answering their own request', data({ document: 'results-report' }), 403),
    answer('classTeacherB', 'another class’s teacher answering', data({ document: 'results-report' }), 404),
  ];
};

/** A 5А maths control work, for the family's self-assessment (R78). */
const controlWork = { documentId: '' };
beforeAll(async () => {
  controlWork.documentId = (
    await make(strapi, 'api::lesson.lesson', {
      journal: school.mathJournal.documentId,
      date: '2025-10-16',
      number: 4,
      topic: 'Контрольная работа',
      workType: 'control-work',
    })
  ).documentId;
});

/** The family's self-assessment of a control work: `POST /api/diary/:student/control-works/:lesson/self-assessment`. */
const controlSelfAssessmentCases = (): BadCase[] => {
  const post = postCaseOf('api::control-self-assessment.control-self-assessment' as UID.Schema, 'parentA');
  /** The route of a lesson and pupil known only once the fixture is built. */
  const at =
    (lesson: () => string, student = () => school.pupils5a[0].documentId) =>
    (badCase: BadCase): BadCase => ({ ...badCase, url: () => `/api/diary/${student()}/control-works/${lesson()}/self-assessment` });
  const onControl = at(() => controlWork.documentId);
  const url = '/api/diary/:student/control-works/:lesson/self-assessment';
  return [
    onControl(post('a parent’s self-assessment without a body', url, () => ({ none: true }), ['data'])),
    onControl(post('a parent’s self-assessment with data as an array', url, () => data([{ value: '5' }]), ['data'])),
    onControl(post('a parent’s self-assessment off the subject’s scale', url, () => data({ value: '7' }), ['value'])),
    onControl(post('a parent’s self-assessment with an object as value', url, () => data({ value: { $ne: '' } }), ['value'])),
    onControl(post('a parent’s self-assessment with an SQL injection as value', url, () => data({ value: SQL }), ['value'])),
    onControl(post('a parent’s self-assessment with a huge note', url, () => data({ value: '4', note: HUGE }), ['note'])),
    onControl(post('a parent’s self-assessment with a number as note', url, () => data({ value: '4', note: 12345 }), ['note'])),
    onControl(post('a parent’s self-assessment naming who entered it', url, () => data({ value: '4', enteredBy: 1 }), ['enteredBy'])),
    at(() => school.lessons[0].documentId)(
      post('a parent’s self-assessment of a lesson that is not a control work', url, () => data({ value: '4' }), ['lesson']),
    ),
    onControl(post('a parent’s self-assessment with a malformed JSON body', url, () => ({ raw: '{"data": {' }))),
    onControl(post('a teacher’s self-assessment through a pupil’s diary', url, () => data({ value: '4' }), undefined, 'teacherA', 403)),
    at(
      () => controlWork.documentId,
      () => school.pupil5b.documentId,
    )(post('a parent’s self-assessment of another family’s child', url, () => data({ value: '4' }), undefined, 'parentA', 404)),
  ];
};

/** A family's request through the diary: `POST /api/diary/:student/requests`. */
const diaryRequestCases = (): BadCase[] => {
  const ask = (
    who: Caller,
    name: string,
    body: Body,
    status = 400,
    paths?: string[],
    student = () => school.pupils5a[0].documentId,
  ): BadCase => ({
    name,
    who,
    method: 'post',
    url: () => `/api/diary/${student()}/requests`,
    body: () => body,
    table: 'api::results-request.results-request',
    status,
    paths,
  });
  return [
    ask('parentA', 'a parent’s request without a body', { none: true }, 400, ['data']),
    ask('parentA', 'a parent’s request with data as a string', data('справка'), 400, ['data']),
    ask('parentA', 'a parent’s request naming the guardian', data({ request: 'Отметки', guardian: 2 }), 400, ['guardian']),
    ask('parentA', 'a parent’s request with a number as text', data({ request: 12345 }), 400, ['request']),
    ask('parentA', 'a parent’s request with a huge text', data({ request: HUGE }), 400, ['request']),
    ask('parentA', 'a parent’s request with a malformed JSON body', { raw: '{"data": {' }),
    ask('teacherA', 'a teacher’s request through a pupil’s diary', data({ request: 'Отметки' }), 403),
    ask(
      'parentA',
      'a parent’s request about another family’s child',
      data({ request: 'Отметки' }),
      404,
      undefined,
      () => school.pupil5b.documentId,
    ),
  ];
};

/** A parent's notification settings: `PUT /api/diary/notifications`. */
const notificationSettingsCases = (): BadCase[] => {
  const set = (who: Caller, name: string, body: Body, status = 400, paths?: string[]): BadCase => ({
    name,
    who,
    method: 'put',
    url: () => '/api/diary/notifications',
    body: () => body,
    table: 'api::guardian.guardian',
    row: () => world.guardianA.documentId,
    status,
    paths,
  });
  return [
    set('parentA', 'a parent’s notification settings without a body', { none: true }, 400, ['data']),
    set('parentA', 'a parent’s notification settings with a word as marksDigest', data({ marksDigest: 'да' }), 400, ['marksDigest']),
    set('parentA', 'a parent’s notification settings with an object as marksDigest', data({ marksDigest: { $ne: false } }), 400, [
      'marksDigest',
    ]),
    set('parentA', 'a parent’s notification settings naming another address', data({ marksDigest: true, email: 'x@y.z' }), 400, ['email']),
    set('parentA', 'a parent’s notification settings with a malformed JSON body', { raw: '{"data": {"marksDigest": ' }),
    set('pupilA', 'a pupil’s notification settings (a parent’s setting)', data({ marksDigest: true }), 403),
  ];
};

/** A parent's or pupil's acknowledgment of the assessment rules: `POST /api/diary/:student/assessment-rules/acknowledge`. */
const acknowledgeRulesCases = (): BadCase[] => {
  const ack = (
    who: Caller,
    name: string,
    body: Body,
    status = 400,
    paths?: string[],
    student = () => school.pupils5a[0].documentId,
  ): BadCase => ({
    name,
    who,
    method: 'post',
    url: () => `/api/diary/${student()}/assessment-rules/acknowledge`,
    body: () => body,
    table: 'api::rules-acknowledgment.rules-acknowledgment',
    status,
    paths,
  });
  return [
    ack('parentA', 'a parent’s acknowledgment of the rules naming a guardian', data({ guardian: 1 }), 400, ['guardian']),
    ack('parentA', 'a parent’s acknowledgment of the rules with data as a string', data('прочитано'), 400, ['data']),
    ack('parentA', 'a parent’s acknowledgment of the rules with data as an array', data([1]), 400, ['data']),
    ack('parentA', 'a parent’s acknowledgment of the rules with an unknown top-level field', { json: { data: {}, edition: 2 } }, 400, [
      'edition',
    ]),
    ack('parentA', 'a parent’s acknowledgment of the rules with a malformed JSON body', { raw: '{"data": ' }),
    ack('parentA', 'a parent’s acknowledgment of the rules with a 1 MB body', data({ note: ONE_MEGABYTE }), 413),
    ack('teacherA', 'a teacher’s acknowledgment of the rules for a pupil', { none: true }, 403),
    ack('parentA', 'a parent’s acknowledgment of the rules for a pupil who does not exist', { none: true }, 404, undefined, () => SQL),
    ack(
      'parentA',
      'a parent’s acknowledgment of the rules for another family’s child',
      { none: true },
      404,
      undefined,
      () => school.pupil5b.documentId,
    ),
  ];
};

/** A parent's acknowledgment of period or year marks: `POST /api/diary/:student/acknowledge-marks`. */
const acknowledgeMarksCases = (): BadCase[] => {
  const ownChild = () => school.pupils5a[0].documentId;
  const ack = (who: Caller, name: string, body: Body, status = 400, paths?: string[], student = ownChild): BadCase => ({
    name,
    who,
    method: 'post',
    url: () => `/api/diary/${student()}/acknowledge-marks`,
    body: () => body,
    table: 'api::mark-acknowledgment.mark-acknowledgment',
    status,
    paths,
  });
  return [
    ack('parentA', 'a parent’s acknowledgment of marks without a body', { none: true }, 400, ['data']),
    ack('parentA', 'a parent’s acknowledgment of marks with data as a string', data('1 четверть'), 400, ['data']),
    ack('parentA', 'a parent’s acknowledgment of marks with data as an array', data([{ period: 'x' }]), 400, ['data']),
    ack('parentA', 'a parent’s acknowledgment of marks naming neither period nor year', data({}), 400, ['period']),
    ack('parentA', 'a parent’s acknowledgment of marks with an unknown field', data({ period: 'x', guardian: 1 }), 400, ['guardian']),
    ack('parentA', 'a parent’s acknowledgment of marks with an object as period', data({ period: { $ne: '' } }), 400, ['period']),
    ack('parentA', 'a parent’s acknowledgment of marks with a number as year', data({ year: 2025 }), 400, ['year']),
    ack('parentA', 'a parent’s acknowledgment of marks of a period that does not exist', data({ period: SQL }), 400, ['period']),
    ack('parentA', 'a parent’s acknowledgment of marks with a malformed JSON body', { raw: '{"data": {"period": ' }),
    ack('parentA', 'a parent’s acknowledgment of marks with a 1 MB body', data({ period: ONE_MEGABYTE }), 413),
    ack('pupilA', 'a pupil’s acknowledgment of their own marks (the parent’s task)', data({ year: 'x' }), 403),
    ack('teacherA', 'a teacher’s acknowledgment of a pupil’s marks', data({ year: 'x' }), 403),
    ack(
      'parentA',
      'a parent’s acknowledgment of marks for a pupil who does not exist',
      data({ year: 'x' }),
      404,
      undefined,
      () => 'nosuchpupil0000000000',
    ),
  ];
};

/** Message threads: `POST /api/messages/threads` and `POST /api/messages/threads/:id/messages`. */
let messageThread = '';
beforeAll(async () => {
  const thread = await supertest(strapi.server.httpServer)
    .post('/api/messages/threads')
    .set('Authorization', `Bearer ${world.teacherA.jwt}`)
    .send({ data: { kind: 'teacher-parent', student: school.pupils5a[0].documentId, subject: 'Тема', text: 'Текст' } });
  messageThread = thread.body.data.documentId;
});
const messageCases = (): BadCase[] => {
  const good = () => ({ kind: 'teacher-parent', student: school.pupils5a[0].documentId, subject: 'Контрольная', text: 'Добрый день!' });
  const open = (who: Caller, name: string, body: () => Body, status = 400, paths?: string[]): BadCase => ({
    name,
    who,
    method: 'post',
    url: () => '/api/messages/threads',
    body,
    table: 'api::message-thread.message-thread',
    status,
    paths,
  });
  const reply = (who: Caller, name: string, body: Body, status = 400, paths?: string[]): BadCase => ({
    name,
    who,
    method: 'post',
    url: () => `/api/messages/threads/${messageThread}/messages`,
    body: () => body,
    table: 'api::message.message',
    status,
    paths,
  });
  return [
    open('teacherA', 'a teacher’s new thread without a body', () => ({ none: true }), 400, ['data']),
    open('teacherA', 'a teacher’s new thread with data as an array', () => data([good()]), 400, ['data']),
    open('teacherA', 'a teacher’s new thread of an unknown kind', () => data({ ...good(), kind: 'chat' }), 400, ['kind']),
    open('teacherA', 'a teacher’s new thread with an object as subject', () => data({ ...good(), subject: { $ne: '' } }), 400, ['subject']),
    open('teacherA', 'a teacher’s new thread with a huge text', () => data({ ...good(), text: HUGE }), 400, ['text']),
    open('teacherA', 'a teacher’s new thread with a 1 MB text', () => data({ ...good(), text: ONE_MEGABYTE }), 413),
    open('teacherA', 'a teacher’s new thread about a pupil who does not exist', () => data({ ...good(), student: SQL }), 400, ['student']),
    open('teacherA', 'a teacher’s new thread with a filter as pupil', () => data({ ...good(), student: { $ne: '' } }), 400, ['student']),
    open('teacherA', 'a teacher’s new thread naming its author', () => data({ ...good(), author: 1 }), 400, ['author']),
    open('teacherA', 'a teacher’s new thread with a malformed JSON body', () => ({
      raw: '{"data": {"kind": ',
    })),
    open('teacherB', 'a teacher’s new thread with a pupil they do not teach', () => data(good()), 403),
    open('deputy', 'a deputy’s new thread (no messaging)', () => data(good()), 403),
    open('public', 'a visitor’s new thread', () => data(good()), 403),
    reply('parentA', 'a parent’s reply without text', data({}), 400, ['text']),
    reply('parentA', 'a parent’s reply with a number as text', data({ text: 12345 }), 400, ['text']),
    reply('parentA', 'a parent’s reply with a script over 4000 characters', data({ text: SCRIPT.repeat(200) }), 400, ['text']),
    reply('parentA', 'a parent’s reply backdating its time', data({ text: 'Да', sentAt: '2020-01-01' }), 400, ['sentAt']),
    reply('teacherB', 'a reply by someone outside the thread', data({ text: 'Чужой ответ' }), 404),
  ];
};

const customCases = (): BadCase[] => {
  const acknowledge = (who: Caller, name: string, documentId: () => string, body: () => Body, status: number): BadCase => ({
    name,
    who,
    method: 'post',
    url: () => `/api/journal-remarks/${documentId()}/acknowledge`,
    body,
    table: 'api::journal-remark.journal-remark',
    row: () => stored.remark,
    status,
  });
  const confirm = (who: Caller, name: string, student: () => string, body: Body, status = 400, paths?: string[]): BadCase => ({
    name,
    who,
    method: 'post',
    url: () => `/api/diary/${student()}/confirmations`,
    body: () => body,
    table: 'api::diary-confirmation.diary-confirmation',
    status,
    paths,
  });
  const ownChild = () => school.pupils5a[0].documentId;
  const slips = (who: Caller, name: string, schoolClass: () => string, body: Body, status = 400, paths?: string[]): BadCase => ({
    name,
    who,
    method: 'post',
    url: () => `/api/school-classes/${schoolClass()}/login-slips`,
    body: () => body,
    table: 'plugin::users-permissions.user',
    status,
    paths,
  });
  const upload = (who: Caller, name: string, body: Body, status: number): BadCase => ({
    name,
    who,
    method: 'post',
    url: () => '/api/upload',
    body: () => body,
    table: 'plugin::upload.file',
    status,
  });
  const none = (): Body => ({ none: true });
  return [
    acknowledge('teacherA', 'a teacher’s acknowledgment of an inspection that does not exist', () => 'nosuchremark0000000000', none, 404),
    acknowledge('teacherA', 'a teacher’s acknowledgment by an SQL injection as id', () => encodeURIComponent(SQL), none, 404),
    acknowledge('teacherB', 'another teacher’s acknowledgment of a journal they do not keep', () => stored.remark, none, 403),
    acknowledge('parentA', 'a parent’s acknowledgment of an inspection', () => stored.remark, none, 403),
    acknowledge(
      'teacherA',
      'a teacher’s acknowledgment with a malformed JSON body',
      () => stored.remark,
      () => ({ raw: '{"data":' }),
      400,
    ),
    acknowledge(
      'teacherA',
      'a teacher’s acknowledgment with a 1 MB body',
      () => stored.remark,
      () => data({ note: ONE_MEGABYTE }),
      413,
    ),

    ...acknowledgeMarksCases(),
    ...acknowledgeRulesCases(),
    ...notificationSettingsCases(),
    ...diaryRequestCases(),
    ...controlSelfAssessmentCases(),
    ...requestAnswerCases(),
    ...messageCases(),

    confirm('parentA', 'a parent’s diary confirmation of the impossible week 2025-13-45', ownChild, data({ week: '2025-13-45' }), 400, [
      'week',
    ]),
    confirm('parentA', 'a parent’s diary confirmation of the week «yesterday»', ownChild, data({ week: 'yesterday' }), 400, ['week']),
    confirm('parentA', 'a parent’s diary confirmation with a number as week', ownChild, data({ week: 20250901 }), 400, ['week']),
    confirm('parentA', 'a parent’s diary confirmation with an object as week', ownChild, data({ week: { $gt: '' } }), 400, ['week']),
    confirm('parentA', 'a parent’s diary confirmation with an array as week', ownChild, data({ week: ['2025-09-01'] }), 400, ['week']),
    confirm('parentA', 'a parent’s diary confirmation with an SQL injection as week', ownChild, data({ week: SQL }), 400, ['week']),
    confirm('parentA', 'a parent’s diary confirmation with a huge week string', ownChild, data({ week: HUGE }), 400, ['week']),
    confirm('parentA', 'a parent’s diary confirmation of a week not yet begun', ownChild, data({ week: '2999-01-04' }), 400, ['week']),
    confirm('parentA', 'a parent’s diary confirmation with data as a string', ownChild, data('2025-09-01')),
    confirm('parentA', 'a parent’s diary confirmation with data as an array', ownChild, data(['2025-09-01'])),
    confirm('parentA', 'a parent’s diary confirmation with an unknown field', ownChild, data({ week: '2025-09-01', guardian: 1 })),
    confirm('parentA', 'a parent’s diary confirmation with a malformed JSON body', ownChild, { raw: '{"data": {"week": ' }),
    confirm('parentA', 'a parent’s diary confirmation with a 1 MB body', ownChild, data({ week: ONE_MEGABYTE }), 413),
    confirm(
      'parentA',
      'a parent’s diary confirmation for another family’s child',
      () => school.pupil5b.documentId,
      data({ week: '2025-09-01' }),
      404,
    ),
    confirm('parentA', 'a parent’s diary confirmation for a pupil who does not exist', () => 'nosuchpupil0000000000', data({}), 404),
    confirm('parentA', 'a parent’s diary confirmation for a pupil by numeric id', () => String(school.pupils5a[0].id), data({}), 404),
    confirm('pupilA', 'a pupil’s confirmation of their own diary (the parent’s task)', ownChild, data({ week: '2025-09-01' }), 403),
    confirm('teacherA', 'a teacher’s diary confirmation', ownChild, data({ week: '2025-09-01' }), 403),

    slips(
      'deputy',
      'the deputy director’s login slips with a word as reset',
      () => school.class1a.documentId,
      data({ reset: 'yes' }),
      400,
      ['data.reset'],
    ),
    slips(
      'deputy',
      'the deputy director’s login slips for an unknown audience',
      () => school.class1a.documentId,
      data({ include: 'teachers' }),
      400,
      ['data.include'],
    ),
    slips(
      'deputy',
      'the deputy director’s login slips with an unknown field',
      () => school.class1a.documentId,
      data({ password: 'x' }),
      400,
      ['data.password'],
    ),
    slips('deputy', 'the deputy director’s login slips with data as an array', () => school.class1a.documentId, data([true])),
    slips('deputy', 'the deputy director’s login slips with data as a string', () => school.class1a.documentId, data('both')),
    slips('deputy', 'the deputy director’s login slips with a malformed JSON body', () => school.class1a.documentId, { raw: '{"data": {' }),
    slips('deputy', 'the deputy director’s login slips for a class that does not exist', () => 'nosuchclass0000000000', data({}), 404),
    slips('classTeacherB', 'a class teacher’s login slips for another teacher’s class', () => school.class5a.documentId, data({}), 403),
    slips('teacherA', 'a teacher’s login slips', () => school.class5a.documentId, data({}), 403),
    slips('parentA', 'a parent’s login slips', () => school.class5a.documentId, data({}), 403),

    upload('teacherA', 'a teacher’s upload over the size limit', { upload: { bytes: UPLOAD_LIMIT * 2 } }, 413),
    upload('teacherA', 'a teacher’s upload without a file', { upload: null }, 400),
    upload('teacherA', 'a teacher’s upload with malformed file info', { upload: { bytes: 100, fileInfo: '{"name": ' } }, 400),
    upload('teacherA', 'a teacher’s upload as a JSON body', data({ files: 'scan.pdf' }), 400),
    upload('parentA', 'a parent’s upload', { upload: { bytes: 100 } }, 403),
    upload('public', 'a visitor’s upload', { upload: { bytes: 100 } }, 403),
  ];
};

/* ------------------------------------------------------------------------------------------------ */
/* The archive's admin routes (admin JWT). */

const archiveCases = (): BadCase[] => {
  const admin = (
    name: string,
    method: BadCase['method'],
    url: () => string,
    body: Body,
    table: UID.Schema,
    status = 400,
    row?: () => string,
  ): BadCase => ({
    name: `an admin’s ${name}`,
    who: 'admin',
    method,
    url: () => `/records-archive${url()}`,
    body: () => body,
    table,
    status,
    row,
  });
  const PERIOD = 'api::study-period.study-period';
  const YEAR = 'api::academic-year.academic-year';
  const close = () => `/periods/${school.quarters[0].documentId}/close`;
  const archiveYear = () => `/school-years/${school.year.documentId}/archive`;
  const quarter = () => school.quarters[0].documentId;
  const year = () => school.year.documentId;
  const ACT = 'plugin::records-archive.destruction-act';
  const HOLD = 'plugin::records-archive.legal-hold';
  return [
    admin('period closing without who authorised it', 'post', close, { json: {} }, PERIOD, 400, quarter),
    admin('period closing with a number as who authorised it', 'post', close, { json: { authorisedBy: 12345 } }, PERIOD, 400, quarter),
    admin(
      'period closing with an object as who authorised it',
      'post',
      close,
      { json: { authorisedBy: { $ne: '' } } },
      PERIOD,
      400,
      quarter,
    ),
    admin('period closing with a huge authorisation string', 'post', close, { json: { authorisedBy: HUGE } }, PERIOD, 400, quarter),
    admin(
      'period closing with an unknown field',
      'post',
      close,
      { json: { authorisedBy: 'Зам. директора', force: true } },
      PERIOD,
      400,
      quarter,
    ),
    admin('period closing with a malformed JSON body', 'post', close, { raw: '{"authorisedBy": ' }, PERIOD, 400, quarter),
    admin('period closing with a JSON array as the body', 'post', close, { raw: '["Зам. директора"]' }, PERIOD, 400, quarter),
    admin(
      'closing of a period that does not exist',
      'post',
      () => '/periods/nosuchperiod0000000000000/close',
      { json: { authorisedBy: 'Зам. директора' } },
      PERIOD,
      404,
    ),
    admin(
      'closing of a period by an SQL injection as id',
      'post',
      () => `/periods/${encodeURIComponent(SQL)}/close`,
      { json: { authorisedBy: 'Зам. директора' } },
      PERIOD,
    ),
    admin('year archiving without who authorised it', 'post', archiveYear, { json: {} }, YEAR, 400, year),
    admin(
      'year archiving with an array as who authorised it',
      'post',
      archiveYear,
      { json: { authorisedBy: ['a', 'b'] } },
      YEAR,
      400,
      year,
    ),
    admin(
      'archiving of a year that does not exist',
      'post',
      () => '/school-years/nosuchyear00000000000000/archive',
      { json: { authorisedBy: 'Директор' } },
      YEAR,
      404,
    ),
    admin(
      'integrity check with an unknown field',
      'post',
      () => '/fixity-checks',
      { json: { repair: true } },
      'plugin::records-archive.fixity-check',
    ),
    admin('backup of an unknown kind', 'post', () => '/backups', { json: { kind: 'nightly' } }, 'plugin::records-archive.backup'),
    admin('backup with an unknown field', 'post', () => '/backups', { json: { path: '/etc' } }, 'plugin::records-archive.backup'),
    admin('backup with a malformed JSON body', 'post', () => '/backups', { raw: '{"kind"' }, 'plugin::records-archive.backup'),
    admin('destruction act without records', 'post', () => '/disposition/acts', { json: {} }, ACT),
    admin('destruction act with an empty list', 'post', () => '/disposition/acts', { json: { items: [] } }, ACT),
    admin('destruction act with a string as its list', 'post', () => '/disposition/acts', { json: { items: 'all' } }, ACT),
    admin(
      'destruction act of an unknown kind of record',
      'post',
      () => '/disposition/acts',
      { json: { items: [{ recordType: 'spaceship', documentId: 'x' }] } },
      ACT,
    ),
    admin(
      'destruction act of a record that does not exist',
      'post',
      () => '/disposition/acts',
      { json: { items: [{ recordType: 'audit-entry', documentId: 'nosuchdocument0000000000' }] } },
      ACT,
    ),
    admin(
      'destruction act dated 2025-13-45',
      'post',
      () => '/disposition/acts',
      { json: { date: '2025-13-45', items: [{ recordType: 'audit-entry', documentId: 'nosuchdocument0000000000' }] } },
      ACT,
    ),
    admin(
      'destruction act with an SQL injection as a record id',
      'post',
      () => '/disposition/acts',
      { json: { items: [{ recordType: 'audit-entry', documentId: SQL }] } },
      ACT,
    ),
    admin('change of a destruction act that does not exist', 'put', () => '/disposition/acts/999999', { json: { notes: 'x' } }, ACT, 404),
    admin('change of a destruction act by a word as id', 'put', () => '/disposition/acts/first', { json: { notes: 'x' } }, ACT),
    admin('approval of a destruction act that does not exist', 'post', () => '/disposition/acts/999999/approve', { none: true }, ACT, 404),
    admin('approval of a destruction act by a negative id', 'post', () => '/disposition/acts/-1/approve', { none: true }, ACT),
    admin('rejection of a destruction act without a reason', 'post', () => '/disposition/acts/999999/reject', { json: {} }, ACT),
    admin('execution of a destruction act that does not exist', 'post', () => '/disposition/acts/999999/execute', { none: true }, ACT, 404),
    admin('legal hold without a reason', 'post', () => '/disposition/holds', { json: { recordType: 'mark', documentId: 'x' } }, HOLD),
    admin(
      'legal hold on an unknown kind of record',
      'post',
      () => '/disposition/holds',
      { json: { recordType: 'spaceship', documentId: 'x', reason: 'Запрос суда' } },
      HOLD,
    ),
    admin(
      'legal hold with a huge reason',
      'post',
      () => '/disposition/holds',
      { json: { recordType: 'mark', documentId: 'nosuchdocument0000000000', reason: HUGE } },
      HOLD,
    ),
    admin('lifting of a legal hold that does not exist', 'post', () => '/disposition/holds/999999/lift', { json: {} }, HOLD, 404),
    ...paperArchiveCases(admin),
  ];
};

/** The paper archive's admin routes: carriers, the year's journals, inventory checks. */
const paperArchiveCases = (
  admin: (...args: [string, BadCase['method'], () => string, Body, UID.Schema, number?]) => BadCase,
): BadCase[] => {
  const CARRIER = 'plugin::records-archive.paper-carrier';
  const CHECK = 'plugin::records-archive.inventory-check';
  const carrier = (extra: object) => ({
    json: { recordType: 'paper-journal', title: 'Классный журнал 5А', schoolYear: '2025/2026', ...extra },
  });
  const carriers = () => '/paper-archive/carriers';
  const checks = () => '/paper-archive/checks';
  return [
    admin('paper carrier without a rule, title or year', 'post', carriers, { json: {} }, CARRIER),
    admin('paper carrier of an unknown rule', 'post', carriers, carrier({ recordType: 'spaceship' }), CARRIER),
    admin('paper carrier with an object as title', 'post', carriers, carrier({ title: { $ne: '' } }), CARRIER),
    admin('paper carrier with a huge title', 'post', carriers, carrier({ title: HUGE }), CARRIER),
    admin(
      'paper carrier with a school year that is not two consecutive years',
      'post',
      carriers,
      carrier({ schoolYear: '2025/2030' }),
      CARRIER,
    ),
    admin('paper carrier marked destroyed by hand', 'post', carriers, carrier({ state: 'destroyed' }), CARRIER),
    admin('paper carrier with an SQL injection as class', 'post', carriers, carrier({ schoolClass: SQL }), CARRIER),
    admin('paper carrier with a negative number of sheets', 'post', carriers, carrier({ sheets: -5 }), CARRIER),
    admin('paper carrier with an unknown field', 'post', carriers, carrier({ destructionActNumber: '1/2026' }), CARRIER),
    admin('paper carrier with a malformed JSON body', 'post', carriers, { raw: '{"title": ' }, CARRIER),
    admin(
      'change of a paper carrier that does not exist',
      'put',
      () => '/paper-archive/carriers/999999',
      { json: { custodian: 'Иванова' } },
      CARRIER,
      404,
    ),
    admin(
      'registration of the journals of a year that does not exist',
      'post',
      () => '/paper-archive/carriers/register-journals',
      { json: { academicYear: 'nosuchyear00000000000000' } },
      CARRIER,
      404,
    ),
    admin(
      'registration of the journals with an SQL injection as year',
      'post',
      () => '/paper-archive/carriers/register-journals',
      { json: { academicYear: SQL } },
      CARRIER,
    ),
    admin('inventory check without a commission', 'post', checks, { json: {} }, CHECK),
    admin('inventory check with a string as its commission', 'post', checks, { json: { commission: 'все' } }, CHECK),
    admin('inventory check of an unknown scope', 'post', checks, { json: { commission: ['Иванова И. И.'], scope: 'everything' } }, CHECK),
    admin('inventory check created as signed', 'post', checks, { json: { commission: ['Иванова И. И.'], state: 'signed' } }, CHECK),
    admin(
      'inventory check dated in an impossible format',
      'post',
      checks,
      { json: { commission: ['Иванова И. И.'], date: '31.12.2025' } },
      CHECK,
    ),
    admin(
      'findings of an inventory check that does not exist',
      'put',
      () => '/paper-archive/checks/999999',
      { json: { findings: [{ documentId: 'nosuchcarrier000000000000', finding: 'present' }] } },
      CHECK,
      404,
    ),
    admin(
      'finding other than present, missing or damaged',
      'put',
      () => '/paper-archive/checks/1',
      { json: { findings: [{ documentId: 'nosuchcarrier000000000000', finding: 'lost' }] } },
      CHECK,
    ),
    admin('signing of an inventory check that does not exist', 'post', () => '/paper-archive/checks/999999/sign', { json: {} }, CHECK, 404),
    admin(
      'signing of an inventory check with a body',
      'post',
      () => '/paper-archive/checks/1/sign',
      { json: { signedBy: 'Директор' } },
      CHECK,
    ),
    admin(
      'return of a held аттестат that does not exist',
      'post',
      () => '/paper-archive/stored-certificates/999999/return',
      { json: { returnedOn: '2025-06-30', receivedBy: 'Иванова Мария Петровна', receiverKind: 'parent' } },
      CARRIER,
      404,
    ),
    admin(
      'return of a held аттестат to an unknown kind of receiver, with an SQL injection as name',
      'post',
      () => '/paper-archive/stored-certificates/1/return',
      { json: { returnedOn: '2025-06-30', receivedBy: SQL, receiverKind: 'neighbour' } },
      CARRIER,
    ),
    admin(
      'return of a held аттестат dated in an impossible format, with a huge document',
      'post',
      () => '/paper-archive/stored-certificates/1/return',
      { json: { returnedOn: '30.06.2025', receivedBy: 'Иванова Мария Петровна', receiverKind: 'parent', receiverDocument: HUGE } },
      CARRIER,
    ),
    admin(
      'return of a held аттестат marking who handed it over',
      'post',
      () => '/paper-archive/stored-certificates/1/return',
      { json: { returnedOn: '2025-06-30', receivedBy: 'Иванова Мария Петровна', receiverKind: 'parent', handedOverBy: 'Директор' } },
      CARRIER,
    ),
  ];
};

/** Portfolios and rewards out of the caller's reach: a class teacher keeps only their own class's, teachers and families none. */
/** POST /api/portfolio-entries/:id/review and /api/rewards/:id/review: bad decisions, and callers who do not review. */
const reviewCases = (): BadCase[] => {
  const review = (
    who: Caller,
    name: string,
    plural: 'portfolio-entries' | 'rewards',
    body: Body,
    status = 400,
    paths?: string[],
    row: () => string = () => (plural === 'rewards' ? portfolio.reward : portfolio.entry),
  ): BadCase => ({
    name,
    who,
    method: 'post',
    url: () => `/api/${plural}/${row()}/review`,
    body: () => body,
    table: plural === 'rewards' ? 'api::reward.reward' : 'api::portfolio-entry.portfolio-entry',
    row: row().startsWith('nosuch') ? undefined : row,
    status,
    paths,
  });
  return [
    review('deputy', 'the deputy’s return of an entry without a remark', 'portfolio-entries', data({ decision: 'return' }), 400, [
      'remark',
    ]),
    review(
      'deputy',
      'the deputy’s return of an entry with a blank remark',
      'portfolio-entries',
      data({ decision: 'return', remark: '  ' }),
      400,
      ['remark'],
    ),
    review('deputy', 'the deputy’s review with an unknown decision', 'portfolio-entries', data({ decision: 'reject' }), 400, ['decision']),
    review('deputy', 'the deputy’s review with an object as decision', 'portfolio-entries', data({ decision: { $ne: '' } }), 400, [
      'decision',
    ]),
    review('deputy', 'the deputy’s review without a body', 'portfolio-entries', { none: true }, 400, ['data']),
    review('deputy', 'the deputy’s review with data as an array', 'portfolio-entries', data([{ decision: 'approve' }]), 400, ['data']),
    review('deputy', 'the deputy’s review with a huge remark', 'portfolio-entries', data({ decision: 'approve', remark: HUGE }), 400, [
      'remark',
    ]),
    review(
      'deputy',
      'the deputy’s review with an object as remark',
      'portfolio-entries',
      data({ decision: 'return', remark: { $ne: '' } }),
      400,
      ['remark'],
    ),
    review('deputy', 'the deputy’s review naming a reviewer', 'portfolio-entries', data({ decision: 'approve', reviewedBy: 1 }), 400, [
      'reviewedBy',
    ]),
    review('deputy', 'the deputy’s review with a malformed JSON body', 'portfolio-entries', { raw: '{"data": {"decision": ' }),
    review('deputy', 'the deputy’s review with a 1 MB body', 'portfolio-entries', data({ decision: 'approve', remark: ONE_MEGABYTE }), 413),
    review('director', 'the director’s return of a reward without a remark', 'rewards', data({ decision: 'return' }), 400, ['remark']),
    review('classTeacherB', 'a class teacher’s approval of an entry', 'portfolio-entries', data({ decision: 'approve' }), 403),
    review('teacherA', 'a teacher’s approval of an entry', 'portfolio-entries', data({ decision: 'approve' }), 403),
    review('secretary', 'the secretary’s approval of a reward', 'rewards', data({ decision: 'approve' }), 403),
    review('parentA', 'a parent’s approval of their child’s entry', 'portfolio-entries', data({ decision: 'approve' }), 403),
    review('public', 'a visitor’s approval of a reward', 'rewards', data({ decision: 'approve' }), 403),
    review(
      'deputy',
      'the deputy’s approval of an entry that does not exist',
      'portfolio-entries',
      data({ decision: 'approve' }),
      404,
      undefined,
      () => 'nosuchentry00000000000',
    ),
  ];
};

const portfolioReachCases = (): BadCase[] => {
  const entryOf = (student: () => string) => ({
    student: student(),
    title: 'Конкурс рисунков',
    kind: 'creative-work',
    level: 'school',
    result: 'participant',
    date: '2025-11-01',
  });
  const write = (
    who: Caller,
    name: string,
    method: 'post' | 'put' | 'delete',
    url: () => string,
    body: () => Body,
    status = 403,
  ): BadCase => ({
    name,
    who,
    method,
    url,
    body,
    table: url().includes('/rewards') ? 'api::reward.reward' : 'api::portfolio-entry.portfolio-entry',
    row: method === 'post' ? undefined : () => url().split('/').pop() as string,
    status,
  });
  return [
    write(
      'classTeacherB',
      'a class teacher’s portfolio entry for another class’s pupil',
      'post',
      () => '/api/portfolio-entries',
      () => data(entryOf(() => school.pupils5a[1].documentId)),
    ),
    write(
      'classTeacherB',
      'a class teacher’s change of another class’s portfolio entry',
      'put',
      () => `/api/portfolio-entries/${portfolio.entry}`,
      () => data({ organiser: 'Школа' }),
    ),
    write(
      'classTeacherB',
      'a class teacher’s deletion of another class’s reward',
      'delete',
      () => `/api/rewards/${portfolio.reward}`,
      () => ({ none: true }),
    ),
    write(
      'teacherA',
      'a teacher’s portfolio entry for a pupil they teach',
      'post',
      () => '/api/portfolio-entries',
      () => data(entryOf(() => school.pupils5a[1].documentId)),
    ),
    write(
      'parentA',
      'a parent’s portfolio entry for their own child',
      'post',
      () => '/api/portfolio-entries',
      () => data(entryOf(() => school.pupils5a[0].documentId)),
    ),
    write(
      'pupilA',
      'a pupil’s reward for themself',
      'post',
      () => '/api/rewards',
      () => data({ student: school.pupils5a[0].documentId, kind: 'prize', reason: 'Сам себя', date: '2025-11-01' }),
    ),
    ...reviewCases(),
    write(
      'deputy',
      'the deputy’s deletion of an achievement a reward names',
      'delete',
      () => `/api/portfolio-entries/${portfolio.entry}`,
      () => ({ none: true }),
      400,
    ),
  ];
};

/** The import of external assessment results: all rows or none, whoever sends it. */
const externalImportCases = (): BadCase[] => {
  const table = 'api::external-assessment.external-assessment' as UID.Schema;
  const post = (name: string, body: () => Body, paths?: string[], who: Caller = 'deputy', status = 400): BadCase => ({
    name,
    who,
    method: 'post',
    url: () => '/api/external-assessments/import',
    body,
    table,
    paths,
    status,
  });
  const row = (overrides: Record<string, unknown> = {}) => ({
    kind: 'vpr',
    title: 'ВПР по математике',
    date: '2026-04-15',
    subject: 'Математика',
    student: school.pupils5a[2].documentId,
    mark: 4,
    ...overrides,
  });
  return [
    post('the deputy’s import with no file and no rows', () => data({})),
    post('the deputy’s import with rows as a string', () => data({ rows: 'ВПР;5' })),
    post('the deputy’s import with a row that is a list', () => data({ rows: [['vpr', 5]] }), ['rows.1.row']),
    post('the deputy’s import of a good row and a bad mark', () => data({ rows: [row(), row({ mark: 7 })] }), ['rows.2.mark']),
    post('the deputy’s import of a row with an unknown field', () => data({ rows: [row({ isAdmin: true })] }), ['rows.1.isAdmin']),
    post('the deputy’s import of an unknown pupil', () => data({ rows: [row({ student: 'nosuchdocument0000000000' })] }), [
      'rows.1.student',
    ]),
    post('the deputy’s import with an SQL injection as the subject', () => data({ rows: [row({ subject: SQL })] }), ['rows.1.subject']),
    post('the deputy’s import of a binary file', () => ({ upload: { bytes: 2048 } })),
    post('the deputy’s import with a malformed JSON body', () => ({ raw: '{"data": {"rows": [' })),
    post('a teacher’s import', () => data({ rows: [row()] }), undefined, 'teacherA', 403),
    post('a parent’s import', () => data({ rows: [row()] }), undefined, 'parentA', 403),
  ];
};

/** A builder of POST cases to custom routes of one table, with the caller who usually sends them. */
const postCaseOf =
  (table: UID.Schema, defaultWho: Caller) =>
  (name: string, url: string, body: () => Body, paths?: string[], who: Caller = defaultWho, status = 400): BadCase => ({
    name,
    who,
    method: 'post',
    url: () => url,
    body,
    table,
    paths,
    status,
  });

/** The certificate book: the issue action and the core create refuse bad input; an entry is never updated or deleted. */
const certificateCases = (): BadCase[] => {
  const table = 'api::certificate-entry.certificate-entry' as UID.Schema;
  const issue = (overrides: Record<string, unknown> = {}) => ({
    student: school.pupils5a[0].documentId,
    level: 'basic-general',
    blankNumber: '02418000000001',
    orderNumber: '1-о',
    orderDate: '2026-06-20',
    issuedOn: '2026-06-25',
    receivedBy: 'Иванов И. С.',
    ...overrides,
  });
  const post = postCaseOf(table, 'secretary');
  return [
    post(
      'the secretary’s issue of an аттестат with typed final marks',
      '/api/certificate-entries/issue',
      () => data(issue({ marks: [{ subject: 'Математика', value: '5' }] })),
      ['marks'],
    ),
    post('the secretary’s issue with a list for data', '/api/certificate-entries/issue', () => data([issue()])),
    post('the secretary’s issue without a pupil', '/api/certificate-entries/issue', () => data(issue({ student: undefined })), ['student']),
    post('the secretary’s issue for a 5th-grade pupil', '/api/certificate-entries/issue', () => data(issue()), ['student']),
    post('the secretary’s issue for an unknown level', '/api/certificate-entries/issue', () => data(issue({ level: 'higher' })), ['level']),
    post('the secretary’s issue with a number for the blank', '/api/certificate-entries/issue', () => data(issue({ blankNumber: 12345 })), [
      'blankNumber',
    ]),
    post('the secretary’s issue dated in the future', '/api/certificate-entries/issue', () => data(issue({ issuedOn: '2999-01-01' })), [
      'issuedOn',
    ]),
    post('the secretary’s issue with a huge blank number', '/api/certificate-entries/issue', () => data(issue({ blankNumber: HUGE }))),
    post(
      'the deputy’s annulment naming no entry',
      '/api/certificate-entries',
      () => data({ kind: 'annulment', reasonNote: 'ошибка' }),
      ['original'],
      'deputy',
    ),
    post(
      'the director’s duplicate of an unknown kind',
      '/api/certificate-entries',
      () => data({ ...issue(), kind: 'copy' }),
      ['kind'],
      'director',
    ),
    post('a teacher’s issue of an аттестат', '/api/certificate-entries/issue', () => data(issue()), undefined, 'teacherA', 403),
    post('a class teacher’s entry in the book', '/api/certificate-entries', () => data(issue()), undefined, 'classTeacherB', 403),
  ];
};

/** The book of study certificates: the core create refuses bad input and typed marks; an entry is never updated or deleted. */
const studyCertificateCases = (): BadCase[] => {
  const table = 'api::study-certificate-entry.study-certificate-entry' as UID.Schema;
  const url = '/api/study-certificate-entries';
  const issue = (overrides: Record<string, unknown> = {}) => ({
    student: school.pupils5a[0].documentId,
    reason: 'part-of-programme',
    issuedOn: '2026-06-25',
    receivedBy: 'Иванов И. С.',
    ...overrides,
  });
  const post = (name: string, body: () => Body, paths?: string[], who: Caller = 'secretary', status = 400): BadCase => ({
    name,
    who,
    method: 'post',
    url: () => url,
    body,
    table,
    paths,
    status,
  });
  return [
    post('the secretary’s справка об обучении with typed marks', () => data(issue({ years: [{ subjects: [] }] })), ['years']),
    post('the secretary’s справка with a typed number', () => data(issue({ registrationNumber: 7 })), ['registrationNumber']),
    post('the secretary’s справка with a list for data', () => data([issue()])),
    post('the secretary’s справка without a pupil', () => data(issue({ student: undefined })), ['student']),
    post('the secretary’s справка for an unknown reason', () => data(issue({ reason: 'moved' })), ['reason']),
    post('the secretary’s справка «did not pass the GIA» for a 5th-grader', () => data(issue({ reason: 'gia-failed' })), ['reason']),
    post('the secretary’s справка with a number for the receiver', () => data(issue({ receivedBy: 12345 })), ['receivedBy']),
    post('the secretary’s справка dated in the future', () => data(issue({ issuedOn: '2999-01-01' })), ['issuedOn']),
    post('the secretary’s справка dated by a non-date', () => data(issue({ issuedOn: '31.02.2026' })), ['issuedOn']),
    post('the secretary’s справка with a huge receiver', () => data(issue({ receivedBy: HUGE }))),
    post('the deputy’s annulment naming no справка', () => data({ kind: 'annulment', reasonNote: 'ошибка' }), ['original'], 'deputy'),
    post('the director’s справка of an unknown kind', () => data(issue({ kind: 'duplicate' })), ['kind'], 'director'),
    post('a teacher’s справка об обучении', () => data(issue()), undefined, 'teacherA', 403),
    post('a class teacher’s справка об обучении', () => data(issue()), undefined, 'classTeacherB', 403),
    post('a parent’s справка об обучении', () => data(issue()), undefined, 'parentA', 403),
  ];
};

/** GIA results (exam-result): its create, import and acknowledgment, whoever sends them. */
const examResultCases = (): BadCase[] => {
  const table = 'api::exam-result.exam-result' as UID.Schema;
  const post = postCaseOf(table, 'deputy');
  const result = (overrides: Record<string, unknown> = {}) => ({
    examKind: 'oge',
    date: '2026-05-27',
    subject: school.math.documentId,
    student: school.pupils5a[2].documentId,
    mark: 4,
    ...overrides,
  });
  return [
    post('the deputy’s GIA result of an unknown kind', '/api/exam-results', () => data(result({ examKind: 'olympiad' })), ['examKind']),
    post('the deputy’s GIA result with an object as kind', '/api/exam-results', () => data(result({ examKind: { $ne: '' } })), [
      'examKind',
    ]),
    post('the deputy’s GIA result without a pupil', '/api/exam-results', () => data(result({ student: undefined })), ['student']),
    post('the deputy’s GIA result dated in the future', '/api/exam-results', () => data(result({ date: '2999-05-27' })), ['date']),
    post('the deputy’s GIA result with a word for the date', '/api/exam-results', () => data(result({ date: 'вчера' })), ['date']),
    post('the deputy’s ОГЭ result of a 5th-grade pupil', '/api/exam-results', () => data(result()), ['student']),
    post('a teacher’s GIA result', '/api/exam-results', () => data(result()), undefined, 'teacherA', 403),
    post('the deputy’s protocol import with no file and no rows', '/api/exam-results/import', () => data({})),
    post('the deputy’s protocol import with a row that is a list', '/api/exam-results/import', () => data({ rows: [['oge', 5]] }), [
      'rows.1.row',
    ]),
    post(
      'the deputy’s protocol import with an unknown field',
      '/api/exam-results/import',
      () => data({ rows: [{ ...result(), isAdmin: true }] }),
      ['rows.1.isAdmin'],
    ),
    post('the deputy’s protocol import of a 5th-grade pupil’s ОГЭ', '/api/exam-results/import', () => data({ rows: [result()] }), [
      'rows.1.student',
    ]),
    post('the deputy’s acknowledgment with data as a list', '/api/exam-results/nosuchdocument0000000000/acknowledge', () => data([{}]), [
      'data',
    ]),
    post(
      'the deputy’s acknowledgment with an unknown parameter',
      '/api/exam-results/nosuchdocument0000000000/acknowledge',
      () => data({ acknowledgedBy: 1 }),
      ['acknowledgedBy'],
    ),
  ];
};

/** The register of аттестат blanks: a blank line, a receipt of a range, and what only the certificate book writes. */
const certificateBlankCases = (): BadCase[] => {
  const table = 'api::certificate-blank.certificate-blank' as UID.Schema;
  const post = postCaseOf(table, 'secretary');
  const blank = (overrides: Record<string, unknown> = {}) => ({
    level: 'basic-general',
    number: '03924000000001',
    receivedOn: '2026-04-01',
    receiptDocument: 'накладная № 14 от 01.04.2026',
    ...overrides,
  });
  const receipt = (overrides: Record<string, unknown> = {}) => ({
    level: 'basic-general',
    numberFrom: '03924000000010',
    numberTo: '03924000000019',
    receivedOn: '2026-04-01',
    receiptDocument: 'накладная № 14 от 01.04.2026',
    ...overrides,
  });
  const url = '/api/certificate-blanks';
  const receive = '/api/certificate-blanks/receive';
  return [
    post('the secretary’s blank of an unknown level', url, () => data(blank({ level: 'primary' })), ['level']),
    post('the secretary’s blank with letters for its number', url, () => data(blank({ number: 'АБ12' })), ['number']),
    post('the secretary’s blank with an object for its number', url, () => data(blank({ number: { $ne: '' } })), ['number']),
    post('the secretary’s blank without a number', url, () => data(blank({ number: undefined })), ['number']),
    post('the secretary’s blank received in the future', url, () => data(blank({ receivedOn: '2999-01-01' })), ['receivedOn']),
    post('the secretary’s blank received on 30 February', url, () => data(blank({ receivedOn: '2026-02-30' })), ['receivedOn']),
    post('the secretary’s blank without a receipt document', url, () => data(blank({ receiptDocument: '' })), ['receiptDocument']),
    post('the secretary’s blank typed as issued', url, () => data(blank({ state: 'issued' })), ['state']),
    post('the secretary’s blank typed as spoiled at its receipt', url, () => data(blank({ state: 'spoiled' })), ['state']),
    post('the secretary’s blank with a typed issue day', url, () => data(blank({ issuedOn: '2026-06-25' })), ['issuedOn']),
    post('the secretary’s blank with a spoilage act while in stock', url, () => data(blank({ spoilageAct: 'акт № 1' })), ['spoilageAct']),
    post('the secretary’s blank with a list for data', url, () => data([blank()])),
    post('a teacher’s blank', url, () => data(blank()), undefined, 'teacherA', 403),
    post('a class teacher’s blank', url, () => data(blank()), undefined, 'classTeacherB', 403),
    post('the secretary’s receipt backwards', receive, () => data(receipt({ numberTo: '03924000000001' })), ['numberTo']),
    post('the secretary’s receipt of numbers of different widths', receive, () => data(receipt({ numberTo: '039240000000190' })), [
      'numberTo',
    ]),
    post('the secretary’s receipt of 5000 blanks', receive, () => data(receipt({ numberTo: '03924000005009' })), ['numberTo']),
    post('the secretary’s receipt without a first number', receive, () => data(receipt({ numberFrom: undefined })), ['numberFrom']),
    post('the secretary’s receipt with a number for the first number', receive, () => data(receipt({ numberFrom: 3924 })), ['numberFrom']),
    post('the secretary’s receipt with letters for the first number', receive, () => data(receipt({ numberFrom: 'первый' })), [
      'numberFrom',
    ]),
    post('the secretary’s receipt with an unknown field', receive, () => data(receipt({ state: 'issued' })), ['state']),
    post('the secretary’s receipt in the future', receive, () => data(receipt({ receivedOn: '2999-01-01' })), ['receivedOn']),
    post('the secretary’s receipt of an unknown level', receive, () => data(receipt({ level: 'primary' })), ['level']),
    post('the secretary’s receipt as a list', receive, () => data([receipt()]), ['data']),
    post('a teacher’s receipt of blanks', receive, () => data(receipt()), undefined, 'teacherA', 403),
    post('a parent’s receipt of blanks', receive, () => data(receipt()), undefined, 'parentA', 403),
  ];
};

/** аттестаты accepted into safekeeping at admission to grade 10 (R48): the enrolment, the day, the number, who may record. */
const senior = { enrollment: '' };
const certificateAcceptanceCases = (): BadCase[] => {
  const table = 'api::certificate-acceptance.certificate-acceptance' as UID.Schema;
  const url = '/api/certificate-acceptances';
  const post = (name: string, body: () => Body, paths?: string[], who: Caller = 'secretary', status = 400): BadCase => ({
    name,
    who,
    method: 'post',
    url: () => url,
    body,
    table,
    paths,
    status,
  });
  const accepted = (overrides: Record<string, unknown> = {}) => ({
    enrollment: senior.enrollment,
    kind: 'original',
    number: '03924000123456',
    acceptedOn: '2025-09-02',
    acceptedBy: 'Белова Н.С.',
    ...overrides,
  });
  return [
    post('the secretary’s acceptance at a 5th-grade enrolment', () => data(accepted({ enrollment: stored.enrollment })), ['enrollment']),
    post('the secretary’s acceptance without an enrolment', () => data(accepted({ enrollment: undefined })), ['enrollment']),
    post('the secretary’s acceptance naming no enrolment by a filter', () => data(accepted({ enrollment: { id: { $gt: 0 } } })), [
      'enrollment',
    ]),
    post('the secretary’s acceptance before the enrolment starts', () => data(accepted({ acceptedOn: '2025-08-20' })), ['acceptedOn']),
    post('the secretary’s acceptance dated in the future', () => data(accepted({ acceptedOn: '2999-01-01' })), ['acceptedOn']),
    post('the secretary’s acceptance on 30 February', () => data(accepted({ acceptedOn: '2026-02-30' })), ['acceptedOn']),
    post('the secretary’s acceptance without a day', () => data(accepted({ acceptedOn: undefined })), ['acceptedOn']),
    post('the secretary’s acceptance without a number', () => data(accepted({ number: '' })), ['number']),
    post('the secretary’s acceptance with an object for the number', () => data(accepted({ number: { $ne: '' } })), ['number']),
    post('the secretary’s acceptance with a huge number', () => data(accepted({ number: HUGE }))),
    post('the secretary’s acceptance of a scan', () => data(accepted({ kind: 'scan' })), ['kind']),
    post('the secretary’s acceptance with a list for data', () => data([accepted()])),
    post('a teacher’s acceptance of an аттестат', () => data(accepted()), undefined, 'teacherA', 403),
    post('a class teacher’s acceptance of an аттестат', () => data(accepted()), undefined, 'classTeacherB', 403),
    post('a parent’s acceptance of an аттестат', () => data(accepted()), undefined, 'parentA', 403),
  ];
};

/** A trajectory drawn up from the analytics' lists (R24): the body, and who may ask. */
const trajectoryFromAnalyticsCases = (): BadCase[] => {
  const post = postCaseOf('api::learning-trajectory.learning-trajectory' as UID.Schema, 'deputy');
  const url = '/api/learning-trajectories/from-analytics';
  const request = (overrides: Record<string, unknown> = {}) => ({ student: school.pupil5b.documentId, list: 'at-risk', ...overrides });
  return [
    post('the deputy’s trajectory from a list of no kind', url, () => data(request({ list: 'best' })), ['list']),
    post('the deputy’s trajectory from the lists without a pupil', url, () => data(request({ student: undefined })), ['student']),
    post('the deputy’s trajectory for a pupil given as a filter', url, () => data(request({ student: { $ne: '' } })), ['student']),
    post('the deputy’s trajectory for a pupil who does not exist', url, () => data(request({ student: 'nosuchdocument0000000000' })), [
      'student',
    ]),
    post('the deputy’s trajectory from a study period that does not exist', url, () => data(request({ period: 'nosuchperiod' })), [
      'period',
    ]),
    post('the deputy’s trajectory with an unknown parameter', url, () => data(request({ goals: [] })), ['goals']),
    post('the deputy’s trajectory with a list for data', url, () => data([request()])),
    post('the deputy’s trajectory with a malformed JSON body', url, () => ({ raw: '{"data": {"student": ' })),
    post(
      'a class teacher’s trajectory for a pupil of another class',
      url,
      () => data(request({ student: school.pupils5a[0].documentId })),
      undefined,
      'classTeacherB',
      403,
    ),
    post('a teacher’s trajectory from the lists', url, () => data(request()), undefined, 'teacherA', 403),
    post('a parent’s trajectory from the lists', url, () => data(request()), undefined, 'parentA', 403),
  ];
};

/**
 * The journal grid's writes (src/api/journal-grid): a cell, a period mark, a lesson column's header
 * and the deputy director's remark. A control work column of the 5А maths journal (maximum 20
 * points) with Петрова's «4» for 12 points, and Сидоров's mark for the first quarter, are the rows
 * the cases must leave as they were.
 */
const grid = { controlWork: '', pointsMark: '', periodMark: '' };
beforeAll(async () => {
  grid.controlWork = (
    await make(strapi, 'api::lesson.lesson', {
      journal: school.mathJournal.documentId,
      date: '2025-10-15',
      number: 3,
      topic: 'Контрольная работа: дроби',
      workType: 'control-work',
      maxPoints: 20,
      basicFromPoints: 8,
      advancedFromPoints: 15,
    })
  ).documentId;
  grid.pointsMark = (
    await make(strapi, 'api::mark.mark', {
      kind: 'current',
      journal: school.mathJournal.documentId,
      lesson: grid.controlWork,
      student: school.pupils5a[1].documentId,
      value: '4',
      points: 12,
    })
  ).documentId;
  grid.periodMark = (
    await make(strapi, 'api::mark.mark', {
      kind: 'periodic',
      journal: school.mathJournal.documentId,
      student: school.pupils5a[2].documentId,
      studyPeriod: school.quarters[0].documentId,
      value: '4',
    })
  ).documentId;
});
/** The current marks of a lesson column in one request: `POST /api/marks/batch`, all or none. */
const markBatchCases = (): BadCase[] => {
  const goodMark = (overrides: Record<string, unknown> = {}) => ({
    journal: school.mathJournal.documentId,
    lesson: school.lessons[1].documentId,
    student: school.pupils5a[2].documentId,
    value: '4',
    ...overrides,
  });
  const batch = (who: Caller, name: string, body: () => Body, status = 400, paths?: string[]): BadCase => ({
    name,
    who,
    method: 'post',
    url: () => '/api/marks/batch',
    body,
    table: 'api::mark.mark',
    status,
    paths,
  });
  return [
    batch('teacherA', 'a batch without a body', () => ({ none: true }), 400, ['data']),
    batch('teacherA', 'a batch with one mark as an object', () => data(goodMark()), 400, ['data']),
    batch('teacherA', 'a batch with a malformed JSON body', () => ({ raw: '{"data": [' })),
    batch('teacherA', 'an empty batch', () => data([]), 400, ['data']),
    batch('teacherA', 'a batch of 101 marks', () => data(Array.from({ length: 101 }, () => goodMark())), 400, ['data']),
    batch('teacherA', 'a batch with a number among the marks', () => data([goodMark(), 5]), 400, ['data.1']),
    batch('teacherA', 'a batch with a huge value string in its second mark', () => data([goodMark(), goodMark({ value: HUGE })]), 400, [
      'data.1.value',
    ]),
    batch('teacherA', 'a batch with an SQL injection as a value', () => data([goodMark({ value: SQL })]), 400, ['data.0.value']),
    batch('teacherA', 'a batch with an operator as a pupil', () => data([goodMark({ student: { $ne: null } })]), 400, ['data.0.student']),
    batch('teacherA', 'a batch with a pupil of another class', () => data([goodMark({ student: school.pupil5b.documentId })]), 400, [
      'data.0.student',
    ]),
    batch('teacherA', 'a batch with a final mark', () => data([goodMark({ kind: 'final' })]), 400, ['data.0.kind']),
    batch('teacherA', 'a batch with a field the mark does not have', () => data([goodMark({ setBy: 1, colour: 'red' })]), 400),
    batch('teacherA', 'a batch into another class’s journal', () => data([goodMark({ journal: world.journalB.documentId })]), 400),
    batch('classTeacherB', 'a batch into a journal the caller does not teach', () => data([goodMark()]), 403),
    batch('parentA', 'a parent’s batch', () => data([goodMark()]), 403),
  ];
};

const journalGridCases = (): BadCase[] => {
  const MARKS = 'api::mark.mark' as UID.Schema;
  const ATTENDANCES = 'api::attendance.attendance' as UID.Schema;
  const LESSONS = 'api::lesson.lesson' as UID.Schema;
  const REMARKS = 'api::journal-remark.journal-remark' as UID.Schema;
  const mathJournal = () => school.mathJournal.documentId;
  interface Aim {
    table?: UID.Schema;
    row?: () => string;
    journal?: () => string;
  }
  const gridCase =
    (method: 'put' | 'post', route: () => string, aim: Required<Pick<Aim, 'table'>> & Aim) =>
    (who: Caller, name: string, body: () => Body, status = 400, paths?: string[], override: Aim = {}): BadCase => ({
      name,
      who,
      method,
      url: () => `/api/journal-grid/${(override.journal ?? aim.journal ?? mathJournal)()}${route()}`,
      body,
      table: override.table ?? aim.table,
      row: override.row ?? aim.row,
      status,
      paths,
    });

  // A cell: Петрова's control work (a stored «4» for 12 points) unless a case names another.
  const goodCell = (overrides: Record<string, unknown> = {}) => ({
    lesson: grid.controlWork,
    student: school.pupils5a[1].documentId,
    text: '5',
    ...overrides,
  });
  const cell = gridCase('put', () => '/cells', { table: MARKS, row: () => grid.pointsMark });
  const attendance = { table: ATTENDANCES, row: () => stored.attendance };
  const ivanovsCell = (overrides: Record<string, unknown> = {}) =>
    goodCell({ lesson: school.lessons[0].documentId, student: school.pupils5a[0].documentId, ...overrides });

  // A period mark: Сидоров's «4» for the first quarter unless a case names another.
  const goodPeriodMark = (overrides: Record<string, unknown> = {}) => ({
    period: school.quarters[0].documentId,
    student: school.pupils5a[2].documentId,
    value: '5',
    ...overrides,
  });
  const periodMark = gridCase('put', () => '/period-marks', { table: MARKS, row: () => grid.periodMark });

  // A lesson column: the control work (maximum 20, thresholds 8 and 15, Петрова's 12 points in it).
  const column = (lesson: () => string) => gridCase('put', () => `/lessons/${lesson()}`, { table: LESSONS, row: lesson });
  const header = column(() => grid.controlWork);
  const ordinaryHeader = column(() => school.lessons[1].documentId);
  const lessonAt = (lesson: string) => gridCase('put', () => `/lessons/${lesson}`, { table: LESSONS });

  // The deputy director's remark.
  const goodRemark = (overrides: Record<string, unknown> = {}) => ({
    findings: 'Не заполнены темы уроков',
    remarks: 'Заполнить темы за сентябрь',
    ...overrides,
  });
  const remark = gridCase('post', () => '/remarks', { table: REMARKS });

  const other = (journal: () => string): Aim => ({ journal });
  return [
    // ---- PUT /api/journal-grid/:journal/cells
    cell('teacherA', 'a teacher’s grid cell without a body', () => ({ none: true })),
    cell('teacherA', 'a teacher’s grid cell not wrapped in data', () => ({ json: goodCell() })),
    cell('teacherA', 'a teacher’s grid cell with a string as body', () => ({ raw: '"5"' })),
    cell('teacherA', 'a teacher’s grid cell with data as a string', () => data('5')),
    cell('teacherA', 'a teacher’s grid cell with data as an array', () => data([goodCell()])),
    cell('teacherA', 'a teacher’s grid cell with a malformed JSON body', () => ({ raw: '{"data": {"text": ' })),
    cell('teacherA', 'a teacher’s grid cell with a 1 MB text', () => data(goodCell({ text: ONE_MEGABYTE })), 413),
    cell('teacherA', 'a teacher’s grid cell without text', () => data(goodCell({ text: undefined })), 400, ['text']),
    cell('teacherA', 'a teacher’s grid cell with a number as text', () => data(goodCell({ text: 5 })), 400, ['text']),
    cell('teacherA', 'a teacher’s grid cell with an object as text', () => data(goodCell({ text: { $ne: '' } })), 400, ['text']),
    cell('teacherA', 'a teacher’s grid cell with an array as text', () => data(goodCell({ text: ['5'] })), 400, ['text']),
    cell('teacherA', 'a teacher’s grid cell with a huge text', () => data(goodCell({ text: HUGE })), 400, ['text']),
    cell('teacherA', 'a teacher’s grid cell with an SQL injection as text', () => data(goodCell({ text: SQL })), 400, ['text']),
    cell('teacherA', 'a teacher’s grid cell with a script as text', () => data(goodCell({ text: SCRIPT })), 400, ['text']),
    cell('teacherA', 'a teacher’s grid cell «6» off the five-point scale', () => data(goodCell({ text: '6' })), 400, ['text']),
    cell('teacherA', 'a teacher’s grid cell «0» off the five-point scale', () => data(goodCell({ text: '0' })), 400, ['text']),
    cell('teacherA', 'a teacher’s grid cell «зачёт» in a maths journal', () => data(goodCell({ text: 'зачёт' })), 400, ['text']),
    cell('teacherA', 'a teacher’s grid cell «н» with an unknown mark', () => data(ivanovsCell({ text: 'н 7' })), 400, ['text'], attendance),
    cell('teacherA', 'a teacher’s grid cell «5» in a pass/fail journal', () => data(goodCell({ text: '5' })), 400, ['text'], {
      journal: () => school.peJournal.documentId,
    }),
    cell('teacherA', 'a teacher’s grid cell without a lesson', () => data(goodCell({ lesson: undefined })), 400, ['lesson']),
    cell('teacherA', 'a teacher’s grid cell with a number as lesson', () => data(goodCell({ lesson: 1 })), 400, ['lesson']),
    cell('teacherA', 'a teacher’s grid cell with a filter as lesson', () => data(goodCell({ lesson: { $ne: '' } })), 400, ['lesson']),
    cell('teacherA', 'a teacher’s grid cell with an array as lesson', () => data(goodCell({ lesson: [grid.controlWork] })), 400, [
      'lesson',
    ]),
    cell(
      'teacherA',
      'a teacher’s grid cell of a lesson that does not exist',
      () => data(goodCell({ lesson: 'nosuchlesson0000000000' })),
      400,
      ['lesson'],
    ),
    cell('teacherA', 'a teacher’s grid cell with an SQL injection as lesson', () => data(goodCell({ lesson: SQL })), 400, ['lesson']),
    cell(
      'teacherA',
      'a teacher’s grid cell of a lesson by numeric id',
      () => data(ivanovsCell({ lesson: String(school.lessons[0].id) })),
      400,
      ['lesson'],
    ),
    cell('teacherA', 'a teacher’s grid cell of another journal’s lesson', () => data(goodCell({ lesson: world.lessonB.documentId })), 400, [
      'lesson',
    ]),
    cell('teacherA', 'a teacher’s grid cell without a pupil', () => data(goodCell({ student: undefined })), 400, ['student']),
    cell('teacherA', 'a teacher’s grid cell with a number as pupil', () => data(goodCell({ student: school.pupils5a[1].id })), 400, [
      'student',
    ]),
    cell('teacherA', 'a teacher’s grid cell with a filter as pupil', () => data(goodCell({ student: { $ne: '' } })), 400, ['student']),
    cell(
      'teacherA',
      'a teacher’s grid cell of a pupil who does not exist',
      () => data(goodCell({ student: 'nosuchpupil0000000000' })),
      400,
      ['student'],
    ),
    cell('teacherA', 'a teacher’s grid cell with an SQL injection as pupil', () => data(goodCell({ student: SQL })), 400, ['student']),
    cell(
      'teacherA',
      'a teacher’s grid mark for a 5Б pupil in the 5А journal',
      () => data(goodCell({ student: school.pupil5b.documentId })),
      400,
      ['student'],
    ),
    cell(
      'teacherA',
      'a teacher’s grid absence for a 5Б pupil in the 5А journal',
      () => data(ivanovsCell({ text: 'н', student: school.pupil5b.documentId })),
      400,
      ['student'],
      attendance,
    ),
    cell('teacherA', 'a teacher’s grid cell with points above the column’s maximum', () => data(goodCell({ points: 21 })), 400, ['points']),
    cell('teacherA', 'a teacher’s grid cell with negative points', () => data(goodCell({ points: -1 })), 400, ['points']),
    cell('teacherA', 'a teacher’s grid cell with absurd points', () => data(goodCell({ points: 1e12 })), 400, ['points']),
    cell('teacherA', 'a teacher’s grid cell with a word as points', () => data(goodCell({ points: 'много' })), 400, ['points']),
    cell('teacherA', 'a teacher’s grid cell with a huge string as points', () => data(goodCell({ points: HUGE })), 400, ['points']),
    cell('teacherA', 'a teacher’s grid cell with an object as points', () => data(goodCell({ points: { $gt: 0 } })), 400, ['points']),
    cell('teacherA', 'a teacher’s grid cell with an array as points', () => data(goodCell({ points: [12] })), 400, ['points']),
    cell('teacherA', 'a teacher’s grid cell with true as points', () => data(goodCell({ points: true })), 400, ['points']),
    cell('teacherA', 'a teacher’s grid cell with points but no mark', () => data(goodCell({ text: '', points: 12 })), 400, ['points']),
    cell('teacherA', 'a teacher’s grid absence with points', () => data(goodCell({ text: 'н', points: 12 })), 400, ['points'], attendance),
    cell(
      'teacherA',
      'a teacher’s grid cell with points on a lesson without a maximum',
      () => data(ivanovsCell({ points: 3 })),
      400,
      ['points'],
      {
        row: () => world.markA.documentId,
      },
    ),
    cell('teacherA', 'a teacher’s grid cell in a journal that does not exist', () => data(goodCell()), 404, undefined, {
      journal: () => 'nosuchjournal000000000',
    }),
    cell('teacherA', 'a teacher’s grid cell with an SQL injection as journal', () => data(goodCell()), 404, undefined, {
      journal: () => encodeURIComponent(SQL),
    }),
    cell('teacherA', 'a teacher’s grid cell in a journal by numeric id', () => data(goodCell()), 404, undefined, {
      journal: () => String(school.mathJournal.id),
    }),
    // A teacher who neither teaches a journal nor leads its class is not told it exists (journal-grid.test.ts).
    cell('teacherB', 'another teacher’s grid cell in the 5А maths journal', () => data(goodCell()), 404),
    cell(
      'teacherA',
      'a teacher’s grid cell in the 5Б journal they do not teach',
      () => data(goodCell({ lesson: world.lessonB.documentId })),
      404,
      undefined,
      {
        ...other(() => world.journalB.documentId),
        row: () => world.markB.documentId,
      },
    ),
    cell('deputy', 'the deputy director’s grid cell (reads, does not write)', () => data(goodCell()), 403),
    cell('director', 'the director’s grid cell', () => data(goodCell()), 403),
    cell('parentA', 'a parent’s grid cell', () => data(goodCell()), 403),
    cell('pupilA', 'a pupil’s grid cell', () => data(goodCell()), 403),
    cell('public', 'a visitor’s grid cell', () => data(goodCell()), 403),

    // ---- PUT /api/journal-grid/:journal/period-marks
    periodMark('teacherA', 'a teacher’s period mark without a body', () => ({ none: true })),
    periodMark('teacherA', 'a teacher’s period mark not wrapped in data', () => ({ json: goodPeriodMark() })),
    periodMark('teacherA', 'a teacher’s period mark with data as a string', () => data('5')),
    periodMark('teacherA', 'a teacher’s period mark with data as an array', () => data([goodPeriodMark()])),
    periodMark('teacherA', 'a teacher’s period mark with a malformed JSON body', () => ({ raw: '{"data": {"value": ' })),
    periodMark('teacherA', 'a teacher’s period mark without a period', () => data(goodPeriodMark({ period: undefined })), 400, ['period']),
    periodMark('teacherA', 'a teacher’s period mark with a number as period', () => data(goodPeriodMark({ period: 1 })), 400, ['period']),
    periodMark('teacherA', 'a teacher’s period mark with a filter as period', () => data(goodPeriodMark({ period: { $ne: '' } })), 400, [
      'period',
    ]),
    periodMark(
      'teacherA',
      'a teacher’s period mark for a period that does not exist',
      () => data(goodPeriodMark({ period: 'nosuchperiod' })),
      400,
      ['period'],
    ),
    periodMark('teacherA', 'a teacher’s period mark with an SQL injection as period', () => data(goodPeriodMark({ period: SQL })), 400, [
      'period',
    ]),
    periodMark(
      'teacherA',
      'a teacher’s period mark for a half-year in a journal kept by quarters',
      () => data(goodPeriodMark({ period: school.halves[0].documentId })),
      400,
      ['period'],
    ),
    periodMark('teacherA', 'a teacher’s period mark without a pupil', () => data(goodPeriodMark({ student: undefined })), 400, ['student']),
    periodMark(
      'teacherA',
      'a teacher’s period mark with an array as pupil',
      () => data(goodPeriodMark({ student: [school.pupils5a[2].documentId] })),
      400,
      ['student'],
    ),
    periodMark(
      'teacherA',
      'a teacher’s period mark for a pupil who does not exist',
      () => data(goodPeriodMark({ student: 'nosuchpupil0000000000' })),
      400,
      ['student'],
    ),
    periodMark(
      'teacherA',
      'a teacher’s period mark for a 5Б pupil in the 5А journal',
      () => data(goodPeriodMark({ student: school.pupil5b.documentId })),
      400,
      ['student'],
    ),
    periodMark('teacherA', 'a teacher’s period mark without a value', () => data(goodPeriodMark({ value: undefined })), 400, ['value']),
    periodMark('teacherA', 'a teacher’s period mark with a number as value', () => data(goodPeriodMark({ value: 5 })), 400, ['value']),
    periodMark('teacherA', 'a teacher’s period mark with an object as value', () => data(goodPeriodMark({ value: { $ne: '' } })), 400, [
      'value',
    ]),
    periodMark('teacherA', 'a teacher’s period mark with an array as value', () => data(goodPeriodMark({ value: ['5'] })), 400, ['value']),
    periodMark('teacherA', 'a teacher’s period mark «6» off the scale', () => data(goodPeriodMark({ value: '6' })), 400, ['value']),
    periodMark('teacherA', 'a teacher’s period mark «н» (not a mark)', () => data(goodPeriodMark({ value: 'н' })), 400, ['value']),
    periodMark('teacherA', 'a teacher’s period mark «зачёт» in a maths journal', () => data(goodPeriodMark({ value: 'зачёт' })), 400, [
      'value',
    ]),
    periodMark('teacherA', 'a teacher’s period mark with a huge value', () => data(goodPeriodMark({ value: HUGE })), 400, ['value']),
    periodMark('teacherA', 'a teacher’s period mark with an SQL injection as value', () => data(goodPeriodMark({ value: SQL })), 400, [
      'value',
    ]),
    periodMark('teacherA', 'a teacher’s period mark with a script as value', () => data(goodPeriodMark({ value: SCRIPT })), 400, ['value']),
    periodMark('teacherA', 'a teacher’s period mark in a journal that does not exist', () => data(goodPeriodMark()), 404, undefined, {
      journal: () => 'nosuchjournal000000000',
    }),
    periodMark('teacherB', 'another teacher’s period mark in the 5А maths journal', () => data(goodPeriodMark()), 404),
    periodMark('deputy', 'the deputy director’s period mark', () => data(goodPeriodMark()), 403),
    periodMark('parentA', 'a parent’s period mark', () => data(goodPeriodMark()), 403),
    periodMark('pupilA', 'a pupil’s period mark', () => data(goodPeriodMark()), 403),

    // ---- PUT /api/journal-grid/:journal/lessons/:lesson
    header('teacherA', 'a teacher’s lesson header without a body', () => ({ none: true })),
    header('teacherA', 'a teacher’s lesson header not wrapped in data', () => ({ json: { topic: 'Дроби' } })),
    header('teacherA', 'a teacher’s lesson header with data as a string', () => data('Дроби')),
    header('teacherA', 'a teacher’s lesson header with data as an array', () => data([{ topic: 'Дроби' }])),
    header('teacherA', 'a teacher’s lesson header with a malformed JSON body', () => ({ raw: '{"data": {"topic": ' })),
    header('teacherA', 'a teacher’s lesson header with a 1 MB topic', () => data({ topic: ONE_MEGABYTE }), 413),
    header('teacherA', 'a teacher’s lesson header with a number as topic', () => data({ topic: 12345 }), 400, ['topic']),
    header('teacherA', 'a teacher’s lesson header with an object as topic', () => data({ topic: { $ne: '' } }), 400, ['topic']),
    header('teacherA', 'a teacher’s lesson header with an array as homework', () => data({ homework: ['№ 1', '№ 2'] }), 400, ['homework']),
    header('teacherA', 'a teacher’s lesson header with a huge topic', () => data({ topic: HUGE }), 400, ['topic']),
    header('teacherA', 'a teacher’s lesson header with a huge homework', () => data({ homework: HUGE }), 400, ['homework']),
    header(
      'teacherA',
      'a teacher’s lesson header with a script topic over 1000 characters',
      () => data({ topic: SCRIPT.repeat(50) }),
      400,
      ['topic'],
    ),
    header(
      'teacherA',
      'a teacher’s lesson header with an SQL injection homework over 4000 characters',
      () => data({ homework: SQL.repeat(200) }),
      400,
      ['homework'],
    ),
    header('teacherA', 'a teacher’s lesson header of an unknown work type', () => data({ workType: 'exam' }), 400, ['workType']),
    header('teacherA', 'a teacher’s lesson header with an SQL injection as work type', () => data({ workType: SQL }), 400, ['workType']),
    header('teacherA', 'a teacher’s lesson header with a number as work type', () => data({ workType: 3 }), 400, ['workType']),
    header('teacherA', 'a teacher’s lesson header with a negative weight', () => data({ weight: -1 }), 400, ['weight']),
    header('teacherA', 'a teacher’s lesson header with a zero weight', () => data({ weight: 0 }), 400, ['weight']),
    header('teacherA', 'a teacher’s lesson header with an absurd weight', () => data({ weight: 1e9 }), 400, ['weight']),
    header('teacherA', 'a teacher’s lesson header with a word as weight', () => data({ weight: 'двойной' }), 400, ['weight']),
    header('teacherA', 'a teacher’s lesson header with an object as weight', () => data({ weight: { $gt: 0 } }), 400, ['weight']),
    header('teacherA', 'a teacher’s lesson header with an array as weight', () => data({ weight: [2] }), 400, ['weight']),
    header('teacherA', 'a teacher’s lesson header with true as weight', () => data({ weight: true }), 400, ['weight']),
    header('teacherA', 'a teacher’s lesson header with a negative maximum', () => data({ maxPoints: -5 }), 400, ['maxPoints']),
    header('teacherA', 'a teacher’s lesson header with a zero maximum', () => data({ maxPoints: 0 }), 400, ['maxPoints']),
    header('teacherA', 'a teacher’s lesson header with an absurd maximum', () => data({ maxPoints: 1e9 }), 400, ['maxPoints']),
    header('teacherA', 'a teacher’s lesson header with a fractional maximum', () => data({ maxPoints: 20.5 }), 400, ['maxPoints']),
    header('teacherA', 'a teacher’s lesson header with a word as maximum', () => data({ maxPoints: 'двадцать' }), 400, ['maxPoints']),
    header('teacherA', 'a teacher’s lesson header with an object as maximum', () => data({ maxPoints: { $gt: 0 } }), 400, ['maxPoints']),
    header('teacherA', 'a teacher’s lesson header lowering the maximum below given points', () => data({ maxPoints: 10 }), 400, [
      'maxPoints',
    ]),
    header('teacherA', 'a teacher’s lesson header with a negative basic threshold', () => data({ basicFromPoints: -1 }), 400, [
      'basicFromPoints',
    ]),
    header('teacherA', 'a teacher’s lesson header with a basic threshold above the maximum', () => data({ basicFromPoints: 25 }), 400, [
      'basicFromPoints',
    ]),
    header(
      'teacherA',
      'a teacher’s lesson header with an advanced threshold below the basic one',
      () => data({ advancedFromPoints: 5 }),
      400,
      // The rules judge the pair and name the basic threshold.
      ['basicFromPoints'],
    ),
    header('teacherA', 'a teacher’s lesson header with an absurd advanced threshold', () => data({ advancedFromPoints: 1e9 }), 400, [
      'advancedFromPoints',
    ]),
    header('teacherA', 'a teacher’s lesson header with an array as threshold', () => data({ basicFromPoints: [8] }), 400, [
      'basicFromPoints',
    ]),
    ordinaryHeader('teacherA', 'a teacher’s lesson header giving an ordinary lesson a maximum', () => data({ maxPoints: 10 }), 400, [
      'maxPoints',
    ]),
    lessonAt('nosuchlesson0000000000')(
      'teacherA',
      'a teacher’s header of a lesson that does not exist',
      () => data({ topic: 'Дроби' }),
      400,
      ['lesson'],
    ),
    lessonAt(encodeURIComponent(SQL))(
      'teacherA',
      'a teacher’s header with an SQL injection as lesson',
      () => data({ topic: 'Дроби' }),
      400,
      ['lesson'],
    ),
    column(() => world.lessonB.documentId)(
      'teacherA',
      'a teacher’s header of another journal’s lesson',
      () => data({ topic: 'Дроби' }),
      400,
      ['lesson'],
    ),
    header('teacherA', 'a teacher’s lesson header in a journal that does not exist', () => data({ topic: 'Дроби' }), 404, undefined, {
      journal: () => 'nosuchjournal000000000',
    }),
    header('teacherB', 'another teacher’s lesson header in the 5А maths journal', () => data({ topic: 'Дроби' }), 404),
    header('deputy', 'the deputy director’s lesson header', () => data({ topic: 'Дроби' }), 403),
    header('parentA', 'a parent’s lesson header', () => data({ topic: 'Дроби' }), 403),
    header('pupilA', 'a pupil’s lesson header', () => data({ topic: 'Дроби' }), 403),

    // ---- POST /api/journal-grid/:journal/remarks
    remark('deputy', 'the deputy director’s grid remark without a body', () => ({ none: true })),
    remark('deputy', 'the deputy director’s grid remark not wrapped in data', () => ({ json: goodRemark() })),
    remark('deputy', 'the deputy director’s grid remark with data as a string', () => data('Замечание')),
    remark('deputy', 'the deputy director’s grid remark with data as an array', () => data([goodRemark()])),
    remark('deputy', 'the deputy director’s grid remark with a malformed JSON body', () => ({ raw: '{"data": {"remarks": ' })),
    remark('deputy', 'the deputy director’s grid remark with a 1 MB text', () => data(goodRemark({ remarks: ONE_MEGABYTE })), 413),
    remark('deputy', 'the deputy director’s grid remark with neither findings nor remarks', () => data({}), 400, ['remarks']),
    remark('deputy', 'the deputy director’s grid remark with a number as remarks', () => data(goodRemark({ remarks: 12345 })), 400, [
      'remarks',
    ]),
    remark(
      'deputy',
      'the deputy director’s grid remark with an object as findings',
      () => data(goodRemark({ findings: { $ne: '' } })),
      400,
      ['findings'],
    ),
    remark('deputy', 'the deputy director’s grid remark with an array as remarks', () => data(goodRemark({ remarks: ['а', 'б'] })), 400, [
      'remarks',
    ]),
    remark('deputy', 'the deputy director’s grid remark with huge findings', () => data(goodRemark({ findings: HUGE })), 400, ['findings']),
    remark(
      'deputy',
      'the deputy director’s grid remark with a script over 4000 characters',
      () => data(goodRemark({ remarks: SCRIPT.repeat(200) })),
      400,
      ['remarks'],
    ),
    remark('deputy', 'the deputy director’s grid remark with an SQL injection as deadline', () => data(goodRemark({ fixBy: SQL })), 400, [
      'fixBy',
    ]),
    remark(
      'deputy',
      'the deputy director’s grid remark with the impossible deadline 2025-13-45',
      () => data(goodRemark({ fixBy: '2025-13-45' })),
      400,
      ['fixBy'],
    ),
    remark('deputy', 'the deputy director’s grid remark with an object as deadline', () => data(goodRemark({ fixBy: { $gt: '' } })), 400, [
      'fixBy',
    ]),
    remark('deputy', 'the deputy director’s grid remark due before the inspection', () => data(goodRemark({ fixBy: '2020-01-01' })), 400, [
      'fixBy',
    ]),
    remark('deputy', 'the deputy director’s grid remark on a journal that does not exist', () => data(goodRemark()), 404, undefined, {
      journal: () => 'nosuchjournal000000000',
    }),
    remark('deputy', 'the deputy director’s grid remark with an SQL injection as journal', () => data(goodRemark()), 404, undefined, {
      journal: () => encodeURIComponent(SQL),
    }),
    remark('teacherA', 'a teacher’s grid remark on their own journal', () => data(goodRemark()), 403),
    remark(
      'classTeacherB',
      'a class teacher’s grid remark',
      () => data(goodRemark()),
      403,
      undefined,
      other(() => world.journalB.documentId),
    ),
    remark('director', 'the director’s grid remark', () => data(goodRemark()), 403),
    remark('parentA', 'a parent’s grid remark', () => data(goodRemark()), 403),
    remark('pupilA', 'a pupil’s grid remark', () => data(goodRemark()), 403),
    remark('public', 'a visitor’s grid remark', () => data(goodRemark()), 403),
  ];
};

const titled = (cases: BadCase[]) =>
  cases.map((badCase) => [`${badCase.name} is refused with ${badCase.status ?? 400} and changes nothing`, badCase] as const);

describe('bad input to the record types’ REST routes', () => {
  it.each(titled(typeCases()))('%s', async (_name, badCase) => {
    await expectRefused(badCase);
  });
});

describe('writes that reach records out of the caller’s reach, or that others point to', () => {
  it.each(titled(reachCases()))('%s', async (_name, badCase) => {
    await expectRefused(badCase);
  });
});

describe('writes to portfolios and rewards out of the caller’s reach', () => {
  it.each(titled(portfolioReachCases()))('%s', async (_name, badCase) => {
    await expectRefused(badCase);
  });
});

describe('bad input to the custom write routes and uploads', () => {
  it.each(titled(customCases()))('%s', async (_name, badCase) => {
    await expectRefused(badCase);
  });
});

describe('bad input to the batch of current marks', () => {
  it.each(titled(markBatchCases()))('%s', async (_name, badCase) => {
    await expectRefused(badCase);
  });
  it('takes a good batch, so each refusal above is the bad input’s doing', async () => {
    const response = await send({
      name: 'a good batch',
      who: 'teacherA',
      method: 'post',
      url: () => '/api/marks/batch',
      body: () =>
        data(
          school.pupils5a.map((pupil) => ({
            journal: school.mathJournal.documentId,
            lesson: school.lessons[1].documentId,
            student: pupil.documentId,
            value: '5',
          })),
        ),
      table: 'api::mark.mark',
    });
    expect([response.status, response.body.error]).toEqual([201, undefined]);
  });
});

describe('bad input to the journal grid’s writes', () => {
  it.each(titled(journalGridCases()))('%s', async (_name, badCase) => {
    await expectRefused(badCase);
  });
  it('takes good bodies on each route, so each refusal above is the bad input’s doing', async () => {
    const journal = `/api/journal-grid/${school.mathJournal.documentId}`;
    const good: Array<[Caller, 'put' | 'post', string, Record<string, unknown>, number]> = [
      ['teacherA', 'put', '/cells', { lesson: grid.controlWork, student: school.pupils5a[1].documentId, text: '5', points: 19 }, 200],
      [
        'teacherA',
        'put',
        '/period-marks',
        { period: school.quarters[0].documentId, student: school.pupils5a[2].documentId, value: '5' },
        200,
      ],
      [
        'teacherA',
        'put',
        `/lessons/${grid.controlWork}`,
        { topic: 'Контрольная работа: дроби и проценты', weight: '2', maxPoints: '20' },
        200,
      ],
      ['deputy', 'post', '/remarks', { remarks: 'Заполнить темы за октябрь' }, 201],
    ];
    for (const [who, method, route, body, status] of good) {
      const response = await send({
        name: route,
        who,
        method,
        url: () => `${journal}${route}`,
        body: () => data(body),
        table: 'api::mark.mark',
      });
      expect([route, response.status, response.body.error]).toEqual([route, status, undefined]);
    }
  });
});

describe('bad input to the import of external assessment results', () => {
  it.each(titled(externalImportCases()))('%s', async (_name, badCase) => {
    await expectRefused(badCase);
  });
});

describe('bad input to GIA results, their import and acknowledgment', () => {
  it.each(titled(examResultCases()))('%s', async (_name, badCase) => {
    await expectRefused(badCase);
  });
});

describe('bad input to the meetings on results, their signing and their decisions', () => {
  it.each(titled(resultsMeetingCases()))('%s', async (_name, badCase) => {
    await expectRefused(badCase);
  });
});

describe('bad input to the register of аттестат blanks', () => {
  it.each(titled(certificateBlankCases()))('%s', async (_name, badCase) => {
    await expectRefused(badCase);
  });
});

describe('bad input to the acceptance of аттестаты into safekeeping', () => {
  beforeAll(async () => {
    const class10 = await make(strapi, 'api::school-class.school-class', {
      grade: 10,
      letter: 'Я',
      academicYear: world.school.year.documentId,
    });
    const pupil = await make(strapi, 'api::student.student', {
      lastName: 'Юдина',
      firstName: 'Вера',
      gender: 'female',
      birthDate: '2010-04-04',
    });
    senior.enrollment = (
      await make(strapi, 'api::enrollment.enrollment', {
        student: pupil.documentId,
        schoolClass: class10.documentId,
        startDate: '2025-09-01',
      })
    ).documentId;
  });
  it.each(titled(certificateAcceptanceCases()))('%s', async (_name, badCase) => {
    await expectRefused(badCase);
  });
  it('a good acceptance is accepted, so each refusal above is the bad input’s doing', async () => {
    const response = await send({
      name: 'acceptance',
      who: 'secretary',
      method: 'post',
      url: () => '/api/certificate-acceptances',
      body: () =>
        data({
          enrollment: senior.enrollment,
          kind: 'original',
          number: '03924000123456',
          acceptedOn: '2025-09-02',
          acceptedBy: 'Белова Н.С.',
        }),
      table: 'api::certificate-acceptance.certificate-acceptance' as UID.Schema,
    });
    expect([response.status, response.body.error]).toEqual([201, undefined]);
  });
});

describe('bad input to the trajectory drawn up from the analytics’ lists', () => {
  it.each(titled(trajectoryFromAnalyticsCases()))('%s', async (_name, badCase) => {
    await expectRefused(badCase);
  });
});

describe('bad input to the certificate registration book', () => {
  it.each(titled(certificateCases()))('%s', async (_name, badCase) => {
    await expectRefused(badCase);
  });
});

describe('bad input to the archive’s admin routes', () => {
  it.each(titled(archiveCases()))('%s', async (_name, badCase) => {
    await expectRefused(badCase);
  });
});

describe('the corpus’s good bodies', () => {
  // Run last: each is accepted, so every refusal above is the bad input's doing, not a bad base body.
  it.each(TYPES().map((type) => [type.label, type] as const))('a good %s is accepted', async (_label, type) => {
    const response = await send({
      name: type.label,
      who: type.writer,
      method: 'post',
      url: () => `/api/${type.plural}`,
      body: () => data(type.good()),
      table: type.uid,
    });
    expect([response.status, response.body.error]).toEqual([201, undefined]);
  });
});

describe('bad input to the book of study certificates', () => {
  it.each(titled(studyCertificateCases()))('%s', async (_name, badCase) => {
    await expectRefused(badCase);
  });
});
