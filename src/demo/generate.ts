/**
 * `generateSchool(strapi, options)`: plans a realistic demo school (see plan.ts) and writes it in one
 * transaction with batched knex inserts — the fastest correct path for hundreds of thousands of rows.
 * The data is built to satisfy every record rule in src/school/records (tests re-run the rules on it).
 */
import type { Core, UID } from '@strapi/strapi';
import { todayInZone } from '../school/calendar';
import { bookLetterOf, PERSONAL_FILE_PLACE } from '../school/records/personal-file-rules';
import { getSchoolSettings } from '../school/settings';
import { BulkWriter } from './bulk-writer';
import { planJournalEntries, schoolClock, type PlannedAttendance, type PlannedMark } from './entries';
import { DEFAULT_OPTIONS, planSchool, type DemoSchoolOptions, type SchoolPlan, type StaffRole } from './plan';

const UIDS = {
  year: 'api::academic-year.academic-year',
  period: 'api::study-period.study-period',
  subject: 'api::subject.subject',
  schoolClass: 'api::school-class.school-class',
  student: 'api::student.student',
  enrollment: 'api::enrollment.enrollment',
  guardian: 'api::guardian.guardian',
  journal: 'api::journal.journal',
  lesson: 'api::lesson.lesson',
  mark: 'api::mark.mark',
  attendance: 'api::attendance.attendance',
  personalFile: 'api::personal-file.personal-file',
  user: 'plugin::users-permissions.user',
  role: 'plugin::users-permissions.role',
} as const satisfies Record<string, UID.Schema>;

export const DEFAULT_DEMO_PASSWORD = 'Demo-2025!';

export interface GenerateSchoolOptions extends DemoSchoolOptions {
  /** Password of every generated staff account (hashed once). Default: Demo-2025!. */
  staffPassword?: string;
  /** Log the summary through strapi.log (default true). */
  log?: boolean;
}

export interface GenerateSchoolSummary {
  academicYear: string;
  state: SchoolPlan['state'];
  seed: number;
  counts: {
    academicYears: number;
    studyPeriods: number;
    subjects: number;
    users: number;
    schoolClasses: number;
    students: number;
    enrollments: number;
    personalFiles: number;
    guardians: number;
    journals: number;
    lessons: number;
    marks: number;
    attendances: number;
  };
  marksByKind: { current: number; periodic: number; annual: number };
  /** Rows in relation link tables. */
  linkRows: number;
  /** All rows written: records plus links. */
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  timetableClashes: number;
}

/** Marks and absences are written in batches of about this many records. */
const ENTRY_BATCH = 5000;

const idsOf = <T>(items: readonly T[], ids: readonly number[], pick: (item: T) => number | null): Array<readonly [number, number]> =>
  items.flatMap((item, index) => {
    const target = pick(item);
    return target === null ? [] : [[ids[index] as number, target] as const];
  });

export const generateSchool = async (strapi: Core.Strapi, options: GenerateSchoolOptions = {}): Promise<GenerateSchoolSummary> => {
  const started = performance.now();
  const settings = getSchoolSettings(strapi);
  const today = todayInZone(settings.timeZone);
  const title = options.academicYear ?? DEFAULT_OPTIONS.academicYear;

  if (await strapi.db.query(UIDS.year).findOne({ where: { title } })) {
    throw new Error(`Учебный год ${title} уже есть в базе: демо-школа создаётся только на пустом году`);
  }
  const storedSubjects = (await strapi.db.query(UIDS.subject).findMany({ select: ['id', 'name', 'scale'] })) as Array<{
    id: number;
    name: string;
    scale: string;
  }>;
  const knex = strapi.db.connection;
  const userTable = (strapi.db.metadata.get(UIDS.user) as unknown as { tableName: string }).tableName;
  const takenLogins = ((await knex(userTable).select('username')) as Array<{ username: string | null }>).map((row) =>
    String(row.username ?? ''),
  );
  const roleTypes: StaffRole[] = ['teacher', 'class-teacher', 'deputy-director', 'director', 'secretary', 'archivist', 'methodologist'];
  const roles = (await strapi.db.query(UIDS.role).findMany({ where: { type: { $in: roleTypes } }, select: ['id', 'type'] })) as Array<{
    id: number;
    type: string;
  }>;
  const roleId = new Map(roles.map((role) => [role.type, role.id]));
  const missingRoles = roleTypes.filter((type) => !roleId.has(type));
  if (missingRoles.length > 0) throw new Error(`Нет ролей users-permissions: ${missingRoles.join(', ')} (их создаёт bootstrap приложения)`);

  const plan = planSchool(options, {
    today,
    periodSchemes: settings.periodSchemes,
    pointMarksFromGrade: settings.pointMarksFromGrade,
    subjectScales: Object.fromEntries(storedSubjects.map((subject) => [subject.name, subject.scale as never])),
    takenLogins,
  });
  if (plan.state === 'current' && (await strapi.db.query(UIDS.year).findOne({ where: { state: 'current' } }))) {
    throw new Error(`Год ${title} ещё идёт, а текущим уже отмечен другой учебный год: сначала закройте его`);
  }

  const { password: passwordHash } = (await strapi
    .plugin('users-permissions')
    .service('user')
    .ensureHashedPasswords({ password: options.staffPassword ?? DEFAULT_DEMO_PASSWORD })) as { password: string };
  const clock = schoolClock(settings.timeZone);
  const marksByKind = { current: 0, periodic: 0, annual: 0 };
  let marks = 0;
  let attendances = 0;
  let personalFiles = 0;
  let writer: BulkWriter | null = null;

  await knex.transaction(async (trx) => {
    const w = new BulkWriter(strapi, trx);
    writer = w;
    const { calendar } = plan;
    const [yearId] = await w.insert(UIDS.year, [{ title, startDate: calendar.startDate, endDate: calendar.endDate, state: plan.state }]);
    const periodIds = await w.insert(
      UIDS.period,
      calendar.periods.map((period) => ({
        title: period.title,
        scheme: period.scheme,
        number: period.number,
        startDate: period.startDate,
        endDate: period.endDate,
      })),
    );
    await w.link(
      UIDS.period,
      'academicYear',
      periodIds.map((id) => [id, yearId as number] as const),
    );

    const storedSubject = new Map(storedSubjects.map((subject) => [subject.name, subject.id]));
    const newSubjects = plan.subjects.filter((subject) => !storedSubject.has(subject.name));
    const newSubjectIds = await w.insert(
      UIDS.subject,
      newSubjects.map((subject) => ({
        name: subject.name,
        shortName: subject.shortName,
        scale: subject.scale,
        sortOrder: subject.sortOrder,
      })),
    );
    newSubjects.forEach((subject, index) => storedSubject.set(subject.name, newSubjectIds[index] as number));
    const subjectIds = plan.subjects.map((subject) => storedSubject.get(subject.name) as number);

    const staffIds = await w.insert(
      UIDS.user,
      plan.staff.map((member) => ({
        username: member.username,
        fullName: member.fullName,
        email: member.email,
        provider: 'local',
        password: passwordHash,
        confirmed: true,
        blocked: false,
      })),
    );
    await w.link(
      UIDS.user,
      'role',
      idsOf(plan.staff, staffIds, (member) => roleId.get(member.role) as number),
    );

    const classIds = await w.insert(
      UIDS.schoolClass,
      plan.classes.map((schoolClass) => ({
        name: schoolClass.name,
        grade: schoolClass.grade,
        letter: schoolClass.letter,
        profile: schoolClass.profile,
      })),
    );
    await w.link(
      UIDS.schoolClass,
      'academicYear',
      classIds.map((id) => [id, yearId as number] as const),
    );
    await w.link(
      UIDS.schoolClass,
      'classTeacher',
      idsOf(plan.classes, classIds, (schoolClass) => staffIds[schoolClass.classTeacher] as number),
    );

    const studentIds = await w.insert(
      UIDS.student,
      plan.students.map((pupil) => ({
        fullName: pupil.fullName,
        lastName: pupil.lastName,
        firstName: pupil.firstName,
        patronymic: pupil.patronymic,
        birthDate: pupil.birthDate,
        gender: pupil.gender,
      })),
    );
    const enrollmentIds = await w.insert(
      UIDS.enrollment,
      plan.enrollments.map((enrollment) => ({
        startDate: enrollment.startDate,
        endDate: enrollment.endDate,
        admissionOrder: enrollment.admissionOrder,
        transferOrder: enrollment.transferOrder,
        leavingOrder: enrollment.leavingOrder,
        leavingReason: enrollment.leavingReason,
      })),
    );
    await w.link(
      UIDS.enrollment,
      'student',
      idsOf(plan.enrollments, enrollmentIds, (enrollment) => studentIds[enrollment.student] as number),
    );
    await w.link(
      UIDS.enrollment,
      'schoolClass',
      idsOf(plan.enrollments, enrollmentIds, (enrollment) => classIds[enrollment.schoolClass] as number),
    );

    // Each pupil's personal file, numbered by the alphabetical book («К/5», seed 000 §1.7): opened
    // when the pupil entered grade 1 (or this class, for a newcomer), kept in the head's reception room.
    const firstEnrollment = new Map<number, (typeof plan.enrollments)[number]>();
    for (const enrollment of plan.enrollments) {
      const known = firstEnrollment.get(enrollment.student);
      if (!known || enrollment.startDate < known.startDate) firstEnrollment.set(enrollment.student, enrollment);
    }
    const files = plan.students
      .map((pupil, index) => {
        const enrollment = firstEnrollment.get(index);
        const grade = enrollment ? (plan.classes[enrollment.schoolClass]?.grade ?? 1) : 1;
        const year = Number((enrollment?.startDate ?? plan.calendar.startDate).slice(0, 4)) - (grade - 1);
        return { index, letter: bookLetterOf(pupil.lastName), openedOn: `${year}-09-01`, order: enrollment?.admissionOrder ?? null };
      })
      .filter((file): file is typeof file & { letter: string } => file.letter !== null)
      .sort(
        (a, b) =>
          a.openedOn.localeCompare(b.openedOn) || plan.students[a.index].fullName.localeCompare(plan.students[b.index].fullName, 'ru'),
      );
    const perLetter = new Map<string, number>();
    const numbered = files.map((file) => {
      const sequence = (perLetter.get(file.letter) ?? 0) + 1;
      perLetter.set(file.letter, sequence);
      return { ...file, sequence };
    });
    personalFiles = numbered.length;
    const fileIds = await w.insert(
      UIDS.personalFile,
      numbered.map((file) => ({
        number: `${file.letter}/${file.sequence}`,
        letter: file.letter,
        sequence: file.sequence,
        openedOn: file.openedOn,
        admissionOrder: file.order,
        state: 'open',
        storagePlace: PERSONAL_FILE_PLACE,
      })),
    );
    await w.link(
      UIDS.personalFile,
      'student',
      numbered.map((file, index) => [fileIds[index] as number, studentIds[file.index] as number] as const),
    );

    const guardianIds = await w.insert(
      UIDS.guardian,
      plan.guardians.map((guardian) => ({
        fullName: guardian.fullName,
        lastName: guardian.lastName,
        firstName: guardian.firstName,
        patronymic: guardian.patronymic,
        kinship: guardian.kinship,
        phone: guardian.phone,
        email: guardian.email,
      })),
    );
    await w.link(
      UIDS.guardian,
      'children',
      plan.guardians.flatMap((guardian, index) =>
        guardian.children.map((child) => [guardianIds[index] as number, studentIds[child] as number] as const),
      ),
    );

    const journalIds = await w.insert(
      UIDS.journal,
      plan.journals.map((journal) => ({ title: journal.title, kind: journal.kind, subgroup: journal.subgroup })),
    );
    await w.link(
      UIDS.journal,
      'schoolClass',
      idsOf(plan.journals, journalIds, (journal) => (journal.schoolClass === null ? null : (classIds[journal.schoolClass] as number))),
    );
    await w.link(
      UIDS.journal,
      'subject',
      idsOf(plan.journals, journalIds, (journal) => subjectIds[journal.subject] as number),
    );
    await w.link(
      UIDS.journal,
      'academicYear',
      journalIds.map((id) => [id, yearId as number] as const),
    );
    await w.link(
      UIDS.journal,
      'teachers',
      plan.journals.flatMap((journal, index) =>
        journal.teachers.map((teacher) => [journalIds[index] as number, staffIds[teacher] as number] as const),
      ),
    );
    await w.link(
      UIDS.journal,
      'pupils',
      plan.journals.flatMap((journal, index) =>
        journal.pupils.map((pupil) => [journalIds[index] as number, studentIds[pupil] as number] as const),
      ),
    );

    const lessonIds = await w.insert(
      UIDS.lesson,
      plan.lessons.map((lesson) => ({
        date: lesson.date,
        number: lesson.number,
        topic: lesson.topic,
        homework: lesson.homework,
        workType: lesson.workType,
      })),
    );
    await w.link(
      UIDS.lesson,
      'journal',
      idsOf(plan.lessons, lessonIds, (lesson) => journalIds[lesson.journal] as number),
    );
    await w.link(
      UIDS.lesson,
      'studyPeriod',
      idsOf(plan.lessons, lessonIds, (lesson) => (lesson.period === null ? null : (periodIds[lesson.period] as number))),
    );

    const markBuffer: PlannedMark[] = [];
    const attendanceBuffer: PlannedAttendance[] = [];
    const flush = async (): Promise<void> => {
      const markIds = await w.insert(
        UIDS.mark,
        markBuffer.map((mark) => ({
          kind: mark.kind,
          value: mark.value,
          numericValue: mark.numericValue,
          weight: mark.weight,
          workType: mark.workType,
          date: mark.date,
          setAt: mark.setAt,
        })),
      );
      await w.link(
        UIDS.mark,
        'student',
        idsOf(markBuffer, markIds, (mark) => studentIds[mark.student] as number),
      );
      await w.link(
        UIDS.mark,
        'journal',
        idsOf(markBuffer, markIds, (mark) => journalIds[mark.journal] as number),
      );
      await w.link(
        UIDS.mark,
        'lesson',
        idsOf(markBuffer, markIds, (mark) => (mark.lesson === null ? null : (lessonIds[mark.lesson] as number))),
      );
      await w.link(
        UIDS.mark,
        'studyPeriod',
        idsOf(markBuffer, markIds, (mark) => (mark.period === null ? null : (periodIds[mark.period] as number))),
      );
      await w.link(
        UIDS.mark,
        'setBy',
        idsOf(markBuffer, markIds, (mark) => (mark.setBy === null ? null : (staffIds[mark.setBy] as number))),
      );
      const attendanceIds = await w.insert(
        UIDS.attendance,
        attendanceBuffer.map((entry) => ({
          kind: entry.kind,
          minutesLate: entry.minutesLate,
          date: entry.date,
          comment: entry.comment,
          setAt: entry.setAt,
        })),
      );
      await w.link(
        UIDS.attendance,
        'student',
        idsOf(attendanceBuffer, attendanceIds, (entry) => studentIds[entry.student] as number),
      );
      await w.link(
        UIDS.attendance,
        'lesson',
        idsOf(attendanceBuffer, attendanceIds, (entry) => lessonIds[entry.lesson] as number),
      );
      await w.link(
        UIDS.attendance,
        'journal',
        idsOf(attendanceBuffer, attendanceIds, (entry) => journalIds[entry.journal] as number),
      );
      await w.link(
        UIDS.attendance,
        'setBy',
        idsOf(attendanceBuffer, attendanceIds, (entry) => (entry.setBy === null ? null : (staffIds[entry.setBy] as number))),
      );
      markBuffer.length = 0;
      attendanceBuffer.length = 0;
    };
    for (let journal = 0; journal < plan.journals.length; journal += 1) {
      const entries = planJournalEntries(plan, journal, clock);
      for (const mark of entries.marks) {
        markBuffer.push(mark);
        marksByKind[mark.kind] += 1;
      }
      attendanceBuffer.push(...entries.attendance);
      marks += entries.marks.length;
      attendances += entries.attendance.length;
      if (markBuffer.length + attendanceBuffer.length >= ENTRY_BATCH) await flush();
    }
    await flush();
  });

  const seconds = (performance.now() - started) / 1000;
  const rows = (writer as BulkWriter | null)?.rows ?? 0;
  const summary: GenerateSchoolSummary = {
    academicYear: title,
    state: plan.state,
    seed: plan.seed,
    counts: {
      academicYears: 1,
      studyPeriods: plan.calendar.periods.length,
      subjects: plan.subjects.length,
      users: plan.staff.length,
      schoolClasses: plan.classes.length,
      students: plan.students.length,
      enrollments: plan.enrollments.length,
      personalFiles,
      guardians: plan.guardians.length,
      journals: plan.journals.length,
      lessons: plan.lessons.length,
      marks,
      attendances,
    },
    marksByKind,
    linkRows: (writer as BulkWriter | null)?.linkRows ?? 0,
    rows,
    seconds: Math.round(seconds * 100) / 100,
    rowsPerSecond: Math.round(rows / Math.max(seconds, 0.001)),
    timetableClashes: plan.timetableClashes,
  };
  if (options.log !== false) {
    const counts = Object.entries(summary.counts)
      .map(([name, count]) => `${name}=${count}`)
      .join(', ');
    strapi.log.info(
      `[demo] ${title} (${plan.state}), seed ${plan.seed}: ${counts}; marks current/periodic/annual = ${marksByKind.current}/${marksByKind.periodic}/${marksByKind.annual}; ` +
        `${rows} rows (${summary.linkRows} links) in ${summary.seconds} s, ${summary.rowsPerSecond} rows/s`,
    );
  }
  return summary;
};
