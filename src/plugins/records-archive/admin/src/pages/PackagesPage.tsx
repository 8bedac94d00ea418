import * as React from 'react';
import { Button, Field, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Download, Shield } from '@strapi/icons';
import { useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { BASE, useDownload, useLoad, useReportError, type ListResponse } from '../api/client';
import type { ArchivePackage, CmList, FixityCheck, SchoolClass, StudyPeriod } from '../api/types';
import { Digest, ListState, Muted, Section, StatusBadge } from '../components/common';
import { COPY_STATE, PACKAGE_STATUS } from '../components/labels';
import { Pager } from '../components/Pager';
import { PAGE_PERMISSIONS, SCHOOL_CLASS_UID, STUDY_PERIOD_UID } from '../constants';
import { useT } from '../utils/translations';

const ALL = '';

/** Study periods and classes for the filters, from the content manager (empty when the user may not read them). */
export const useFilterOptions = () => {
  const periods = useLoad<CmList<StudyPeriod>>(`/content-manager/collection-types/${STUDY_PERIOD_UID}`, {
    page: 1,
    pageSize: 100,
    sort: 'startDate:desc',
  });
  const classes = useLoad<CmList<SchoolClass>>(`/content-manager/collection-types/${SCHOOL_CLASS_UID}`, {
    page: 1,
    pageSize: 100,
    sort: 'name:asc',
  });
  return { periods: periods.data?.results ?? [], classes: classes.data?.results ?? [] };
};

export const periodTitle = (period: StudyPeriod): string =>
  [period.title ?? `${period.number}`, period.academicYear?.title].filter(Boolean).join(' · ');

/** «Архивные пакеты»: filter by period, class and state; checksums, size, both copies; verify now and download. */
export const PackagesPage = () => {
  const { t, date, bytes } = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const report = useReportError();
  const download = useDownload();
  const { allowedActions } = useRBAC(PAGE_PERMISSIONS.packages);
  const { periods, classes } = useFilterOptions();
  const [filters, setFilters] = React.useState({ studyPeriod: ALL, schoolClass: ALL, state: ALL });
  const [page, setPage] = React.useState(1);
  const params = Object.fromEntries(Object.entries({ ...filters, page, pageSize: 25 }).filter(([, value]) => value !== ALL));
  const { data, isLoading, reload } = useLoad<ListResponse<ArchivePackage>>(`${BASE}/packages`, params);
  const packages = data?.data ?? [];
  const [checking, setChecking] = React.useState(false);

  const setFilter = (name: keyof typeof filters) => (value: string | number) => {
    setPage(1);
    setFilters((previous) => ({ ...previous, [name]: String(value) }));
  };

  const runFixity = async () => {
    setChecking(true);
    try {
      const { data: result } = await post<{ data: FixityCheck }>(`${BASE}/fixity-checks`, {});
      const check = result.data;
      toggleNotification({
        type: check.state === 'failed' ? 'danger' : check.state === 'repaired' ? 'warning' : 'success',
        message:
          check.summary ??
          t('packages.fixity.done', 'Проверено пакетов: {packages}, копий: {copies}', {
            packages: check.packagesChecked,
            copies: check.copiesChecked,
          }),
      });
      reload();
    } catch (error) {
      report(error);
    } finally {
      setChecking(false);
    }
  };

  return (
    <Section
      title={t('packages.title', 'Архивные пакеты')}
      actions={
        <Button startIcon={<Shield />} onClick={runFixity} loading={checking} disabled={!allowedActions.canRun}>
          {checking ? t('packages.fixity.running', 'Идёт проверка…') : t('packages.fixity.run', 'Проверить целостность')}
        </Button>
      }
    >
      <Flex gap={4} paddingBottom={4} wrap="wrap" alignItems="flex-end">
        <Field.Root name="studyPeriod" width="260px">
          <Field.Label>{t('packages.filter.period', 'Период')}</Field.Label>
          <SingleSelect value={filters.studyPeriod} onChange={setFilter('studyPeriod')}>
            <SingleSelectOption value={ALL}>{t('filter.all', 'Все')}</SingleSelectOption>
            {periods.map((period) => (
              <SingleSelectOption key={period.documentId} value={period.documentId}>
                {periodTitle(period)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
        <Field.Root name="schoolClass" width="180px">
          <Field.Label>{t('packages.filter.class', 'Класс')}</Field.Label>
          <SingleSelect value={filters.schoolClass} onChange={setFilter('schoolClass')}>
            <SingleSelectOption value={ALL}>{t('filter.all', 'Все')}</SingleSelectOption>
            {classes.map((schoolClass) => (
              <SingleSelectOption key={schoolClass.documentId} value={schoolClass.documentId}>
                {schoolClass.name}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
        <Field.Root name="state" width="220px">
          <Field.Label>{t('packages.filter.status', 'Состояние')}</Field.Label>
          <SingleSelect value={filters.state} onChange={setFilter('state')}>
            <SingleSelectOption value={ALL}>{t('filter.all', 'Все')}</SingleSelectOption>
            {Object.entries(PACKAGE_STATUS).map(([value, [label]]) => (
              <SingleSelectOption key={value} value={value}>
                {t(label.id, label.defaultMessage)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
      </Flex>
      <ListState isLoading={isLoading} isEmpty={packages.length === 0} empty={t('packages.empty', 'Архивных пакетов нет')}>
        <Table colCount={7} rowCount={packages.length + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">{t('packages.column.package', 'Пакет')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('packages.column.status', 'Состояние')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('packages.column.checksum', 'Контрольная сумма (SHA-256)')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('packages.column.size', 'Размер')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('packages.column.locations', 'Копии')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('packages.column.retention', 'Хранить до')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('column.actions', 'Действия')}</Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {packages.map((item) => (
              <Tr key={item.documentId}>
                <Td style={{ maxWidth: 280 }}>
                  <Flex direction="column" alignItems="flex-start">
                    <Typography fontWeight="bold" style={{ whiteSpace: 'normal' }}>
                      {item.title}
                    </Typography>
                    <Muted>
                      {[item.studyPeriod?.title, item.academicYear?.title, item.schoolClass?.name].filter(Boolean).join(' · ')}
                      {' · '}
                      {t('packages.version', 'версия {version}', { version: item.version })}
                    </Muted>
                  </Flex>
                </Td>
                <Td>
                  <Flex direction="column" alignItems="flex-start" gap={1}>
                    <StatusBadge value={item.state} labels={PACKAGE_STATUS} />
                    <Muted>{date(item.completedAt ?? item.createdAt)}</Muted>
                  </Flex>
                </Td>
                <Td>
                  <Digest value={item.tagmanifestSha256} />
                </Td>
                <Td>
                  <Flex direction="column" alignItems="flex-start">
                    <Typography>{bytes(item.sizeBytes)}</Typography>
                    <Muted>{t('packages.files', 'файлов: {count}', { count: item.fileCount ?? 0 })}</Muted>
                  </Flex>
                </Td>
                <Td>
                  <Flex direction="column" alignItems="flex-start" gap={1}>
                    {(['primary', 'secondary'] as const).map((location) => (
                      <Flex key={location} gap={2} title={item.locations?.[location]?.path ?? ''}>
                        <Muted>
                          {location === 'primary' ? t('packages.location.primary', 'Основная') : t('packages.location.secondary', 'Вторая')}
                        </Muted>
                        <StatusBadge value={item.locations?.[location]?.state ?? 'unknown'} labels={COPY_STATE} />
                      </Flex>
                    ))}
                    <Muted>{t('packages.lastFixity', 'проверено: {date}', { date: date(item.lastFixityAt) })}</Muted>
                  </Flex>
                </Td>
                <Td>
                  <Typography>{date(item.retention?.expiresOn, false)}</Typography>
                </Td>
                <Td>
                  <Button
                    variant="tertiary"
                    size="S"
                    startIcon={<Download />}
                    disabled={!allowedActions.canDownload || item.state !== 'complete'}
                    onClick={() => download(`${BASE}/packages/${item.documentId}/download`, `${item.documentId}.zip`)}
                  >
                    {t('action.download', 'Скачать')}
                  </Button>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </ListState>
      <Pager pagination={data?.meta?.pagination} onPage={setPage} />
    </Section>
  );
};
