/**
 * The pure, deterministic plan of a demo school: every record the generator will write, with
 * references as indexes into the plan's lists. Nothing here touches the database, so the same seed
 * (and the same `today`) always gives the same plan.
 */
import { JOURNAL_KIND_TITLES } from '../school/records/structure-rules';
import { schemeForGrade } from '../school/rules/study-periods';
import type { PeriodSchemeRange } from '../school/settings';
import { CURRICULUM, EXTRA_SUBJECTS, groupOf, maxLessonsPerDay, subjectsOfGrade, type DemoScale, type TeacherGroup } from './curriculum';
import { lessonContents, type WorkType } from './lesson-content';
import { drawAbility } from './mark-math';
import {
  BOY_NAMES,
  fullNameOf,
  GIRL_NAMES,
  loginOf,
  MEN_NAMES,
  patronymicOf,
  SURNAMES,
  surnameForGender,
  transliterate,
  uniqueLogin,
  WOMEN_NAMES,
  type Gender,
} from './names';
import { mixSeed, Random } from './random';
import { addDays, buildSchoolCalendar, russianDate, schoolDaysOfGrade, type DemoScheme, type SchoolCalendar } from './school-calendar';
import { buildTimetable, type ClassWeekInput } from './timetable';

export interface DemoSchoolOptions {
  /** Number of pupils (default 825: 33 classes of 25). */
  students?: number;
  /** Seed of the pseudo-random generator (default 1). */
  seed?: number;
  /** The school year, «2025/2026» by default. */
  academicYear?: string;
}

export interface PlanContext {
  /** Today in the school's time zone: marks and absences are only planned up to it. */
  today: string;
  periodSchemes?: PeriodSchemeRange[];
  pointMarksFromGrade?: number;
  /** Scales of subjects already stored (they are reused, and marks must follow their scale). */
  subjectScales?: Record<string, DemoScale>;
  /** Logins already taken by other accounts. */
  takenLogins?: Iterable<string>;
}

export const DEFAULT_OPTIONS = { students: 825, seed: 1, academicYear: '2025/2026' } as const;

export type StaffRole = 'teacher' | 'class-teacher' | 'deputy-director' | 'director' | 'secretary' | 'archivist' | 'methodologist';
export type JournalKind = 'classroom' | 'extracurricular' | 'club' | 'home-schooling';
export type AbsenceStatus = 'absent' | 'ill' | 'excused' | 'late';

export interface PlannedSubject {
  name: string;
  shortName: string;
  scale: DemoScale;
  sortOrder: number;
  hard: boolean;
}

export interface PlannedPerson {
  lastName: string;
  firstName: string;
  patronymic: string;
  fullName: string;
  gender: Gender;
}

export interface PlannedStaff extends PlannedPerson {
  username: string;
  email: string;
  role: StaffRole;
  position: string;
}

export interface PlannedClass {
  grade: number;
  letter: string;
  name: string;
  profile: string | null;
  scheme: DemoScheme;
  classTeacher: number;
}

export interface PlannedStudent extends PlannedPerson {
  birthDate: string;
  ability: number;
}

export interface PlannedEnrollment {
  student: number;
  schoolClass: number;
  startDate: string;
  endDate: string | null;
  admissionOrder: string | null;
  transferOrder: string | null;
  leavingOrder: string | null;
  leavingReason: 'transferred-to-other-school' | 'transferred-within-school' | null;
}

export interface PlannedGuardian extends PlannedPerson {
  kinship: 'mother' | 'father';
  phone: string;
  email: string | null;
  children: number[];
}

export interface PlannedJournal {
  kind: JournalKind;
  schoolClass: number | null;
  subject: number;
  subgroup: string | null;
  title: string;
  teachers: number[];
  /** The journal's own list of pupils (home schooling, clubs); empty: the whole class. */
  pupils: number[];
  /** Pupils of the class who do not attend (they are taught at home in this subject). */
  excludedPupils: number[];
  weeklyHours: number;
  /** Whether the journal has marks (grade 1, clubs and extracurricular activities have none). */
  graded: boolean;
  grade: number;
  /** The class's period scheme; null for journals that gather pupils from several classes. */
  scheme: DemoScheme | null;
  slots: Array<{ weekday: number; number: number }>;
}

export interface PlannedLesson {
  journal: number;
  date: string;
  number: number;
  /** Index into calendar.periods, or null (journals without a class). */
  period: number | null;
  topic: string;
  homework: string | null;
  workType: WorkType | null;
}

export interface SchoolPlan {
  seed: number;
  calendar: SchoolCalendar;
  state: 'planned' | 'current' | 'closed';
  /** The last date with marks and absences. */
  asOf: string;
  pointMarksFromGrade: number;
  subjects: PlannedSubject[];
  staff: PlannedStaff[];
  classes: PlannedClass[];
  students: PlannedStudent[];
  enrollments: PlannedEnrollment[];
  guardians: PlannedGuardian[];
  journals: PlannedJournal[];
  /** Grouped by journal, in date and lesson-number order. */
  lessons: PlannedLesson[];
  /** For each journal, [first, end) in `lessons`. */
  lessonRanges: Array<[number, number]>;
  /** Whole days a pupil misses: illness spells and excused days. */
  absences: Array<Record<string, 'ill' | 'excused'>>;
  timetableClashes: number;
}

const LETTERS = ['А', 'Б', 'В'];
const TARGET_CLASS_SIZE = 25;
const WEEKLY_LOAD = 24;

const POSITIONS: Record<TeacherGroup, string> = {
  primary: 'учитель начальных классов',
  russian: 'учитель русского языка и литературы',
  math: 'учитель математики',
  foreign: 'учитель английского языка',
  informatics: 'учитель информатики',
  history: 'учитель истории и обществознания',
  geography: 'учитель географии',
  biology: 'учитель биологии',
  physics: 'учитель физики',
  chemistry: 'учитель химии',
  art: 'учитель ИЗО',
  music: 'учитель музыки',
  technology: 'учитель труда (технологии)',
  obzr: 'преподаватель-организатор ОБЗР',
  pe: 'учитель физической культуры',
  'class-teacher': 'учитель',
};

/** Splits `total` over weights by largest remainder (the parts add up exactly). */
const apportion = (total: number, weights: readonly number[]): number[] => {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const parts = exact.map(Math.floor);
  const order = exact
    .map((value, index) => ({ index, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest || a.index - b.index);
  const missing = total - parts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k += 1) parts[(order[k] as { index: number }).index] += 1;
  return parts;
};

const randomDate = (rng: Random, from: string, to: string): string => {
  const start = Date.parse(`${from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - start) / 86400000);
  return addDays(from, rng.int(0, Math.max(0, days)));
};

/** A birth date that fits the grade on 1 September: mostly 6½–8 at school entry, some a year older. */
const birthDateFor = (rng: Random, grade: number, firstYear: number): string => {
  const anchor = firstYear - 6 - grade;
  const roll = rng.next();
  if (roll < 0.84) return randomDate(rng, `${anchor - 1}-09-01`, `${anchor}-08-31`);
  if (roll < 0.94) return randomDate(rng, `${anchor}-09-01`, `${anchor + 1}-01-31`);
  return randomDate(rng, `${anchor - 2}-09-01`, `${anchor - 1}-08-31`);
};

const phoneOf = (rng: Random): string =>
  `+7 (9${rng.int(0, 9)}${rng.int(0, 9)}) ${rng.int(100, 999)}-${String(rng.int(0, 99)).padStart(2, '0')}-${String(rng.int(0, 99)).padStart(2, '0')}`;

export const journalTitle = (kind: JournalKind, className: string | null, subject: string, subgroup: string | null, year: string): string =>
  [className, subject, subgroup, kind === 'classroom' ? null : JOURNAL_KIND_TITLES[kind], year].filter(Boolean).join(' · ');

export const planSchool = (options: DemoSchoolOptions, context: PlanContext): SchoolPlan => {
  const students = options.students ?? DEFAULT_OPTIONS.students;
  const seed = options.seed ?? DEFAULT_OPTIONS.seed;
  const yearTitle = options.academicYear ?? DEFAULT_OPTIONS.academicYear;
  if (!Number.isInteger(students) || students < 11) throw new Error('Демо-школе нужно не меньше 11 обучающихся (по классу на параллель)');
  if (!Number.isInteger(seed)) throw new Error('seed — целое число');
  const pointMarksFromGrade = context.pointMarksFromGrade ?? 2;
  const schemes = context.periodSchemes ?? [
    { fromGrade: 1, toGrade: 9, scheme: 'quarter' },
    { fromGrade: 10, toGrade: 11, scheme: 'half-year' },
  ];
  const calendar = buildSchoolCalendar(yearTitle);
  const firstYear = Number(yearTitle.slice(0, 4));
  const { today } = context;
  const state = today > calendar.endDate ? 'closed' : today < calendar.startDate ? 'planned' : 'current';
  const asOf = state === 'closed' ? calendar.endDate : state === 'planned' ? addDays(calendar.startDate, -1) : today;
  const rng = new Random(mixSeed(seed, 1));
  const lastLessonDay = (calendar.periods.at(-1) as { endDate: string }).endDate;

  // Subjects: the curriculum, then clubs; stored subjects keep their scale.
  const subjects: PlannedSubject[] = [...CURRICULUM, ...EXTRA_SUBJECTS].map((definition) => ({
    name: definition.name,
    shortName: definition.shortName,
    scale: context.subjectScales?.[definition.name] ?? definition.scale,
    sortOrder: definition.sortOrder,
    hard: definition.hard ?? false,
  }));
  const subjectIndex = new Map(subjects.map((subject, index) => [subject.name, index]));
  const subjectNamed = (name: string): number => subjectIndex.get(name) as number;

  // Classes: 1-3 parallel classes per grade, about 25 pupils each; fewer pupils in grades 10-11.
  const pupilsPerGrade = apportion(
    students,
    Array.from({ length: 11 }, (_, index) => (index < 9 ? 1 : 0.6)),
  );
  const classes: PlannedClass[] = [];
  const classSizes: number[] = [];
  pupilsPerGrade.forEach((pupils, index) => {
    const grade = index + 1;
    const scheme = schemeForGrade(grade, schemes);
    if (scheme !== 'quarter' && scheme !== 'half-year') {
      throw new Error(`Демо-школа знает четверти и полугодия; для ${grade} класса настроено: ${String(scheme)}`);
    }
    const count = Math.min(LETTERS.length, Math.max(1, Math.round(pupils / TARGET_CLASS_SIZE)));
    apportion(
      pupils,
      Array.from({ length: count }, () => 1),
    ).forEach((size, letterIndex) => {
      const letter = LETTERS[letterIndex] as string;
      classes.push({ grade, letter, name: `${grade}${letter}`, profile: grade >= 10 ? 'универсальный' : null, scheme, classTeacher: -1 });
      classSizes.push(size);
    });
  });

  // Staff: the administration, a primary teacher per class of grades 1-4, subject teachers by load.
  const staff: PlannedStaff[] = [];
  const takenLogins = new Set([...(context.takenLogins ?? [])].map((login) => login.toLowerCase()));
  const takenNames = new Set<string>();
  const hire = (role: StaffRole, position: string, femaleShare: number): number => {
    let person: PlannedPerson;
    do {
      const gender: Gender = rng.chance(femaleShare) ? 'female' : 'male';
      const lastName = surnameForGender(rng.pick(SURNAMES), gender);
      const firstName = gender === 'female' ? rng.pick(WOMEN_NAMES) : (rng.pick(MEN_NAMES)[0] as string);
      const patronymic = patronymicOf(rng.pick(MEN_NAMES)[0] as string, gender);
      person = { lastName, firstName, patronymic, fullName: fullNameOf({ lastName, firstName, patronymic }), gender };
    } while (takenNames.has(person.fullName));
    takenNames.add(person.fullName);
    const username = uniqueLogin(loginOf(person), takenLogins);
    staff.push({ ...person, username, email: `${username}@school.local`, role, position });
    return staff.length - 1;
  };
  hire('director', 'директор', 0.6);
  hire('deputy-director', 'заместитель директора по УВР', 0.85);
  hire('secretary', 'секретарь учебной части', 0.95);
  hire('archivist', 'администратор системы (архивариус)', 0.4);
  hire('methodologist', 'руководитель методического объединения', 0.9);

  const teacherOf = new Map<string, number>();
  const hoursOf = new Map<string, number>();
  const key = (classIndex: number, group: TeacherGroup): string => `${classIndex}:${group}`;
  classes.forEach((schoolClass, classIndex) => {
    for (const { subject, hours } of subjectsOfGrade(schoolClass.grade)) {
      const group = groupOf(subject, schoolClass.grade);
      hoursOf.set(key(classIndex, group), (hoursOf.get(key(classIndex, group)) ?? 0) + hours);
    }
    if (schoolClass.grade <= 4) {
      const teacher = hire('class-teacher', POSITIONS.primary, 0.95);
      teacherOf.set(key(classIndex, 'primary'), teacher);
      schoolClass.classTeacher = teacher;
    }
  });
  const subjectGroups: TeacherGroup[] = [
    'russian',
    'math',
    'foreign',
    'informatics',
    'history',
    'geography',
    'biology',
    'physics',
    'chemistry',
    'art',
    'music',
    'technology',
    'obzr',
    'pe',
  ];
  const teachersOfGroup = new Map<TeacherGroup, number[]>();
  for (const group of subjectGroups) {
    const classLoads = classes.map((_, classIndex) => hoursOf.get(key(classIndex, group)) ?? 0);
    const total = classLoads.reduce((a, b) => a + b, 0);
    if (total === 0) continue;
    const maleShare =
      group === 'pe' || group === 'obzr' || group === 'technology' ? 0.6 : group === 'informatics' || group === 'physics' ? 0.35 : 0.12;
    const teachers = Array.from({ length: Math.max(1, Math.ceil(total / WEEKLY_LOAD)) }, () =>
      hire('teacher', POSITIONS[group], 1 - maleShare),
    );
    const loads = teachers.map(() => 0);
    classLoads.forEach((load, classIndex) => {
      if (load === 0) return;
      const lightest = loads.indexOf(Math.min(...loads));
      loads[lightest] += load;
      teacherOf.set(key(classIndex, group), teachers[lightest] as number);
    });
    teachersOfGroup.set(group, teachers);
  }
  // Class teachers of grades 5-11: the teacher with the most hours in the class who leads no class yet.
  const leads = new Set(classes.map((schoolClass) => schoolClass.classTeacher).filter((teacher) => teacher >= 0));
  classes.forEach((schoolClass, classIndex) => {
    if (schoolClass.classTeacher >= 0) return;
    const candidates = subjectGroups
      .map((group) => ({
        teacher: teacherOf.get(key(classIndex, group)),
        hours: hoursOf.get(key(classIndex, group)) ?? 0,
        tie: rng.next(),
      }))
      .filter((candidate): candidate is { teacher: number; hours: number; tie: number } => candidate.teacher !== undefined)
      .sort((a, b) => b.hours - a.hours || a.tie - b.tie);
    const free = candidates.find((candidate) => !leads.has(candidate.teacher));
    const otherFree = [...teachersOfGroup.values()].flat().find((teacher) => !leads.has(teacher));
    const chosen = free?.teacher ?? otherFree ?? (candidates[0] as { teacher: number }).teacher;
    schoolClass.classTeacher = chosen;
    leads.add(chosen);
    (staff[chosen] as PlannedStaff).role = 'class-teacher';
  });
  classes.forEach((schoolClass, classIndex) => teacherOf.set(key(classIndex, 'class-teacher'), schoolClass.classTeacher));

  // Pupils, by class.
  const studentList: PlannedStudent[] = [];
  const gradeOfStudent: number[] = [];
  const classOfStudent: number[] = [];
  classes.forEach((schoolClass, classIndex) => {
    for (let k = 0; k < (classSizes[classIndex] as number); k += 1) {
      const gender: Gender = rng.chance(0.51) ? 'male' : 'female';
      studentList.push({
        lastName: '',
        firstName: '',
        patronymic: '',
        fullName: '',
        gender,
        birthDate: birthDateFor(rng, schoolClass.grade, firstYear),
        ability: drawAbility(rng),
      });
      gradeOfStudent.push(schoolClass.grade);
      classOfStudent.push(classIndex);
    }
  });

  // Families: most pupils are only children here, some have a brother or sister in another grade.
  const families: number[][] = [];
  const inFamily = new Set<number>();
  const shuffled = rng.shuffle(studentList.map((_, index) => index));
  shuffled.forEach((pupil, position) => {
    if (inFamily.has(pupil)) return;
    const family = [pupil];
    inFamily.add(pupil);
    const siblings = rng.chance(0.2) ? (rng.chance(0.15) ? 2 : 1) : 0;
    for (let s = 0; s < siblings; s += 1) {
      const sibling = shuffled.slice(position + 1, position + 60).find(
        (candidate) =>
          !inFamily.has(candidate) &&
          family.every((member) => {
            const gap = Math.abs((gradeOfStudent[member] as number) - (gradeOfStudent[candidate] as number));
            return gap >= 1 && gap <= 7;
          }),
      );
      if (sibling === undefined) break;
      family.push(sibling);
      inFamily.add(sibling);
    }
    families.push(
      family.sort((a, b) => (studentList[a] as PlannedStudent).birthDate.localeCompare((studentList[b] as PlannedStudent).birthDate)),
    );
  });
  const guardians: PlannedGuardian[] = [];
  const guardianOf = (kinship: 'mother' | 'father', lastName: string, firstName: string, children: number[]): PlannedGuardian => {
    const gender: Gender = kinship === 'mother' ? 'female' : 'male';
    const patronymic = patronymicOf(rng.pick(MEN_NAMES)[0] as string, gender);
    const email = rng.chance(0.75)
      ? `${transliterate(firstName)}.${transliterate(lastName)}${rng.int(70, 99)}@${rng.pick(['example.com', 'example.org', 'example.net'])}`
      : null;
    return {
      lastName,
      firstName,
      patronymic,
      fullName: fullNameOf({ lastName, firstName, patronymic }),
      gender,
      kinship,
      phone: phoneOf(rng),
      email,
      children,
    };
  };
  for (const family of families) {
    const surname = rng.pick(SURNAMES);
    const father = rng.pick(MEN_NAMES)[0] as string;
    const usedNames = new Set<string>();
    for (const child of family) {
      const pupil = studentList[child] as PlannedStudent;
      let firstName: string;
      do firstName = rng.pick(pupil.gender === 'male' ? BOY_NAMES : GIRL_NAMES);
      while (usedNames.has(firstName));
      usedNames.add(firstName);
      pupil.firstName = firstName;
      pupil.lastName = surnameForGender(surname, pupil.gender);
      pupil.patronymic = patronymicOf(father, pupil.gender);
      pupil.fullName = fullNameOf(pupil);
    }
    const shape = rng.weighted<'both' | 'mother' | 'father'>([
      ['both', 70],
      ['mother', 24],
      ['father', 6],
    ]);
    if (shape !== 'father') {
      const motherSurname = rng.chance(0.08) ? surnameForGender(rng.pick(SURNAMES), 'female') : surnameForGender(surname, 'female');
      guardians.push(guardianOf('mother', motherSurname, rng.pick(WOMEN_NAMES), family));
    }
    if (shape !== 'mother') guardians.push(guardianOf('father', surname, father, family));
  }

  // Movements: a few pupils leave for other schools, a few join, one or two change class.
  const schoolDaysCache = new Map<string, ReturnType<typeof schoolDaysOfGrade>>();
  const schoolDays = (scheme: DemoScheme, grade: number) => {
    const cacheKey = `${scheme}:${grade}`;
    if (!schoolDaysCache.has(cacheKey)) schoolDaysCache.set(cacheKey, schoolDaysOfGrade(calendar, scheme, grade));
    return schoolDaysCache.get(cacheKey) as ReturnType<typeof schoolDaysOfGrade>;
  };
  const movementDay = (classIndex: number, from: string, to: string): string | null => {
    const schoolClass = classes[classIndex] as PlannedClass;
    const days = schoolDays(schoolClass.scheme, schoolClass.grade).filter(
      (entry) => entry.date >= from && entry.date <= to && entry.date <= asOf,
    );
    return days.length > 0 ? rng.pick(days).date : null;
  };
  const special = new Set<number>();
  const pickPupil = (filter: (pupil: number) => boolean): number | null => {
    const candidates = studentList.map((_, index) => index).filter((index) => !special.has(index) && filter(index));
    if (candidates.length === 0) return null;
    const chosen = rng.pick(candidates);
    special.add(chosen);
    return chosen;
  };
  const movers = Math.max(1, Math.round(students * 0.012));
  const y1 = String(firstYear);
  const y2 = String(firstYear + 1);
  const leavers: Array<{ pupil: number; date: string }> = [];
  const joiners: Array<{ pupil: number; date: string }> = [];
  const transfers: Array<{ pupil: number; to: number; date: string }> = [];
  for (let k = 0; k < movers; k += 1) {
    const leaver = pickPupil((pupil) => (gradeOfStudent[pupil] as number) >= 2);
    const leaveDate = leaver === null ? null : movementDay(classOfStudent[leaver] as number, `${y1}-10-01`, `${y2}-04-30`);
    if (leaver !== null && leaveDate) leavers.push({ pupil: leaver, date: leaveDate });
    const joiner = pickPupil(() => true);
    const joinDate = joiner === null ? null : movementDay(classOfStudent[joiner] as number, `${y1}-09-15`, `${y2}-04-30`);
    if (joiner !== null && joinDate) joiners.push({ pupil: joiner, date: joinDate });
  }
  const twinClasses = classes
    .map((schoolClass, index) => ({
      index,
      twin: classes.findIndex((other, otherIndex) => otherIndex !== index && other.grade === schoolClass.grade),
    }))
    .filter((entry) => entry.twin >= 0);
  for (const { index, twin } of rng.sample(twinClasses, Math.min(2, twinClasses.length))) {
    const pupil = pickPupil((candidate) => classOfStudent[candidate] === index);
    const date = pupil === null ? null : movementDay(index, `${y1}-11-10`, `${y2}-03-13`);
    if (pupil !== null && date) transfers.push({ pupil, to: twin, date });
  }

  // Orders: one per class on the eve of the year, then movements numbered in date order.
  const events = [
    ...leavers.map((entry) => ({ date: entry.date, what: 'leave' as const, entry })),
    ...joiners.map((entry) => ({ date: entry.date, what: 'join' as const, entry })),
    ...transfers.map((entry) => ({ date: entry.date, what: 'transfer' as const, entry })),
  ].sort((a, b) => a.date.localeCompare(b.date) || a.entry.pupil - b.entry.pupil);
  const order = (number: number, date: string): string => `№ ${number}-у от ${russianDate(date)}`;
  const orderOf = new Map<string, string>();
  events.forEach((event, index) => orderOf.set(`${event.what}:${event.entry.pupil}`, order(classes.length + index + 1, event.date)));
  const leaving = new Map(leavers.map((entry) => [entry.pupil, entry.date]));
  const joining = new Map(joiners.map((entry) => [entry.pupil, entry.date]));
  const transferring = new Map(transfers.map((entry) => [entry.pupil, entry]));
  const enrollments: PlannedEnrollment[] = [];
  studentList.forEach((_, pupil) => {
    const schoolClass = classOfStudent[pupil] as number;
    const transfer = transferring.get(pupil);
    if (transfer) {
      const transferOrder = orderOf.get(`transfer:${pupil}`) as string;
      enrollments.push({
        student: pupil,
        schoolClass,
        startDate: calendar.startDate,
        endDate: addDays(transfer.date, -1),
        admissionOrder: order(schoolClass + 1, calendar.ordersDate),
        transferOrder,
        leavingOrder: null,
        leavingReason: 'transferred-within-school',
      });
      enrollments.push({
        student: pupil,
        schoolClass: transfer.to,
        startDate: transfer.date,
        endDate: null,
        admissionOrder: null,
        transferOrder,
        leavingOrder: null,
        leavingReason: null,
      });
      return;
    }
    const joined = joining.get(pupil);
    const left = leaving.get(pupil);
    enrollments.push({
      student: pupil,
      schoolClass,
      startDate: joined ?? calendar.startDate,
      endDate: left ?? null,
      admissionOrder: joined ? (orderOf.get(`join:${pupil}`) as string) : order(schoolClass + 1, calendar.ordersDate),
      transferOrder: null,
      leavingOrder: left ? (orderOf.get(`leave:${pupil}`) as string) : null,
      leavingReason: left ? 'transferred-to-other-school' : null,
    });
  });
  // Class lists in alphabetical order, as in the class register.
  enrollments.sort(
    (a, b) =>
      a.schoolClass - b.schoolClass ||
      (studentList[a.student] as PlannedStudent).fullName.localeCompare((studentList[b.student] as PlannedStudent).fullName, 'ru') ||
      a.startDate.localeCompare(b.startDate),
  );

  // Journals: a classroom journal per class and subject, then extracurricular, home schooling, clubs.
  const journals: PlannedJournal[] = [];
  const regular = (pupil: number): boolean => !special.has(pupil);
  const homePupil = pickPupil(
    (pupil) => (gradeOfStudent[pupil] as number) >= Math.max(2, pointMarksFromGrade) && (gradeOfStudent[pupil] as number) <= 9,
  );
  const homeClass = homePupil === null ? -1 : (classOfStudent[homePupil] as number);
  const homeSubject = homePupil === null ? -1 : subjectNamed((gradeOfStudent[homePupil] as number) <= 6 ? 'Математика' : 'Алгебра');
  classes.forEach((schoolClass, classIndex) => {
    for (const { subject, hours } of subjectsOfGrade(schoolClass.grade)) {
      const index = subjectNamed(subject.name);
      const teacher = teacherOf.get(key(classIndex, groupOf(subject, schoolClass.grade))) as number;
      journals.push({
        kind: 'classroom',
        schoolClass: classIndex,
        subject: index,
        subgroup: null,
        title: journalTitle('classroom', schoolClass.name, subject.name, null, yearTitle),
        teachers: [teacher],
        pupils: [],
        excludedPupils: classIndex === homeClass && index === homeSubject ? [homePupil as number] : [],
        weeklyHours: hours,
        graded: schoolClass.grade >= pointMarksFromGrade,
        grade: schoolClass.grade,
        scheme: schoolClass.scheme,
        slots: [],
      });
    }
  });
  const timetableInput: ClassWeekInput[] = classes.map((schoolClass, classIndex) => ({
    maxPerDay: maxLessonsPerDay(schoolClass.grade),
    units: journals
      .map((journal, index) => ({ journal, index }))
      .filter(({ journal }) => journal.schoolClass === classIndex)
      .map(({ journal, index }) => ({
        journal: index,
        hours: journal.weeklyHours,
        teacher: journal.teachers[0] as number,
        hard: (subjects[journal.subject] as PlannedSubject).hard,
      })),
  }));
  const timetable = buildTimetable(timetableInput, rng);
  timetable.days.forEach((week) =>
    week.forEach((lessons, day) =>
      lessons.forEach((journal, position) => (journals[journal] as PlannedJournal).slots.push({ weekday: day + 1, number: position + 1 })),
    ),
  );
  const dayLoad = (classIndex: number, day: number): number => ((timetable.days[classIndex] as number[][])[day] as number[]).length;
  const lightestDays = (classIndex: number, count: number): number[] =>
    [0, 1, 2, 3, 4]
      .map((day) => ({ day, load: dayLoad(classIndex, day), tie: rng.next() }))
      .sort((a, b) => a.load - b.load || a.tie - b.tie)
      .slice(0, count)
      .map((entry) => entry.day)
      .sort((a, b) => a - b);
  const afterLessons = (classIndex: number, day: number): { weekday: number; number: number } => {
    ((timetable.days[classIndex] as number[][])[day] as number[]).push(-1);
    return { weekday: day + 1, number: Math.min(7, dayLoad(classIndex, day)) };
  };

  const literacy = subjectNamed('Функциональная грамотность');
  classes.forEach((schoolClass, classIndex) => {
    if (schoolClass.letter !== 'А' || schoolClass.grade < 5 || schoolClass.grade > 9) return;
    journals.push({
      kind: 'extracurricular',
      schoolClass: classIndex,
      subject: literacy,
      subgroup: null,
      title: journalTitle('extracurricular', schoolClass.name, 'Функциональная грамотность', null, yearTitle),
      teachers: [teacherOf.get(key(classIndex, 'math')) as number],
      pupils: [],
      excludedPupils: [],
      weeklyHours: 1,
      graded: false,
      grade: schoolClass.grade,
      scheme: schoolClass.scheme,
      slots: lightestDays(classIndex, 1).map((day) => afterLessons(classIndex, day)),
    });
  });
  if (homePupil !== null) {
    const schoolClass = classes[homeClass] as PlannedClass;
    const pupil = studentList[homePupil] as PlannedStudent;
    const subjectName = (subjects[homeSubject] as PlannedSubject).name;
    journals.push({
      kind: 'home-schooling',
      schoolClass: homeClass,
      subject: homeSubject,
      subgroup: pupil.fullName,
      title: journalTitle('home-schooling', schoolClass.name, subjectName, pupil.fullName, yearTitle),
      teachers: [teacherOf.get(key(homeClass, schoolClass.grade <= 4 ? 'primary' : 'math')) as number],
      pupils: [homePupil],
      excludedPupils: [],
      weeklyHours: 2,
      graded: true,
      grade: schoolClass.grade,
      scheme: schoolClass.scheme,
      slots: lightestDays(homeClass, 2).map((day) => afterLessons(homeClass, day)),
    });
  }
  const clubs: Array<{
    subject: string;
    grades: [number, number];
    size: number;
    group: TeacherGroup;
    slots: Array<{ weekday: number; number: number }>;
  }> = [
    { subject: 'Шахматы', grades: [2, 4], size: 12, group: 'pe', slots: [{ weekday: 3, number: 6 }] },
    {
      subject: 'Робототехника',
      grades: [5, 6],
      size: 10,
      group: 'informatics',
      slots: [
        { weekday: 2, number: 7 },
        { weekday: 4, number: 7 },
      ],
    },
  ];
  for (const club of clubs) {
    const candidates = studentList
      .map((_, index) => index)
      .filter(
        (pupil) =>
          regular(pupil) && (gradeOfStudent[pupil] as number) >= club.grades[0] && (gradeOfStudent[pupil] as number) <= club.grades[1],
      );
    const pupils = rng
      .sample(candidates, club.size)
      .sort((a, b) => (studentList[a] as PlannedStudent).fullName.localeCompare((studentList[b] as PlannedStudent).fullName, 'ru'));
    const teacher = teachersOfGroup.get(club.group)?.[0] ?? classes.find((schoolClass) => schoolClass.grade >= 5)?.classTeacher;
    if (pupils.length === 0 || teacher === undefined) continue;
    journals.push({
      kind: 'club',
      schoolClass: null,
      subject: subjectNamed(club.subject),
      subgroup: null,
      title: journalTitle('club', null, club.subject, null, yearTitle),
      teachers: [teacher],
      pupils,
      excludedPupils: [],
      weeklyHours: club.slots.length,
      graded: false,
      grade: Math.min(...pupils.map((pupil) => gradeOfStudent[pupil] as number)),
      scheme: null,
      slots: club.slots,
    });
  }

  // Lessons: the timetable laid on the school days of each period; then topics and homework.
  const lessons: PlannedLesson[] = [];
  const lessonRanges: Array<[number, number]> = [];
  journals.forEach((journal, journalIndex) => {
    const first = lessons.length;
    const days = schoolDays(journal.scheme ?? 'quarter', journal.grade);
    const slots = [...journal.slots].sort((a, b) => a.number - b.number);
    for (const day of days) {
      if (day.date > lastLessonDay) continue;
      for (const slot of slots) {
        if (slot.weekday !== day.weekday) continue;
        lessons.push({
          journal: journalIndex,
          date: day.date,
          number: slot.number,
          period: journal.scheme ? calendar.periods.indexOf(day.period) : null,
          topic: '',
          homework: null,
          workType: null,
        });
      }
    }
    const contentRng = new Random(mixSeed(seed, 5, journalIndex));
    const contents = lessonContents(
      (subjects[journal.subject] as PlannedSubject).name,
      journal.grade,
      lessons.length - first,
      contentRng,
      journal.graded,
    );
    contents.forEach((content, offset) => Object.assign(lessons[first + offset] as PlannedLesson, content));
    lessonRanges.push([first, lessons.length]);
  });

  // Whole days a pupil misses: one or two illnesses a year for most, a competition now and then.
  const absences = studentList.map((_, pupil) => {
    const pupilRng = new Random(mixSeed(seed, 3, pupil));
    const own = enrollments.filter((enrollment) => enrollment.student === pupil);
    const from = own.reduce((min, enrollment) => (enrollment.startDate < min ? enrollment.startDate : min), calendar.endDate);
    const to = own.some((enrollment) => enrollment.endDate === null)
      ? calendar.endDate
      : own.reduce((max, enrollment) => ((enrollment.endDate as string) > max ? (enrollment.endDate as string) : max), calendar.startDate);
    const schoolClass = classes[classOfStudent[pupil] as number] as PlannedClass;
    const days = schoolDays(schoolClass.scheme, schoolClass.grade)
      .filter((day) => day.date >= from && day.date <= to && day.date <= asOf)
      .map((day) => day.date);
    const missed: Record<string, 'ill' | 'excused'> = {};
    if (days.length === 0) return missed;
    const spells = pupilRng.weighted([
      [0, 35],
      [1, 40],
      [2, 20],
      [3, 5],
    ]);
    for (let s = 0; s < spells; s += 1) {
      const length = Math.min(days.length, pupilRng.int(2, 7));
      const start = pupilRng.int(0, days.length - length);
      for (let d = start; d < start + length; d += 1) missed[days[d] as string] = 'ill';
    }
    if (pupilRng.chance(0.35)) {
      const day = pupilRng.pick(days);
      if (!missed[day]) missed[day] = 'excused';
    }
    return missed;
  });

  return {
    seed,
    calendar,
    state,
    asOf,
    pointMarksFromGrade,
    subjects,
    staff,
    classes,
    students: studentList,
    enrollments,
    guardians,
    journals,
    lessons,
    lessonRanges,
    absences,
    timetableClashes: timetable.clashes,
  };
};
