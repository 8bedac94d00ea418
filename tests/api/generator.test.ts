import type { Core, UID } from '@strapi/strapi';
import { todayInZone } from '../../src/school/calendar';
import { getSchoolSettings } from '../../src/school/settings';
import { generateSchool, planJournalEntries, planSchool, schoolClock, type GenerateSchoolSummary } from '../../src/demo';
import { apiAs, bootStrapi, createAccount, stopStrapi } from '../helpers/strapi';

type Row = { id: number; documentId: string; [field: string]: unknown };

const UIDS = {
  academicYears: 'api::academic-year.academic-year',
  studyPeriods: 'api::study-period.study-period',
  subjects: 'api::subject.subject',
  schoolClasses: 'api::school-class.school-class',
  students: 'api::student.student',
  enrollments: 'api::enrollment.enrollment',
  guardians: 'api::guardian.guardian',
  journals: 'api::journal.journal',
  lessons: 'api::lesson.lesson',
  marks: 'api::mark.mark',
  attendances: 'api::attendance.attendance',
  personalFiles: 'api::personal-file.personal-file',
} as const satisfies Record<string, UID.ContentType>;

const OPTIONS = { students: 60, seed: 7 };

let strapi: Core.Strapi;
let summary: GenerateSchoolSummary;

beforeAll(async () => {
  strapi = await bootStrapi();
  summary = await generateSchool(strapi, { ...OPTIONS, log: false });
});
afterAll(() => stopStrapi(strapi));

const relationsOf = (uid: UID.ContentType): string[] =>
  Object.entries(strapi.getModel(uid).attributes as Record<string, { type: string }>)
    .filter(([, attribute]) => attribute.type === 'relation')
    .map(([name]) => name);

/** A record with every relation reduced to its id(s), without the fields an update stamps anew. */
const comparable = async (uid: UID.ContentType, documentId: string): Promise<Record<string, unknown>> => {
  const populate = Object.fromEntries(relationsOf(uid).map((name) => [name, { select: ['id'] }]));
  const row = (await strapi.db.query(uid).findOne({ where: { documentId }, populate })) as Row;
  const flat: Record<string, unknown> = {};
  // Sorted by field: the order in which populated relations come back varies (on PostgreSQL especially).
  for (const [field, value] of Object.entries(row).sort(([a], [b]) => a.localeCompare(b))) {
    if (['updatedAt', 'publishedAt', 'setAt', 'createdBy', 'updatedBy', 'localizations'].includes(field)) continue;
    if (Array.isArray(value)) flat[field] = value.map((item: Row) => item.id).sort((a, b) => a - b);
    else if (value && typeof value === 'object' && 'id' in value) flat[field] = (value as Row).id;
    else flat[field] = value;
  }
  return flat;
};

/** Every n-th record (by id) among those matching `where`, up to `count`. */
const sample = async (uid: UID.ContentType, count: number, where: Record<string, unknown> = {}): Promise<string[]> => {
  const rows = (await strapi.db.query(uid).findMany({ where, select: ['documentId'], orderBy: { id: 'asc' } })) as Row[];
  const step = Math.max(1, Math.floor(rows.length / count));
  return rows
    .filter((_, index) => index % step === 0)
    .slice(0, count)
    .map((row) => row.documentId);
};

it('writes every record type, as many as the summary says', async () => {
  for (const [name, uid] of Object.entries(UIDS)) {
    const stored = await strapi.db.query(uid).count();
    expect({ name, stored }).toEqual({ name, stored: summary.counts[name as keyof typeof UIDS] });
    expect(stored).toBeGreaterThan(0);
  }
  expect(await strapi.db.query('plugin::users-permissions.user').count()).toBe(summary.counts.users);
  expect(summary.marksByKind.current + summary.marksByKind.periodic + summary.marksByKind.annual).toBe(summary.counts.marks);
  expect(summary.marksByKind.periodic).toBeGreaterThan(0);
  expect(summary.marksByKind.annual).toBeGreaterThan(0);
  const journalKinds = (await strapi.db.query(UIDS.journals).findMany({ select: ['kind'] })) as Row[];
  expect(new Set(journalKinds.map((journal) => journal.kind))).toEqual(new Set(['classroom', 'extracurricular', 'home-schooling', 'club']));
});

it('gives grade 1 lessons and attendance but no marks at all', async () => {
  expect(await strapi.db.query(UIDS.schoolClasses).count({ where: { grade: 1 } })).toBeGreaterThan(0);
  expect(await strapi.db.query(UIDS.lessons).count({ where: { journal: { schoolClass: { grade: 1 } } } })).toBeGreaterThan(0);
  expect(await strapi.db.query(UIDS.marks).count({ where: { journal: { schoolClass: { grade: 1 } } } })).toBe(0);
  expect(await strapi.db.query(UIDS.marks).count({ where: { journal: { schoolClass: { grade: 2 } } } })).toBeGreaterThan(0);
});

it('keeps one periodic mark per student × journal × period and one annual per student × journal', async () => {
  const populate = {
    student: { select: ['id'] },
    journal: { select: ['id'] },
    studyPeriod: { select: ['id', 'endDate'] },
    lesson: { select: ['id'] },
  };
  const periodic = (await strapi.db.query(UIDS.marks).findMany({ where: { kind: 'periodic' }, select: ['id', 'date'], populate })) as Row[];
  const keys = periodic.map((mark) => `${(mark.student as Row).id}:${(mark.journal as Row).id}:${(mark.studyPeriod as Row).id}`);
  expect(new Set(keys).size).toBe(periodic.length);
  expect(periodic.filter((mark) => mark.lesson !== null || mark.date !== (mark.studyPeriod as Row).endDate)).toEqual([]);
  const annual = (await strapi.db.query(UIDS.marks).findMany({ where: { kind: 'annual' }, select: ['id'], populate })) as Row[];
  const annualKeys = annual.map((mark) => `${(mark.student as Row).id}:${(mark.journal as Row).id}`);
  expect(new Set(annualKeys).size).toBe(annual.length);
});

it('puts each current mark on a lesson of its own journal, dated the lesson date', async () => {
  const current = (await strapi.db.query(UIDS.marks).findMany({
    where: { kind: 'current' },
    select: ['id', 'date'],
    populate: { journal: { select: ['id'] }, lesson: { select: ['id', 'date'], populate: { journal: { select: ['id'] } } } },
  })) as Row[];
  expect(current.length).toBe(summary.marksByKind.current);
  const wrong = current.filter((mark) => {
    const lesson = mark.lesson as (Row & { journal: Row | null }) | null;
    return !lesson || lesson.journal?.id !== (mark.journal as Row).id || lesson.date !== mark.date;
  });
  expect(wrong).toEqual([]);
});

it('plans the same school from the same seed, and stores what it planned', () => {
  const settings = getSchoolSettings(strapi);
  const context = { today: '2026-11-23', periodSchemes: settings.periodSchemes, pointMarksFromGrade: settings.pointMarksFromGrade };
  const first = planSchool(OPTIONS, context);
  const second = planSchool(OPTIONS, context);
  expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  const clock = schoolClock(settings.timeZone);
  expect(JSON.stringify(planJournalEntries(second, 40, clock))).toBe(JSON.stringify(planJournalEntries(first, 40, clock)));
  expect(planSchool({ ...OPTIONS, seed: 8 }, context).students.map((pupil) => pupil.fullName)).not.toEqual(
    first.students.map((pupil) => pupil.fullName),
  );

  const stored = planSchool(OPTIONS, { ...context, today: todayInZone(settings.timeZone) });
  expect(summary.counts.students).toBe(stored.students.length);
  expect(summary.counts.lessons).toBe(stored.lessons.length);
  expect(summary.counts.journals).toBe(stored.journals.length);
  expect(summary.counts.guardians).toBe(stored.guardians.length);
});

it('refuses to generate a year that already exists', async () => {
  await expect(generateSchool(strapi, { ...OPTIONS, log: false })).rejects.toThrow(/уже есть/);
});

it('passes the record rules: an empty update re-runs every rule on the stored records and changes nothing', async () => {
  const samples: Array<[UID.ContentType, string[]]> = [
    [UIDS.academicYears, await sample(UIDS.academicYears, 1)],
    [UIDS.studyPeriods, await sample(UIDS.studyPeriods, 10)],
    [UIDS.subjects, await sample(UIDS.subjects, 5)],
    [UIDS.schoolClasses, await sample(UIDS.schoolClasses, 4)],
    [UIDS.students, await sample(UIDS.students, 5)],
    [UIDS.guardians, await sample(UIDS.guardians, 5)],
    [
      UIDS.enrollments,
      await sample(UIDS.enrollments, 10, { $or: [{ endDate: { $notNull: true } }, { startDate: { $gt: '2025-09-01' } }] }),
    ],
    [UIDS.enrollments, await sample(UIDS.enrollments, 5)],
    [UIDS.journals, await sample(UIDS.journals, 10, { kind: { $ne: 'classroom' } })],
    [UIDS.journals, await sample(UIDS.journals, 10, { kind: 'classroom' })],
    [UIDS.lessons, await sample(UIDS.lessons, 25)],
    [UIDS.lessons, await sample(UIDS.lessons, 5, { workType: { $notNull: true } })],
    [UIDS.marks, await sample(UIDS.marks, 30, { kind: 'current' })],
    [UIDS.marks, await sample(UIDS.marks, 20, { kind: 'periodic' })],
    [UIDS.marks, await sample(UIDS.marks, 10, { kind: 'annual' })],
    [UIDS.marks, await sample(UIDS.marks, 5, { journal: { kind: 'home-schooling' } })],
    [UIDS.marks, await sample(UIDS.marks, 5, { value: { $in: ['зачтено', 'не зачтено', 'н/а'] } })],
    [UIDS.attendances, await sample(UIDS.attendances, 20)],
    [UIDS.attendances, await sample(UIDS.attendances, 5, { kind: 'late' })],
    [UIDS.attendances, await sample(UIDS.attendances, 5, { journal: { kind: 'club' } })],
    [UIDS.personalFiles, await sample(UIDS.personalFiles, 10)],
  ];
  const problems: string[] = [];
  let checked = 0;
  for (const [uid, documentIds] of samples) {
    expect({ uid, sampled: documentIds.length > 0 }).toEqual({ uid, sampled: true });
    for (const documentId of documentIds) {
      const before = await comparable(uid, documentId);
      try {
        await strapi.documents(uid).update({ documentId, data: {} } as never);
      } catch (error) {
        problems.push(`${uid} ${documentId}: ${(error as Error).message}`);
        continue;
      }
      const after = await comparable(uid, documentId);
      if (JSON.stringify(after) !== JSON.stringify(before)) {
        problems.push(`${uid} ${documentId}: the rules derive ${JSON.stringify(after)}, stored ${JSON.stringify(before)}`);
      }
      checked += 1;
    }
  }
  expect(problems).toEqual([]);
  expect(checked).toBeGreaterThan(150);
});

it('serves the generated marks over REST, and the generated staff can log in', async () => {
  const { jwt } = await createAccount(strapi, 'deputy-director', 'deputy-generator');
  const response = await apiAs(strapi, jwt).get('/api/marks?filters[kind][$eq]=periodic&pagination[pageSize]=10');
  expect(response.status).toBe(200);
  expect(response.body.data).toHaveLength(10);
  expect(response.body.meta.pagination.total).toBe(summary.marksByKind.periodic);

  const teacher = (await strapi.db.query('plugin::users-permissions.user').findOne({ where: { role: { type: 'teacher' } } })) as Row;
  const login = await apiAs(strapi).raw.post('/api/auth/local').send({ identifier: teacher.username, password: 'Demo-2025!' });
  expect(login.status).toBe(200);
  expect(typeof login.body.jwt).toBe('string');
  // Each generated staff member carries a Russian full name: «Фамилия Имя Отчество».
  expect(String(teacher.fullName)).toMatch(/^[А-ЯЁ][а-яё]+(-[А-ЯЁ][а-яё]+)? [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+$/);
});
