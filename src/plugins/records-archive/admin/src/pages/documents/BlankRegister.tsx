import * as React from 'react';
import { Box, Button, Field, Flex, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { FilePdf, Plus, Trash } from '@strapi/icons';
import { useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { BASE, useDownload, useLoad, type Pagination } from '../../api/client';
import { ListState, Muted, russian, Section, Select, StatusBadge } from '../../components/common';
import { Pager } from '../../components/Pager';
import { PAGE_PERMISSIONS } from '../../constants';
import { msg, useT, type Message } from '../../utils/translations';
import { FormModal, TextField } from './FormModal';

/**
 * «Бланки аттестатов» on the «Документы» page (R43): the register of аттестат blank forms — the
 * balance per level, the blanks by level and state, the receipt of a numbered range into the safe,
 * the write-off of a spoiled blank by an act and the printed register. The admin routes call the
 * register's own service, so its record rules (and the appointment for the certificate books) apply.
 */

interface BlankBalance {
  level: string;
  levelLabel: string;
  received: number;
  inStock: number;
  issued: number;
  spoiled: number;
  annulled: number;
}

interface BlankLine {
  documentId: string;
  level: string;
  blankNumber: string;
  receivedOn: string;
  receiptDocument: string | null;
  state: 'in-stock' | 'issued' | 'spoiled' | 'annulled';
  entry: string | null;
  holder: string | null;
  issuedOn: string | null;
  spoilageAct: string | null;
  spoiledOn: string | null;
  annulment: string | null;
}

const STATES: Record<BlankLine['state'], [Message, 'success' | 'secondary' | 'danger' | 'warning']> = {
  'in-stock': [msg('documents.blanks.state.inStock', 'в сейфе'), 'success'],
  issued: [msg('documents.blanks.state.issued', 'выдан'), 'secondary'],
  spoiled: [msg('documents.blanks.state.spoiled', 'списан'), 'danger'],
  annulled: [msg('documents.blanks.state.annulled', 'аннулирован'), 'warning'],
};

const useLevels = (): Array<[string, string]> => {
  const { t } = useT();
  return [
    ['basic-general', t('documents.level.basic', 'Основное общее (9 класс)')],
    ['secondary-general', t('documents.level.secondary', 'Среднее общее (11 класс)')],
  ];
};

interface ReceiptForm {
  level: string;
  series: string;
  numberFrom: string;
  numberTo: string;
  receivedOn: string;
  receiptDocument: string;
}

const ReceiptModal = ({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) => {
  const { t } = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const levels = useLevels();
  const [form, setForm] = React.useState<ReceiptForm>({
    level: 'basic-general',
    series: '',
    numberFrom: '',
    numberTo: '',
    receivedOn: '',
    receiptDocument: '',
  });
  const set = (name: keyof ReceiptForm) => (value: string) => setForm((previous) => ({ ...previous, [name]: value }));
  const submit = async () => {
    const body = Object.fromEntries(Object.entries(form).filter(([, value]) => value.trim() !== ''));
    const { data } = await post<{ meta: { count: number } }>(`${BASE}/documents/blanks/receive`, { data: body });
    toggleNotification({
      type: 'success',
      message: t('documents.blanks.receipt.done', 'В книгу учёта записано бланков: {count}', { count: data.meta.count }),
    });
    onSaved();
  };
  return (
    <FormModal
      title={t('documents.blanks.receipt.title', 'Поступление бланков аттестатов')}
      hint={t(
        'documents.blanks.receipt.hint',
        'Каждый номер от первого до последнего записывается отдельной строкой книги «в сейфе». Номера — цифры, как напечатаны на бланках; уже записанный номер не принимается.',
      )}
      submitLabel={t('documents.blanks.receipt.submit', 'Записать поступление')}
      onSubmit={submit}
      onClose={onClose}
    >
      {(errors) => {
        const input = (name: keyof ReceiptForm, label: string, type = 'text', required = true) => (
          <TextField
            name={name}
            label={label}
            type={type}
            value={form[name]}
            onChange={set(name)}
            error={errors[name]}
            required={required}
          />
        );
        return (
          <>
            <Select
              label={t('documents.certificate.level', 'Уровень образования')}
              value={form.level}
              width="100%"
              required
              onChange={set('level')}
              options={levels}
            />
            {errors.level ? <Typography textColor="danger600">{errors.level}</Typography> : null}
            <Flex gap={4}>
              {input('series', t('documents.blanks.series', 'Серия (если есть)'), 'text', false)}
              {input('receivedOn', t('documents.blanks.receivedOn', 'Дата поступления'), 'date')}
            </Flex>
            <Flex gap={4}>
              {input('numberFrom', t('documents.blanks.numberFrom', 'Номер первого бланка'))}
              {input('numberTo', t('documents.blanks.numberTo', 'Номер последнего бланка'), 'text', false)}
            </Flex>
            {input('receiptDocument', t('documents.blanks.receiptDocument', 'Документ о поступлении (накладная)'))}
          </>
        );
      }}
    </FormModal>
  );
};

interface WriteOffForm {
  spoiledOn: string;
  spoilageAct: string;
  spoilageReason: string;
}

const WriteOffModal = ({ blank, onClose, onSaved }: { blank: BlankLine; onClose: () => void; onSaved: () => void }) => {
  const { t } = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [form, setForm] = React.useState<WriteOffForm>({ spoiledOn: '', spoilageAct: '', spoilageReason: '' });
  const set = (name: keyof WriteOffForm) => (value: string) => setForm((previous) => ({ ...previous, [name]: value }));
  const submit = async () => {
    await post(`${BASE}/documents/blanks/${blank.documentId}/write-off`, { data: form });
    toggleNotification({
      type: 'success',
      message: t('documents.blanks.writeOff.done', 'Бланк {number} списан по акту', { number: blank.blankNumber }),
    });
    onSaved();
  };
  return (
    <FormModal
      title={t('documents.blanks.writeOff.title', 'Списание испорченного бланка {number}', { number: blank.blankNumber })}
      hint={t(
        'documents.blanks.writeOff.hint',
        'Испорченный при заполнении бланк списывается по акту и больше не выдаётся. Строка списанного бланка не исправляется и не удаляется.',
      )}
      submitLabel={t('documents.blanks.writeOff.submit', 'Списать по акту')}
      submitVariant="danger"
      onSubmit={submit}
      onClose={onClose}
    >
      {(errors) => (
        <>
          <Flex gap={4}>
            <TextField
              name="spoilageAct"
              label={t('documents.blanks.act', 'Акт о списании (номер)')}
              value={form.spoilageAct}
              onChange={set('spoilageAct')}
              error={errors.spoilageAct}
              required
            />
            <TextField
              name="spoiledOn"
              label={t('documents.blanks.spoiledOn', 'Дата акта')}
              type="date"
              value={form.spoiledOn}
              onChange={set('spoiledOn')}
              error={errors.spoiledOn}
              required
            />
          </Flex>
          <TextField
            name="spoilageReason"
            label={t('documents.blanks.reason', 'Чем испорчен бланк')}
            value={form.spoilageReason}
            onChange={set('spoilageReason')}
            error={errors.spoilageReason}
            required
          />
        </>
      )}
    </FormModal>
  );
};

/** Blanks shown on one page of the register's list. */
const BLANKS_PAGE_SIZE = 50;

export const BlankRegister = () => {
  const { t } = useT();
  const { allowedActions } = useRBAC(PAGE_PERMISSIONS.documents);
  const download = useDownload();
  const levels = useLevels();
  const [level, setLevel] = React.useState('');
  const [state, setState] = React.useState('');
  const [year, setYear] = React.useState('');
  const [page, setPage] = React.useState(1);
  const [receiving, setReceiving] = React.useState(false);
  const [writingOff, setWritingOff] = React.useState<BlankLine | null>(null);
  const loaded = useLoad<{ data: { balance: BlankBalance[]; blanks: BlankLine[] }; meta: { pagination: Pagination } }>(
    `${BASE}/documents/blanks`,
    { level, state, page, pageSize: BLANKS_PAGE_SIZE },
  );
  const balance = loaded.data?.data.balance ?? [];
  const blanks = loaded.data?.data.blanks ?? [];
  return (
    <Section
      title={t('documents.blanks.title', 'Бланки аттестатов')}
      actions={
        allowedActions.canIssue ? (
          <Button startIcon={<Plus />} onClick={() => setReceiving(true)}>
            {t('documents.blanks.receipt.open', 'Поступление бланков')}
          </Button>
        ) : null
      }
    >
      <Table colCount={6} rowCount={balance.length + 1}>
        <Thead>
          <Tr>
            <Th>{t('documents.blanks.column.level', 'Бланки')}</Th>
            <Th>{t('documents.blanks.column.received', 'Поступило')}</Th>
            <Th>{t('documents.blanks.column.inStock', 'В сейфе')}</Th>
            <Th>{t('documents.blanks.column.issued', 'Выдано')}</Th>
            <Th>{t('documents.blanks.column.spoiled', 'Списано')}</Th>
            <Th>{t('documents.blanks.column.annulled', 'Из выданных аннулировано')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {balance.map((row) => (
            <Tr key={row.level}>
              <Td>
                <Typography>{levels.find(([value]) => value === row.level)?.[1] ?? row.levelLabel}</Typography>
              </Td>
              <Td>
                <Typography>{row.received}</Typography>
              </Td>
              <Td>
                <Typography>{row.inStock}</Typography>
              </Td>
              <Td>
                <Typography>{row.issued}</Typography>
              </Td>
              <Td>
                <Typography>{row.spoiled}</Typography>
              </Td>
              <Td>
                <Typography>{row.annulled}</Typography>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      <Flex gap={4} paddingTop={4} alignItems="flex-end" wrap="wrap">
        <Select
          label={t('documents.certificate.level', 'Уровень образования')}
          value={level}
          onChange={(value) => {
            setLevel(value);
            setPage(1);
          }}
          options={levels}
          all={t('documents.blanks.all', 'все')}
        />
        <Select
          label={t('documents.blanks.column.state', 'Состояние')}
          value={state}
          onChange={(value) => {
            setState(value);
            setPage(1);
          }}
          options={Object.entries(STATES).map(([value, [message]]) => [value, t(message.id, message.defaultMessage)])}
          all={t('documents.blanks.all', 'все')}
        />
        <Field.Root name="registerYear" width="200px" hint={t('documents.blanks.year.hint', 'Пусто — все поступления')}>
          <Field.Label>{t('documents.blanks.year', 'Год поступления')}</Field.Label>
          <TextInput value={year} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setYear(event.target.value)} />
          <Field.Hint />
        </Field.Root>
        <Button
          variant="secondary"
          startIcon={<FilePdf />}
          disabled={year.trim() !== '' && !/^\d{4}$/.test(year.trim())}
          onClick={() => download(`${BASE}/documents/prints/blank-register.pdf`, 'kniga-ucheta-blankov.pdf', { level, year: year.trim() })}
        >
          {t('documents.blanks.print', 'Книга учёта бланков (PDF)')}
        </Button>
      </Flex>
      <Box paddingTop={4}>
        <ListState
          isLoading={loaded.isLoading}
          isEmpty={blanks.length === 0}
          empty={t('documents.blanks.empty', 'В книге учёта нет таких бланков')}
        >
          <Table colCount={6} rowCount={blanks.length + 1}>
            <Thead>
              <Tr>
                <Th>{t('documents.blanks.column.number', 'Серия и номер')}</Th>
                <Th>{t('documents.blanks.column.receipt', 'Поступление')}</Th>
                <Th>{t('documents.blanks.column.state', 'Состояние')}</Th>
                <Th>{t('documents.blanks.column.issue', 'Выдача')}</Th>
                <Th>{t('documents.blanks.column.writeOff', 'Списание, аннулирование')}</Th>
                <Th>
                  <Typography variant="sigma">{t('documents.blanks.column.actions', 'Действия')}</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {blanks.map((blank) => (
                <Tr key={blank.documentId}>
                  <Td>
                    <Typography>{blank.blankNumber}</Typography>
                  </Td>
                  <Td>
                    <Typography>{russian(blank.receivedOn)}</Typography> <Muted>{blank.receiptDocument ?? ''}</Muted>
                  </Td>
                  <Td>
                    <StatusBadge value={blank.state} labels={STATES} />
                  </Td>
                  <Td>
                    {blank.entry ? (
                      <Typography>
                        {blank.entry}, {blank.holder ?? '—'}, {russian(blank.issuedOn)}
                      </Typography>
                    ) : (
                      <Muted>—</Muted>
                    )}
                  </Td>
                  <Td>
                    <Typography>
                      {[
                        blank.spoilageAct ? `${blank.spoilageAct}, ${russian(blank.spoiledOn)}` : '',
                        blank.annulment ? t('documents.blanks.annulledBy', 'аннулирован записью {entry}', { entry: blank.annulment }) : '',
                      ]
                        .filter(Boolean)
                        .join('; ') || '—'}
                    </Typography>
                  </Td>
                  <Td>
                    {blank.state === 'in-stock' && allowedActions.canIssue ? (
                      <Button size="S" variant="danger-light" startIcon={<Trash />} onClick={() => setWritingOff(blank)}>
                        {t('documents.blanks.writeOff.open', 'Списать')}
                      </Button>
                    ) : null}
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
          <Pager pagination={loaded.data?.meta.pagination} onPage={setPage} />
        </ListState>
      </Box>
      {receiving ? <ReceiptModal onClose={() => setReceiving(false)} onSaved={loaded.reload} /> : null}
      {writingOff ? <WriteOffModal blank={writingOff} onClose={() => setWritingOff(null)} onSaved={loaded.reload} /> : null}
    </Section>
  );
};
