import * as React from 'react';
import { Badge, Flex, Loader, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import { BASE, useLoad } from '../../api/client';
import { useT } from '../../utils/translations';
import { fullDate } from '../journal/types';

/**
 * Home-page widgets of school staff (registered in `admin/src/index.ts`, each behind the RBAC
 * action of its route): the teacher's day, the deputy director's control, the archivist's state.
 */

interface JournalBehind {
  journal: string;
  journalTitle: string;
  lessonsWithoutTopic: number;
  oldest: string;
}

const journalLink = (journal: string) => `/plugins/school-journal?journal=${encodeURIComponent(journal)}`;

const Loading = () => {
  const { t } = useT();
  return (
    <Flex justifyContent="center" padding={4}>
      <Loader small>{t('state.loading', 'Загрузка…')}</Loader>
    </Flex>
  );
};

const Behind = ({ behind }: { behind: JournalBehind[] }) => {
  const { t } = useT();
  if (behind.length === 0)
    return <Typography textColor="success600">{t('home.behind.none', 'Темы всех прошедших уроков заполнены')}</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={1}>
      <Typography variant="sigma" textColor="neutral600">
        {t('home.behind.title', 'Уроки без темы за две недели')}
      </Typography>
      {behind.map((item) => (
        <Flex key={item.journal} justifyContent="space-between" gap={2}>
          <Link to={journalLink(item.journal)}>
            <Typography textColor="primary600">{item.journalTitle}</Typography>
          </Link>
          <Badge variant="warning">
            {t('home.behind.count', '{count} с {date}', { count: item.lessonsWithoutTopic, date: fullDate(item.oldest) })}
          </Badge>
        </Flex>
      ))}
    </Flex>
  );
};

export const TeacherWidget = () => {
  const { t } = useT();
  const { data, isLoading } = useLoad<{
    data: {
      today: string;
      lessons: Array<{ lesson: string; journal: string; journalTitle: string; number: number | null; topic: string | null }>;
      behind: JournalBehind[];
    };
  }>(`${BASE}/home/teacher`);
  if (isLoading || !data) return <Loading />;
  const { lessons, behind } = data.data;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="home-teacher">
      <Flex direction="column" alignItems="stretch" gap={1}>
        <Typography variant="sigma" textColor="neutral600">
          {t('home.today', 'Уроки сегодня, {date}', { date: fullDate(data.data.today) })}
        </Typography>
        {lessons.length === 0 ? (
          <Typography textColor="neutral600">{t('home.today.none', 'Сегодня уроков нет')}</Typography>
        ) : (
          lessons.map((lesson) => (
            <Flex key={lesson.lesson} gap={2}>
              <Typography fontWeight="bold">{lesson.number ?? '—'}</Typography>
              <Link to={journalLink(lesson.journal)}>
                <Typography textColor="primary600">{lesson.journalTitle}</Typography>
              </Link>
              <Typography textColor={lesson.topic ? 'neutral800' : 'danger600'}>
                {lesson.topic ?? t('home.today.noTopic', 'тема не указана')}
              </Typography>
            </Flex>
          ))
        )}
      </Flex>
      <Behind behind={behind} />
    </Flex>
  );
};

export const DeputyWidget = () => {
  const { t } = useT();
  const { data, isLoading } = useLoad<{
    data: {
      openRemarks: Array<{
        documentId: string;
        journal: string | null;
        journalTitle: string;
        findings: string | null;
        fixBy: string | null;
        overdue: boolean;
      }>;
      behind: JournalBehind[];
      overdueChecks?: Array<{
        documentId: string;
        plannedOn: string | null;
        journal: { documentId: string; title: string } | null;
        schoolClass: { documentId: string; name: string } | null;
        purpose: string | null;
      }>;
    };
  }>(`${BASE}/home/deputy`);
  if (isLoading || !data) return <Loading />;
  const { openRemarks, behind } = data.data;
  const overdueChecks = data.data.overdueChecks ?? [];
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="home-deputy">
      <Flex direction="column" alignItems="stretch" gap={1}>
        <Typography variant="sigma" textColor="neutral600">
          {t('home.remarks', 'Неустранённые замечания: {count}', { count: openRemarks.length })}
        </Typography>
        {openRemarks.slice(0, 6).map((remark) => (
          <Flex key={remark.documentId} justifyContent="space-between" gap={2}>
            {remark.journal ? (
              <Link to={journalLink(remark.journal)}>
                <Typography textColor="primary600">{remark.journalTitle}</Typography>
              </Link>
            ) : (
              <Typography>{remark.journalTitle}</Typography>
            )}
            <Typography ellipsis textColor="neutral700">
              {remark.findings}
            </Typography>
            {remark.fixBy ? (
              <Badge variant={remark.overdue ? 'danger' : 'neutral'}>
                {remark.overdue
                  ? t('home.remarks.overdue', 'просрочено с {date}', { date: fullDate(remark.fixBy) })
                  : t('home.remarks.until', 'до {date}', { date: fullDate(remark.fixBy) })}
              </Badge>
            ) : null}
          </Flex>
        ))}
      </Flex>
      {overdueChecks.length > 0 ? (
        <Flex direction="column" alignItems="stretch" gap={1} data-testid="home-deputy-overdue-checks">
          <Typography variant="sigma" textColor="danger600">
            {t('home.checks.overdue', 'Просроченные плановые проверки журналов: {count}', { count: overdueChecks.length })}
          </Typography>
          {overdueChecks.slice(0, 6).map((check) => (
            <Flex key={check.documentId} justifyContent="space-between" gap={2}>
              {check.journal ? (
                <Link to={journalLink(check.journal.documentId)}>
                  <Typography textColor="primary600">{check.journal.title}</Typography>
                </Link>
              ) : (
                <Typography>{t('home.checks.class', 'Журналы класса {name}', { name: check.schoolClass?.name ?? '' })}</Typography>
              )}
              <Typography ellipsis textColor="neutral700">
                {check.purpose}
              </Typography>
              {check.plannedOn ? (
                <Badge variant="danger">{t('home.checks.plannedOn', 'по плану {date}', { date: fullDate(check.plannedOn) })}</Badge>
              ) : null}
            </Flex>
          ))}
        </Flex>
      ) : null}
      <Behind behind={behind} />
    </Flex>
  );
};

const STATE_VARIANT: Record<string, 'success' | 'danger' | 'warning' | 'neutral'> = {
  complete: 'success',
  passed: 'success',
  repaired: 'warning',
  failed: 'danger',
  running: 'neutral',
};

export const ArchivistWidget = () => {
  const { t, date } = useT();
  const { data, isLoading } = useLoad<{
    data: {
      nextClose: { title: string; endDate: string; closesOn: string } | null;
      periodsAwaitingClose: number;
      lastBackup: { name: string; state: string; finishedAt: string | null; error: string | null } | null;
      lastFixity: { state: string; finishedAt: string | null; summary: string | null } | null;
      lastRestoreDrill?: { outcome: string; finishedAt: string | null; error: string | null } | null;
      paperCheck?: { nextDueOn: string; overdue: boolean; lastSignedOn: string | null };
      certificatesToReturn?: number;
    };
  }>(`${BASE}/home/archivist`);
  if (isLoading || !data) return <Loading />;
  const { nextClose, periodsAwaitingClose, lastBackup, lastFixity, lastRestoreDrill, paperCheck, certificatesToReturn } = data.data;
  const stateLabel: Record<string, string> = {
    complete: t('home.state.complete', 'готова'),
    passed: t('home.state.passed', 'пройдена'),
    repaired: t('home.state.repaired', 'копии восстановлены'),
    failed: t('home.state.failed', 'ошибка'),
    running: t('home.state.running', 'идёт'),
    rotated: t('home.state.rotated', 'удалена по ротации'),
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="home-archivist">
      <Flex justifyContent="space-between" gap={2}>
        <Typography variant="sigma" textColor="neutral600">
          {t('home.nextClose', 'Следующее закрытие периода')}
        </Typography>
        <Typography>
          {nextClose
            ? t('home.nextClose.value', '{title}: в ночь на {date}', { title: nextClose.title, date: fullDate(nextClose.closesOn) })
            : t('home.nextClose.none', 'открытых периодов нет')}
        </Typography>
      </Flex>
      {periodsAwaitingClose > 0 ? (
        <Badge variant="warning">{t('home.awaiting', 'Окончились, но не закрыты: {count}', { count: periodsAwaitingClose })}</Badge>
      ) : null}
      {certificatesToReturn ? (
        <Badge variant="danger">
          {t('home.certificatesToReturn', 'Вернуть аттестаты выбывшим: {count}', { count: certificatesToReturn })}
        </Badge>
      ) : null}
      <Flex justifyContent="space-between" gap={2}>
        <Typography variant="sigma" textColor="neutral600">
          {t('home.backup', 'Последняя резервная копия')}
        </Typography>
        {lastBackup ? (
          <Flex gap={2}>
            <Typography>{date(lastBackup.finishedAt)}</Typography>
            <Badge variant={STATE_VARIANT[lastBackup.state] ?? 'neutral'}>{stateLabel[lastBackup.state] ?? lastBackup.state}</Badge>
          </Flex>
        ) : (
          <Badge variant="danger">{t('home.backup.none', 'ещё не делалась')}</Badge>
        )}
      </Flex>
      <Flex justifyContent="space-between" gap={2}>
        <Typography variant="sigma" textColor="neutral600">
          {t('home.fixity', 'Последняя проверка целостности')}
        </Typography>
        {lastFixity ? (
          <Flex gap={2}>
            <Typography>{date(lastFixity.finishedAt)}</Typography>
            <Badge variant={STATE_VARIANT[lastFixity.state] ?? 'neutral'}>{stateLabel[lastFixity.state] ?? lastFixity.state}</Badge>
          </Flex>
        ) : (
          <Badge variant="warning">{t('home.fixity.none', 'ещё не проводилась')}</Badge>
        )}
      </Flex>
      <Flex justifyContent="space-between" gap={2}>
        <Typography variant="sigma" textColor="neutral600">
          {t('home.restoreDrill', 'Последняя проверка восстановления')}
        </Typography>
        {lastRestoreDrill ? (
          <Flex gap={2}>
            <Typography>{date(lastRestoreDrill.finishedAt)}</Typography>
            <Badge variant={STATE_VARIANT[lastRestoreDrill.outcome] ?? 'neutral'}>
              {stateLabel[lastRestoreDrill.outcome] ?? lastRestoreDrill.outcome}
            </Badge>
          </Flex>
        ) : (
          <Badge variant="warning">{t('home.restoreDrill.none', 'ещё не проводилась')}</Badge>
        )}
      </Flex>
      {paperCheck ? (
        <Flex justifyContent="space-between" gap={2}>
          <Typography variant="sigma" textColor="neutral600">
            {t('home.paperCheck', 'Проверка наличия бумажного архива')}
          </Typography>
          {paperCheck.overdue ? (
            <Badge variant="danger">
              {paperCheck.lastSignedOn
                ? t('home.paperCheck.overdue', 'просрочена с {date}', { date: fullDate(paperCheck.nextDueOn) })
                : t('home.paperCheck.never', 'ещё не проводилась')}
            </Badge>
          ) : (
            <Typography>{t('home.paperCheck.next', 'следующая до {date}', { date: fullDate(paperCheck.nextDueOn) })}</Typography>
          )}
        </Flex>
      ) : null}
    </Flex>
  );
};

interface DirectorSummary {
  journalControl: { openRemarks: number; overdueRemarks: number; journalsBehind: JournalBehind[]; overdueChecks: unknown[] };
  archive: {
    periodsAwaitingClose: number;
    lastBackup: { state: string; finishedAt: string | null } | null;
    lastFixity: { state: string; finishedAt: string | null } | null;
    paperCheck?: { overdue: boolean };
  };
  controlPlanOverdue: Array<{ documentId: string; topic: string; plannedTo: string }>;
  /** Decisions of the pedagogical council, administrative and МО meetings on results past their due date (R93). */
  overdueMeetingDecisions?: number;
  openDecisions: Array<{
    documentId: string;
    title: string;
    number: string | null;
    dueOn: string | null;
    overdue: boolean;
    executor: string | null;
  }>;
}

const decisionLink = (documentId: string) =>
  `/content-manager/collection-types/api::management-decision.management-decision/${encodeURIComponent(documentId)}`;

/** A line of the summary: a label and its figure, red when something needs the director's attention. */
const Figure = ({ label, value, alarm }: { label: string; value: React.ReactNode; alarm: boolean }) => (
  <Flex justifyContent="space-between" gap={2}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    {typeof value === 'number' ? <Badge variant={alarm ? 'danger' : 'success'}>{value}</Badge> : value}
  </Flex>
);

/** The director's summary (seed 002 §3.1.10): journal control, the archive's state, the plan and the open decisions. */
export const DirectorWidget = () => {
  const { t, date } = useT();
  const { data, isLoading } = useLoad<{ data: DirectorSummary }>(`${BASE}/home/director`);
  if (isLoading || !data) return <Loading />;
  const { journalControl, archive, controlPlanOverdue, openDecisions, overdueMeetingDecisions = 0 } = data.data;
  const backupFailed = !archive.lastBackup || archive.lastBackup.state === 'failed';
  const fixityFailed = archive.lastFixity?.state === 'failed';
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="home-director">
      <Figure
        label={t('home.director.openRemarks', 'Открытые замечания по журналам')}
        value={journalControl.openRemarks}
        alarm={journalControl.openRemarks > 0}
      />
      <Figure
        label={t('home.director.overdueRemarks', 'из них просрочены')}
        value={journalControl.overdueRemarks}
        alarm={journalControl.overdueRemarks > 0}
      />
      <Figure
        label={t('home.director.overdueChecks', 'Проверки журналов не проведены в срок')}
        value={journalControl.overdueChecks.length}
        alarm={journalControl.overdueChecks.length > 0}
      />
      <Figure
        label={t('home.director.behind', 'Журналы с уроками без темы')}
        value={journalControl.journalsBehind.length}
        alarm={journalControl.journalsBehind.length > 0}
      />
      <Figure
        label={t('home.director.planOverdue', 'Пункты плана ВШК просрочены')}
        value={controlPlanOverdue.length}
        alarm={controlPlanOverdue.length > 0}
      />
      <Figure
        label={t('home.director.meetingDecisionsOverdue', 'Решения педсоветов и совещаний просрочены')}
        value={overdueMeetingDecisions}
        alarm={overdueMeetingDecisions > 0}
      />
      <Figure
        label={t('home.awaiting.short', 'Периоды ждут закрытия')}
        value={archive.periodsAwaitingClose}
        alarm={archive.periodsAwaitingClose > 0}
      />
      <Figure
        label={t('home.backup', 'Последняя резервная копия')}
        alarm={backupFailed}
        value={
          <Badge variant={backupFailed ? 'danger' : 'success'}>
            {archive.lastBackup ? date(archive.lastBackup.finishedAt) : t('home.backup.none', 'ещё не делалась')}
          </Badge>
        }
      />
      {fixityFailed ? (
        <Badge variant="danger">{t('home.director.fixityFailed', 'Последняя проверка целостности нашла потерянные копии')}</Badge>
      ) : null}
      {archive.paperCheck?.overdue ? (
        <Badge variant="danger">{t('home.director.paperOverdue', 'Проверка наличия бумажного архива просрочена')}</Badge>
      ) : null}
      <Typography variant="sigma" textColor="neutral600">
        {t('home.director.decisions', 'Неисполненные решения: {count}', { count: openDecisions.length })}
      </Typography>
      {openDecisions.slice(0, 6).map((decision) => (
        <Flex key={decision.documentId} justifyContent="space-between" gap={2}>
          <Link to={decisionLink(decision.documentId)}>
            <Typography textColor="primary600" ellipsis>
              {decision.number ? `№ ${decision.number}: ${decision.title}` : decision.title}
            </Typography>
          </Link>
          {decision.dueOn ? (
            <Badge variant={decision.overdue ? 'danger' : 'neutral'}>
              {t('home.director.dueOn', 'срок {date}', { date: fullDate(decision.dueOn) })}
            </Badge>
          ) : null}
        </Flex>
      ))}
    </Flex>
  );
};
