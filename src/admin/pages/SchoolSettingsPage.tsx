import * as React from 'react';
import {
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  Grid,
  IconButton,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Check, Plus, Trash } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { Layouts, Page, isFetchError, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { SCHOOL_SETTINGS_PERMISSIONS } from '../school-settings';

/** The school's settings (`GET`/`PUT /school-settings`, see `src/api/school-settings/`). */

type Scheme = 'quarter' | 'trimester' | 'half-year';

interface SchemeRange {
  fromGrade: number;
  toGrade: number;
  scheme: Scheme;
}

interface Settings {
  name: string;
  address: string;
  timeZone: string;
  periodSchemes: SchemeRange[];
  pointMarksFromGrade: number;
  workTypeWeights: Record<string, number>;
  finalMarkRounding: Rounding;
  paperDiaryGrades: number[];
  analytics: AnalyticsSettings;
  parentsSeeClassResults: boolean;
  /** The level scale of meta-subject and personal results, lowest first (R77). */
  competencyLevels: string[];
}

/** The thresholds and weights of the analytics (`src/school/rules/analytics.ts`). */
type RiskReason = 'expected-fail' | 'not-assessed' | 'few-marks' | 'falling' | 'absences';
interface AnalyticsSettings {
  fewMarks: number;
  fallingBy: number;
  absentShare: number;
  trendFactor: number;
  trendLimit: number;
  trendMinMarks: number;
  leaderReserveMarks: number;
  riskWeights: Record<RiskReason, number>;
}
type Threshold = Exclude<keyof AnalyticsSettings, 'riskWeights'>;
const THRESHOLDS: Array<{ key: Threshold; label: string; step: number }> = [
  { key: 'fewMarks', label: 'Мало отметок: меньше чем', step: 1 },
  { key: 'fallingBy', label: 'Средний балл падает на', step: 0.1 },
  { key: 'absentShare', label: 'Много пропусков: от, % уроков', step: 1 },
  { key: 'leaderReserveMarks', label: '«С одной 4 / 3»: не больше стольких', step: 1 },
  { key: 'trendFactor', label: 'Прогноз: доля тенденции', step: 0.05 },
  { key: 'trendLimit', label: 'Прогноз: тенденция не больше', step: 0.1 },
  { key: 'trendMinMarks', label: 'Прогноз: отметок в каждой части', step: 1 },
];
const RISK_REASONS: Array<{ key: RiskReason; label: string }> = [
  { key: 'expected-fail', label: 'Ожидается «2»' },
  { key: 'not-assessed', label: 'Н/а' },
  { key: 'absences', label: 'Много пропусков' },
  { key: 'falling', label: 'Средний балл падает' },
  { key: 'few-marks', label: 'Мало отметок' },
];

/** Grades 1–11, for the grades that keep paper diaries. */
const GRADES = Array.from({ length: 11 }, (_, index) => index + 1);

/** How the mean of marks becomes the аттестат's final mark (`src/school/rules/final-marks.ts`). */
type Rounding = 'half-up' | 'half-down';
const ROUNDINGS: Rounding[] = ['half-up', 'half-down'];
const ROUNDING_LABELS: Record<Rounding, string> = {
  'half-up': 'Половина — в большую сторону (3,5 → 4)',
  'half-down': 'Половина — в меньшую сторону (3,5 → 3)',
};

interface SettingsResponse {
  data: Settings;
  meta: { defaults: Settings; overridden: string[]; workTypes: string[]; periodSchemes: Scheme[] };
}

const SCHEME_LABELS: Record<Scheme, string> = { quarter: 'четверти', trimester: 'триместры', 'half-year': 'полугодия' };

const WORK_TYPE_LABELS: Record<string, string> = {
  'oral-answer': 'Устный ответ',
  'written-work': 'Письменная работа',
  'control-work': 'Контрольная работа',
  'independent-work': 'Самостоятельная работа',
  test: 'Тест, проверочная работа',
  dictation: 'Диктант',
  essay: 'Сочинение, изложение',
  homework: 'Домашняя работа',
  'lab-work': 'Лабораторная работа',
  'practical-work': 'Практическая работа',
  project: 'Проект',
  other: 'Другое',
};

/** Field errors of a 400 answer, by path: `timeZone`, `periodSchemes.0.toGrade`, `workTypeWeights.test`. */
type Errors = Record<string, string>;

const errorsOf = (error: unknown): Errors | null => {
  if (!isFetchError(error)) return null;
  const details = error.response?.data?.error?.details as { errors?: Array<{ path: Array<string | number>; message: string }> } | undefined;
  if (!details?.errors) return null;
  const errors: Errors = {};
  for (const issue of details.errors) {
    const key = issue.path.join('.');
    errors[key] = errors[key] ? `${errors[key]}; ${issue.message}` : issue.message;
  }
  return errors;
};

const Section = ({ title, hint, children }: { title: string; hint?: string; children: React.ReactNode }) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" paddingTop={6} paddingBottom={6} paddingLeft={7} paddingRight={7}>
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="delta" tag="h2">
          {title}
        </Typography>
        {hint ? <Typography textColor="neutral600">{hint}</Typography> : null}
      </Flex>
      {children}
    </Flex>
  </Box>
);

export const SchoolSettingsPage = () => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: `school-settings.${id}`, defaultMessage }, values);
  const { get, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { allowedActions, isLoading: permissionsLoading } = useRBAC(SCHOOL_SETTINGS_PERMISSIONS);
  const [loaded, setLoaded] = React.useState<SettingsResponse | null>(null);
  const [form, setForm] = React.useState<Settings | null>(null);
  const [errors, setErrors] = React.useState<Errors>({});
  const [failed, setFailed] = React.useState(false);
  const [saving, setSaving] = React.useState(false);

  React.useEffect(() => {
    get<SettingsResponse>('/school-settings')
      .then(({ data }) => {
        setLoaded(data);
        setForm(data.data);
      })
      .catch(() => setFailed(true));
  }, [get]);

  if (failed) return <Page.Error />;
  if (!form || !loaded || permissionsLoading) return <Page.Loading />;

  const canUpdate = allowedActions.canUpdate;
  const update = (patch: Partial<Settings>) => setForm({ ...form, ...patch });
  const updateRange = (index: number, patch: Partial<SchemeRange>) =>
    update({ periodSchemes: form.periodSchemes.map((range, i) => (i === index ? { ...range, ...patch } : range)) });

  const save = async () => {
    setSaving(true);
    try {
      // One level per line on the page: blank lines and spaces around a level are not part of the scale.
      const competencyLevels = (form.competencyLevels ?? []).map((level) => level.trim()).filter((level) => level !== '');
      const { data } = await put<SettingsResponse>('/school-settings', { data: { ...form, competencyLevels } });
      setLoaded(data);
      setForm(data.data);
      setErrors({});
      toggleNotification({ type: 'success', message: t('saved', 'Настройки школы сохранены') });
    } catch (error) {
      const fieldErrors = errorsOf(error);
      setErrors(fieldErrors ?? {});
      toggleNotification({
        type: 'danger',
        message: fieldErrors ? t('invalid', 'Проверьте отмеченные поля') : t('failed', 'Не удалось сохранить настройки'),
      });
    } finally {
      setSaving(false);
    }
  };

  const defaults = loaded.meta.defaults;

  return (
    <Page.Main>
      <Page.Title>{t('title', 'Настройки школы')}</Page.Title>
      <Layouts.Header
        title={t('title', 'Настройки школы')}
        subtitle={t('subtitle', 'Значения по умолчанию берутся из config/school.ts; сохранённые здесь действуют поверх них.')}
        primaryAction={
          <Button startIcon={<Check />} onClick={save} loading={saving} disabled={!canUpdate}>
            {t('save', 'Сохранить')}
          </Button>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Section title={t('section.school', 'Школа')}>
            <Grid.Root gap={4}>
              <Grid.Item col={12} direction="column" alignItems="stretch" s={12}>
                <Field.Root name="name" required error={errors.name}>
                  <Field.Label>{t('name', 'Полное наименование')}</Field.Label>
                  <TextInput
                    value={form.name}
                    disabled={!canUpdate}
                    onChange={(event: React.ChangeEvent<HTMLInputElement>) => update({ name: event.target.value })}
                  />
                  <Field.Error />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={8} direction="column" alignItems="stretch" s={12}>
                <Field.Root name="address" error={errors.address}>
                  <Field.Label>{t('address', 'Адрес')}</Field.Label>
                  <Textarea
                    value={form.address}
                    disabled={!canUpdate}
                    onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => update({ address: event.target.value })}
                  />
                  <Field.Error />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={4} direction="column" alignItems="stretch" s={12}>
                <Field.Root
                  name="timeZone"
                  required
                  error={errors.timeZone}
                  hint={t('timeZone.hint', 'По базе IANA, например Europe/Moscow или Asia/Yekaterinburg. По умолчанию: {zone}', {
                    zone: defaults.timeZone,
                  })}
                >
                  <Field.Label>{t('timeZone', 'Часовой пояс')}</Field.Label>
                  <TextInput
                    value={form.timeZone}
                    disabled={!canUpdate}
                    onChange={(event: React.ChangeEvent<HTMLInputElement>) => update({ timeZone: event.target.value })}
                  />
                  <Field.Hint />
                  <Field.Error />
                </Field.Root>
              </Grid.Item>
            </Grid.Root>
          </Section>

          <Section
            title={t('section.periods', 'Учебные периоды')}
            hint={t(
              'periods.hint',
              'Какие периоды (четверти, триместры, полугодия) у каких параллелей; каждая параллель 1–11 — ровно в одном диапазоне.',
            )}
          >
            {errors.periodSchemes ? <Typography textColor="danger600">{errors.periodSchemes}</Typography> : null}
            {form.periodSchemes.map((range, index) => (
              <Flex key={index} gap={4} alignItems="flex-end">
                <Field.Root name={`periodSchemes.${index}.fromGrade`} error={errors[`periodSchemes.${index}.fromGrade`]}>
                  <Field.Label>{t('periods.from', 'С класса')}</Field.Label>
                  <NumberInput
                    value={range.fromGrade}
                    disabled={!canUpdate}
                    onValueChange={(value: number | undefined) => updateRange(index, { fromGrade: value ?? 0 })}
                  />
                  <Field.Error />
                </Field.Root>
                <Field.Root name={`periodSchemes.${index}.toGrade`} error={errors[`periodSchemes.${index}.toGrade`]}>
                  <Field.Label>{t('periods.to', 'По класс')}</Field.Label>
                  <NumberInput
                    value={range.toGrade}
                    disabled={!canUpdate}
                    onValueChange={(value: number | undefined) => updateRange(index, { toGrade: value ?? 0 })}
                  />
                  <Field.Error />
                </Field.Root>
                <Field.Root name={`periodSchemes.${index}.scheme`} error={errors[`periodSchemes.${index}.scheme`]}>
                  <Field.Label>{t('periods.scheme', 'Периоды')}</Field.Label>
                  <SingleSelect
                    value={range.scheme}
                    disabled={!canUpdate}
                    onChange={(value: string | number) => updateRange(index, { scheme: String(value) as Scheme })}
                  >
                    {loaded.meta.periodSchemes.map((scheme) => (
                      <SingleSelectOption key={scheme} value={scheme}>
                        {t(`scheme.${scheme}`, SCHEME_LABELS[scheme] ?? scheme)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                  <Field.Error />
                </Field.Root>
                <IconButton
                  label={t('periods.remove', 'Убрать диапазон')}
                  disabled={!canUpdate || form.periodSchemes.length === 1}
                  onClick={() => update({ periodSchemes: form.periodSchemes.filter((_, i) => i !== index) })}
                >
                  <Trash />
                </IconButton>
              </Flex>
            ))}
            <Box>
              <Button
                variant="secondary"
                startIcon={<Plus />}
                disabled={!canUpdate}
                onClick={() => update({ periodSchemes: [...form.periodSchemes, { fromGrade: 1, toGrade: 11, scheme: 'quarter' }] })}
              >
                {t('periods.add', 'Добавить диапазон')}
              </Button>
            </Box>
          </Section>

          <Section
            title={t('section.marks', 'Отметки')}
            hint={t(
              'marks.hint',
              'Шкала отметок задаётся у каждого предмета (Предметы → Шкала отметок). Вес вида работы — его вклад в средневзвешенный балл, от 0,1 до 10.',
            )}
          >
            <Grid.Root gap={4}>
              <Grid.Item col={4} direction="column" alignItems="stretch" s={12}>
                <Field.Root
                  name="pointMarksFromGrade"
                  required
                  error={errors.pointMarksFromGrade}
                  hint={t('pointMarks.hint', 'В младших параллелях — безотметочное обучение')}
                >
                  <Field.Label>{t('pointMarks', 'Отметки в баллах начиная с класса')}</Field.Label>
                  <NumberInput
                    value={form.pointMarksFromGrade}
                    disabled={!canUpdate}
                    onValueChange={(value: number | undefined) => update({ pointMarksFromGrade: value ?? 0 })}
                  />
                  <Field.Hint />
                  <Field.Error />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={8} direction="column" alignItems="stretch" s={12}>
                <Field.Root
                  name="finalMarkRounding"
                  error={errors.finalMarkRounding}
                  hint={t('finalMarkRounding.hint', 'Итоговая отметка аттестата — среднее отметок, округлённое до целого')}
                >
                  <Field.Label>{t('finalMarkRounding', 'Округление итоговых отметок')}</Field.Label>
                  <SingleSelect
                    value={form.finalMarkRounding ?? 'half-up'}
                    disabled={!canUpdate}
                    onChange={(value: string | number) => update({ finalMarkRounding: String(value) as Rounding })}
                  >
                    {ROUNDINGS.map((rounding) => (
                      <SingleSelectOption key={rounding} value={rounding}>
                        {t(`finalMarkRounding.${rounding}`, ROUNDING_LABELS[rounding])}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                  <Field.Hint />
                  <Field.Error />
                </Field.Root>
              </Grid.Item>
            </Grid.Root>
            <Typography variant="sigma" textColor="neutral600">
              {t('weights', 'Веса видов работ')}
            </Typography>
            <Grid.Root gap={4}>
              {loaded.meta.workTypes.map((workType) => (
                <Grid.Item key={workType} col={3} direction="column" alignItems="stretch" s={6} xs={12}>
                  <Field.Root name={`workTypeWeights.${workType}`} error={errors[`workTypeWeights.${workType}`]}>
                    <Field.Label>{t(`workType.${workType}`, WORK_TYPE_LABELS[workType] ?? workType)}</Field.Label>
                    <NumberInput
                      step={0.1}
                      value={form.workTypeWeights[workType]}
                      disabled={!canUpdate}
                      onValueChange={(value: number | undefined) =>
                        update({ workTypeWeights: { ...form.workTypeWeights, [workType]: value ?? (undefined as unknown as number) } })
                      }
                    />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
              ))}
            </Grid.Root>
          </Section>

          <Section
            title={t('section.paperDiaries', 'Бумажные дневники')}
            hint={t(
              'paperDiaries.hint',
              'В каких классах обучающиеся ещё ведут бумажный дневник: для них классный руководитель печатает недельную выписку из электронного дневника с местом для подписи родителя. Дневники в архиве не хранятся.',
            )}
          >
            <Field.Root
              name="paperDiaryGrades"
              error={errors.paperDiaryGrades ?? Object.entries(errors).find(([key]) => key.startsWith('paperDiaryGrades.'))?.[1]}
            >
              <Field.Label>{t('paperDiaryGrades', 'Бумажные дневники обязательны в классах')}</Field.Label>
              <Flex gap={4} wrap="wrap">
                {GRADES.map((grade) => (
                  <Checkbox
                    key={grade}
                    disabled={!canUpdate}
                    checked={(form.paperDiaryGrades ?? []).includes(grade)}
                    onCheckedChange={(checked) =>
                      update({
                        paperDiaryGrades:
                          checked === true
                            ? [...(form.paperDiaryGrades ?? []), grade].sort((a, b) => a - b)
                            : (form.paperDiaryGrades ?? []).filter((value) => value !== grade),
                      })
                    }
                  >
                    {t('paperDiaryGrades.grade', '{grade} класс', { grade })}
                  </Checkbox>
                ))}
              </Flex>
              <Field.Error />
            </Field.Root>
          </Section>

          <Section
            title={t('section.competencyLevels', 'Метапредметные и личностные результаты')}
            hint={t(
              'competencyLevels.hint',
              'Шкала уровней, которыми оцениваются универсальные учебные действия и личностные результаты: от 2 до 10 уровней, по одному в строке, от низшего к высшему.',
            )}
          >
            <Field.Root
              name="competencyLevels"
              error={errors.competencyLevels ?? Object.entries(errors).find(([key]) => key.startsWith('competencyLevels.'))?.[1]}
              hint={t('competencyLevels.default', 'По умолчанию: {levels}', { levels: (defaults.competencyLevels ?? []).join(', ') })}
            >
              <Field.Label>{t('competencyLevels', 'Уровни (по одному в строке)')}</Field.Label>
              <Textarea
                value={(form.competencyLevels ?? []).join('\n')}
                disabled={!canUpdate}
                onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => update({ competencyLevels: event.target.value.split('\n') })}
              />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Section>

          <Section
            title={t('section.analytics', 'Аналитика')}
            hint={t(
              'analytics.hint',
              'Пороги группы риска, отличников и хорошистов и прогноза отметок. Вес причины риска определяет порядок в списке группы риска.',
            )}
          >
            <Grid.Root gap={4}>
              {THRESHOLDS.map(({ key, label, step }) => (
                <Grid.Item key={key} col={3} direction="column" alignItems="stretch" s={6} xs={12}>
                  <Field.Root name={`analytics.${key}`} error={errors[`analytics.${key}`]}>
                    <Field.Label>{t(`analytics.${key}`, label)}</Field.Label>
                    <NumberInput
                      step={step}
                      value={form.analytics[key]}
                      disabled={!canUpdate}
                      onValueChange={(value: number | undefined) =>
                        update({ analytics: { ...form.analytics, [key]: value ?? (undefined as unknown as number) } })
                      }
                    />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
              ))}
            </Grid.Root>
            <Typography variant="sigma" textColor="neutral600">
              {t('analytics.riskWeights', 'Веса причин риска')}
            </Typography>
            <Grid.Root gap={4}>
              {RISK_REASONS.map(({ key, label }) => (
                <Grid.Item key={key} col={2} direction="column" alignItems="stretch" s={4} xs={12}>
                  <Field.Root name={`analytics.riskWeights.${key}`} error={errors[`analytics.riskWeights.${key}`]}>
                    <Field.Label>{t(`analytics.risk.${key}`, label)}</Field.Label>
                    <NumberInput
                      step={1}
                      value={form.analytics.riskWeights[key]}
                      disabled={!canUpdate}
                      onValueChange={(value: number | undefined) =>
                        update({
                          analytics: {
                            ...form.analytics,
                            riskWeights: { ...form.analytics.riskWeights, [key]: value ?? (undefined as unknown as number) },
                          },
                        })
                      }
                    />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
              ))}
            </Grid.Root>
            <Field.Root name="parentsSeeClassResults" error={errors.parentsSeeClassResults}>
              <Checkbox
                disabled={!canUpdate}
                checked={form.parentsSeeClassResults === true}
                onCheckedChange={(checked) => update({ parentsSeeClassResults: checked === true })}
              >
                {t(
                  'parentsSeeClassResults',
                  'Родители видят в дневнике показатели класса ребёнка (средний балл, успеваемость, качество — без имён)',
                )}
              </Checkbox>
              <Field.Error />
            </Field.Root>
          </Section>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default SchoolSettingsPage;
