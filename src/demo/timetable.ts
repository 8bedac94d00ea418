/**
 * A weekly timetable (Monday–Friday) for every class: each journal gets its weekly hours, a day
 * holds no more lessons than the grade allows, a subject comes at most once a day (unless it has
 * more hours than days), hard subjects go to the middle of the day, and a teacher is not put in two
 * classes at once where it can be avoided.
 */
import type { Random } from './random';

export interface TimetableUnit {
  journal: number;
  hours: number;
  teacher: number;
  hard: boolean;
}

export interface ClassWeekInput {
  maxPerDay: number;
  units: TimetableUnit[];
}

export interface Timetable {
  /** [class][weekday 0-4] → journals in lesson order (lesson number = position + 1). */
  days: number[][][];
  /** Teacher double-bookings that could not be avoided. */
  clashes: number;
}

export const DAYS_A_WEEK = 5;

const spreadOverDays = (input: ClassWeekInput, rng: Random): TimetableUnit[][] => {
  const days: TimetableUnit[][] = Array.from({ length: DAYS_A_WEEK }, () => []);
  const units = [...input.units].sort((a, b) => b.hours - a.hours || a.journal - b.journal);
  for (const unit of units) {
    for (let occurrence = 0; occurrence < unit.hours; occurrence += 1) {
      const perDay = Math.ceil((occurrence + 1) / DAYS_A_WEEK);
      const load = (day: number): number => (days[day] as TimetableUnit[]).length;
      const times = (day: number): number => (days[day] as TimetableUnit[]).filter((item) => item.journal === unit.journal).length;
      let candidates = [0, 1, 2, 3, 4].filter((day) => load(day) < input.maxPerDay && times(day) < perDay);
      if (candidates.length === 0) candidates = [0, 1, 2, 3, 4].filter((day) => times(day) < perDay + 1);
      const lightest = Math.min(...candidates.map(load));
      const day = rng.pick(candidates.filter((candidate) => load(candidate) === lightest));
      (days[day] as TimetableUnit[]).push(unit);
    }
  }
  return days;
};

export const buildTimetable = (classes: readonly ClassWeekInput[], rng: Random): Timetable => {
  const spread = classes.map((input) => spreadOverDays(input, rng));
  const teacherOf = new Map<number, number>();
  for (const input of classes) for (const unit of input.units) teacherOf.set(unit.journal, unit.teacher);
  /** How many classes each teacher has at (day, lesson number). */
  const busy = new Map<string, number>();
  const slotKey = (teacher: number, day: number, slot: number): string => `${teacher}:${day}:${slot}`;
  const load = (teacher: number, day: number, slot: number): number => busy.get(slotKey(teacher, day, slot)) ?? 0;
  const shift = (teacher: number, day: number, slot: number, by: number): void => {
    busy.set(slotKey(teacher, day, slot), load(teacher, day, slot) + by);
  };
  const days: number[][][] = classes.map(() => Array.from({ length: DAYS_A_WEEK }, () => [] as number[]));
  // Classes with the fullest days first: they have the least freedom.
  const order = classes
    .map((input, index) => ({ index, load: input.units.reduce((sum, unit) => sum + unit.hours, 0) }))
    .sort((a, b) => b.load - a.load || a.index - b.index)
    .map((entry) => entry.index);
  for (let day = 0; day < DAYS_A_WEEK; day += 1) {
    for (const classIndex of order) {
      const remaining = [...((spread[classIndex] as TimetableUnit[][])[day] as TimetableUnit[])];
      const ordered: number[] = [];
      for (let slot = 1; remaining.length > 0; slot += 1) {
        const free = remaining.filter((unit) => load(unit.teacher, day, slot) === 0);
        const scored = (free.length > 0 ? free : remaining).map((unit) => ({
          unit,
          score: (unit.hard && slot >= 2 && slot <= 4 ? 2 : 0) - (unit.hard && slot >= 6 ? 2 : 0) + rng.next(),
        }));
        const chosen = scored.reduce((best, entry) => (entry.score > best.score ? entry : best)).unit;
        remaining.splice(remaining.indexOf(chosen), 1);
        shift(chosen.teacher, day, slot, 1);
        ordered.push(chosen.journal);
      }
      ((days[classIndex] as number[][])[day] as number[]).push(...ordered);
    }
  }
  // Repair: where a teacher is in two classes at once, swap two lessons of one class's day if that
  // frees the teacher without double-booking the other lesson's teacher.
  for (let pass = 0; pass < 4; pass += 1) {
    let swapped = false;
    days.forEach((week) =>
      week.forEach((lessons, day) => {
        for (let a = 0; a < lessons.length; a += 1) {
          const first = teacherOf.get(lessons[a] as number) as number;
          if (load(first, day, a + 1) <= 1) continue;
          for (let b = 0; b < lessons.length; b += 1) {
            const second = teacherOf.get(lessons[b] as number) as number;
            if (b === a || second === first || load(first, day, b + 1) > 0 || load(second, day, a + 1) > 0) continue;
            shift(first, day, a + 1, -1);
            shift(first, day, b + 1, 1);
            shift(second, day, b + 1, -1);
            shift(second, day, a + 1, 1);
            [lessons[a], lessons[b]] = [lessons[b] as number, lessons[a] as number];
            swapped = true;
            break;
          }
        }
      }),
    );
    if (!swapped) break;
  }
  const clashes = [...busy.values()].reduce((sum, count) => sum + Math.max(0, count - 1), 0);
  return { days, clashes };
};
