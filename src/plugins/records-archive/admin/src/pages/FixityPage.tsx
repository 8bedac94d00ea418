import * as React from 'react';
import {
  Box,
  Button,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Field,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Shield } from '@strapi/icons';
import { useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { BASE, useLoad, useReportError, type ListResponse } from '../api/client';
import type { FixityCheck } from '../api/types';
import { ListState, Muted, Section, StatusBadge } from '../components/common';
import { COPY_STATE, FIXITY_STATUS } from '../components/labels';
import { Pager } from '../components/Pager';
import { PAGE_PERMISSIONS } from '../constants';
import { useT } from '../utils/translations';

/** «Журнал проверок целостности»: each run with its counts and the failures (damaged or missing copies, repaired or not). */
export const FixityPage = () => {
  const { t, date } = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const report = useReportError();
  const { allowedActions } = useRBAC(PAGE_PERMISSIONS.fixity);
  const [page, setPage] = React.useState(1);
  const [state, setState] = React.useState('');
  const checks = useLoad<ListResponse<FixityCheck>>(
    `${BASE}/fixity-checks`,
    state ? { page, pageSize: 20, state } : { page, pageSize: 20 },
  );
  const [running, setRunning] = React.useState(false);
  const rows = checks.data?.data ?? [];

  const run = async () => {
    setRunning(true);
    try {
      const { data } = await post<{ data: FixityCheck }>(`${BASE}/fixity-checks`, {});
      toggleNotification({
        type: data.data.state === 'failed' ? 'danger' : data.data.state === 'repaired' ? 'warning' : 'success',
        message: data.data.summary ?? t('fixity.done', 'Проверка завершена'),
      });
      checks.reload();
    } catch (error) {
      report(error);
    } finally {
      setRunning(false);
    }
  };

  return (
    <Section
      title={t('fixity.title', 'Журнал проверок целостности')}
      actions={
        <Button startIcon={<Shield />} onClick={run} loading={running} disabled={!allowedActions.canRun}>
          {running ? t('packages.fixity.running', 'Идёт проверка…') : t('packages.fixity.run', 'Проверить целостность')}
        </Button>
      }
    >
      <Box paddingBottom={4}>
        <Field.Root name="state" width="240px">
          <Field.Label>{t('fixity.filter.status', 'Итог')}</Field.Label>
          <SingleSelect
            value={state}
            onChange={(value: string | number) => {
              setPage(1);
              setState(String(value));
            }}
          >
            <SingleSelectOption value="">{t('filter.all', 'Все')}</SingleSelectOption>
            {Object.entries(FIXITY_STATUS).map(([value, [label]]) => (
              <SingleSelectOption key={value} value={value}>
                {t(label.id, label.defaultMessage)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
      </Box>
      <ListState isLoading={checks.isLoading} isEmpty={rows.length === 0} empty={t('fixity.empty', 'Проверок пока не было')}>
        <Table colCount={4} rowCount={rows.length + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">{t('fixity.column.when', 'Когда')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('fixity.column.status', 'Итог')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('fixity.column.counts', 'Проверено')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('fixity.column.failures', 'Нарушения')}</Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((check) => (
              <Tr key={check.documentId}>
                <Td>
                  <Flex direction="column" alignItems="flex-start">
                    <Typography>{date(check.startedAt)}</Typography>
                    <Muted>
                      {check.trigger === 'schedule'
                        ? t('fixity.trigger.schedule', 'по расписанию')
                        : t('fixity.trigger.manual', 'вручную: {who}', { who: check.requestedBy ?? '—' })}
                    </Muted>
                  </Flex>
                </Td>
                <Td>
                  <StatusBadge value={check.state} labels={FIXITY_STATUS} />
                </Td>
                <Td>
                  <Flex direction="column" alignItems="flex-start">
                    <Typography>
                      {t('fixity.counts', 'пакетов: {packages}, копий: {copies}', {
                        packages: check.packagesChecked,
                        copies: check.copiesChecked,
                      })}
                    </Typography>
                    <Muted>
                      {t('fixity.damage', 'повреждено: {damaged}, восстановлено: {repaired}, неисправимо: {lost}', {
                        damaged: check.damagedCopies,
                        repaired: check.repairedCopies,
                        lost: check.unrecoverablePackages,
                      })}
                    </Muted>
                  </Flex>
                </Td>
                <Td style={{ maxWidth: 520 }}>
                  <Flex direction="column" alignItems="flex-start" gap={2}>
                    {check.error ? (
                      <Typography variant="pi" textColor="danger600" style={{ whiteSpace: 'normal' }}>
                        {check.error}
                      </Typography>
                    ) : null}
                    {(check.failures ?? []).length === 0 && !check.error ? <Muted>{t('fixity.noFailures', 'нет')}</Muted> : null}
                    {(check.failures ?? []).map((failure, index) => (
                      <Flex key={`${failure.package}-${failure.location}-${index}`} gap={2} alignItems="flex-start">
                        <StatusBadge value={failure.state} labels={COPY_STATE} />
                        <Flex direction="column" alignItems="flex-start">
                          <Typography variant="pi" style={{ whiteSpace: 'normal' }}>
                            {failure.message}
                          </Typography>
                          <Muted>
                            {failure.repaired ? t('fixity.repaired', 'копия восстановлена') : t('fixity.notRepaired', 'не восстановлена')}
                          </Muted>
                        </Flex>
                      </Flex>
                    ))}
                  </Flex>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </ListState>
      <Pager pagination={checks.data?.meta?.pagination} onPage={setPage} />
    </Section>
  );
};
