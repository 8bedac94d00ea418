import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  Modal,
  SingleSelect,
  SingleSelectOption,
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
import { Check, Cross, FilePdf, Lock, Plus, Trash } from '@strapi/icons';
import { useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { BASE, errorMessage, useDownload, useLoad, useReportError, type ListResponse } from '../api/client';
import type { DestructionAct, DisposableType, DueGroup, DueItem, LegalHold } from '../api/types';
import { ListState, localToday, Muted, Section, StatusBadge } from '../components/common';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ACT_STATUS, RECORD_TYPE } from '../components/labels';
import { Pager } from '../components/Pager';
import { PAGE_PERMISSIONS } from '../constants';
import { useT } from '../utils/translations';

const keyOf = (item: { recordType: string; documentId: string }) => `${item.recordType}:${item.documentId}`;

type Pending =
  | { kind: 'reject' | 'execute'; act: DestructionAct }
  | { kind: 'lift'; hold: LegalHold }
  | { kind: 'hold'; recordType: DisposableType; documentId: string }
  | { kind: 'draft'; items: DueItem[]; legalBasis: string };

/** The form of a new act: date, legal basis, notes; the selected items are listed. */
const DraftActModal = ({
  items,
  legalBasis,
  onClose,
  onSubmit,
}: {
  items: DueItem[];
  legalBasis: string;
  onClose: () => void;
  onSubmit: (body: { date: string; legalBasis: string; notes: string }) => Promise<string | null>;
}) => {
  const { t, tm } = useT();
  const [form, setForm] = React.useState({ date: localToday(), legalBasis, notes: '' });
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(await onSubmit(form));
    setBusy(false);
  };
  return (
    <Modal.Root open onOpenChange={(open) => (open || busy ? undefined : onClose())}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('acts.draft.title', 'Акт о выделении к уничтожению')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Field.Root name="date" required>
              <Field.Label>{t('acts.draft.date', 'Дата акта')}</Field.Label>
              <TextInput
                type="date"
                value={form.date}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, date: event.target.value })}
              />
            </Field.Root>
            <Field.Root name="legalBasis">
              <Field.Label>{t('acts.draft.legalBasis', 'Основание')}</Field.Label>
              <Textarea
                value={form.legalBasis}
                onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setForm({ ...form, legalBasis: event.target.value })}
              />
            </Field.Root>
            <Field.Root name="notes">
              <Field.Label>{t('acts.draft.notes', 'Примечания')}</Field.Label>
              <Textarea
                value={form.notes}
                onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setForm({ ...form, notes: event.target.value })}
              />
            </Field.Root>
            <Typography variant="sigma">{t('acts.draft.items', 'Записи в акте: {count}', { count: items.length })}</Typography>
            <Flex direction="column" alignItems="flex-start" gap={1}>
              {items.map((item) => (
                <Typography key={keyOf(item)} variant="pi">
                  {RECORD_TYPE[item.recordType] ? tm(RECORD_TYPE[item.recordType]) : item.recordType}: {item.title}
                </Typography>
              ))}
            </Flex>
            {error ? (
              <Typography textColor="danger600" style={{ whiteSpace: 'normal' }}>
                {error}
              </Typography>
            ) : null}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary" disabled={busy}>
              {t('action.cancel', 'Отмена')}
            </Button>
          </Modal.Close>
          <Button onClick={submit} loading={busy}>
            {t('acts.draft.submit', 'Составить акт')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

/** The form of a legal hold: which record (prefilled from the due list) and why. */
const HoldModal = ({
  recordType,
  documentId,
  onClose,
  onSubmit,
}: {
  recordType: DisposableType;
  documentId: string;
  onClose: () => void;
  onSubmit: (body: { recordType: DisposableType; documentId: string; reason: string }) => Promise<string | null>;
}) => {
  const { t, tm } = useT();
  const [form, setForm] = React.useState({ recordType, documentId, reason: '' });
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(await onSubmit(form));
    setBusy(false);
  };
  return (
    <Modal.Root open onOpenChange={(open) => (open || busy ? undefined : onClose())}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('holds.place.title', 'Запрет на уничтожение')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Field.Root name="recordType" required>
              <Field.Label>{t('holds.place.recordType', 'Вид записи')}</Field.Label>
              <SingleSelect
                value={form.recordType}
                onChange={(value: string | number) => setForm({ ...form, recordType: String(value) as DisposableType })}
              >
                {Object.entries(RECORD_TYPE).map(([value, label]) => (
                  <SingleSelectOption key={value} value={value}>
                    {tm(label)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
            <Field.Root name="documentId" required hint={t('holds.place.documentId.hint', 'documentId записи')}>
              <Field.Label>{t('holds.place.documentId', 'Запись')}</Field.Label>
              <TextInput
                value={form.documentId}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, documentId: event.target.value })}
              />
              <Field.Hint />
            </Field.Root>
            <Field.Root name="reason" required>
              <Field.Label>{t('holds.place.reason', 'Основание запрета')}</Field.Label>
              <Textarea
                value={form.reason}
                onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setForm({ ...form, reason: event.target.value })}
              />
            </Field.Root>
            {error ? (
              <Typography textColor="danger600" style={{ whiteSpace: 'normal' }}>
                {error}
              </Typography>
            ) : null}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary" disabled={busy}>
              {t('action.cancel', 'Отмена')}
            </Button>
          </Modal.Close>
          <Button onClick={submit} loading={busy} startIcon={<Lock />}>
            {t('holds.place.submit', 'Запретить уничтожение')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

/** «К уничтожению / Акты»: the due list grouped by rule, drafting an act, acts with approve / reject / execute, legal holds. */
export const DispositionPage = () => {
  const { t, tm, date } = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const report = useReportError();
  const download = useDownload();
  const { allowedActions } = useRBAC(PAGE_PERMISSIONS.disposition);
  const due = useLoad<{ data: DueGroup[] }>(`${BASE}/disposition/due`);
  const [actsPage, setActsPage] = React.useState(1);
  const acts = useLoad<ListResponse<DestructionAct>>(`${BASE}/disposition/acts`, { page: actsPage, pageSize: 10 });
  const holds = useLoad<{ data: LegalHold[] }>(`${BASE}/disposition/holds`);
  const [selected, setSelected] = React.useState<Record<string, DueItem>>({});
  const [pending, setPending] = React.useState<Pending | null>(null);
  const [approving, setApproving] = React.useState<number | null>(null);

  const groups = due.data?.data ?? [];
  const actRows = acts.data?.data ?? [];
  const holdRows = holds.data?.data ?? [];
  const selectedItems = Object.values(selected);
  const reloadAll = () => {
    due.reload();
    acts.reload();
    holds.reload();
  };

  /** Runs a request; on success notifies and reloads, on failure shows the server's message. */
  const act = async (request: () => Promise<unknown>, success: string): Promise<boolean> => {
    try {
      await request();
      toggleNotification({ type: 'success', message: success });
      reloadAll();
      return true;
    } catch (error) {
      report(error);
      return false;
    }
  };

  const toggle = (item: DueItem, checked: boolean) =>
    setSelected((previous) => {
      const next = { ...previous };
      if (checked) next[keyOf(item)] = item;
      else delete next[keyOf(item)];
      return next;
    });

  const selectable = (item: DueItem) => !item.held && !item.inAct;
  const firstBasis = groups.find((group) => group.items.some((item) => selected[keyOf(item)]))?.rule.legalBasis ?? '';

  return (
    <>
      <Section
        title={t('due.title', 'Истёк срок хранения')}
        actions={
          <Button
            startIcon={<Plus />}
            disabled={!allowedActions.canDraft || selectedItems.length === 0}
            onClick={() => setPending({ kind: 'draft', items: selectedItems, legalBasis: firstBasis })}
          >
            {t('due.draft', 'Составить акт ({count})', { count: selectedItems.length })}
          </Button>
        }
      >
        <ListState isLoading={due.isLoading} isEmpty={groups.length === 0} empty={t('due.empty', 'Записей с истёкшим сроком хранения нет')}>
          <Flex direction="column" alignItems="stretch" gap={6}>
            {groups.map((group) => (
              <Box key={group.rule.documentId ?? group.rule.recordType}>
                <Flex gap={2} paddingBottom={2} wrap="wrap">
                  <Typography variant="omega" fontWeight="bold">
                    {group.rule.title}
                  </Typography>
                  <Badge>{group.items.length}</Badge>
                  {group.rule.expertReviewRequired ? <Badge variant="warning">{t('due.expertReview', 'нужна экспертиза')}</Badge> : null}
                  <Muted>{group.rule.legalBasis}</Muted>
                </Flex>
                <Table colCount={5} rowCount={group.items.length + 1}>
                  <Thead>
                    <Tr>
                      <Th>
                        <Typography variant="sigma">{t('due.column.select', 'Выбор')}</Typography>
                      </Th>
                      <Th>
                        <Typography variant="sigma">{t('due.column.record', 'Запись')}</Typography>
                      </Th>
                      <Th>
                        <Typography variant="sigma">{t('due.column.expired', 'Срок истёк')}</Typography>
                      </Th>
                      <Th>
                        <Typography variant="sigma">{t('due.column.state', 'Отметки')}</Typography>
                      </Th>
                      <Th>
                        <Typography variant="sigma">{t('column.actions', 'Действия')}</Typography>
                      </Th>
                    </Tr>
                  </Thead>
                  <Tbody>
                    {group.items.map((item) => (
                      <Tr key={keyOf(item)}>
                        <Td>
                          <Checkbox
                            aria-label={t('due.select', 'Выбрать {title}', { title: item.title })}
                            disabled={!selectable(item)}
                            checked={Boolean(selected[keyOf(item)])}
                            onCheckedChange={(checked) => toggle(item, checked === true)}
                          />
                        </Td>
                        <Td style={{ maxWidth: 360 }}>
                          <Flex direction="column" alignItems="flex-start">
                            <Typography style={{ whiteSpace: 'normal' }}>{item.title}</Typography>
                            <Muted>{RECORD_TYPE[item.recordType] ? tm(RECORD_TYPE[item.recordType]) : item.recordType}</Muted>
                          </Flex>
                        </Td>
                        <Td>
                          <Typography>{date(item.expiresOn, false)}</Typography>
                        </Td>
                        <Td>
                          <Flex gap={1} wrap="wrap">
                            {item.held ? <Badge variant="danger">{t('due.held', 'Запрет на уничтожение')}</Badge> : null}
                            {item.inAct ? (
                              <Badge variant="secondary">{t('due.inAct', 'В акте № {number}', { number: item.inAct.number })}</Badge>
                            ) : null}
                          </Flex>
                        </Td>
                        <Td>
                          {!item.held && allowedActions.canManage ? (
                            <Button
                              variant="tertiary"
                              size="S"
                              startIcon={<Lock />}
                              onClick={() => setPending({ kind: 'hold', recordType: item.recordType, documentId: item.documentId })}
                            >
                              {t('holds.place.short', 'Запретить')}
                            </Button>
                          ) : null}
                        </Td>
                      </Tr>
                    ))}
                  </Tbody>
                </Table>
              </Box>
            ))}
          </Flex>
        </ListState>
      </Section>

      <Section title={t('acts.title', 'Акты о выделении к уничтожению')}>
        <ListState isLoading={acts.isLoading} isEmpty={actRows.length === 0} empty={t('acts.empty', 'Актов пока нет')}>
          <Table colCount={5} rowCount={actRows.length + 1}>
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">{t('acts.column.act', 'Акт')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('acts.column.status', 'Состояние')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('acts.column.items', 'Записей')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('acts.column.people', 'Составил / решение')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('column.actions', 'Действия')}</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {actRows.map((row) => (
                <Tr key={row.id}>
                  <Td>
                    <Flex direction="column" alignItems="flex-start">
                      <Typography fontWeight="bold">{t('acts.number', '№ {number}', { number: row.number })}</Typography>
                      <Muted>{date(row.date, false)}</Muted>
                    </Flex>
                  </Td>
                  <Td style={{ maxWidth: 260 }}>
                    <Flex direction="column" alignItems="flex-start" gap={1}>
                      <StatusBadge value={row.state} labels={ACT_STATUS} />
                      {row.rejectionReason ? (
                        <Typography variant="pi" textColor="danger600" style={{ whiteSpace: 'normal' }}>
                          {row.rejectionReason}
                        </Typography>
                      ) : null}
                    </Flex>
                  </Td>
                  <Td>
                    <Typography>{row.items?.length ?? 0}</Typography>
                  </Td>
                  <Td>
                    <Flex direction="column" alignItems="flex-start">
                      <Typography variant="pi">{row.draftedBy ?? '—'}</Typography>
                      <Muted>{row.executedBy ?? row.approvedBy ?? row.rejectedBy ?? ''}</Muted>
                    </Flex>
                  </Td>
                  <Td>
                    <Flex gap={2} wrap="wrap">
                      {row.state === 'draft' && allowedActions.canApprove ? (
                        <>
                          <Button
                            size="S"
                            variant="success-light"
                            startIcon={<Check />}
                            loading={approving === row.id}
                            onClick={async () => {
                              setApproving(row.id);
                              await act(
                                () => post(`${BASE}/disposition/acts/${row.id}/approve`, {}),
                                t('acts.approved', 'Акт № {number} утверждён', { number: row.number }),
                              );
                              setApproving(null);
                            }}
                          >
                            {t('acts.approve', 'Утвердить')}
                          </Button>
                          <Button
                            size="S"
                            variant="danger-light"
                            startIcon={<Cross />}
                            onClick={() => setPending({ kind: 'reject', act: row })}
                          >
                            {t('acts.reject', 'Отклонить')}
                          </Button>
                        </>
                      ) : null}
                      {row.state === 'approved' && allowedActions.canExecute ? (
                        <Button size="S" variant="danger" startIcon={<Trash />} onClick={() => setPending({ kind: 'execute', act: row })}>
                          {t('acts.execute', 'Уничтожить')}
                        </Button>
                      ) : null}
                      <Button
                        size="S"
                        variant="tertiary"
                        startIcon={<FilePdf />}
                        onClick={() => download(`${BASE}/disposition/acts/${row.id}/pdf`, `akt-${row.number}.pdf`)}
                      >
                        {t('acts.pdf', 'PDF')}
                      </Button>
                    </Flex>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </ListState>
        <Pager pagination={acts.data?.meta?.pagination} onPage={setActsPage} />
      </Section>

      <Section
        title={t('holds.title', 'Запреты на уничтожение')}
        actions={
          allowedActions.canManage ? (
            <Button
              variant="secondary"
              startIcon={<Lock />}
              onClick={() => setPending({ kind: 'hold', recordType: 'archive-package', documentId: '' })}
            >
              {t('holds.place.open', 'Наложить запрет')}
            </Button>
          ) : null
        }
      >
        <ListState isLoading={holds.isLoading} isEmpty={holdRows.length === 0} empty={t('holds.empty', 'Запретов нет')}>
          <Table colCount={4} rowCount={holdRows.length + 1}>
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">{t('holds.column.record', 'Запись')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('holds.column.reason', 'Основание')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('holds.column.placed', 'Наложен')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('column.actions', 'Действия')}</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {holdRows.map((hold) => (
                <Tr key={hold.id}>
                  <Td style={{ maxWidth: 320 }}>
                    <Flex direction="column" alignItems="flex-start">
                      <Typography style={{ whiteSpace: 'normal' }}>{hold.recordTitle ?? hold.recordDocumentId}</Typography>
                      <Muted>{RECORD_TYPE[hold.recordType] ? tm(RECORD_TYPE[hold.recordType]) : hold.recordType}</Muted>
                    </Flex>
                  </Td>
                  <Td style={{ maxWidth: 320 }}>
                    <Typography variant="pi" style={{ whiteSpace: 'normal' }}>
                      {hold.reason}
                    </Typography>
                  </Td>
                  <Td>
                    <Flex direction="column" alignItems="flex-start">
                      <Typography variant="pi">{date(hold.placedAt)}</Typography>
                      <Muted>{hold.placedBy ?? ''}</Muted>
                    </Flex>
                  </Td>
                  <Td>
                    {hold.liftedAt ? (
                      <Muted>{t('holds.lifted', 'Снят {date}', { date: date(hold.liftedAt) })}</Muted>
                    ) : allowedActions.canManage ? (
                      <Button size="S" variant="tertiary" onClick={() => setPending({ kind: 'lift', hold })}>
                        {t('holds.lift', 'Снять запрет')}
                      </Button>
                    ) : (
                      <Badge variant="danger">{t('holds.active', 'Действует')}</Badge>
                    )}
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </ListState>
      </Section>

      {pending?.kind === 'draft' ? (
        <DraftActModal
          items={pending.items}
          legalBasis={pending.legalBasis}
          onClose={() => setPending(null)}
          onSubmit={async (form) => {
            try {
              const body = {
                date: form.date,
                ...(form.legalBasis.trim() ? { legalBasis: form.legalBasis.trim() } : {}),
                ...(form.notes.trim() ? { notes: form.notes.trim() } : {}),
                items: pending.items.map((item) => ({ recordType: item.recordType, documentId: item.documentId })),
              };
              const { data } = await post<{ data: DestructionAct }>(`${BASE}/disposition/acts`, body);
              toggleNotification({ type: 'success', message: t('acts.created', 'Акт № {number} составлен', { number: data.data.number }) });
              setSelected({});
              setPending(null);
              reloadAll();
              return null;
            } catch (error) {
              return errorMessage(error) ?? t('error.unknown', 'Не удалось выполнить запрос');
            }
          }}
        />
      ) : null}
      {pending?.kind === 'hold' ? (
        <HoldModal
          recordType={pending.recordType}
          documentId={pending.documentId}
          onClose={() => setPending(null)}
          onSubmit={async (form) => {
            try {
              await post(`${BASE}/disposition/holds`, { ...form, documentId: form.documentId.trim(), reason: form.reason.trim() });
              toggleNotification({ type: 'success', message: t('holds.placed', 'Запрет наложен') });
              setPending(null);
              reloadAll();
              return null;
            } catch (error) {
              return errorMessage(error) ?? t('error.unknown', 'Не удалось выполнить запрос');
            }
          }}
        />
      ) : null}
      {pending?.kind === 'reject' ? (
        <ConfirmDialog
          title={t('acts.reject.title', 'Отклонить акт № {number}', { number: pending.act.number })}
          text={t('acts.reject.text', 'Записи останутся на хранении; отклонённый акт сохраняется.')}
          confirmLabel={t('acts.reject', 'Отклонить')}
          reason={{ label: t('acts.reject.reason', 'Причина отклонения'), required: true }}
          onClose={() => setPending(null)}
          onConfirm={(reason) =>
            act(
              () => post(`${BASE}/disposition/acts/${pending.act.id}/reject`, { reason }),
              t('acts.rejected', 'Акт № {number} отклонён', { number: pending.act.number }),
            )
          }
        />
      ) : null}
      {pending?.kind === 'execute' ? (
        <ConfirmDialog
          title={t('acts.execute.title', 'Уничтожить записи по акту № {number}', { number: pending.act.number })}
          text={t('acts.execute.text', 'Записи акта ({count}) будут безвозвратно удалены. Сам акт и журнал исполнения сохраняются.', {
            count: pending.act.items?.length ?? 0,
          })}
          confirmLabel={t('acts.execute', 'Уничтожить')}
          onClose={() => setPending(null)}
          onConfirm={() =>
            act(
              () => post(`${BASE}/disposition/acts/${pending.act.id}/execute`, {}),
              t('acts.executed', 'Акт № {number} исполнен', { number: pending.act.number }),
            )
          }
        />
      ) : null}
      {pending?.kind === 'lift' ? (
        <ConfirmDialog
          title={t('holds.lift.title', 'Снять запрет на уничтожение')}
          text={pending.hold.recordTitle ?? pending.hold.recordDocumentId}
          confirmLabel={t('holds.lift', 'Снять запрет')}
          variant="default"
          reason={{ label: t('holds.lift.reason', 'Причина снятия'), required: false }}
          onClose={() => setPending(null)}
          onConfirm={(reason) =>
            act(
              () => post(`${BASE}/disposition/holds/${pending.hold.id}/lift`, reason ? { reason } : {}),
              t('holds.liftedNow', 'Запрет снят'),
            )
          }
        />
      ) : null}
    </>
  );
};
