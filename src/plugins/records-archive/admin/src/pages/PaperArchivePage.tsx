import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  Modal,
  NumberInput,
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
import { Check, FilePdf, Pencil, Plus, Play } from '@strapi/icons';
import { useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { BASE, errorMessage, useDownload, useLoad, useReportError, type ListResponse } from '../api/client';
import { FormError, ListState, localToday, Muted, russian, Section, Select, StatusBadge } from '../components/common';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Pager } from '../components/Pager';
import { PAGE_PERMISSIONS } from '../constants';
import { StoredCertificatesSection } from './StoredCertificatesSection';
import { msg, useT, type Message } from '../utils/translations';

/**
 * «Бумажный архив»: the register of paper carriers (filters by year, rule, state and place; the
 * year's class journals registered in one step), the list of files of a year as PDF, and the
 * inventory checks of the paper archive (start, fill the findings, sign, download the act).
 */

type CarrierState = 'in-storage' | 'handed-over' | 'destroyed' | 'missing';
type Finding = 'present' | 'missing' | 'damaged';

interface Carrier {
  id: number;
  documentId: string;
  recordType: string;
  ruleTitle: string | null;
  title: string;
  schoolYear: string;
  caseIndex: string | null;
  storagePlace: string | null;
  custodian: string | null;
  closedOn: string | null;
  sheets: number | null;
  state: CarrierState;
  expiresOn: string | null;
  retentionKind: string | null;
  expired: boolean;
  destructionActNumber: string | null;
  /** A held аттестат handed back under a receipt (R50): the day and who took it; the record is final then. */
  handedOverOn: string | null;
  handedOverTo: string | null;
  note: string | null;
  schoolClass: { name: string | null } | null;
}

interface Choices {
  years: string[];
  rules: Array<{ recordType: string; title: string; caseIndex: string | null; storagePlace: string | null }>;
  places: string[];
  academicYears: Array<{ documentId: string; title: string }>;
}

interface CheckRow {
  documentId: string;
  title: string;
  caseIndex: string | null;
  storagePlace: string | null;
  finding: Finding | null;
  note: string | null;
}

interface InventoryCheck {
  id: number;
  number: string;
  date: string;
  commission: string[];
  scope: 'all' | 'storage-place';
  scopePlace: string | null;
  rows: CheckRow[];
  state: 'draft' | 'signed';
  signedBy: string | null;
  signedAt: string | null;
}

interface Schedule {
  intervalMonths: number;
  lastSignedOn: string | null;
  nextDueOn: string;
  overdue: boolean;
}

const CARRIER_STATE: Record<CarrierState, [Message, 'success' | 'neutral' | 'secondary' | 'danger']> = {
  'in-storage': [msg('paper.state.in-storage', 'На хранении'), 'success'],
  'handed-over': [msg('paper.state.handed-over', 'Передано'), 'secondary'],
  destroyed: [msg('paper.state.destroyed', 'Уничтожено'), 'neutral'],
  missing: [msg('paper.state.missing', 'Отсутствует'), 'danger'],
};

const FINDING: Record<Finding, Message> = {
  present: msg('paper.finding.present', 'В наличии'),
  missing: msg('paper.finding.missing', 'Отсутствует'),
  damaged: msg('paper.finding.damaged', 'Повреждено'),
};

const CHECK_STATE: Record<string, [Message, 'secondary' | 'success']> = {
  draft: [msg('paper.check.draft', 'Черновик'), 'secondary'],
  signed: [msg('paper.check.signed', 'Подписан'), 'success'],
};

interface CarrierForm {
  recordType: string;
  title: string;
  schoolYear: string;
  caseIndex: string;
  storagePlace: string;
  custodian: string;
  closedOn: string;
  sheets: number | undefined;
  state: CarrierState;
  note: string;
}

/** Adds a carrier, or changes one (its rule stays). */
const CarrierModal = ({
  carrier,
  choices,
  onClose,
  onSaved,
}: {
  carrier: Carrier | null;
  choices: Choices;
  onClose: () => void;
  onSaved: () => void;
}) => {
  const { t, tm } = useT();
  const { post, put } = useFetchClient();
  const [form, setForm] = React.useState<CarrierForm>({
    recordType: carrier?.recordType ?? '',
    title: carrier?.title ?? '',
    schoolYear: carrier?.schoolYear ?? choices.years[0] ?? '',
    caseIndex: carrier?.caseIndex ?? '',
    storagePlace: carrier?.storagePlace ?? '',
    custodian: carrier?.custodian ?? '',
    closedOn: carrier?.closedOn ?? '',
    sheets: carrier?.sheets ?? undefined,
    state: carrier?.state ?? 'in-storage',
    note: carrier?.note ?? '',
  });
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const set = (patch: Partial<CarrierForm>) => setForm((previous) => ({ ...previous, ...patch }));
  const text = (name: keyof CarrierForm, label: string, type = 'text') => (
    <Field.Root name={name}>
      <Field.Label>{label}</Field.Label>
      <TextInput
        type={type}
        value={String(form[name] ?? '')}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => set({ [name]: event.target.value } as Partial<CarrierForm>)}
      />
    </Field.Root>
  );
  const submit = async () => {
    setBusy(true);
    setError(null);
    const body = {
      title: form.title,
      schoolYear: form.schoolYear,
      caseIndex: form.caseIndex || null,
      storagePlace: form.storagePlace || null,
      custodian: form.custodian || null,
      closedOn: form.closedOn || null,
      sheets: form.sheets ?? null,
      note: form.note || null,
    };
    try {
      if (carrier) await put(`${BASE}/paper-archive/carriers/${carrier.id}`, { ...body, state: form.state });
      else await post(`${BASE}/paper-archive/carriers`, { ...body, recordType: form.recordType });
      onSaved();
      onClose();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal.Root open onOpenChange={(open) => (open || busy ? undefined : onClose())}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>
            {carrier ? t('paper.carrier.edit', 'Единица хранения') : t('paper.carrier.add', 'Новая единица хранения')}
          </Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            {carrier ? (
              <Typography variant="sigma">{carrier.ruleTitle ?? carrier.recordType}</Typography>
            ) : (
              <Select
                label={t('paper.column.rule', 'Вид документа (правило хранения)')}
                value={form.recordType}
                width="100%"
                required
                onChange={(recordType) => {
                  const rule = choices.rules.find((item) => item.recordType === recordType);
                  set({ recordType, caseIndex: rule?.caseIndex ?? '', storagePlace: rule?.storagePlace ?? '' });
                }}
                options={choices.rules.map((rule) => [rule.recordType, `${rule.caseIndex ? `${rule.caseIndex} ` : ''}${rule.title}`])}
              />
            )}
            {text('title', t('paper.column.title', 'Заголовок дела'))}
            <Flex gap={4}>
              {text('schoolYear', t('paper.column.year', 'Учебный год'))}
              {text('caseIndex', t('paper.column.index', 'Индекс дела'))}
            </Flex>
            <Flex gap={4}>
              {text('storagePlace', t('paper.column.place', 'Место хранения'))}
              {text('custodian', t('paper.column.custodian', 'Хранитель'))}
            </Flex>
            <Flex gap={4} alignItems="flex-end">
              {text('closedOn', t('paper.column.closedOn', 'Дата закрытия дела'), 'date')}
              <Field.Root name="sheets">
                <Field.Label>{t('paper.column.sheets', 'Листов')}</Field.Label>
                <NumberInput value={form.sheets} onValueChange={(sheets: number | undefined) => set({ sheets })} />
              </Field.Root>
            </Flex>
            {carrier ? (
              <Select
                label={t('paper.column.state', 'Состояние')}
                value={form.state}
                onChange={(state) => set({ state: state as CarrierState })}
                options={(['in-storage', 'handed-over', 'missing'] as const).map((state) => [state, tm(CARRIER_STATE[state][0])])}
              />
            ) : null}
            <Field.Root name="note">
              <Field.Label>{t('paper.column.note', 'Примечание')}</Field.Label>
              <Textarea value={form.note} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => set({ note: event.target.value })} />
            </Field.Root>
            <FormError error={error} />
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary" disabled={busy}>
              {t('action.cancel', 'Отмена')}
            </Button>
          </Modal.Close>
          <Button onClick={submit} loading={busy}>
            {t('action.save', 'Сохранить')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

/** Starts an inventory check: date, commission (one member per line), all carriers or one place. */
const StartCheckModal = ({ places, onClose, onStarted }: { places: string[]; onClose: () => void; onStarted: () => void }) => {
  const { t } = useT();
  const { post } = useFetchClient();
  const [form, setForm] = React.useState({ date: localToday(), commission: '', scope: 'all', storagePlace: '' });
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await post(`${BASE}/paper-archive/checks`, {
        date: form.date,
        commission: form.commission
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
        scope: form.scope,
        storagePlace: form.scope === 'storage-place' ? form.storagePlace : null,
      });
      onStarted();
      onClose();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal.Root open onOpenChange={(open) => (open || busy ? undefined : onClose())}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('paper.check.start', 'Начать проверку наличия')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Field.Root name="date" required>
              <Field.Label>{t('paper.check.date', 'Дата проверки')}</Field.Label>
              <TextInput
                type="date"
                value={form.date}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, date: event.target.value })}
              />
            </Field.Root>
            <Field.Root
              name="commission"
              required
              hint={t('paper.check.commission.hint', 'По одному на строке: ФИО, должность; первым — председатель')}
            >
              <Field.Label>{t('paper.check.commission', 'Комиссия')}</Field.Label>
              <Textarea
                value={form.commission}
                onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setForm({ ...form, commission: event.target.value })}
              />
              <Field.Hint />
            </Field.Root>
            <Select
              label={t('paper.check.scope', 'Что проверяется')}
              value={form.scope}
              onChange={(scope) => setForm({ ...form, scope })}
              options={[
                ['all', t('paper.check.scope.all', 'Весь бумажный архив')],
                ['storage-place', t('paper.check.scope.place', 'Одно место хранения')],
              ]}
              width="100%"
            />
            {form.scope === 'storage-place' ? (
              <Select
                label={t('paper.column.place', 'Место хранения')}
                value={form.storagePlace}
                onChange={(storagePlace) => setForm({ ...form, storagePlace })}
                options={places.map((place) => [place, place])}
                width="100%"
                required
              />
            ) : null}
            <FormError error={error} />
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary" disabled={busy}>
              {t('action.cancel', 'Отмена')}
            </Button>
          </Modal.Close>
          <Button onClick={submit} loading={busy}>
            {t('paper.check.start.submit', 'Начать проверку')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

/** The rows of a check: a finding and a note per carrier; read-only once signed. */
const CheckModal = ({
  check,
  canEdit,
  onClose,
  onSaved,
}: {
  check: InventoryCheck;
  canEdit: boolean;
  onClose: () => void;
  onSaved: () => void;
}) => {
  const { t, tm } = useT();
  const { put } = useFetchClient();
  const editable = canEdit && check.state === 'draft';
  const [rows, setRows] = React.useState(check.rows.map((row) => ({ ...row })));
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const update = (index: number, patch: Partial<CheckRow>) =>
    setRows((previous) => previous.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await put(`${BASE}/paper-archive/checks/${check.id}`, {
        findings: rows.map((row) => ({ documentId: row.documentId, finding: row.finding, note: row.note || null })),
      });
      onSaved();
      onClose();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal.Root open onOpenChange={(open) => (open || busy ? undefined : onClose())}>
      <Modal.Content style={{ maxWidth: 1100, width: '90vw' }}>
        <Modal.Header>
          <Modal.Title>
            {t('paper.check.title', 'Проверка № {number} от {date}', { number: check.number, date: russian(check.date) })}
          </Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={3}>
            <Muted>{t('paper.check.commission.value', 'Комиссия: {members}', { members: check.commission.join('; ') })}</Muted>
            <Table colCount={4} rowCount={rows.length + 1}>
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">{t('paper.column.index', 'Индекс дела')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('paper.column.title', 'Заголовок дела')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('paper.column.finding', 'Результат')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('paper.column.note', 'Примечание')}</Typography>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {rows.map((row, index) => (
                  <Tr key={row.documentId}>
                    <Td>
                      <Typography>{row.caseIndex ?? '—'}</Typography>
                    </Td>
                    <Td style={{ whiteSpace: 'normal', maxWidth: 380 }}>
                      <Flex direction="column" alignItems="flex-start">
                        <Typography>{row.title}</Typography>
                        <Muted>{row.storagePlace ?? '—'}</Muted>
                      </Flex>
                    </Td>
                    <Td>
                      {editable ? (
                        <SingleSelect
                          aria-label={t('paper.column.finding', 'Результат')}
                          placeholder={t('paper.finding.none', 'не проверено')}
                          value={row.finding ?? undefined}
                          onChange={(value: string | number) => update(index, { finding: String(value) as Finding })}
                        >
                          {(Object.keys(FINDING) as Finding[]).map((finding) => (
                            <SingleSelectOption key={finding} value={finding}>
                              {tm(FINDING[finding])}
                            </SingleSelectOption>
                          ))}
                        </SingleSelect>
                      ) : (
                        <Typography>{row.finding ? tm(FINDING[row.finding]) : t('paper.finding.none', 'не проверено')}</Typography>
                      )}
                    </Td>
                    <Td>
                      {editable ? (
                        <TextInput
                          aria-label={t('paper.column.note', 'Примечание')}
                          value={row.note ?? ''}
                          onChange={(event: React.ChangeEvent<HTMLInputElement>) => update(index, { note: event.target.value })}
                        />
                      ) : (
                        <Typography>{row.note ?? ''}</Typography>
                      )}
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
            <FormError error={error} />
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary" disabled={busy}>
              {editable ? t('action.cancel', 'Отмена') : t('action.close', 'Закрыть')}
            </Button>
          </Modal.Close>
          {editable ? (
            <Button onClick={save} loading={busy}>
              {t('action.save', 'Сохранить')}
            </Button>
          ) : null}
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

type Pending =
  | { kind: 'carrier'; carrier: Carrier | null }
  | { kind: 'register' }
  | { kind: 'start-check' }
  | { kind: 'check'; check: InventoryCheck }
  | { kind: 'sign'; check: InventoryCheck };

export const PaperArchivePage = () => {
  const { t, tm } = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const report = useReportError();
  const download = useDownload();
  const { allowedActions } = useRBAC(PAGE_PERMISSIONS.paper);
  const [filters, setFilters] = React.useState({ year: '', recordType: '', state: '', place: '' });
  const [page, setPage] = React.useState(1);
  const [checksPage, setChecksPage] = React.useState(1);
  const [pending, setPending] = React.useState<Pending | null>(null);
  const [registerYear, setRegisterYear] = React.useState('');
  const [nomenclatureYear, setNomenclatureYear] = React.useState('');
  const choices = useLoad<{ data: Choices }>(`${BASE}/paper-archive/choices`);
  const params = Object.fromEntries(Object.entries({ ...filters, page, pageSize: 25 }).filter(([, value]) => value !== ''));
  const carriers = useLoad<ListResponse<Carrier>>(`${BASE}/paper-archive/carriers`, params);
  const checks = useLoad<ListResponse<InventoryCheck>>(`${BASE}/paper-archive/checks`, { page: checksPage, pageSize: 10 });
  const schedule = useLoad<{ data: Schedule }>(`${BASE}/paper-archive/checks/schedule`);
  const options = choices.data?.data;
  const rows = carriers.data?.data ?? [];
  const checkRows = checks.data?.data ?? [];
  const year = nomenclatureYear || options?.years[0] || '';

  const [version, setVersion] = React.useState(0);
  const reloadAll = () => {
    setVersion((value) => value + 1);
    carriers.reload();
    choices.reload();
    checks.reload();
    schedule.reload();
  };

  const registerJournals = async (): Promise<boolean> => {
    try {
      const { data } = await post<{ meta: { created: number; existing: number } }>(`${BASE}/paper-archive/carriers/register-journals`, {
        academicYear: registerYear,
      });
      toggleNotification({
        type: 'success',
        message: t('paper.register.done', 'Зарегистрировано журналов: {created}, уже были в реестре: {existing}', data.meta),
      });
      reloadAll();
      return true;
    } catch (error) {
      report(error);
      return false;
    }
  };

  const sign = async (check: InventoryCheck): Promise<boolean> => {
    try {
      await post(`${BASE}/paper-archive/checks/${check.id}/sign`, {});
      toggleNotification({
        type: 'success',
        message: t('paper.check.signed.done', 'Акт проверки № {number} подписан', { number: check.number }),
      });
      reloadAll();
      return true;
    } catch (error) {
      report(error);
      return false;
    }
  };

  const filter = (name: keyof typeof filters) => (value: string) => {
    setPage(1);
    setFilters((previous) => ({ ...previous, [name]: value }));
  };

  return (
    <>
      <Section
        title={t('paper.nomenclature.title', 'Номенклатура дел')}
        actions={
          <Flex gap={2} alignItems="flex-end">
            <Select
              label={t('paper.column.year', 'Учебный год')}
              value={year}
              onChange={setNomenclatureYear}
              options={(options?.years ?? []).map((item) => [item, item])}
              width="160px"
            />
            <Button
              startIcon={<FilePdf />}
              variant="secondary"
              disabled={!year}
              onClick={() => download(`${BASE}/paper-archive/nomenclature.pdf`, `nomenklatura-${year.replace('/', '-')}.pdf`, { year })}
            >
              {t('paper.nomenclature.download', 'Скачать номенклатуру (PDF)')}
            </Button>
          </Flex>
        }
      >
        <Muted>
          {t(
            'paper.nomenclature.hint',
            'Индексы, места хранения и сроки берутся из правил раздела «Политика хранения»; число единиц хранения — из реестра ниже.',
          )}
        </Muted>
      </Section>

      <Section
        title={t('paper.carriers.title', 'Единицы хранения на бумаге')}
        actions={
          <>
            <Button
              startIcon={<Play />}
              variant="secondary"
              disabled={!allowedActions.canManage}
              onClick={() => setPending({ kind: 'register' })}
            >
              {t('paper.register', 'Зарегистрировать журналы года')}
            </Button>
            <Button
              startIcon={<Plus />}
              disabled={!allowedActions.canManage || !options}
              onClick={() => setPending({ kind: 'carrier', carrier: null })}
            >
              {t('paper.carrier.add', 'Новая единица хранения')}
            </Button>
          </>
        }
      >
        <Flex gap={4} paddingBottom={4} wrap="wrap">
          <Select
            label={t('paper.column.year', 'Учебный год')}
            value={filters.year}
            onChange={filter('year')}
            options={(options?.years ?? []).map((item) => [item, item])}
            all={t('filter.all', 'Все')}
            width="160px"
          />
          <Select
            label={t('paper.column.rule', 'Вид документа (правило хранения)')}
            value={filters.recordType}
            onChange={filter('recordType')}
            options={(options?.rules ?? []).map((rule) => [rule.recordType, `${rule.caseIndex ? `${rule.caseIndex} ` : ''}${rule.title}`])}
            all={t('filter.all', 'Все')}
            width="320px"
          />
          <Select
            label={t('paper.column.state', 'Состояние')}
            value={filters.state}
            onChange={filter('state')}
            options={(Object.keys(CARRIER_STATE) as CarrierState[]).map((state) => [state, tm(CARRIER_STATE[state][0])])}
            all={t('filter.all', 'Все')}
            width="180px"
          />
          <Select
            label={t('paper.column.place', 'Место хранения')}
            value={filters.place}
            onChange={filter('place')}
            options={(options?.places ?? []).map((place) => [place, place])}
            all={t('filter.all', 'Все')}
          />
        </Flex>
        <ListState
          isLoading={carriers.isLoading}
          isEmpty={rows.length === 0}
          empty={t('paper.carriers.empty', 'Единиц хранения не найдено')}
        >
          <Table colCount={6} rowCount={rows.length + 1}>
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">{t('paper.column.index', 'Индекс дела')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('paper.column.title', 'Заголовок дела')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('paper.column.place', 'Место хранения')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('paper.column.expires', 'Срок хранения')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('paper.column.state', 'Состояние')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('paper.column.actions', 'Действия')}</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((carrier) => (
                <Tr key={carrier.documentId}>
                  <Td>
                    <Typography>{carrier.caseIndex ?? '—'}</Typography>
                  </Td>
                  <Td style={{ whiteSpace: 'normal', maxWidth: 420 }}>
                    <Flex direction="column" alignItems="flex-start">
                      <Typography>{carrier.title}</Typography>
                      <Muted>
                        {[
                          carrier.schoolYear,
                          carrier.ruleTitle,
                          carrier.sheets ? t('paper.sheets', '{count} л.', { count: carrier.sheets }) : '',
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </Muted>
                    </Flex>
                  </Td>
                  <Td style={{ whiteSpace: 'normal' }}>
                    <Flex direction="column" alignItems="flex-start">
                      <Typography>{carrier.storagePlace ?? '—'}</Typography>
                      {carrier.custodian ? <Muted>{carrier.custodian}</Muted> : null}
                    </Flex>
                  </Td>
                  <Td>
                    <Flex direction="column" alignItems="flex-start" gap={1}>
                      <Typography>
                        {carrier.expiresOn
                          ? t('paper.expires.until', 'до {date}', { date: russian(carrier.expiresOn) })
                          : carrier.retentionKind === 'permanent'
                            ? t('paper.expires.permanent', 'постоянно')
                            : '—'}
                      </Typography>
                      {carrier.expired && carrier.state === 'in-storage' ? (
                        <Badge variant="warning">{t('paper.expired', 'срок истёк — в список к уничтожению')}</Badge>
                      ) : null}
                    </Flex>
                  </Td>
                  <Td>
                    <Flex direction="column" alignItems="flex-start" gap={1}>
                      <StatusBadge value={carrier.state} labels={CARRIER_STATE} />
                      {carrier.destructionActNumber ? (
                        <Muted>{t('paper.destroyedBy', 'акт № {number}', { number: carrier.destructionActNumber })}</Muted>
                      ) : null}
                      {carrier.handedOverOn ? (
                        <Muted>
                          {t('paper.handedOverTo', '{date}, получил(а) {name}', {
                            date: russian(carrier.handedOverOn),
                            name: carrier.handedOverTo ?? '—',
                          })}
                        </Muted>
                      ) : null}
                    </Flex>
                  </Td>
                  <Td>
                    <Button
                      variant="tertiary"
                      size="S"
                      startIcon={<Pencil />}
                      disabled={!allowedActions.canManage || carrier.state === 'destroyed' || Boolean(carrier.handedOverOn) || !options}
                      onClick={() => setPending({ kind: 'carrier', carrier })}
                    >
                      {t('action.edit', 'Изменить')}
                    </Button>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </ListState>
        <Pager pagination={carriers.data?.meta?.pagination} onPage={setPage} />
      </Section>

      <StoredCertificatesSection key={version} canManage={Boolean(allowedActions.canManage)} onChanged={reloadAll} />

      <Section
        title={t('paper.checks.title', 'Проверки наличия и состояния')}
        actions={
          <Button startIcon={<Plus />} disabled={!allowedActions.canManage} onClick={() => setPending({ kind: 'start-check' })}>
            {t('paper.check.start', 'Начать проверку наличия')}
          </Button>
        }
      >
        {schedule.data ? (
          <Box paddingBottom={4}>
            {schedule.data.data.overdue ? (
              <Badge variant="danger">
                {schedule.data.data.lastSignedOn
                  ? t('paper.schedule.overdue', 'Очередная проверка просрочена: срок был {date}', {
                      date: russian(schedule.data.data.nextDueOn),
                    })
                  : t('paper.schedule.never', 'Проверок ещё не было: проведите первую')}
              </Badge>
            ) : (
              <Typography>
                {t('paper.schedule.next', 'Следующая проверка — до {date} (раз в {months} мес.)', {
                  date: russian(schedule.data.data.nextDueOn),
                  months: schedule.data.data.intervalMonths,
                })}
              </Typography>
            )}
          </Box>
        ) : null}
        <ListState isLoading={checks.isLoading} isEmpty={checkRows.length === 0} empty={t('paper.checks.empty', 'Проверок пока не было')}>
          <Table colCount={5} rowCount={checkRows.length + 1}>
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">{t('paper.check.column.number', 'Акт')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('paper.check.scope', 'Что проверяется')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('paper.check.column.findings', 'Итоги')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('paper.column.state', 'Состояние')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('paper.column.actions', 'Действия')}</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {checkRows.map((check) => {
                const count = (finding: Finding | null) => check.rows.filter((row) => row.finding === finding).length;
                return (
                  <Tr key={check.id}>
                    <Td>
                      <Flex direction="column" alignItems="flex-start">
                        <Typography>{t('paper.check.number', '№ {number}', { number: check.number })}</Typography>
                        <Muted>{russian(check.date)}</Muted>
                      </Flex>
                    </Td>
                    <Td>
                      <Typography>
                        {check.scope === 'all' ? t('paper.check.scope.all', 'Весь бумажный архив') : (check.scopePlace ?? '—')}
                      </Typography>
                    </Td>
                    <Td>
                      <Muted>
                        {t(
                          'paper.check.counts',
                          'в наличии: {present}, отсутствует: {missing}, повреждено: {damaged}, не проверено: {open}',
                          {
                            present: count('present'),
                            missing: count('missing'),
                            damaged: count('damaged'),
                            open: count(null),
                          },
                        )}
                      </Muted>
                    </Td>
                    <Td>
                      <Flex direction="column" alignItems="flex-start" gap={1}>
                        <StatusBadge value={check.state} labels={CHECK_STATE} />
                        {check.signedBy ? <Muted>{check.signedBy.replace(/\s*<[^>]*>\s*$/, '')}</Muted> : null}
                      </Flex>
                    </Td>
                    <Td>
                      <Flex gap={2}>
                        <Button variant="tertiary" size="S" startIcon={<Pencil />} onClick={() => setPending({ kind: 'check', check })}>
                          {check.state === 'draft' && allowedActions.canManage
                            ? t('paper.check.fill', 'Заполнить')
                            : t('paper.check.open', 'Открыть')}
                        </Button>
                        {check.state === 'draft' ? (
                          <Button
                            variant="success-light"
                            size="S"
                            startIcon={<Check />}
                            disabled={!allowedActions.canSign}
                            onClick={() => setPending({ kind: 'sign', check })}
                          >
                            {t('paper.check.sign', 'Подписать')}
                          </Button>
                        ) : null}
                        <Button
                          variant="tertiary"
                          size="S"
                          startIcon={<FilePdf />}
                          onClick={() =>
                            download(
                              `${BASE}/paper-archive/checks/${check.id}/pdf`,
                              `akt-proverki-${check.number.replace(/\W+/g, '-')}.pdf`,
                            )
                          }
                        >
                          {t('paper.check.pdf', 'Акт (PDF)')}
                        </Button>
                      </Flex>
                    </Td>
                  </Tr>
                );
              })}
            </Tbody>
          </Table>
        </ListState>
        <Pager pagination={checks.data?.meta?.pagination} onPage={setChecksPage} />
      </Section>

      {pending?.kind === 'carrier' && options ? (
        <CarrierModal carrier={pending.carrier} choices={options} onClose={() => setPending(null)} onSaved={reloadAll} />
      ) : null}
      {pending?.kind === 'start-check' ? (
        <StartCheckModal places={options?.places ?? []} onClose={() => setPending(null)} onStarted={reloadAll} />
      ) : null}
      {pending?.kind === 'check' ? (
        <CheckModal
          check={pending.check}
          canEdit={Boolean(allowedActions.canManage)}
          onClose={() => setPending(null)}
          onSaved={reloadAll}
        />
      ) : null}
      {pending?.kind === 'register' ? (
        <Modal.Root open onOpenChange={(open) => (open ? undefined : setPending(null))}>
          <Modal.Content>
            <Modal.Header>
              <Modal.Title>{t('paper.register', 'Зарегистрировать журналы года')}</Modal.Title>
            </Modal.Header>
            <Modal.Body>
              <Flex direction="column" alignItems="stretch" gap={4}>
                <Typography style={{ whiteSpace: 'normal' }}>
                  {t(
                    'paper.register.hint',
                    'Для каждого класса учебного года заводится единица хранения «Классный журнал» (правило «Классные журналы на бумажном носителе»). Уже зарегистрированные журналы не повторяются.',
                  )}
                </Typography>
                <Select
                  label={t('paper.column.year', 'Учебный год')}
                  value={registerYear}
                  onChange={setRegisterYear}
                  options={(options?.academicYears ?? []).map((item) => [item.documentId, item.title])}
                  width="100%"
                  required
                />
              </Flex>
            </Modal.Body>
            <Modal.Footer>
              <Modal.Close>
                <Button variant="tertiary">{t('action.cancel', 'Отмена')}</Button>
              </Modal.Close>
              <Button
                disabled={!registerYear}
                onClick={async () => {
                  if (await registerJournals()) setPending(null);
                }}
              >
                {t('paper.register.submit', 'Зарегистрировать')}
              </Button>
            </Modal.Footer>
          </Modal.Content>
        </Modal.Root>
      ) : null}
      {pending?.kind === 'sign' ? (
        <ConfirmDialog
          title={t('paper.check.sign.title', 'Подписать акт проверки № {number}?', { number: pending.check.number })}
          text={t(
            'paper.check.sign.text',
            'После подписания акт не изменяется; единицы хранения, отмеченные как отсутствующие, получат состояние «Отсутствует».',
          )}
          confirmLabel={t('paper.check.sign', 'Подписать')}
          variant="success"
          onConfirm={() => sign(pending.check)}
          onClose={() => setPending(null)}
        />
      ) : null}
    </>
  );
};
