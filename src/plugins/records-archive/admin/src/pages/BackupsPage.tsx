import * as React from 'react';
import { Box, Button, Flex, Loader, Table, Tbody, Td, TextButton, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Database, Download } from '@strapi/icons';
import { useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { BASE, useDownload, useLoad, useReportError, type ListResponse } from '../api/client';
import type { Backup, RestoreInstructions } from '../api/types';
import { Digest, ListState, Muted, Section, StatusBadge } from '../components/common';
import { BACKUP_KIND, BACKUP_STATUS } from '../components/labels';
import { Pager } from '../components/Pager';
import { PAGE_PERMISSIONS } from '../constants';
import { useT } from '../utils/translations';

/** «Резервные копии»: the list with download links per file, «Создать копию сейчас», and how to restore. */
export const BackupsPage = () => {
  const { t, tm, date, bytes } = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const report = useReportError();
  const download = useDownload();
  const { allowedActions } = useRBAC(PAGE_PERMISSIONS.backups);
  const [page, setPage] = React.useState(1);
  const backups = useLoad<ListResponse<Backup>>(`${BASE}/backups`, { page, pageSize: 20 });
  const instructions = useLoad<{ data: RestoreInstructions }>(`${BASE}/backups/restore-instructions`);
  const [creating, setCreating] = React.useState(false);
  const rows = backups.data?.data ?? [];

  const create = async () => {
    setCreating(true);
    try {
      const { data } = await post<{ data: Backup }>(`${BASE}/backups`, {});
      toggleNotification({
        type: 'success',
        message: t('backups.created', 'Резервная копия {name} создана', { name: data.data?.name ?? '' }),
      });
      backups.reload();
      instructions.reload();
    } catch (error) {
      report(error);
      backups.reload();
    } finally {
      setCreating(false);
    }
  };

  return (
    <>
      <Section
        title={t('backups.title', 'Резервные копии')}
        actions={
          <Button startIcon={<Database />} onClick={create} loading={creating} disabled={!allowedActions.canCreate}>
            {creating ? t('backups.creating', 'Создаём копию…') : t('backups.create', 'Создать копию сейчас')}
          </Button>
        }
      >
        <ListState isLoading={backups.isLoading} isEmpty={rows.length === 0} empty={t('backups.empty', 'Резервных копий пока нет')}>
          <Table colCount={5} rowCount={rows.length + 1}>
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">{t('backups.column.name', 'Копия')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('backups.column.status', 'Состояние')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('backups.column.size', 'Размер')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('backups.column.checksum', 'Контрольная сумма')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('backups.column.files', 'Файлы')}</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((backup) => (
                <Tr key={backup.id}>
                  <Td>
                    <Flex direction="column" alignItems="flex-start">
                      <Typography fontWeight="bold">{backup.name}</Typography>
                      <Muted>
                        {BACKUP_KIND[backup.kind] ? tm(BACKUP_KIND[backup.kind]) : backup.kind} · {date(backup.startedAt)}
                        {backup.requestedBy ? ` · ${backup.requestedBy}` : ''}
                      </Muted>
                    </Flex>
                  </Td>
                  <Td style={{ maxWidth: 260 }}>
                    <Flex direction="column" alignItems="flex-start" gap={1}>
                      <StatusBadge value={backup.state} labels={BACKUP_STATUS} />
                      {backup.error ? (
                        <Typography variant="pi" textColor="danger600" style={{ whiteSpace: 'normal' }}>
                          {backup.error}
                        </Typography>
                      ) : null}
                    </Flex>
                  </Td>
                  <Td>
                    <Typography>{bytes(backup.size)}</Typography>
                  </Td>
                  <Td>
                    <Digest value={backup.sha256} />
                  </Td>
                  <Td>
                    <Flex direction="column" alignItems="flex-start" gap={1}>
                      {backup.state === 'complete'
                        ? (backup.files ?? []).map((file) => (
                            <TextButton
                              key={file.name}
                              startIcon={<Download />}
                              disabled={!allowedActions.canDownload}
                              onClick={() => download(`${BASE}/backups/${backup.id}/files/${encodeURIComponent(file.name)}`, file.name)}
                            >
                              {file.name} ({bytes(file.size)})
                            </TextButton>
                          ))
                        : null}
                    </Flex>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </ListState>
        <Pager pagination={backups.data?.meta?.pagination} onPage={setPage} />
      </Section>
      <Section title={t('backups.restore.title', 'Как восстановить из копии')}>
        {instructions.isLoading ? (
          <Loader small />
        ) : instructions.data?.data ? (
          <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
            <Flex direction="column" alignItems="flex-start" gap={3}>
              {instructions.data.data.steps.map((step, index) => (
                <Typography key={index} style={{ whiteSpace: 'normal' }}>
                  {index + 1}. {step}
                </Typography>
              ))}
              <Box background="neutral100" padding={3} hasRadius width="100%">
                <Typography style={{ fontFamily: 'monospace' }}>{instructions.data.data.command}</Typography>
              </Box>
              <Muted>{t('backups.restore.dir', 'Папка копий: {dir}', { dir: instructions.data.data.backupDir })}</Muted>
            </Flex>
          </Box>
        ) : (
          <Muted>{t('backups.restore.unavailable', 'Инструкция недоступна')}</Muted>
        )}
      </Section>
    </>
  );
};
