/**
 * The federal curriculum (ФОП НОО, ООО, СОО; five-day week) as the demo school teaches it: the subjects
 * in curriculum order with their weekly hours per grade, and who teaches them.
 */

export type DemoScale = 'five-point' | 'five-point-with-one' | 'pass-fail';

/** Groups of subjects that one teacher teaches in a class (Russian and literature, all of maths, …). */
export type TeacherGroup =
  | 'primary'
  | 'russian'
  | 'math'
  | 'foreign'
  | 'informatics'
  | 'history'
  | 'geography'
  | 'biology'
  | 'physics'
  | 'chemistry'
  | 'art'
  | 'music'
  | 'technology'
  | 'obzr'
  | 'pe'
  | 'class-teacher';

export interface SubjectDefinition {
  name: string;
  shortName: string;
  scale: DemoScale;
  sortOrder: number;
  /** Weekly hours for grades 1…11 (0: not taught in that grade). */
  hours: readonly number[];
  group: TeacherGroup;
  /** Taught by the class teacher in grades 1-4. */
  primaryTeacher?: boolean;
  /** Hard subjects go to the middle of the school day. */
  hard?: boolean;
}

// Subjects in curriculum order; `hours` lists the weekly hours of grades 1, 2, …, 11.
// prettier-ignore
export const CURRICULUM: readonly SubjectDefinition[] = [
  { name: 'Русский язык', shortName: 'Рус. яз.', scale: 'five-point', sortOrder: 1, hours: [5, 5, 5, 5, 5, 6, 4, 3, 3, 2, 2], group: 'russian', primaryTeacher: true, hard: true },
  { name: 'Литературное чтение', shortName: 'Лит. чт.', scale: 'five-point', sortOrder: 2, hours: [4, 4, 4, 3, 0, 0, 0, 0, 0, 0, 0], group: 'russian', primaryTeacher: true },
  { name: 'Литература', shortName: 'Лит-ра', scale: 'five-point', sortOrder: 3, hours: [0, 0, 0, 0, 3, 3, 2, 2, 3, 3, 3], group: 'russian' },
  { name: 'Иностранный язык', shortName: 'Ин. яз.', scale: 'five-point', sortOrder: 4, hours: [0, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3], group: 'foreign', hard: true },
  { name: 'Математика', shortName: 'Мат.', scale: 'five-point', sortOrder: 5, hours: [4, 4, 4, 4, 5, 5, 0, 0, 0, 0, 0], group: 'math', primaryTeacher: true, hard: true },
  { name: 'Алгебра', shortName: 'Алг.', scale: 'five-point', sortOrder: 6, hours: [0, 0, 0, 0, 0, 0, 3, 3, 3, 3, 3], group: 'math', hard: true },
  { name: 'Геометрия', shortName: 'Геом.', scale: 'five-point', sortOrder: 7, hours: [0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2], group: 'math', hard: true },
  { name: 'Вероятность и статистика', shortName: 'ВиС', scale: 'five-point', sortOrder: 8, hours: [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1], group: 'math' },
  { name: 'Информатика', shortName: 'Инф.', scale: 'five-point', sortOrder: 9, hours: [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1], group: 'informatics' },
  { name: 'Окружающий мир', shortName: 'Окр. мир', scale: 'five-point', sortOrder: 10, hours: [2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0], group: 'biology', primaryTeacher: true },
  { name: 'История', shortName: 'Ист.', scale: 'five-point', sortOrder: 11, hours: [0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2], group: 'history' },
  { name: 'Обществознание', shortName: 'Общ.', scale: 'five-point', sortOrder: 12, hours: [0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2], group: 'history' },
  { name: 'География', shortName: 'Геогр.', scale: 'five-point', sortOrder: 13, hours: [0, 0, 0, 0, 1, 1, 2, 2, 2, 1, 1], group: 'geography' },
  { name: 'Биология', shortName: 'Биол.', scale: 'five-point', sortOrder: 14, hours: [0, 0, 0, 0, 1, 1, 1, 2, 2, 1, 1], group: 'biology' },
  { name: 'Физика', shortName: 'Физ.', scale: 'five-point', sortOrder: 15, hours: [0, 0, 0, 0, 0, 0, 2, 2, 3, 2, 2], group: 'physics', hard: true },
  { name: 'Химия', shortName: 'Хим.', scale: 'five-point', sortOrder: 16, hours: [0, 0, 0, 0, 0, 0, 0, 2, 2, 1, 1], group: 'chemistry', hard: true },
  { name: 'ОРКСЭ', shortName: 'ОРКСЭ', scale: 'pass-fail', sortOrder: 17, hours: [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0], group: 'history', primaryTeacher: true },
  { name: 'ОДНКНР', shortName: 'ОДНКНР', scale: 'pass-fail', sortOrder: 18, hours: [0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0], group: 'history' },
  { name: 'ИЗО', shortName: 'ИЗО', scale: 'five-point', sortOrder: 19, hours: [1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0], group: 'art', primaryTeacher: true },
  { name: 'Музыка', shortName: 'Муз.', scale: 'five-point', sortOrder: 20, hours: [1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0], group: 'music' },
  { name: 'Труд (технология)', shortName: 'Труд', scale: 'five-point', sortOrder: 21, hours: [1, 1, 1, 1, 2, 2, 2, 1, 1, 0, 0], group: 'technology', primaryTeacher: true },
  { name: 'ОБЗР', shortName: 'ОБЗР', scale: 'five-point', sortOrder: 22, hours: [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1], group: 'obzr' },
  { name: 'Физическая культура', shortName: 'Физ-ра', scale: 'five-point', sortOrder: 23, hours: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2], group: 'pe' },
  { name: 'Индивидуальный проект', shortName: 'Инд. проект', scale: 'five-point', sortOrder: 24, hours: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1], group: 'class-teacher' },
];

/** Courses outside the curriculum: clubs and extracurricular activities (no marks). */
export const EXTRA_SUBJECTS: readonly Omit<SubjectDefinition, 'hours'>[] = [
  { name: 'Функциональная грамотность', shortName: 'Функц. гр.', scale: 'five-point', sortOrder: 101, group: 'math' },
  { name: 'Шахматы', shortName: 'Шахматы', scale: 'five-point', sortOrder: 102, group: 'pe' },
  { name: 'Робототехника', shortName: 'Робототехника', scale: 'five-point', sortOrder: 103, group: 'informatics' },
];

/** The subjects of a grade with their weekly hours, in curriculum order. */
export const subjectsOfGrade = (grade: number): Array<{ subject: SubjectDefinition; hours: number }> =>
  CURRICULUM.map((subject) => ({ subject, hours: subject.hours[grade - 1] ?? 0 })).filter((entry) => entry.hours > 0);

/** The teacher group of a subject in a grade: in grades 1-4 the class teacher teaches most subjects. */
export const groupOf = (subject: SubjectDefinition, grade: number): TeacherGroup =>
  grade <= 4 && subject.primaryTeacher ? 'primary' : subject.group;

/** The most lessons a day for the grade (СанПиН 1.2.3685-21). */
export const maxLessonsPerDay = (grade: number): number => (grade === 1 ? 5 : grade <= 4 ? 5 : grade <= 6 ? 6 : 7);
