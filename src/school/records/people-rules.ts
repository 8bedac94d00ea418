import { formatLocalDate, isWithin, parseLocalDate, rangesOverlap, todayInZone, type LocalDate } from '../calendar';
import { getSchoolSettings } from '../settings';
import type { RecordDraft, StoredRecord } from './draft';

type Derived = Record<string, unknown>;

/** Trims the name parts and builds «Фамилия Имя Отчество» for lists and search. */
const personName = (draft: RecordDraft): Derived => {
  const lastName = draft.text('lastName') ?? '';
  const firstName = draft.text('firstName') ?? '';
  const patronymic = draft.text('patronymic') ?? '';
  if (!lastName) draft.report('lastName', 'Укажите фамилию');
  if (!firstName) draft.report('firstName', 'Укажите имя');
  return {
    lastName,
    firstName,
    patronymic: patronymic || null,
    fullName: [lastName, firstName, patronymic].filter(Boolean).join(' '),
  };
};

export const studentRules = async (draft: RecordDraft): Promise<Derived> => {
  const name = personName(draft);
  const birthDate = parseLocalDate(draft.value('birthDate'));
  if (!birthDate) draft.report('birthDate', 'Укажите дату рождения в формате ГГГГ-ММ-ДД');
  else if (birthDate >= todayInZone(getSchoolSettings(draft.strapi).timeZone))
    draft.report('birthDate', 'Дата рождения должна быть в прошлом');
  draft.check();
  return name;
};

export const guardianRules = async (draft: RecordDraft): Promise<Derived> => {
  const name = personName(draft);
  const phone = draft.text('phone') ?? '';
  // Refuses children who do not exist on the field itself (Strapi's own refusal names no field).
  await draft.relatedMany('children');
  if (phone && !/^\+?[\d\s()-]{5,20}$/.test(phone))
    draft.report('phone', 'Телефон: цифры, пробелы, скобки и дефисы, например +7 (900) 123-45-67');
  draft.check();
  return { ...name, phone: phone || null };
};

export const enrollmentRules = async (draft: RecordDraft): Promise<Derived> => {
  const student = await draft.require('student', 'Укажите обучающегося');
  const schoolClass = await draft.require('schoolClass', 'Укажите класс', { academicYear: true });
  const year = schoolClass.academicYear as StoredRecord | null;
  if (!year) draft.fail('schoolClass', 'У класса не указан учебный год');
  const startDate = parseLocalDate(draft.value('startDate')) ?? draft.fail('startDate', 'Укажите дату зачисления в формате ГГГГ-ММ-ДД');
  const endInput = draft.value('endDate');
  const endDate =
    endInput === null || endInput === ''
      ? null
      : (parseLocalDate(endInput) ?? draft.fail('endDate', 'Укажите дату выбытия в формате ГГГГ-ММ-ДД'));
  const yearStart = year.startDate as LocalDate;
  const yearEnd = year.endDate as LocalDate;
  if (!isWithin(startDate, yearStart, yearEnd)) {
    draft.report(
      'startDate',
      `Дата зачисления должна лежать в учебном году ${String(year.title)} (${formatLocalDate(yearStart)}–${formatLocalDate(yearEnd)})`,
    );
  }
  if (endDate && endDate < startDate) draft.report('endDate', 'Дата выбытия не может быть раньше даты зачисления');
  if (endDate && endDate > yearEnd)
    draft.report('endDate', `Дата выбытия не может быть позже конца учебного года (${formatLocalDate(yearEnd)})`);
  draft.check();

  const others = (await draft.strapi.db.query('api::enrollment.enrollment').findMany({
    where: { student: { id: student.id }, ...draft.notSelf() },
    populate: { schoolClass: { select: ['name'], populate: { academicYear: { select: ['endDate'] } } } },
  })) as StoredRecord[];
  // An enrollment without a leaving date lasts until its class's academic year ends.
  const effectiveEnd = (enrollment: StoredRecord): LocalDate | null => {
    const classYear = (enrollment.schoolClass as StoredRecord | null)?.academicYear as StoredRecord | null | undefined;
    return (enrollment.endDate as LocalDate | null) ?? (classYear?.endDate as LocalDate | undefined) ?? null;
  };
  const clash = others.find((other) =>
    rangesOverlap({ start: startDate, end: endDate ?? yearEnd }, { start: other.startDate as LocalDate, end: effectiveEnd(other) }),
  );
  if (!draft.isNew && draft.existing && (draft.writes('startDate') || draft.writes('endDate') || draft.writes('schoolClass'))) {
    // The pupil's marks and absences in the class's journals must stay inside the enrollment.
    const storedClass = (draft.existing.schoolClass as StoredRecord | null)?.id;
    const outside = (classId: number | undefined, from: LocalDate, to: LocalDate) => ({
      student: { id: student.id },
      journal: { schoolClass: { id: classId } },
      $or: [{ date: { $lt: from } }, { date: { $gt: to } }],
    });
    const where =
      storedClass === schoolClass.id
        ? outside(storedClass, startDate, endDate ?? yearEnd)
        : outside(storedClass, '9999-12-31', '0000-01-01');
    const marks = await draft.strapi.db.query('api::mark.mark').count({ where });
    const absences = await draft.strapi.db.query('api::attendance.attendance').count({ where });
    if (marks + absences > 0) {
      draft.fail(
        'endDate',
        `У обучающегося есть отметки (${marks}) и пропуски (${absences}) в журналах класса вне новых дат: сначала исправьте их`,
      );
    }
  }
  if (clash) {
    const until = clash.endDate ? ` по ${formatLocalDate(clash.endDate as LocalDate)}` : '';
    draft.fail(
      'startDate',
      `${String(student.fullName)} в это время числится в классе ${String((clash.schoolClass as StoredRecord | null)?.name ?? '')} (с ${formatLocalDate(clash.startDate as LocalDate)}${until}): сначала укажите дату выбытия`,
    );
  }
  return { endDate };
};
