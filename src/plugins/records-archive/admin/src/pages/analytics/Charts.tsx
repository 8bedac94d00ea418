import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTheme } from 'styled-components';
import { BASE } from '../../api/client';
import { useT } from '../../utils/translations';
import type { PeriodView, Summary, SummaryGroup } from './types';

/**
 * The analytics charts (recharts): the classes' quality and success rates this period beside the
 * previous one, and the school's (or the chosen scope's) dynamics over the periods of the year.
 */

interface ThemeColors {
  colors: Record<string, string>;
}

const ChartBox = ({ title, children, testId }: { title: string; children: React.ReactNode; testId: string }) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} width="100%" data-testid={testId}>
    <Typography variant="sigma" textColor="neutral600" tag="p">
      {title}
    </Typography>
    <Box paddingTop={3} style={{ height: 280 }}>
      {children}
    </Box>
  </Box>
);

/** Quality (and success) of each class or subject, now and in the previous period. */
export const GroupsChart = ({ groups, title }: { groups: SummaryGroup[]; title: string }) => {
  const { t } = useT();
  const theme = useTheme() as unknown as ThemeColors;
  const data = groups.map((group) => ({
    name: group.label,
    now: group.current.qualityRate,
    before: group.previous?.qualityRate ?? null,
  }));
  return (
    <ChartBox title={title} testId="analytics-chart-groups">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 4, right: 8, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={theme.colors.neutral200} />
          <XAxis
            dataKey="name"
            tick={{ fontSize: 12 }}
            interval={0}
            angle={data.length > 12 ? -45 : 0}
            height={data.length > 12 ? 50 : 30}
          />
          <YAxis domain={[0, 100]} unit="%" tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value) => (value === null || value === undefined ? '—' : `${String(value)} %`)} />
          <Legend />
          <Bar dataKey="before" name={t('analytics.chart.previous', 'Предыдущий период')} fill={theme.colors.neutral300} />
          <Bar dataKey="now" name={t('analytics.chart.current', 'Этот период')} fill={theme.colors.primary600} />
        </BarChart>
      </ResponsiveContainer>
    </ChartBox>
  );
};

/** The scope's average mark, success and quality rates over every period of the year, one request each. */
export const DynamicsChart = ({ periods, filters }: { periods: PeriodView[]; filters: Record<string, string> }) => {
  const { t } = useT();
  const theme = useTheme() as unknown as ThemeColors;
  const { get } = useFetchClient();
  const [points, setPoints] = React.useState<
    Array<{ name: string; average: number | null; success: number | null; quality: number | null }>
  >([]);
  const key = JSON.stringify({ periods: periods.map((period) => period.documentId), filters });
  React.useEffect(() => {
    let cancelled = false;
    const scope = { ...filters };
    delete scope.period;
    delete scope.compare;
    Promise.all(
      periods.map((period) =>
        get<{ data: Summary }>(`${BASE}/analytics/summary`, { params: { ...scope, period: period.documentId, groupBy: 'school' } })
          .then(({ data }) => ({
            name: period.title,
            average: data.data.total.current.averageMark,
            success: data.data.total.current.successRate,
            quality: data.data.total.current.qualityRate,
          }))
          .catch(() => ({ name: period.title, average: null, success: null, quality: null })),
      ),
    ).then((loaded) => {
      if (!cancelled) setPoints(loaded);
    });
    return () => {
      cancelled = true;
    };
  }, [key]);
  if (periods.length < 2) return null;
  return (
    <ChartBox title={t('analytics.chart.dynamics', 'Динамика по периодам учебного года')} testId="analytics-chart-dynamics">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 4, right: 8, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={theme.colors.neutral200} />
          <XAxis dataKey="name" tick={{ fontSize: 12 }} />
          <YAxis yAxisId="rate" domain={[0, 100]} unit="%" tick={{ fontSize: 12 }} />
          <YAxis yAxisId="mark" orientation="right" domain={[2, 5]} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Legend />
          <Line yAxisId="rate" dataKey="success" name={t('analytics.chart.success', 'Успеваемость, %')} stroke={theme.colors.success600} />
          <Line yAxisId="rate" dataKey="quality" name={t('analytics.chart.quality', 'Качество, %')} stroke={theme.colors.primary600} />
          <Line
            yAxisId="mark"
            dataKey="average"
            name={t('analytics.chart.average', 'Средний балл')}
            stroke={theme.colors.warning600}
            strokeDasharray="4 2"
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartBox>
  );
};

/** Both charts side by side on wide screens. */
export const ChartsRow = ({ children }: { children: React.ReactNode }) => (
  <Flex gap={4} alignItems="stretch" wrap="wrap" paddingBottom={4}>
    {React.Children.map(children, (child) => (child ? <Box style={{ flex: '1 1 420px', minWidth: 0 }}>{child}</Box> : null))}
  </Flex>
);
