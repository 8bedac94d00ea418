import * as React from 'react';
import { Badge, Box, Button, Field, Flex, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Search } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { BASE, useLoad } from '../../api/client';
import { ListState, Muted, russian, Section, Select } from '../../components/common';
import { PupilTable } from '../../components/PupilTable';
import { PUPIL_PERMISSIONS } from '../../constants';
import { useT } from '../../utils/translations';
import type { Overview, OverviewResponse, PupilChoices, PupilFound } from './types';

/**
 * «Ученик»: one pupil's school year on one page (issue 11) — subject marks with control works and the
 * level of mastery, meta-subject and personal results, external assessments (ВПР), self-assessments,
 * the individual trajectory and the special learning conditions. The server answers with the rights
 * of the staff member's school account, so a teacher sees what the REST API would show them.
 */

const SUMMARY_KINDS: Record<string, [string, string]> = {
  periodic: ['pupil.summary.periodic', 'за период'],
  annual: ['pupil.summary.annual', 'годовая'],
  exam: ['pupil.summary.exam', 'экзамен'],
  final: ['pupil.summary.final', 'итоговая'],
};

const VERDICT_VARIANTS: Record<string, 'success' | 'warning' | 'secondary'> = { matches: 'success', higher: 'warning', lower: 'secondary' };

/** A part the reader may not open: said plainly, never shown as empty. */
const Closed = () => {
  const { t } = useT();
  return <Muted>{t('pupil.closed', 'Нет доступа по вашей роли')}</Muted>;
};

const Empty = ({ children }: { children: React.ReactNode }) => (
  <Box padding={4} background="neutral0" hasRadius shadow="tableShadow">
    <Muted>{children}</Muted>
  </Box>
);

const SubjectsSection = ({ overview }: { overview: Overview }) => {
  const { t } = useT();
  const subjects = overview.subjects;
  return (
    <Section title={t('pupil.subjects.title', 'Предметные результаты')}>
      {subjects.length === 0 ? (
        <Empty>{t('pupil.subjects.empty', 'Отметок за учебный год нет (или журналы вам недоступны)')}</Empty>
      ) : (
        <Table colCount={6} rowCount={subjects.length + 1}>
          <Thead>
            <Tr>
              <Th>{t('pupil.subjects.subject', 'Предмет')}</Th>
              <Th>{t('pupil.subjects.average', 'Средний балл')}</Th>
              <Th>{t('pupil.subjects.count', 'Отметок')}</Th>
              <Th>{t('pupil.subjects.latest', 'Последние отметки')}</Th>
              <Th>{t('pupil.subjects.summary', 'За периоды и год')}</Th>
              <Th>{t('pupil.subjects.control', 'Контрольные работы: уровень освоения')}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {subjects.map((subject) => (
              <Tr key={subject.journal}>
                <Td>
                  <Flex direction="column" alignItems="flex-start" gap={1}>
                    <Typography fontWeight="semiBold">{subject.subject}</Typography>
                    {subject.studyLevel === 'advanced' ? <Badge>{t('pupil.subjects.advanced', 'углублённый')}</Badge> : null}
                  </Flex>
                </Td>
                <Td>
                  <Typography fontWeight="bold">{subject.average ?? '—'}</Typography>
                </Td>
                <Td>{subject.marksCount}</Td>
                <Td>
                  <Typography title={subject.latestMarks.map((mark) => `${russian(mark.date)}: ${mark.value}`).join('\n')}>
                    {subject.latestMarks.map((mark) => mark.value).join(' ') || '—'}
                  </Typography>
                </Td>
                <Td>
                  {subject.summaryMarks.length === 0
                    ? '—'
                    : subject.summaryMarks.map((mark, index) => {
                        const kind = SUMMARY_KINDS[mark.kind];
                        return (
                          <Typography key={index} tag="div" variant="pi">
                            {mark.period ?? (kind ? t(kind[0], kind[1]) : mark.kind)}: <b>{mark.value}</b>
                          </Typography>
                        );
                      })}
                </Td>
                <Td>
                  {subject.controlWorks.length === 0
                    ? '—'
                    : subject.controlWorks.map((work, index) => (
                        <Typography
                          key={index}
                          tag="div"
                          variant="pi"
                          title={[work.topic, work.plannedResults].filter(Boolean).join('\n') || undefined}
                        >
                          {russian(work.date)}: <b>{work.value}</b>
                          {work.points !== null
                            ? ` (${t('pupil.subjects.points', '{points} из {max} б.', { points: work.points, max: work.maxPoints ?? '—' })})`
                            : ''}
                          {(work.pointsLevelLabel ?? work.masteryLabel) ? ` — ${work.pointsLevelLabel ?? work.masteryLabel}` : ''}
                        </Typography>
                      ))}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Section>
  );
};

interface LevelResult {
  documentId: string;
  indicator: string;
  level: string;
  levelRank: number | null;
  sourceLabel: string;
  date: string;
  note: string | null;
}

const LevelTable = ({ results, levels }: { results: LevelResult[]; levels: string[] }) => {
  const { t } = useT();
  return (
    <Table colCount={4} rowCount={results.length + 1}>
      <Thead>
        <Tr>
          <Th>{t('pupil.levels.indicator', 'Показатель')}</Th>
          <Th>{t('pupil.levels.level', 'Уровень')}</Th>
          <Th>{t('pupil.levels.source', 'Источник')}</Th>
          <Th>{t('pupil.levels.date', 'Дата')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {results.map((result) => (
          <Tr key={result.documentId}>
            <Td>
              <Typography title={result.note ?? undefined}>{result.indicator}</Typography>
            </Td>
            <Td>
              <Badge variant={result.levelRank !== null && result.levelRank >= Math.ceil(levels.length / 2) + 1 ? 'success' : 'neutral'}>
                {result.level}
              </Badge>{' '}
              {result.levelRank !== null ? <Muted>{`${result.levelRank}/${levels.length}`}</Muted> : null}
            </Td>
            <Td>{result.sourceLabel}</Td>
            <Td>{russian(result.date)}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

const CompetencySection = ({ overview }: { overview: Overview }) => {
  const { t } = useT();
  const kinds = overview.metaSubject.kinds.filter((kind) => kind.results.length > 0);
  return (
    <>
      <Section title={t('pupil.meta.title', 'Метапредметные результаты')}>
        {kinds.length === 0 ? (
          <Empty>{t('pupil.meta.empty', 'Результатов за учебный год нет')}</Empty>
        ) : (
          kinds.map((kind) => (
            <Box key={kind.uudKind} paddingBottom={4}>
              <Typography variant="sigma" tag="h3" paddingBottom={2}>
                {kind.label}
              </Typography>
              <LevelTable results={kind.results} levels={overview.levels} />
            </Box>
          ))
        )}
      </Section>
      <Section title={t('pupil.personal.title', 'Личностные результаты')}>
        {overview.personal.results.length === 0 ? (
          <Empty>{t('pupil.personal.empty', 'Результатов за учебный год нет')}</Empty>
        ) : (
          <LevelTable results={overview.personal.results} levels={overview.levels} />
        )}
      </Section>
    </>
  );
};

const ExternalSection = ({ overview }: { overview: Overview }) => {
  const { t } = useT();
  const rows = overview.externalAssessments;
  return (
    <Section title={t('pupil.external.title', 'Внешняя оценка: ВПР, диагностики, мониторинги')}>
      {rows === null ? (
        <Closed />
      ) : rows.length === 0 ? (
        <Empty>{t('pupil.external.empty', 'Результатов внешней оценки за учебный год нет')}</Empty>
      ) : (
        <Table colCount={6} rowCount={rows.length + 1}>
          <Thead>
            <Tr>
              <Th>{t('pupil.external.assessment', 'Процедура')}</Th>
              <Th>{t('pupil.external.date', 'Дата')}</Th>
              <Th>{t('pupil.external.subject', 'Предмет')}</Th>
              <Th>{t('pupil.external.score', 'Баллы')}</Th>
              <Th>{t('pupil.external.mark', 'Отметка / уровень')}</Th>
              <Th>{t('pupil.external.journal', 'Средний балл в журнале')}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((row) => (
              <Tr key={row.documentId}>
                <Td>
                  <Flex direction="column" alignItems="flex-start">
                    <Badge>{row.kindLabel}</Badge>
                    <Muted>{row.title}</Muted>
                  </Flex>
                </Td>
                <Td>{russian(row.date)}</Td>
                <Td>{row.subject ?? '—'}</Td>
                <Td>{row.score === null ? '—' : row.maxScore === null ? row.score : `${row.score} / ${row.maxScore}`}</Td>
                <Td>{[row.mark, row.level].filter((value) => value !== null && value !== '').join(', ') || '—'}</Td>
                <Td>{row.journalAverage ?? '—'}</Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Section>
  );
};

const SelfAssessmentSection = ({ overview }: { overview: Overview }) => {
  const { t } = useT();
  const part = overview.selfAssessment;
  return (
    <Section title={t('pupil.self.title', 'Самооценка')}>
      {part === null ? (
        <Closed />
      ) : part.works.length === 0 ? (
        <Empty>{t('pupil.self.empty', 'Работ с самооценкой за учебный год нет')}</Empty>
      ) : (
        <>
          <Box paddingBottom={3}>
            <Typography>
              {t(
                'pupil.self.summary',
                'Сравнено с отметкой учителя: {compared}; совпала — {matches}, выше — {higher}, ниже — {lower}',
                part.summary,
              )}
            </Typography>
          </Box>
          <Table colCount={5} rowCount={part.works.length + 1}>
            <Thead>
              <Tr>
                <Th>{t('pupil.self.assignment', 'Задание')}</Th>
                <Th>{t('pupil.self.subject', 'Предмет, урок')}</Th>
                <Th>{t('pupil.self.own', 'Самооценка')}</Th>
                <Th>{t('pupil.self.teacher', 'Отметка учителя')}</Th>
                <Th>{t('pupil.self.verdict', 'Сравнение')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {part.works.map((work, index) => (
                <Tr key={index}>
                  <Td>
                    <Typography title={work.note ?? undefined}>{work.assignment}</Typography>
                  </Td>
                  <Td>
                    {work.subject ?? '—'} <Muted>{russian(work.lessonDate)}</Muted>
                  </Td>
                  <Td>
                    <Typography fontWeight="bold">{work.selfAssessment}</Typography>
                  </Td>
                  <Td>{work.teacherMark ?? <Muted>{t('pupil.self.unchecked', 'ещё не проверено')}</Muted>}</Td>
                  <Td>{work.verdict ? <Badge variant={VERDICT_VARIANTS[work.verdict] ?? 'neutral'}>{work.verdictLabel}</Badge> : '—'}</Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </>
      )}
    </Section>
  );
};

const TrajectorySection = ({ overview }: { overview: Overview }) => {
  const { t } = useT();
  const trajectories = overview.trajectories;
  return (
    <Section title={t('pupil.trajectory.title', 'Индивидуальная образовательная траектория')}>
      {trajectories === null ? (
        <Closed />
      ) : trajectories.length === 0 ? (
        <Empty>{t('pupil.trajectory.empty', 'Траектории на учебный год нет')}</Empty>
      ) : (
        trajectories.map((trajectory) => (
          <Box key={trajectory.documentId} padding={4} marginBottom={4} background="neutral0" hasRadius shadow="tableShadow">
            <Flex justifyContent="space-between" wrap="wrap" gap={2} paddingBottom={2}>
              <Typography fontWeight="semiBold">
                {t('pupil.trajectory.period', 'С {from}; пересмотр {review}', {
                  from: russian(trajectory.startsOn),
                  review: russian(trajectory.nextReviewOn),
                })}
              </Typography>
              {trajectory.closedOn ? (
                <Badge>{t('pupil.trajectory.closed', 'завершена {date}', { date: russian(trajectory.closedOn) })}</Badge>
              ) : (
                <Badge variant="success">{t('pupil.trajectory.open', 'действует')}</Badge>
              )}
            </Flex>
            <Typography tag="p">{trajectory.basis}</Typography>
            <Box paddingTop={2}>
              {trajectory.goals.map((goal, index) => (
                <Typography key={index} tag="div">
                  {`${index + 1}. `}
                  {goal.subject ? <b>{`${goal.subject}: `}</b> : null}
                  {goal.goal}
                  {goal.measures ? <Muted>{` — ${goal.measures}`}</Muted> : null}
                  {goal.dueOn ? <Muted>{` (${t('pupil.trajectory.due', 'срок {date}', { date: russian(goal.dueOn) })})`}</Muted> : null}
                </Typography>
              ))}
            </Box>
            {trajectory.reviews.length > 0 ? (
              <Box paddingTop={2}>
                {trajectory.reviews.map((review, index) => (
                  <Typography key={index} tag="div" variant="pi">
                    {russian(review.reviewedOn)}: {review.findings}
                    {review.changes ? ` — ${review.changes}` : ''}
                  </Typography>
                ))}
              </Box>
            ) : null}
            {trajectory.outcome ? (
              <Typography tag="p" paddingTop={2}>
                {t('pupil.trajectory.outcome', 'Итог: {outcome}', { outcome: trajectory.outcome })}
              </Typography>
            ) : null}
            <Muted>
              {t('pupil.trajectory.people', 'Ответственный: {responsible}; согласовано с родителями: {agreed}', {
                responsible: trajectory.responsible ?? '—',
                agreed: trajectory.agreedWithParentsOn ? `${russian(trajectory.agreedWithParentsOn)} ${trajectory.agreedWith ?? ''}` : '—',
              })}
            </Muted>
          </Box>
        ))
      )}
    </Section>
  );
};

const ConditionsSection = ({ overview }: { overview: Overview }) => {
  const { t } = useT();
  const conditions = overview.specialConditions;
  return (
    <Section title={t('pupil.conditions.title', 'Специальные условия обучения (ОВЗ)')}>
      {conditions === null ? (
        <Closed />
      ) : conditions.length === 0 ? (
        <Empty>{t('pupil.conditions.empty', 'Специальных условий нет')}</Empty>
      ) : (
        <Table colCount={4} rowCount={conditions.length + 1}>
          <Thead>
            <Tr>
              <Th>{t('pupil.conditions.commission', 'Заключение ПМПК')}</Th>
              <Th>{t('pupil.conditions.conditions', 'Условия')}</Th>
              <Th>{t('pupil.conditions.diagnosis', 'Диагноз')}</Th>
              <Th>{t('pupil.conditions.valid', 'Действует до')}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {conditions.map((condition) => (
              <Tr key={condition.documentId}>
                <Td>
                  {condition.commissionNumber} <Muted>{russian(condition.commissionDate)}</Muted>
                </Td>
                <Td>
                  <Typography style={{ whiteSpace: 'normal' }}>{condition.conditions}</Typography>
                </Td>
                <Td>{'diagnosis' in condition ? (condition.diagnosis ?? '—') : <Muted>{t('pupil.conditions.hidden', 'скрыт')}</Muted>}</Td>
                <Td>
                  {russian(condition.validUntil)}{' '}
                  {condition.current ? null : <Badge variant="secondary">{t('pupil.conditions.expired', 'истёк')}</Badge>}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Section>
  );
};

const PupilCard = ({ pupil, year }: { pupil: string; year: string }) => {
  const { t } = useT();
  const loaded = useLoad<OverviewResponse>(`${BASE}/pupils/${pupil}/overview`, year ? { year } : undefined);
  const overview = loaded.data?.data ?? null;
  if (!overview) {
    return (
      <ListState isLoading={loaded.isLoading} isEmpty empty={t('pupil.card.failed', 'Карточку открыть не удалось')}>
        {null}
      </ListState>
    );
  }
  const hasConditions = (overview.specialConditions ?? []).some((condition) => condition.current);
  return (
    <Box paddingTop={4}>
      <Flex gap={3} alignItems="center" wrap="wrap" paddingBottom={6}>
        <Typography variant="alpha" tag="h2">
          {overview.student.fullName}
        </Typography>
        {overview.student.schoolClass ? <Badge>{overview.student.schoolClass.name}</Badge> : null}
        <Muted>
          {t('pupil.card.year', 'Учебный год {year}', { year: overview.academicYear.title })}
          {overview.student.schoolClass?.classTeacher
            ? `; ${t('pupil.card.classTeacher', 'классный руководитель {name}', { name: overview.student.schoolClass.classTeacher })}`
            : ''}
        </Muted>
        {hasConditions ? <Badge variant="warning">{t('pupil.card.conditions', 'Специальные условия обучения')}</Badge> : null}
      </Flex>
      <SubjectsSection overview={overview} />
      <CompetencySection overview={overview} />
      <ExternalSection overview={overview} />
      <SelfAssessmentSection overview={overview} />
      <TrajectorySection overview={overview} />
      <ConditionsSection overview={overview} />
    </Box>
  );
};

const PupilPicker = ({ year, onYear, onPick }: { year: string; onYear: (year: string) => void; onPick: (pupil: string) => void }) => {
  const { t } = useT();
  const choices = useLoad<{ data: PupilChoices }>(`${BASE}/pupils/choices`, year ? { year } : undefined);
  const [schoolClass, setSchoolClass] = React.useState('');
  const [query, setQuery] = React.useState('');
  const [search, setSearch] = React.useState('');
  const params = schoolClass ? { class: schoolClass } : search.length >= 2 ? { q: search } : null;
  const found = useLoad<{ data: PupilFound[] }>(params ? `${BASE}/pupils` : null, params ?? undefined);
  const pupils = found.data?.data ?? [];
  const data = choices.data?.data;
  return (
    <Section title={t('pupil.pick.title', 'Выбор обучающегося')}>
      <Flex gap={4} alignItems="flex-end" wrap="wrap">
        <Select
          label={t('pupil.pick.year', 'Учебный год')}
          value={year || data?.academicYear.documentId || ''}
          onChange={(value) => {
            setSchoolClass('');
            onYear(value);
          }}
          options={(data?.years ?? []).map((option) => [option.documentId, option.title])}
        />
        <Select
          label={t('pupil.pick.class', 'Класс')}
          value={schoolClass}
          all={t('pupil.pick.noClass', '— не выбран —')}
          onChange={(value) => {
            setSearch('');
            setSchoolClass(value);
          }}
          options={(data?.classes ?? []).map((option) => [option.documentId, option.name])}
        />
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setSchoolClass('');
            setSearch(query.trim());
          }}
        >
          <Flex gap={2} alignItems="flex-end">
            <Field.Root name="q" width="320px">
              <Field.Label>{t('pupil.pick.search', 'или поиск по ФИО')}</Field.Label>
              <TextInput value={query} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setQuery(event.target.value)} />
            </Field.Root>
            <Button type="submit" startIcon={<Search />} disabled={query.trim().length < 2}>
              {t('pupil.pick.find', 'Найти')}
            </Button>
          </Flex>
        </form>
      </Flex>
      {params ? (
        <Box paddingTop={4}>
          <ListState
            isLoading={found.isLoading}
            isEmpty={pupils.length === 0}
            empty={t('pupil.pick.empty', 'Никого не нашли среди ваших классов')}
          >
            <PupilTable pupils={pupils} onPick={onPick} />
          </ListState>
        </Box>
      ) : null}
    </Section>
  );
};

export const PupilPage = () => {
  const { t } = useT();
  const [year, setYear] = React.useState('');
  const [pupil, setPupil] = React.useState<string | null>(null);
  return (
    <Page.Protect permissions={PUPIL_PERMISSIONS}>
      <Page.Main>
        <Page.Title>{t('pupil.title', 'Ученик')}</Page.Title>
        <Layouts.Header
          title={t('pupil.title', 'Ученик')}
          subtitle={t(
            'pupil.subtitle',
            'Учебный год обучающегося на одной странице: отметки, метапредметные и личностные результаты, ВПР, самооценка, траектория, специальные условия',
          )}
        />
        <Layouts.Content>
          <PupilPicker
            year={year}
            onYear={(value) => {
              setYear(value);
            }}
            onPick={setPupil}
          />
          {pupil ? <PupilCard key={`${pupil}:${year}`} pupil={pupil} year={year} /> : null}
        </Layouts.Content>
      </Page.Main>
    </Page.Protect>
  );
};

export default PupilPage;
