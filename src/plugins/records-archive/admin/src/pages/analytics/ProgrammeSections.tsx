import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
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
import { useIntl } from 'react-intl';
import { BASE, useLoad } from '../../api/client';
import { ListState, Muted, russian, Section } from '../../components/common';
import { useT } from '../../utils/translations';
import type { ControlWork, LevelCounts, MaterialMeasures, MaterialResults, ProgrammeMastery, SchoolCompletion } from './types';

const API = `${BASE}/analytics`;

const Header = ({ labels }: { labels: string[] }) => (
  <Thead>
    <Tr>
      {labels.map((label) => (
        <Th key={label}>
          <Typography variant="sigma">{label}</Typography>
        </Th>
      ))}
    </Tr>
  </Thead>
);

/** «повышенный 1 · базовый 2 · ниже базового 0», the levels reached by points. */
const Levels = ({ levels }: { levels: LevelCounts | null }) => {
  const { t } = useT();
  if (!levels) return <Muted>{t('analytics.levels.none', 'без порогов — уровень не определяется')}</Muted>;
  return (
    <Typography variant="pi">
      {t('analytics.levels', 'повышенный {advanced} · базовый {basic} · ниже базового {below}', {
        advanced: levels.advanced,
        basic: levels.basic,
        below: levels['below-basic'],
      })}
    </Typography>
  );
};

/** A rate with the school's planned rate beside it, and the gap in red when below the plan. */
const RateAgainstPlan = ({ actual, planned, gap }: { actual: number | null; planned: number | null; gap: number | null }) => {
  const { t } = useT();
  const { formatNumber } = useIntl();
  if (actual === null) return <Muted>—</Muted>;
  return (
    <Flex direction="column" alignItems="flex-start">
      <Typography>{`${formatNumber(actual, { maximumFractionDigits: 1 })} %`}</Typography>
      {planned !== null ? (
        <Typography variant="pi" textColor={gap !== null && gap < 0 ? 'danger600' : 'success600'}>
          {t('analytics.controlWorks.planned', 'план {planned} %', { planned: formatNumber(planned, { maximumFractionDigits: 1 }) })}
        </Typography>
      ) : null}
    </Flex>
  );
};

/** A percentage, or a dash. */
const Rate = ({ value }: { value: number | null }) => {
  const { formatNumber } = useIntl();
  return value === null ? <Muted>—</Muted> : <Typography>{`${formatNumber(value, { maximumFractionDigits: 1 })} %`}</Typography>;
};

/** The cells of one КИМ's measures: written / absent, успеваемость, качество, average points, levels. */
const MeasureCells = ({ measures }: { measures: MaterialMeasures }) => {
  const { formatNumber } = useIntl();
  return (
    <>
      <Td>
        <Typography>{`${measures.written} / ${measures.absent}`}</Typography>
      </Td>
      <Td>
        <Rate value={measures.successRate} />
      </Td>
      <Td>
        <Rate value={measures.qualityRate} />
      </Td>
      <Td>
        <Typography>
          {measures.averagePoints === null ? '—' : formatNumber(measures.averagePoints, { maximumFractionDigits: 1 })}
        </Typography>
      </Td>
      <Td>
        <Levels levels={measures.levels} />
      </Td>
    </>
  );
};

/** One КИМ across the classes that wrote it (R98): a row per class and the total. */
const MaterialTable = ({ documentId }: { documentId: string }) => {
  const { t } = useT();
  const results = useLoad<{ data: MaterialResults }>(`${API}/assessment-materials/${documentId}`);
  const report = results.data?.data;
  const rows = report?.classes ?? [];
  return (
    <Box paddingTop={4}>
      <ListState
        isLoading={results.isLoading}
        isEmpty={rows.length === 0}
        empty={t('analytics.material.empty', 'Этот КИМ ещё не писал ни один класс')}
      >
        {report ? (
          <Table colCount={7} rowCount={rows.length + 2}>
            <Header
              labels={[
                t('analytics.col.class', 'Класс'),
                t('analytics.controlWorks.date', 'Дата'),
                t('analytics.controlWorks.written', 'Писали / отсутствовали'),
                t('analytics.col.success', 'Успеваемость'),
                t('analytics.col.quality', 'Качество'),
                t('analytics.material.average', 'Средний балл (из {max})', { max: report.material.maxPoints ?? '—' }),
                t('analytics.controlWorks.levels', 'Уровни по баллам'),
              ]}
            />
            <Tbody>
              {rows.map((row) => (
                <Tr key={row.lesson.documentId}>
                  <Td>
                    <Typography>{row.class.name}</Typography>
                  </Td>
                  <Td>
                    <Typography>{russian(row.lesson.date)}</Typography>
                  </Td>
                  <MeasureCells measures={row} />
                </Tr>
              ))}
              <Tr>
                <Td>
                  <Typography fontWeight="bold">{t('analytics.material.total', 'Всего')}</Typography>
                </Td>
                <Td />
                <MeasureCells measures={report.total} />
              </Tr>
            </Tbody>
          </Table>
        ) : null}
      </ListState>
    </Box>
  );
};

/**
 * «Контрольные работы периода» (R91, R98): each control work of the chosen period with who wrote it,
 * its marks, успеваемость and качество against the school's plan, and the levels reached by points.
 */
export const ControlWorksSection = ({ filters }: { filters: Record<string, string> }) => {
  const { t } = useT();
  const works = useLoad<{ data: { controlWorks: ControlWork[] } }>(`${API}/control-works`, filters);
  const rows = works.data?.data.controlWorks ?? [];
  // The КИМ the period's control works name: pick one to see it across the classes that wrote it (R98).
  const materials = [
    ...new Map(
      rows.flatMap((work) =>
        work.assessmentMaterial ? [[work.assessmentMaterial.documentId, work.assessmentMaterial.title] as const] : [],
      ),
    ),
  ];
  const [material, setMaterial] = React.useState('');
  return (
    <Section title={t('analytics.controlWorks', 'Контрольные работы периода')}>
      {materials.length > 0 ? (
        <Box paddingBottom={4} maxWidth="480px">
          <Field.Root name="assessmentMaterial">
            <Field.Label>{t('analytics.material', 'КИМ')}</Field.Label>
            <SingleSelect value={material} onChange={(value: string | number) => setMaterial(String(value))}>
              <SingleSelectOption value="">{t('analytics.material.none', 'не выбран')}</SingleSelectOption>
              {materials.map(([documentId, title]) => (
                <SingleSelectOption key={documentId} value={documentId}>
                  {title}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          {material ? <MaterialTable key={material} documentId={material} /> : null}
        </Box>
      ) : null}
      <ListState
        isLoading={works.isLoading}
        isEmpty={rows.length === 0}
        empty={t('analytics.controlWorks.empty', 'Контрольных работ в этом периоде нет')}
      >
        <Table colCount={8} rowCount={rows.length + 1}>
          <Header
            labels={[
              t('analytics.controlWorks.date', 'Дата'),
              t('analytics.col.class', 'Класс'),
              t('analytics.col.subject', 'Предмет'),
              t('analytics.controlWorks.topic', 'Тема'),
              t('analytics.controlWorks.written', 'Писали / отсутствовали'),
              t('analytics.col.success', 'Успеваемость'),
              t('analytics.col.quality', 'Качество'),
              t('analytics.controlWorks.levels', 'Уровни по баллам'),
            ]}
          />
          <Tbody>
            {rows.map((work) => (
              <Tr key={work.lesson.documentId}>
                <Td>
                  <Typography>{russian(work.lesson.date)}</Typography>
                </Td>
                <Td>
                  <Typography>{work.class.name}</Typography>
                </Td>
                <Td>
                  <Typography>{work.subject.name}</Typography>
                </Td>
                <Td>
                  <Typography>{work.lesson.topic}</Typography>
                </Td>
                <Td>
                  <Typography>{`${work.written} / ${work.absent}`}</Typography>
                </Td>
                <Td>
                  <RateAgainstPlan actual={work.successRate} planned={work.planned.successRate} gap={work.gap.successRate} />
                </Td>
                <Td>
                  <RateAgainstPlan actual={work.qualityRate} planned={work.planned.qualityRate} gap={work.gap.qualityRate} />
                </Td>
                <Td>
                  <Levels levels={work.pointsLevels} />
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </ListState>
    </Section>
  );
};

/** One programme's topics: the planned results, the control works checking each and the pupils' levels. */
const MasteryTable = ({ documentId }: { documentId: string }) => {
  const { t } = useT();
  const mastery = useLoad<{ data: ProgrammeMastery }>(`${API}/programmes/${documentId}/mastery`);
  const report = mastery.data?.data;
  return (
    <Box paddingTop={4}>
      <ListState
        isLoading={mastery.isLoading}
        isEmpty={!report || report.topics.length === 0}
        empty={t('analytics.mastery.empty', 'В тематическом плане нет тем')}
      >
        {report ? (
          <>
            <Typography variant="omega" fontWeight="bold" tag="h3">
              {t('analytics.mastery.title', 'Освоение планируемых результатов: {journal}', {
                journal: [report.journal?.schoolClass, report.journal?.subject].filter(Boolean).join(', '),
              })}
            </Typography>
            <Box paddingTop={2}>
              <Table colCount={4} rowCount={report.topics.length + 1}>
                <Header
                  labels={[
                    t('analytics.mastery.topic', 'Тема и планируемые результаты'),
                    t('analytics.mastery.works', 'Контрольные работы темы'),
                    t('analytics.mastery.levels', 'Уровень обучающихся'),
                    t('analytics.mastery.notAssessed', 'Без оценки'),
                  ]}
                />
                <Tbody>
                  {report.topics.map((topic) => (
                    <Tr key={topic.topic}>
                      <Td style={{ whiteSpace: 'normal', verticalAlign: 'top' }}>
                        <Typography fontWeight="semiBold">{topic.topic}</Typography>
                        {topic.plannedResults.map((result) => (
                          <Box key={result}>
                            <Muted>{`• ${result}`}</Muted>
                          </Box>
                        ))}
                      </Td>
                      <Td style={{ verticalAlign: 'top' }}>
                        {topic.controlWorks.length === 0 ? (
                          <Muted>{t('analytics.mastery.noWorks', 'не проводились')}</Muted>
                        ) : (
                          topic.controlWorks.map((work) => (
                            <Box key={work.lesson}>
                              <Typography variant="pi">{`${russian(work.date)}: `}</Typography>
                              <Levels levels={work.levels} />
                            </Box>
                          ))
                        )}
                      </Td>
                      <Td style={{ verticalAlign: 'top' }}>
                        <Levels levels={topic.levels} />
                      </Td>
                      <Td style={{ verticalAlign: 'top' }}>
                        <Typography>{topic.levels.notAssessed}</Typography>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            </Box>
            {report.unmatchedControlWorks.length > 0 ? (
              <Box paddingTop={2}>
                <Muted>
                  {t('analytics.mastery.unmatched', 'Контрольные работы, тема которых не названа в плане: {works}', {
                    works: report.unmatchedControlWorks.map((work) => `${russian(work.date)} «${work.topic ?? '—'}»`).join(', '),
                  })}
                </Muted>
              </Box>
            ) : null}
          </>
        ) : null}
      </ListState>
    </Box>
  );
};

/**
 * «Рабочие программы» (R12, R91): every programme of the year, planned to date against delivered,
 * the lagging first; «Освоение» opens a programme's mastery of its planned results by topic.
 */
export const ProgrammesSection = ({ period }: { period: string | undefined }) => {
  const { t } = useT();
  const completion = useLoad<{ data: SchoolCompletion }>(`${API}/programmes`, period ? { period } : undefined);
  const [open, setOpen] = React.useState<string | null>(null);
  const report = completion.data?.data;
  const rows = report?.programmes ?? [];
  return (
    <Section
      title={
        report
          ? t('analytics.programmes.on', 'Рабочие программы: прохождение на {date} и освоение по темам', { date: russian(report.date) })
          : t('analytics.programmes', 'Рабочие программы: прохождение и освоение по темам')
      }
    >
      <ListState
        isLoading={completion.isLoading}
        isEmpty={rows.length === 0}
        empty={t('analytics.programmes.empty', 'Рабочих программ этого учебного года нет')}
      >
        <Table colCount={7} rowCount={rows.length + 1}>
          <Header
            labels={[
              t('analytics.col.class', 'Класс'),
              t('analytics.col.subject', 'Предмет'),
              t('analytics.programmes.teacher', 'Учитель'),
              t('analytics.programmes.plannedToDate', 'По плану к дате'),
              t('analytics.programmes.delivered', 'Проведено'),
              t('analytics.programmes.lag', 'Отставание'),
              '',
            ]}
          />
          <Tbody>
            {rows.map((row) => (
              <Tr key={row.documentId}>
                <Td>
                  <Typography>{row.schoolClass ?? '—'}</Typography>
                </Td>
                <Td>
                  <Typography>{row.subject ?? '—'}</Typography>
                </Td>
                <Td>
                  <Typography>{row.teacher ?? '—'}</Typography>
                </Td>
                <Td>
                  <Typography>{`${row.completion.plannedToDate} / ${row.completion.planned}`}</Typography>
                </Td>
                <Td>
                  <Typography>{row.completion.delivered}</Typography>
                </Td>
                <Td>
                  {row.completion.lagging ? (
                    <Badge variant="danger">{t('analytics.programmes.behind', 'отстаёт на {lag}', { lag: row.completion.lag })}</Badge>
                  ) : (
                    <Badge variant="success">{t('analytics.programmes.onTime', 'по плану')}</Badge>
                  )}
                </Td>
                <Td>
                  <Button
                    variant={open === row.documentId ? 'secondary' : 'tertiary'}
                    size="S"
                    onClick={() => setOpen(open === row.documentId ? null : row.documentId)}
                  >
                    {t('analytics.programmes.mastery', 'Освоение')}
                  </Button>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
        {report && report.journalsWithoutProgramme.length > 0 ? (
          <Box paddingTop={2}>
            <Muted>
              {t('analytics.programmes.without', 'Журналы без рабочей программы: {count}', {
                count: report.journalsWithoutProgramme.length,
              })}
            </Muted>
          </Box>
        ) : null}
        {open ? <MasteryTable key={open} documentId={open} /> : null}
      </ListState>
    </Section>
  );
};
