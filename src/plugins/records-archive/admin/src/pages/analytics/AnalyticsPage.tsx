import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  Grid,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useSearchParams } from 'react-router-dom';
import { BASE, useDownload, useLoad } from '../../api/client';
import { ListState, Muted, Section } from '../../components/common';
import { useT } from '../../utils/translations';
import { ChartsRow, DynamicsChart, GroupsChart } from './Charts';
import { ControlWorksSection, ProgrammesSection } from './ProgrammeSections';
import type {
  AttendanceReport,
  Choices,
  ForecastAccuracy,
  ForecastGroup,
  GroupForecast,
  Leaders,
  Measures,
  RiskPupil,
  Summary,
  SummaryGroup,
} from './types';

const API = `${BASE}/analytics`;

const FILTERS = ['year', 'period', 'grade', 'class', 'subject', 'compare'] as const;
type FilterName = (typeof FILTERS)[number];

/** A number with its change since the previous period, green when better and red when worse. */
const WithChange = ({ value, change, suffix = '' }: { value: number | null; change: number | null; suffix?: string }) => {
  const { formatNumber } = useIntl();
  if (value === null) return <Muted>—</Muted>;
  const shown = formatNumber(value, { maximumFractionDigits: 2 }) + suffix;
  if (change === null || change === 0)
    return (
      <Typography>
        {shown}
        {change === 0 ? <Muted> (±0)</Muted> : null}
      </Typography>
    );
  const sign = change > 0 ? '+' : '−';
  return (
    <Flex gap={1} alignItems="baseline">
      <Typography>{shown}</Typography>
      <Typography variant="pi" textColor={change > 0 ? 'success600' : 'danger600'}>
        {`${sign}${formatNumber(Math.abs(change), { maximumFractionDigits: 2 })}`}
      </Typography>
    </Flex>
  );
};

/** One headline figure of the school (or of the chosen class, subject or parallel). */
const Figure = ({
  title,
  value,
  change,
  suffix,
  text,
}: {
  title: string;
  value?: number | null;
  change?: number | null;
  suffix?: string;
  text?: string;
}) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} width="100%">
    <Typography variant="sigma" textColor="neutral600" tag="p">
      {title}
    </Typography>
    <Box paddingTop={2}>
      {text !== undefined ? <Typography>{text}</Typography> : <WithChange value={value ?? null} change={change ?? null} suffix={suffix} />}
    </Box>
  </Box>
);

const rankBy = (groups: SummaryGroup[]): SummaryGroup[] =>
  [...groups].sort(
    (a, b) => (b.current.qualityRate ?? -1) - (a.current.qualityRate ?? -1) || (b.current.averageMark ?? 0) - (a.current.averageMark ?? 0),
  );

const twos = (measures: Measures) => measures.counts['2'] + measures.counts['1'];

/** Classes or subjects ranked by quality, this period beside the previous one. */
const RankingTable = ({ groups, first, showStanding }: { groups: SummaryGroup[]; first: string; showStanding: boolean }) => {
  const { t } = useT();
  const { formatNumber } = useIntl();
  const columns = showStanding ? 11 : 9;
  return (
    <Table colCount={columns} rowCount={groups.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{first}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('analytics.col.pupils', 'Обучающихся')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('analytics.col.average', 'Средний балл')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('analytics.col.success', 'Успеваемость')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('analytics.col.quality', 'Качество')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">«5»</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">«4»</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">«3»</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">«2»</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('analytics.col.notAssessed', 'н/а')}</Typography>
          </Th>
          {showStanding ? (
            <Th>
              <Typography variant="sigma">{t('analytics.col.excellent', 'Отличники')}</Typography>
            </Th>
          ) : null}
          {showStanding ? (
            <Th>
              <Typography variant="sigma">{t('analytics.col.good', 'Хорошисты')}</Typography>
            </Th>
          ) : null}
        </Tr>
      </Thead>
      <Tbody>
        {rankBy(groups).map((group) => (
          <Tr key={group.key}>
            <Td>
              <Typography fontWeight="bold">{group.label}</Typography>
            </Td>
            <Td>
              <Typography>{group.current.pupils}</Typography>
            </Td>
            <Td>
              <WithChange value={group.current.averageMark} change={group.change.averageMark} />
            </Td>
            <Td>
              <WithChange value={group.current.successRate} change={group.change.successRate} suffix=" %" />
            </Td>
            <Td>
              <WithChange value={group.current.qualityRate} change={group.change.qualityRate} suffix=" %" />
            </Td>
            <Td>
              <Typography>{group.current.counts['5']}</Typography>
            </Td>
            <Td>
              <Typography>{group.current.counts['4']}</Typography>
            </Td>
            <Td>
              <Typography>{group.current.counts['3']}</Typography>
            </Td>
            <Td>
              <Typography textColor={twos(group.current) > 0 ? 'danger600' : undefined}>{twos(group.current)}</Typography>
            </Td>
            <Td>
              <Typography>{group.current.notAssessedShare === null ? '—' : `${formatNumber(group.current.notAssessedShare)} %`}</Typography>
            </Td>
            {showStanding ? (
              <Td>
                <Typography>{group.standing.excellent}</Typography>
              </Td>
            ) : null}
            {showStanding ? (
              <Td>
                <Typography>{group.standing.good}</Typography>
              </Td>
            ) : null}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

const RISK_VARIANT: Record<string, 'danger' | 'warning' | 'secondary' | 'neutral'> = {
  'expected-fail': 'danger',
  'not-assessed': 'danger',
  absences: 'warning',
  falling: 'warning',
  'few-marks': 'secondary',
};

const RiskBadges = ({ risks }: { risks: string[] }) => {
  const { t } = useT();
  const labels: Record<string, string> = {
    'expected-fail': t('analytics.risk.expected-fail', 'ожидается «2»'),
    'not-assessed': t('analytics.risk.not-assessed', 'н/а'),
    'few-marks': t('analytics.risk.few-marks', 'мало отметок'),
    falling: t('analytics.risk.falling', 'средний балл падает'),
    absences: t('analytics.risk.absences', 'много пропусков'),
  };
  return (
    <Flex gap={1} wrap="wrap">
      {risks.map((risk) => (
        <Badge key={risk} variant={RISK_VARIANT[risk] ?? 'neutral'}>
          {labels[risk] ?? risk}
        </Badge>
      ))}
    </Flex>
  );
};

const RiskTable = ({ pupils }: { pupils: RiskPupil[] }) => {
  const { t } = useT();
  const { formatNumber } = useIntl();
  return (
    <Table colCount={6} rowCount={pupils.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{t('analytics.col.pupil', 'Обучающийся')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('analytics.col.class', 'Класс')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('analytics.col.reasons', 'Причины')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('analytics.col.subjects', 'Предметы: средний балл → прогноз')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('analytics.col.missed', 'Пропущено уроков')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('analytics.col.trajectory', 'ИОТ')}</Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {pupils.map((pupil) => (
          <Tr key={pupil.documentId}>
            <Td>
              <Typography fontWeight="bold">{pupil.fullName}</Typography>
            </Td>
            <Td>
              <Typography>{pupil.className ?? '—'}</Typography>
            </Td>
            <Td>
              <RiskBadges risks={pupil.risks} />
            </Td>
            <Td style={{ whiteSpace: 'normal', maxWidth: 420 }}>
              <Typography variant="pi">
                {pupil.subjects
                  .map(
                    (subject) =>
                      `${subject.subject}: ${subject.average === null ? '—' : formatNumber(subject.average)}` +
                      (subject.forecast !== null ? ` → ${subject.forecast}` : subject.result ? ` (${subject.result.value})` : ''),
                  )
                  .join('; ') || '—'}
              </Typography>
            </Td>
            <Td>
              <Typography>
                {pupil.attendance.missed}
                {pupil.attendance.lessons > 0 ? ` / ${pupil.attendance.lessons}` : ''}
              </Typography>
            </Td>
            <Td>
              <Typography>{pupil.trajectory ? t('analytics.trajectory.present', 'есть') : ''}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

const LeaderList = ({ title, pupils }: { title: string; pupils: Leaders['excellent'] }) => {
  const { t } = useT();
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} width="100%">
      <Typography variant="delta" tag="h3">
        {title} ({pupils.length})
      </Typography>
      <Box paddingTop={2}>
        {pupils.length === 0 ? (
          <Muted>{t('analytics.leaders.none', 'нет')}</Muted>
        ) : (
          pupils.map((pupil) => (
            <Typography key={pupil.documentId} tag="p">
              {pupil.fullName}
              <Muted>
                {' '}
                · {pupil.className ?? '—'}
                {pupil.subject ? ` · ${pupil.subject}` : ''}
                {pupil.trajectory ? ` · ${t('analytics.col.trajectory', 'ИОТ')}: ${t('analytics.trajectory.present', 'есть')}` : ''}
              </Muted>
            </Typography>
          ))
        )}
      </Box>
    </Box>
  );
};

const AttendanceTable = ({ report }: { report: AttendanceReport }) => {
  const { t } = useT();
  return (
    <Table colCount={6} rowCount={report.classes.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{t('analytics.col.class', 'Класс')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('analytics.col.missed', 'Пропущено уроков')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('analytics.col.absent', 'Без причины')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('analytics.col.ill', 'По болезни')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('analytics.col.excused', 'По уважительной причине')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('analytics.col.late', 'Опозданий')}</Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {report.classes.map((row) => (
          <Tr key={row.documentId}>
            <Td>
              <Typography fontWeight="bold">{row.name}</Typography>
            </Td>
            <Td>
              <Typography>{row.missed}</Typography>
            </Td>
            <Td>
              <Typography textColor={row.absent > 0 ? 'danger600' : undefined}>{row.absent}</Typography>
            </Td>
            <Td>
              <Typography>{row.ill}</Typography>
            </Td>
            <Td>
              <Typography>{row.excused}</Typography>
            </Td>
            <Td>
              <Typography>{row.late}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

/** The expected measures of each class and the school (R86): so far → expected, with the expected change. */
const ForecastTable = ({ rows }: { rows: ForecastGroup[] }) => {
  const { t } = useT();
  const { formatNumber } = useIntl();
  const shown = (value: number | null, suffix = '') =>
    value === null ? '—' : `${formatNumber(value, { maximumFractionDigits: 2 })}${suffix}`;
  return (
    <Table colCount={5} rowCount={rows.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{t('analytics.col.class', 'Класс')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('analytics.col.pupils', 'Обучающихся')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('analytics.groupForecast.average', 'Средний балл: сейчас → ожидается')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('analytics.groupForecast.success', 'Успеваемость: сейчас → ожидается')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('analytics.groupForecast.quality', 'Качество: сейчас → ожидается')}</Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row) => (
          <Tr key={row.key}>
            <Td>
              <Typography fontWeight="bold">{row.label}</Typography>
            </Td>
            <Td>
              <Typography>{row.current.pupils}</Typography>
            </Td>
            <Td>
              <Flex gap={1}>
                <Typography>{shown(row.current.averageMark)} →</Typography>
                <WithChange value={row.expected.averageMark} change={row.change.averageMark} />
              </Flex>
            </Td>
            <Td>
              <Flex gap={1}>
                <Typography>{shown(row.current.successRate, ' %')} →</Typography>
                <WithChange value={row.expected.successRate} change={row.change.successRate} suffix=" %" />
              </Flex>
            </Td>
            <Td>
              <Flex gap={1}>
                <Typography>{shown(row.current.qualityRate, ' %')} →</Typography>
                <WithChange value={row.expected.qualityRate} change={row.change.qualityRate} suffix=" %" />
              </Flex>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

/**
 * «Аналитика»: the deputy director's overview of a study period — the school's figures with their
 * change since the previous period, classes and subjects ranked, pupils at risk, отличники and
 * хорошисты, attendance — and the same as an XLSX workbook.
 */
export const AnalyticsPage = () => {
  const { t } = useT();
  const { formatNumber } = useIntl();
  const download = useDownload();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? '']).filter(([, value]) => value !== '')) as Partial<
    Record<FilterName, string>
  >;
  const choose = (name: FilterName, value: string) => {
    const next = { ...filters, [name]: value };
    if (name === 'year') delete next.period;
    setParams(Object.fromEntries(Object.entries(next).filter(([, entry]) => entry)) as Record<string, string>);
  };
  const choices = useLoad<{ data: Choices }>(`${API}/choices`, filters.year ? { year: filters.year } : undefined);
  const classes = useLoad<{ data: Summary }>(`${API}/summary`, { ...filters, groupBy: 'class' });
  const subjects = useLoad<{ data: Summary }>(`${API}/summary`, { ...filters, groupBy: 'subject' });
  const atRisk = useLoad<{ data: { pupils: RiskPupil[] } }>(`${API}/at-risk`, filters);
  const leaders = useLoad<{ data: Leaders }>(`${API}/leaders`, filters);
  const attendance = useLoad<{ data: AttendanceReport }>(`${API}/attendance`, filters);
  const groupForecast = useLoad<{ data: GroupForecast }>(`${API}/forecast`, { ...filters, groupBy: 'class' });
  const accuracy = useLoad<{ data: ForecastAccuracy }>(`${API}/forecast-accuracy`, filters.year ? { year: filters.year } : undefined);

  const options = choices.data?.data;
  const summary = classes.data?.data;
  const total = summary?.total;
  const period = summary?.period;
  const previous = summary?.previousPeriod;
  const forecast = accuracy.data?.data;
  // The periods of the shown one's scheme that have begun: the points of the dynamics chart.
  const periodsSoFar = (options?.periods ?? []).filter(
    (candidate) => period && candidate.scheme === period.scheme && candidate.year === period.year && candidate.startDate <= period.endDate,
  );

  const select = (name: FilterName, label: string, items: Array<{ value: string; label: string }>, any: string) => (
    <Box minWidth="180px">
      <Field.Root name={name}>
        <Field.Label>{label}</Field.Label>
        <SingleSelect
          value={name === 'period' ? (filters.period ?? period?.documentId ?? '') : (filters[name] ?? '')}
          onChange={(value: string | number) => choose(name, String(value))}
        >
          {name === 'period' ? null : <SingleSelectOption value="">{any}</SingleSelectOption>}
          {items.map((item) => (
            <SingleSelectOption key={item.value} value={item.value}>
              {item.label}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
    </Box>
  );

  return (
    <Page.Main>
      <Page.Title>{t('analytics.title', 'Аналитика')}</Page.Title>
      <Layouts.Header
        title={t('analytics.title', 'Аналитика')}
        subtitle={
          period
            ? previous
              ? t('analytics.subtitle', '{period} {year} в сравнении с периодом «{previous}»', {
                  period: period.title,
                  year: period.year,
                  previous: `${previous.title} ${previous.year}`,
                })
              : t('analytics.subtitle.alone', '{period} {year}: периода для сравнения нет', { period: period.title, year: period.year })
            : undefined
        }
        primaryAction={
          <Button
            startIcon={<Download />}
            variant="secondary"
            onClick={() => download(`${API}/export.xlsx`, 'analitika.xlsx', filters)}
            disabled={!summary}
          >
            {t('analytics.export', 'Скачать XLSX')}
          </Button>
        }
      />
      <Layouts.Content>
        <Flex gap={4} alignItems="flex-end" paddingBottom={6} wrap="wrap">
          {select(
            'year',
            t('analytics.filter.year', 'Учебный год'),
            (options?.years ?? []).map((year) => ({ value: year.documentId, label: year.title })),
            t('analytics.filter.currentYear', 'текущий'),
          )}
          {select(
            'period',
            t('analytics.filter.period', 'Учебный период'),
            (options?.periods ?? []).map((item) => ({ value: item.documentId, label: item.title })),
            '',
          )}
          {select(
            'grade',
            t('analytics.filter.grade', 'Параллель'),
            (options?.grades ?? []).map((grade) => ({ value: String(grade), label: t('analytics.grade', '{grade} классы', { grade }) })),
            t('analytics.filter.all', 'все'),
          )}
          {select(
            'class',
            t('analytics.filter.class', 'Класс'),
            (options?.classes ?? []).map((item) => ({ value: item.documentId, label: item.name })),
            t('analytics.filter.all', 'все'),
          )}
          {select(
            'subject',
            t('analytics.filter.subject', 'Предмет'),
            (options?.subjects ?? []).map((item) => ({ value: item.documentId, label: item.name })),
            t('analytics.filter.all', 'все'),
          )}
          {select(
            'compare',
            t('analytics.filter.compare', 'Сравнить с'),
            [{ value: 'year', label: t('analytics.filter.compare.year', 'тем же периодом прошлого года') }],
            t('analytics.filter.compare.period', 'предыдущим периодом'),
          )}
        </Flex>

        <ListState isLoading={classes.isLoading} isEmpty={!total} empty={t('analytics.empty', 'Нет данных за этот период')}>
          {total ? (
            <Box paddingBottom={8}>
              <Grid.Root gap={4}>
                <Grid.Item col={3} s={6} xs={12} alignItems="stretch">
                  <Figure
                    title={t('analytics.col.average', 'Средний балл')}
                    value={total.current.averageMark}
                    change={total.change.averageMark}
                  />
                </Grid.Item>
                <Grid.Item col={3} s={6} xs={12} alignItems="stretch">
                  <Figure
                    title={t('analytics.col.success', 'Успеваемость')}
                    value={total.current.successRate}
                    change={total.change.successRate}
                    suffix=" %"
                  />
                </Grid.Item>
                <Grid.Item col={3} s={6} xs={12} alignItems="stretch">
                  <Figure
                    title={t('analytics.col.quality', 'Качество')}
                    value={total.current.qualityRate}
                    change={total.change.qualityRate}
                    suffix=" %"
                  />
                </Grid.Item>
                <Grid.Item col={3} s={6} xs={12} alignItems="stretch">
                  <Figure
                    title={t('analytics.figure.pupils', 'Обучающихся / отличников / хорошистов')}
                    text={`${total.current.pupils} / ${total.standing.excellent} / ${total.standing.good}`}
                  />
                </Grid.Item>
              </Grid.Root>
              <Box paddingTop={3}>
                <Muted>
                  {t(
                    'analytics.definitions',
                    'Успеваемость — доля обучающихся без «2» и «н/а»; качество — доля обучающихся только с «4» и «5» (и «зачтено»). Без отметки за период берётся средневзвешенный балл, округлённый по правилам (3,5 → 4).',
                  )}
                </Muted>
              </Box>
            </Box>
          ) : null}
        </ListState>

        {summary && (summary.groups.length > 0 || periodsSoFar.length > 1) ? (
          <ChartsRow>
            {summary.groups.length > 0 ? (
              <GroupsChart groups={summary.groups} title={t('analytics.chart.classes', 'Качество знаний по классам, %')} />
            ) : null}
            <DynamicsChart periods={periodsSoFar} filters={filters as Record<string, string>} />
          </ChartsRow>
        ) : null}

        <Section title={t('analytics.classes', 'Классы: рейтинг по качеству знаний')}>
          <ListState
            isLoading={classes.isLoading}
            isEmpty={(summary?.groups.length ?? 0) === 0}
            empty={t('analytics.empty', 'Нет данных за этот период')}
          >
            <RankingTable groups={summary?.groups ?? []} first={t('analytics.col.class', 'Класс')} showStanding />
          </ListState>
        </Section>

        <Section title={t('analytics.subjects', 'Предметы: рейтинг по качеству знаний')}>
          <ListState
            isLoading={subjects.isLoading}
            isEmpty={(subjects.data?.data.groups.length ?? 0) === 0}
            empty={t('analytics.empty', 'Нет данных за этот период')}
          >
            <RankingTable groups={subjects.data?.data.groups ?? []} first={t('analytics.col.subject', 'Предмет')} showStanding={false} />
          </ListState>
        </Section>

        <Section title={t('analytics.atRisk', 'Группа риска: кому нужна помощь')}>
          <ListState
            isLoading={atRisk.isLoading}
            isEmpty={(atRisk.data?.data.pupils.length ?? 0) === 0}
            empty={t('analytics.atRisk.empty', 'Обучающихся в группе риска нет')}
          >
            <RiskTable pupils={atRisk.data?.data.pupils ?? []} />
          </ListState>
        </Section>

        <Section title={t('analytics.leaders', 'Отличники и хорошисты')}>
          {leaders.data ? (
            <Grid.Root gap={4}>
              <Grid.Item col={3} s={6} xs={12} alignItems="stretch">
                <LeaderList title={t('analytics.leaders.excellent', 'Отличники')} pupils={leaders.data.data.excellent} />
              </Grid.Item>
              <Grid.Item col={3} s={6} xs={12} alignItems="stretch">
                <LeaderList title={t('analytics.leaders.oneFour', 'С одной «4»')} pupils={leaders.data.data.oneFour} />
              </Grid.Item>
              <Grid.Item col={3} s={6} xs={12} alignItems="stretch">
                <LeaderList title={t('analytics.leaders.good', 'Хорошисты')} pupils={leaders.data.data.good} />
              </Grid.Item>
              <Grid.Item col={3} s={6} xs={12} alignItems="stretch">
                <LeaderList title={t('analytics.leaders.oneThree', 'С одной «3»')} pupils={leaders.data.data.oneThree} />
              </Grid.Item>
            </Grid.Root>
          ) : (
            <ListState isLoading={leaders.isLoading} isEmpty empty={t('analytics.empty', 'Нет данных за этот период')}>
              {null}
            </ListState>
          )}
        </Section>

        <Section title={t('analytics.attendance', 'Пропуски уроков по причинам')}>
          <ListState
            isLoading={attendance.isLoading}
            isEmpty={(attendance.data?.data.classes.length ?? 0) === 0}
            empty={t('analytics.attendance.empty', 'Пропусков нет')}
          >
            {attendance.data ? <AttendanceTable report={attendance.data.data} /> : null}
          </ListState>
        </Section>

        <Section title={t('analytics.groupForecast', 'Прогноз по классам и школе: чем закончится период')}>
          <ListState
            isLoading={groupForecast.isLoading}
            isEmpty={(groupForecast.data?.data.groups.length ?? 0) === 0}
            empty={t('analytics.empty', 'Нет данных за этот период')}
          >
            {groupForecast.data ? (
              <ForecastTable
                rows={[
                  ...groupForecast.data.data.groups,
                  { key: 'school', label: t('analytics.groupForecast.school', 'Школа'), ...groupForecast.data.data.total },
                ]}
              />
            ) : null}
          </ListState>
          <Box paddingTop={2}>
            <Muted>
              {t(
                'analytics.groupForecast.hint',
                'Ожидается: отметка за период, где она выставлена, иначе прогноз отметки каждого обучающегося по каждому предмету.',
              )}
            </Muted>
          </Box>
        </Section>

        <ControlWorksSection filters={filters as Record<string, string>} />

        <ProgrammesSection period={filters.period} />

        <Section title={t('analytics.forecast', 'Прогноз отметок за период')}>
          <Typography tag="p" style={{ whiteSpace: 'normal' }}>
            {t(
              'analytics.forecast.method',
              'Прогноз — средневзвешенный балл с поправкой на тенденцию: доля разницы между средним баллом второй и первой части отметок (доля и предел задаются в настройках школы), округление по правилам.',
            )}
          </Typography>
          <Box paddingTop={2}>
            {forecast && forecast.forecast.pairs > 0 ? (
              <Typography tag="p" style={{ whiteSpace: 'normal' }}>
                {t(
                  'analytics.forecast.accuracy',
                  'На завершённых периодах года прогноз по отметкам первых двух третей периода совпал с отметкой за период в {exact} % случаев, отличался не больше чем на балл в {withinOne} % ({pairs} отметок); простой средний балл тех же отметок — {baseline} %.',
                  {
                    exact: formatNumber(forecast.forecast.exact ?? 0),
                    withinOne: formatNumber(forecast.forecast.withinOne ?? 0),
                    pairs: forecast.forecast.pairs,
                    baseline: formatNumber(forecast.baselines.averageSoFar.exact ?? 0),
                  },
                )}
              </Typography>
            ) : (
              <Muted>
                {t('analytics.forecast.noData', 'Завершённых периодов с отметками пока нет: точность прогноза ещё не измерена.')}
              </Muted>
            )}
          </Box>
        </Section>
      </Layouts.Content>
    </Page.Main>
  );
};

export default AnalyticsPage;
