import * as React from 'react';
import {
  Button,
  Dialog,
  Field,
  Flex,
  Loader,
  Modal,
  Table,
  Tbody,
  Td,
  Textarea,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Lock, WarningCircle } from '@strapi/icons';
import { useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { BASE, errorMessage, useLoad, type ListResponse } from '../api/client';
import type { ClosePeriodResult, ClosingRun, CmList, StudyPeriod } from '../api/types';
import { ListState, Muted, Section, StatusBadge } from '../components/common';
import { COPY_STATE, PACKAGE_STATUS, PERIOD_STATUS, RUN_KIND, RUN_STATUS } from '../components/labels';
import { Pager } from '../components/Pager';
import { PAGE_PERMISSIONS, STUDY_PERIOD_UID } from '../constants';
import { useT } from '../utils/translations';
import { periodTitle } from './PackagesPage';

/** Whether the period is closed: its own `state` (not the content manager's publication `status`). */
const isClosed = (period: StudyPeriod): boolean => period.state === 'closed';

/** Asks who authorised the closing, confirms, closes (showing progress), then hands the result up. */
const CloseDialog = ({
  period,
  onClose,
  onDone,
}: {
  period: StudyPeriod;
  onClose: () => void;
  onDone: (result: ClosePeriodResult) => void;
}) => {
  const { t } = useT();
  const { post } = useFetchClient();
  const [authorisedBy, setAuthorisedBy] = React.useState('');
  const [reason, setReason] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);

  const submit = async () => {
    if (authorisedBy.trim().length < 3) {
      setError(t('periods.close.authorisedBy.required', 'Укажите должность, ФИО и документ'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body = reason.trim() ? { authorisedBy: authorisedBy.trim(), reason: reason.trim() } : { authorisedBy: authorisedBy.trim() };
      const { data } = await post<{ data: ClosePeriodResult }>(`${BASE}/periods/${period.documentId}/close`, body);
      onDone(data.data);
    } catch (caught) {
      setError(errorMessage(caught) ?? t('error.unknown', 'Не удалось выполнить запрос'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog.Root open onOpenChange={(open) => (open || busy ? undefined : onClose())}>
      <Dialog.Content>
        <Dialog.Header>{t('periods.close.title', 'Закрыть период «{title}»', { title: periodTitle(period) })}</Dialog.Header>
        <Dialog.Body icon={<WarningCircle fill="danger600" />}>
          <Flex direction="column" alignItems="stretch" gap={4} width="100%">
            <Typography textAlign="center">
              {t(
                'periods.close.warning',
                'После закрытия отметки и посещаемость периода станут только для чтения, а журналы будут упакованы в архив в двух местах хранения.',
              )}
            </Typography>
            <Field.Root name="authorisedBy" required error={error ?? undefined}>
              <Field.Label>{t('periods.close.authorisedBy', 'Кто разрешил')}</Field.Label>
              <TextInput
                value={authorisedBy}
                disabled={busy}
                placeholder={t('periods.close.authorisedBy.placeholder', 'Директор Иванова И. И., приказ № 15 от 28.10.2025')}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => setAuthorisedBy(event.target.value)}
              />
              <Field.Error />
            </Field.Root>
            <Field.Root name="reason">
              <Field.Label>{t('periods.close.reason', 'Комментарий')}</Field.Label>
              <Textarea
                value={reason}
                disabled={busy}
                onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setReason(event.target.value)}
              />
            </Field.Root>
            {busy ? (
              <Flex direction="column" gap={2}>
                <Loader small />
                <Typography textAlign="center">
                  {t('periods.close.progress', 'Закрываем период и формируем архивные пакеты… Это может занять несколько минут.')}
                </Typography>
              </Flex>
            ) : null}
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button variant="tertiary" disabled={busy}>
              {t('action.cancel', 'Отмена')}
            </Button>
          </Dialog.Cancel>
          <Button variant="danger-light" startIcon={<Lock />} loading={busy} onClick={submit}>
            {t('periods.close.confirm', 'Закрыть период')}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};

/** The outcome of a closing: the period and the packages made or checked. */
const ResultModal = ({ result, onClose }: { result: ClosePeriodResult; onClose: () => void }) => {
  const { t } = useT();
  return (
    <Modal.Root open onOpenChange={(open) => (open ? undefined : onClose())}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>
            {result.alreadyClosed
              ? t('periods.result.alreadyClosed', 'Период «{title}» уже был закрыт: пакеты проверены', {
                  title: result.studyPeriod.title,
                })
              : t('periods.result.closed', 'Период «{title}» закрыт', { title: result.studyPeriod.title })}
          </Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <ListState isLoading={false} isEmpty={result.packages.length === 0} empty={t('periods.result.noPackages', 'Пакетов нет')}>
            <Table colCount={3} rowCount={result.packages.length + 1}>
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">{t('packages.column.package', 'Пакет')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('packages.column.status', 'Состояние')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('packages.column.locations', 'Копии')}</Typography>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {result.packages.map((item) => (
                  <Tr key={item.documentId}>
                    <Td>
                      <Typography>{item.title}</Typography>
                    </Td>
                    <Td>
                      <StatusBadge value={item.state} labels={PACKAGE_STATUS} />
                    </Td>
                    <Td>
                      <Flex gap={2}>
                        <StatusBadge value={item.locations?.primary?.state} labels={COPY_STATE} />
                        <StatusBadge value={item.locations?.secondary?.state} labels={COPY_STATE} />
                      </Flex>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </ListState>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button>{t('action.done', 'Готово')}</Button>
          </Modal.Close>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

/** «Закрытие периодов»: the study periods with their state, closing one with archiving, and the log of runs. */
export const PeriodsPage = () => {
  const { t, tm, date } = useT();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC(PAGE_PERMISSIONS.periods);
  const periods = useLoad<CmList<StudyPeriod>>(`/content-manager/collection-types/${STUDY_PERIOD_UID}`, {
    page: 1,
    pageSize: 100,
    sort: 'startDate:desc',
  });
  const [runsPage, setRunsPage] = React.useState(1);
  const runs = useLoad<ListResponse<ClosingRun>>(`${BASE}/closing-runs`, { page: runsPage, pageSize: 10 });
  const [closing, setClosing] = React.useState<StudyPeriod | null>(null);
  const [result, setResult] = React.useState<ClosePeriodResult | null>(null);
  const periodRows = periods.data?.results ?? [];
  const runRows = runs.data?.data ?? [];

  return (
    <>
      <Section title={t('periods.title', 'Учебные периоды')}>
        <ListState isLoading={periods.isLoading} isEmpty={periodRows.length === 0} empty={t('periods.empty', 'Учебных периодов нет')}>
          <Table colCount={4} rowCount={periodRows.length + 1}>
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">{t('periods.column.period', 'Период')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('periods.column.dates', 'Даты')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('periods.column.status', 'Состояние')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('column.actions', 'Действия')}</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {periodRows.map((period) => (
                <Tr key={period.documentId}>
                  <Td>
                    <Typography fontWeight="bold">{periodTitle(period)}</Typography>
                  </Td>
                  <Td>
                    <Typography>
                      {date(period.startDate, false)} — {date(period.endDate, false)}
                    </Typography>
                  </Td>
                  <Td>
                    <Flex direction="column" alignItems="flex-start" gap={1}>
                      <StatusBadge value={isClosed(period) ? 'closed' : 'open'} labels={PERIOD_STATUS} />
                      {period.closedAt ? <Muted>{date(period.closedAt)}</Muted> : null}
                    </Flex>
                  </Td>
                  <Td>
                    <Button
                      variant={isClosed(period) ? 'tertiary' : 'danger-light'}
                      size="S"
                      startIcon={<Lock />}
                      disabled={!allowedActions.canClose}
                      onClick={() => setClosing(period)}
                    >
                      {isClosed(period)
                        ? t('periods.action.recheck', 'Проверить архив периода')
                        : t('periods.action.close', 'Закрыть период')}
                    </Button>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </ListState>
      </Section>
      <Section title={t('periods.runs.title', 'Журнал закрытия и архивации')}>
        <ListState isLoading={runs.isLoading} isEmpty={runRows.length === 0} empty={t('periods.runs.empty', 'Записей пока нет')}>
          <Table colCount={5} rowCount={runRows.length + 1}>
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">{t('periods.runs.column.when', 'Когда')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('periods.runs.column.what', 'Что')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('periods.runs.column.status', 'Итог')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('periods.runs.column.packages', 'Пакеты')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('periods.runs.column.authorisedBy', 'Кто разрешил')}</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {runRows.map((run) => (
                <Tr key={run.documentId}>
                  <Td>
                    <Typography>{date(run.startedAt)}</Typography>
                  </Td>
                  <Td style={{ maxWidth: 360 }}>
                    <Flex direction="column" alignItems="flex-start">
                      <Typography>
                        {RUN_KIND[run.kind] ? tm(RUN_KIND[run.kind]) : run.kind}
                        {run.studyPeriod || run.academicYear ? `: ${run.studyPeriod?.title ?? ''} ${run.academicYear?.title ?? ''}` : ''}
                      </Typography>
                      {run.message || run.error ? (
                        <Typography variant="pi" textColor={run.error ? 'danger600' : 'neutral600'} style={{ whiteSpace: 'normal' }}>
                          {run.error ?? run.message}
                        </Typography>
                      ) : null}
                    </Flex>
                  </Td>
                  <Td>
                    <StatusBadge value={run.state} labels={RUN_STATUS} />
                  </Td>
                  <Td>
                    <Typography>{run.packagesTotal === null ? '—' : `${run.packagesComplete ?? 0} / ${run.packagesTotal}`}</Typography>
                  </Td>
                  <Td style={{ maxWidth: 240 }}>
                    <Typography variant="pi" style={{ whiteSpace: 'normal' }}>
                      {run.authorisedBy ?? (run.trigger === 'schedule' ? t('periods.runs.schedule', 'по расписанию') : '—')}
                    </Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </ListState>
        <Pager pagination={runs.data?.meta?.pagination} onPage={setRunsPage} />
      </Section>
      {closing ? (
        <CloseDialog
          period={closing}
          onClose={() => setClosing(null)}
          onDone={(outcome) => {
            setClosing(null);
            setResult(outcome);
            toggleNotification({ type: 'success', message: t('periods.close.success', 'Период закрыт, архив сформирован') });
            periods.reload();
            runs.reload();
          }}
        />
      ) : null}
      {result ? <ResultModal result={result} onClose={() => setResult(null)} /> : null}
    </>
  );
};
