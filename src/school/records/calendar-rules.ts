import { formatLocalDate, isWithin, parseLocalDate, rangesOverlap, type LocalDate } from '../calendar';
import { PERIODS_IN_SCHEME, SCHEME_TITLE, studyPeriodTitle } from '../rules/study-periods';
import type { PeriodScheme } from '../settings';
import type { RecordDraft, StoredRecord } from './draft';
import { currentArchiveProcedure } from './procedure';

type Derived = Record<string, unknown>;

const requireDate = (draft: RecordDraft, field: string, label: string): LocalDate =>
  parseLocalDate(draft.value(field)) ?? draft.fail(field, `Укажите ${label} в формате ГГГГ-ММ-ДД`);

export const academicYearRules = async (draft: RecordDraft): Promise<Derived> => {
  const title = draft.text('title') ?? '';
  const match = /^(\d{4})\/(\d{4})$/.exec(title);
  if (!match || Number(match[2]) !== Number(match[1]) + 1) {
    draft.fail('title', 'Название учебного года пишется как «2025/2026»: два соседних года через косую черту');
  }
  const startDate = requireDate(draft, 'startDate', 'дату начала');
  const endDate = requireDate(draft, 'endDate', 'дату окончания');
  if (startDate >= endDate) draft.report('endDate', 'Учебный год должен заканчиваться позже, чем начинается');
  if (!startDate.startsWith(match[1])) draft.report('startDate', `Учебный год ${title} начинается в ${match[1]} году`);
  if (!endDate.startsWith(match[2])) draft.report('endDate', `Учебный год ${title} заканчивается в ${match[2]} году`);
  if (draft.value('state') === 'current') {
    const otherCurrent = await draft.strapi.db.query('api::academic-year.academic-year').findOne({
      where: { state: 'current', ...draft.notSelf() },
    });
    if (otherCurrent) draft.report('state', `Текущим уже отмечен учебный год ${String(otherCurrent.title)}: сначала закройте его`);
  }
  draft.check();
  return { title };
};

/** A period is closed (and reopened) only by an archive procedure; a closed period is frozen. */
const guardPeriodStatus = (draft: RecordDraft): void => {
  const procedure = currentArchiveProcedure();
  const storedState = draft.existing?.state ?? 'open';
  const state = draft.value<string>('state') ?? 'open';
  if (state !== storedState && !procedure) {
    draft.fail(
      'state',
      'Период закрывается только процедурой архивации (раздел «Архив»), а открывается вновь — только процедурой исправления',
    );
  }
  if (draft.isNew && state === 'closed' && !procedure) draft.fail('state', 'Новый период не может быть закрытым');
  if (!draft.isNew && storedState === 'closed' && state === 'closed' && procedure?.kind !== 'correction') {
    draft.fail('state', 'Период закрыт и сдан в архив: его даты и номер не меняются');
  }
};

export const studyPeriodRules = async (draft: RecordDraft): Promise<Derived> => {
  guardPeriodStatus(draft);
  const year = await draft.require('academicYear', 'Укажите учебный год');
  const scheme = draft.value<PeriodScheme>('scheme') ?? draft.fail('scheme', 'Укажите вид периода');
  const number = draft.value<number>('number') ?? draft.fail('number', 'Укажите номер периода');
  const count = PERIODS_IN_SCHEME[scheme];
  if (!count) draft.fail('scheme', `Неизвестный вид периода: ${String(scheme)}`);
  if (!Number.isInteger(number) || number < 1 || number > count) {
    draft.report('number', `Номер периода вида «${SCHEME_TITLE[scheme]}» — от 1 до ${count}`);
  }
  const startDate = requireDate(draft, 'startDate', 'дату начала');
  const endDate = requireDate(draft, 'endDate', 'дату окончания');
  if (startDate > endDate) draft.report('endDate', 'Период должен заканчиваться не раньше, чем начинается');
  const yearStart = year.startDate as LocalDate;
  const yearEnd = year.endDate as LocalDate;
  if (!isWithin(startDate, yearStart, yearEnd) || !isWithin(endDate, yearStart, yearEnd)) {
    draft.report(
      'startDate',
      `Период должен лежать внутри учебного года ${String(year.title)} (${formatLocalDate(yearStart)}–${formatLocalDate(yearEnd)})`,
    );
  }
  draft.check();
  const siblings = (await draft.strapi.db.query('api::study-period.study-period').findMany({
    where: { academicYear: { id: year.id }, scheme, ...draft.notSelf() },
  })) as StoredRecord[];
  for (const sibling of siblings) {
    if (sibling.number === number) draft.report('number', `${String(sibling.title)} этого учебного года уже есть`);
    else if (
      rangesOverlap({ start: startDate, end: endDate }, { start: sibling.startDate as LocalDate, end: sibling.endDate as LocalDate })
    ) {
      draft.report('startDate', `Период пересекается с периодом «${String(sibling.title)}»`);
    }
  }
  if (!draft.isNew && draft.existing && (draft.writes('startDate') || draft.writes('endDate'))) {
    // Lessons and marks filed under this period must stay inside it (the period lock relies on it).
    const outside = { studyPeriod: { id: draft.existing.id }, $or: [{ date: { $lt: startDate } }, { date: { $gt: endDate } }] };
    const lessons = await draft.strapi.db.query('api::lesson.lesson').count({ where: outside });
    if (lessons > 0) draft.report('endDate', `Уроков этого периода вне новых дат: ${lessons}. Сначала перенесите их`);
  }
  draft.check();
  return { title: studyPeriodTitle(scheme, number) };
};
