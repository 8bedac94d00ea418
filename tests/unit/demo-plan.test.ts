import { maxLessonsPerDay, subjectsOfGrade } from '../../src/demo/curriculum';
import { planJournalEntries, schoolClock, type PlannedAttendance, type PlannedMark } from '../../src/demo/entries';
import { planSchool, type SchoolPlan } from '../../src/demo/plan';
import { weekdayOf } from '../../src/demo/school-calendar';
import { allowedMarkValues } from '../../src/school/rules/mark-values';

const TODAY = '2026-11-23';

describe('demo school plan', () => {
  let plan: SchoolPlan;
  let marks: PlannedMark[];
  let attendance: PlannedAttendance[];

  beforeAll(() => {
    plan = planSchool({}, { today: TODAY });
    const clock = schoolClock('Europe/Moscow');
    const entries = plan.journals.map((_, journal) => planJournalEntries(plan, journal, clock));
    marks = entries.flatMap((entry) => entry.marks);
    attendance = entries.flatMap((entry) => entry.attendance);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(JSON.stringify(planSchool({}, { today: TODAY }))).toBe(JSON.stringify(plan));
    expect(planSchool({ seed: 2 }, { today: TODAY }).students[0]?.fullName).not.toBe(plan.students[0]?.fullName);
  });

  it('has 825 pupils in classes of about 25, two or three parallel classes with class teachers', () => {
    expect(plan.state).toBe('closed');
    expect(plan.students).toHaveLength(825);
    for (let grade = 1; grade <= 11; grade += 1) {
      const classes = plan.classes.filter((schoolClass) => schoolClass.grade === grade);
      expect(classes.map((schoolClass) => schoolClass.letter)).toEqual(['А', 'Б', 'В'].slice(0, classes.length));
      expect(classes.length).toBeGreaterThanOrEqual(2);
    }
    const sizes = plan.classes.map(
      (_, index) => plan.enrollments.filter((e) => e.schoolClass === index && e.startDate === plan.calendar.startDate).length,
    );
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(30);
    for (const schoolClass of plan.classes) expect(plan.staff[schoolClass.classTeacher]?.role).toBe('class-teacher');
    expect(new Set(plan.classes.map((schoolClass) => schoolClass.classTeacher)).size).toBe(plan.classes.length);
    for (const role of ['deputy-director', 'director', 'secretary', 'archivist', 'methodologist']) {
      expect(plan.staff.filter((member) => member.role === role)).toHaveLength(1);
    }
    expect(new Set(plan.staff.map((member) => member.username)).size).toBe(plan.staff.length);
    expect(
      plan.staff.every((member) => /^[a-z]+\.[a-z]{2}\d*$/.test(member.username) && member.email === `${member.username}@school.local`),
    ).toBe(true);
  });

  it('names pupils consistently with their gender and gives them birth dates that fit the grade', () => {
    const firstClass = new Map<number, number>();
    for (const e of plan.enrollments) if (!firstClass.has(e.student)) firstClass.set(e.student, e.schoolClass);
    const problems = plan.students.flatMap((pupil, index) => {
      const found: string[] = [];
      if (pupil.fullName !== `${pupil.lastName} ${pupil.firstName} ${pupil.patronymic}`) found.push('fullName');
      if (pupil.gender === 'female' && (!/(вна|чна)$/.test(pupil.patronymic) || /(ов|ев|ёв|ин|ский|цкий|ой)$/.test(pupil.lastName)))
        found.push('feminine forms');
      if (pupil.gender === 'male' && !/ич$/.test(pupil.patronymic)) found.push('masculine patronymic');
      const grade = plan.classes[firstClass.get(index) as number]?.grade as number;
      const ageOnSeptember1 = 2025 - Number(pupil.birthDate.slice(0, 4)) - (pupil.birthDate.slice(5) > '09-01' ? 1 : 0);
      if (ageOnSeptember1 - grade < 4 || ageOnSeptember1 - grade > 7) found.push(`age ${ageOnSeptember1} in grade ${grade}`);
      return found.map((text) => `${pupil.fullName}: ${text}`);
    });
    expect(problems).toEqual([]);
  });

  it('keeps class lists consistent: no overlaps, dates inside the year, orders, a few movements', () => {
    const order = /^№ \d+-у от \d\d\.\d\d\.\d{4}$/;
    const byStudent = new Map<number, typeof plan.enrollments>();
    for (const e of plan.enrollments) byStudent.set(e.student, [...(byStudent.get(e.student) ?? []), e]);
    expect(byStudent.size).toBe(plan.students.length);
    const overlapping = [...byStudent.values()].filter((own) => {
      const sorted = [...own].sort((a, b) => a.startDate.localeCompare(b.startDate));
      return sorted.some((e, k) => k > 0 && !((sorted[k - 1]?.endDate ?? '9999') < e.startDate));
    });
    expect(overlapping).toEqual([]);
    const wrong = plan.enrollments.filter(
      (e) =>
        e.startDate < plan.calendar.startDate ||
        e.startDate > plan.calendar.endDate ||
        (e.endDate !== null && (e.endDate < e.startDate || e.endDate > plan.calendar.endDate)) ||
        [e.admissionOrder, e.transferOrder, e.leavingOrder].some((text) => text !== null && !order.test(text)),
    );
    expect(wrong).toEqual([]);
    expect(plan.enrollments.filter((e) => e.leavingReason === 'transferred-to-other-school').length).toBeGreaterThanOrEqual(3);
    expect(plan.enrollments.filter((e) => e.startDate > plan.calendar.startDate && e.admissionOrder).length).toBeGreaterThanOrEqual(3);
  });

  it('gives every pupil one or two guardians with valid phones; siblings share them', () => {
    const guardiansOf = new Map<number, number>();
    for (const guardian of plan.guardians) {
      expect(['mother', 'father']).toContain(guardian.kinship);
      expect(guardian.phone).toMatch(/^\+?[\d\s()-]{5,20}$/);
      for (const child of guardian.children) guardiansOf.set(child, (guardiansOf.get(child) ?? 0) + 1);
    }
    expect(guardiansOf.size).toBe(plan.students.length);
    expect([...guardiansOf.values()].every((count) => count >= 1 && count <= 2)).toBe(true);
    expect(plan.guardians.filter((guardian) => guardian.children.length > 1).length).toBeGreaterThan(20);
  });

  it('opens a classroom journal per class and subject of the curriculum, titled as the journal rules do', () => {
    plan.classes.forEach((schoolClass, index) => {
      const names = plan.journals
        .filter((j) => j.schoolClass === index && j.kind === 'classroom')
        .map((j) => plan.subjects[j.subject]?.name);
      expect(names).toEqual(subjectsOfGrade(schoolClass.grade).map((entry) => entry.subject.name));
    });
    expect(
      plan.journals.find(
        (j) =>
          j.kind === 'classroom' && plan.classes[j.schoolClass as number]?.name === '5А' && plan.subjects[j.subject]?.name === 'Математика',
      )?.title,
    ).toBe('5А · Математика · 2025/2026');
    const home = plan.journals.filter((j) => j.kind === 'home-schooling');
    expect(home).toHaveLength(1);
    expect(home[0]?.pupils).toHaveLength(1);
    expect(home[0]?.subgroup).toBe(plan.students[home[0]?.pupils[0] as number]?.fullName);
    expect(home[0]?.title).toBe(
      `${plan.classes[home[0]?.schoolClass as number]?.name} · ${plan.subjects[home[0]?.subject as number]?.name} · ${home[0]?.subgroup} · обучение на дому · 2025/2026`,
    );
    expect(
      plan.journals
        .filter((j) => j.kind === 'club')
        .every((j) => j.schoolClass === null && j.pupils.length > 0 && j.title.endsWith(' · кружок · 2025/2026')),
    ).toBe(true);
    expect(plan.journals.filter((j) => j.kind === 'extracurricular').length).toBeGreaterThan(0);
    expect(
      plan.subjects
        .filter((s) => s.scale === 'pass-fail')
        .map((s) => s.name)
        .sort(),
    ).toEqual(['ОДНКНР', 'ОРКСЭ']);
  });

  it('lays lessons on school days inside the periods, by a clash-free weekly timetable', () => {
    const problems: string[] = [];
    const slots = new Set<string>();
    const classSlots = new Set<string>();
    const perClassDay = new Map<string, number>();
    for (const [index, lesson] of plan.lessons.entries()) {
      const journal = plan.journals[lesson.journal];
      const problem = (text: string) => problems.push(`lesson ${index} (${journal?.title} ${lesson.date} #${lesson.number}): ${text}`);
      if (!journal) {
        problem('no journal');
        continue;
      }
      if (weekdayOf(lesson.date) > 5) problem('on a weekend');
      if (lesson.number < 1 || lesson.number > 7) problem('number outside 1-7');
      if (lesson.topic.length < 3) problem('no topic');
      const key = `${lesson.journal}:${lesson.date}:${lesson.number}`;
      if (slots.has(key)) problem('second lesson in the same slot of the journal');
      slots.add(key);
      if (journal.scheme) {
        const period = plan.calendar.periods[lesson.period as number];
        if (period?.scheme !== journal.scheme || lesson.date < period.startDate || lesson.date > period.endDate)
          problem('outside its period');
      } else if (lesson.period !== null) {
        problem('a period for a journal without a class');
      }
      if (journal.kind === 'classroom') {
        const classKey = `${journal.schoolClass}:${lesson.date}:${lesson.number}`;
        if (classSlots.has(classKey)) problem('two lessons of the class at once');
        classSlots.add(classKey);
        const dayKey = `${journal.schoolClass}:${lesson.date}`;
        perClassDay.set(dayKey, (perClassDay.get(dayKey) ?? 0) + 1);
        if ((perClassDay.get(dayKey) as number) > maxLessonsPerDay(journal.grade)) problem('too many lessons that day');
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
    // A full week (8–12 September) gives every journal exactly its weekly hours.
    const week = new Map<number, number>();
    for (const lesson of plan.lessons) {
      if (lesson.date >= '2025-09-08' && lesson.date <= '2025-09-12') week.set(lesson.journal, (week.get(lesson.journal) ?? 0) + 1);
    }
    expect(
      plan.journals.filter((journal, index) => (week.get(index) ?? 0) !== journal.weeklyHours).map((journal) => journal.title),
    ).toEqual([]);
    expect(plan.lessons.some((lesson) => lesson.workType === 'control-work' && /^Контрольная работа № \d+/.test(lesson.topic))).toBe(true);
    expect(plan.lessons.some((lesson) => lesson.homework && /^§ \d+, № \d+–\d+$/.test(lesson.homework))).toBe(true);
  });

  it('marks grade 2 and up only, on the scale, for pupils on the list and present', () => {
    const absentAt = new Set(attendance.filter((a) => a.kind !== 'late').map((a) => `${a.student}:${a.lesson}`));
    const enrollmentsOf = new Map<number, typeof plan.enrollments>();
    for (const e of plan.enrollments) enrollmentsOf.set(e.student, [...(enrollmentsOf.get(e.student) ?? []), e]);
    const enrolled = (student: number, schoolClass: number, from: string, to = from): boolean =>
      (enrollmentsOf.get(student) ?? []).some(
        (e) => e.schoolClass === schoolClass && e.startDate <= to && (e.endDate === null || e.endDate >= from),
      );
    const allowed = new Map<string, string[]>();
    const problems: string[] = [];
    for (const mark of marks) {
      const journal = plan.journals[mark.journal];
      const problem = (text: string) =>
        problems.push(`${mark.kind} mark of pupil ${mark.student} in ${journal?.title} on ${mark.date}: ${text}`);
      if (!journal) {
        problem('no journal');
        continue;
      }
      if (journal.grade < 2 || !journal.graded) problem('in a journal without marks');
      const scale = plan.subjects[journal.subject]?.scale ?? 'five-point';
      const scaleKey = `${scale}:${mark.kind}:${journal.grade}`;
      if (!allowed.has(scaleKey))
        allowed.set(scaleKey, allowedMarkValues({ scale, kind: mark.kind, grade: journal.grade, pointMarksFromGrade: 2 }));
      if (!allowed.get(scaleKey)?.includes(mark.value)) problem(`value ${mark.value} not on the scale`);
      if (mark.numericValue !== (/^[1-5]$/.test(mark.value) ? Number(mark.value) : null)) problem('wrong numericValue');
      if (journal.pupils.length > 0 && !journal.pupils.includes(mark.student)) problem('not on the journal list');
      if (journal.excludedPupils.includes(mark.student)) problem('taught at home in this subject');
      if (mark.kind === 'current') {
        const lesson = plan.lessons[mark.lesson as number];
        if (lesson?.journal !== mark.journal) problem('lesson of another journal');
        if (mark.date !== lesson?.date || mark.period !== lesson?.period || mark.workType !== lesson?.workType)
          problem('differs from its lesson');
        if (mark.weight !== (lesson?.workType === 'control-work' ? 2 : 1)) problem('wrong weight');
        if (!enrolled(mark.student, journal.schoolClass as number, mark.date)) problem('not enrolled on the lesson date');
        if (absentAt.has(`${mark.student}:${mark.lesson}`)) problem('absent from the lesson');
      } else if (mark.kind === 'periodic') {
        const period = plan.calendar.periods[mark.period as number];
        if (mark.lesson !== null || period?.scheme !== journal.scheme || mark.date !== period.endDate) problem('wrong period');
        if (!enrolled(mark.student, journal.schoolClass as number, period?.startDate as string, period?.endDate))
          problem('not enrolled in the period');
      } else if (mark.date !== '2026-08-31' || mark.lesson !== null || mark.period !== null) {
        problem('annual mark not dated at the year end');
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
    const periodicKeys = marks.filter((m) => m.kind === 'periodic').map((m) => `${m.student}:${m.journal}:${m.period}`);
    expect(new Set(periodicKeys).size).toBe(periodicKeys.length);
    const annualKeys = marks.filter((m) => m.kind === 'annual').map((m) => `${m.student}:${m.journal}`);
    expect(new Set(annualKeys).size).toBe(annualKeys.length);
    const values = marks.filter((m) => m.kind === 'current').map((m) => m.value);
    const share = (value: string): number => values.filter((v) => v === value).length / values.length;
    expect(share('4') + share('3')).toBeGreaterThan(0.6);
    expect(share('2')).toBeLessThan(0.12);
    expect(marks.filter((m) => m.kind === 'periodic' && m.value === 'н/а').length / periodicKeys.length).toBeLessThan(0.02);
  });

  it('marks about a quarter of pupil × lesson pairs and records absences for about 4%', () => {
    let pairs = 0;
    let gradedPairs = 0;
    const classLists = new Map<number, typeof plan.enrollments>();
    for (const e of plan.enrollments) classLists.set(e.schoolClass, [...(classLists.get(e.schoolClass) ?? []), e]);
    for (const lesson of plan.lessons) {
      const journal = plan.journals[lesson.journal];
      if (!journal) continue;
      const on =
        journal.schoolClass === null
          ? journal.pupils.length
          : (classLists.get(journal.schoolClass) ?? []).filter(
              (e) =>
                e.schoolClass === journal.schoolClass &&
                e.startDate <= lesson.date &&
                (e.endDate === null || e.endDate >= lesson.date) &&
                !journal.excludedPupils.includes(e.student) &&
                (journal.pupils.length === 0 || journal.pupils.includes(e.student)),
            ).length;
      pairs += on;
      if (journal.graded) gradedPairs += on;
    }
    const current = marks.filter((m) => m.kind === 'current').length;
    expect(current / gradedPairs).toBeGreaterThan(0.2);
    expect(current / gradedPairs).toBeLessThan(0.3);
    expect(attendance.length / pairs).toBeGreaterThan(0.03);
    expect(attendance.length / pairs).toBeLessThan(0.05);
    const wrong = attendance.filter(
      (entry) =>
        (entry.minutesLate === null) !== (entry.kind !== 'late') ||
        entry.date !== plan.lessons[entry.lesson]?.date ||
        entry.journal !== plan.lessons[entry.lesson]?.journal,
    );
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(new Set(attendance.map((a) => a.kind))).toEqual(new Set(['absent', 'ill', 'excused', 'late']));
  });

  it('plans no marks or absences after today in a year that is still going', () => {
    const current = planSchool({ students: 60 }, { today: '2025-12-10' });
    expect(current.state).toBe('current');
    const clock = schoolClock('Europe/Moscow');
    const entries = current.journals.map((_, journal) => planJournalEntries(current, journal, clock));
    const all = entries.flatMap((entry) => [...entry.marks, ...entry.attendance]);
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((entry) => entry.date <= '2025-12-10')).toBe(true);
    const periodic = entries.flatMap((entry) => entry.marks).filter((mark) => mark.kind === 'periodic');
    expect(new Set(periodic.map((mark) => current.calendar.periods[mark.period as number]?.title))).toEqual(new Set(['1 четверть']));
    expect(entries.flatMap((entry) => entry.marks).some((mark) => mark.kind === 'annual')).toBe(false);
  });
});
