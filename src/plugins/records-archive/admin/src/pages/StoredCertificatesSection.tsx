import * as React from 'react';
import { Badge, Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { BASE, useDownload, useLoad } from '../api/client';
import { ListState, localToday, Muted, russian, Section, Select } from '../components/common';
import { useT } from '../utils/translations';
import { FormModal, TextField } from './documents/FormModal';

/**
 * «Аттестаты на хранении» on the paper archive's page (seed 002 §3.4): the basic certificates the
 * safe holds checked against the class lists — whose pupil has left and must get it back now, and
 * which pupils of grades 10–11 have not handed theirs in. A certificate goes back by «Вернуть»: the
 * day, who took it and their document are recorded (R50), and «Расписка» prints the receipt the
 * receiver and the staff member sign.
 */

type ReceiverKind = 'pupil' | 'parent' | 'representative';

type Standing =
  | { state: 'studying'; className: string | null }
  | { state: 'left'; leftOn: string; leavingOrder: string | null }
  | { state: 'unknown' };

interface HeldCertificate {
  id: number;
  title: string;
  storagePlace: string | null;
  custodian: string | null;
  student: { documentId: string; fullName: string | null } | null;
  standing: Standing;
}

interface ReturnedCertificate {
  id: number;
  title: string;
  student: { documentId: string; fullName: string | null } | null;
  handedOverOn: string | null;
  handedOverTo: string | null;
  handedOverToKind: ReceiverKind | null;
}

interface StoredCertificates {
  held: HeldCertificate[];
  toReturn: HeldCertificate[];
  notHandedIn: Array<{ documentId: string; fullName: string; className: string | null }>;
  returned: ReturnedCertificate[];
}

/** «Вернуть»: the hand-back of one held аттестат, recorded against the receiver's signature. */
const ReturnModal = ({ certificate, onClose, onDone }: { certificate: HeldCertificate; onClose: () => void; onDone: () => void }) => {
  const { t } = useT();
  const { post } = useFetchClient();
  const [form, setForm] = React.useState({
    returnedOn: localToday(),
    receivedBy: '',
    receiverKind: 'parent' as ReceiverKind,
    receiverDocument: '',
    note: '',
  });
  const set = (field: keyof typeof form) => (value: string) => setForm((previous) => ({ ...previous, [field]: value }));
  const kinds: Array<[ReceiverKind, string]> = [
    ['pupil', t('paper.stored.receiver.pupil', 'обучающийся')],
    ['parent', t('paper.stored.receiver.parent', 'родитель')],
    ['representative', t('paper.stored.receiver.representative', 'законный представитель')],
  ];
  return (
    <FormModal
      title={t('paper.stored.return.title', 'Возврат аттестата: {name}', { name: certificate.student?.fullName ?? certificate.title })}
      hint={t(
        'paper.stored.return.hint',
        'Аттестат возвращают сразу после приказа о выбытии, под роспись получателя. После записи распечатайте расписку и дайте её подписать.',
      )}
      submitLabel={t('paper.stored.return.submit', 'Записать возврат')}
      onClose={onClose}
      onSubmit={async () => {
        await post(`${BASE}/paper-archive/stored-certificates/${certificate.id}/return`, {
          returnedOn: form.returnedOn,
          receivedBy: form.receivedBy,
          receiverKind: form.receiverKind,
          receiverDocument: form.receiverDocument.trim() || null,
          note: form.note.trim() || null,
        });
        onDone();
      }}
    >
      {(errors) => (
        <>
          <TextField
            name="returnedOn"
            type="date"
            required
            label={t('paper.stored.return.returnedOn', 'Дата возврата')}
            value={form.returnedOn}
            onChange={set('returnedOn')}
            error={errors.returnedOn}
          />
          <Select
            label={t('paper.stored.return.receiverKind', 'Кто получает')}
            value={form.receiverKind}
            onChange={set('receiverKind')}
            options={kinds}
            width="100%"
            required
          />
          <TextField
            name="receivedBy"
            required
            label={t('paper.stored.return.receivedBy', 'Фамилия, имя, отчество получателя')}
            value={form.receivedBy}
            onChange={set('receivedBy')}
            error={errors.receivedBy}
          />
          <TextField
            name="receiverDocument"
            label={t('paper.stored.return.receiverDocument', 'Документ, удостоверяющий личность (серия, номер)')}
            value={form.receiverDocument}
            onChange={set('receiverDocument')}
            error={errors.receiverDocument}
          />
          <TextField
            name="note"
            label={t('paper.stored.return.note', 'Примечание')}
            value={form.note}
            onChange={set('note')}
            error={errors.note}
          />
        </>
      )}
    </FormModal>
  );
};

export const StoredCertificatesSection = ({ canManage, onChanged }: { canManage: boolean; onChanged: () => void }) => {
  const { t } = useT();
  const download = useDownload();
  const loaded = useLoad<{ data: StoredCertificates }>(`${BASE}/paper-archive/stored-certificates`);
  const data = loaded.data?.data;
  const [returning, setReturning] = React.useState<HeldCertificate | null>(null);
  const receiverKind = (kind: ReceiverKind | null) =>
    kind === 'pupil'
      ? t('paper.stored.receiver.pupil', 'обучающийся')
      : kind === 'representative'
        ? t('paper.stored.receiver.representative', 'законный представитель')
        : t('paper.stored.receiver.parent', 'родитель');
  const receipt = (row: ReturnedCertificate) =>
    download(`${BASE}/paper-archive/stored-certificates/${row.id}/receipt.pdf`, `raspiska-attestat-${row.id}.pdf`);
  const standing = (row: HeldCertificate) => {
    if (row.standing.state === 'left')
      return (
        <Badge variant="danger">
          {t('paper.stored.left', 'выбыл(а) {date}, приказ {order}: вернуть', {
            date: russian(row.standing.leftOn),
            order: row.standing.leavingOrder ?? '—',
          })}
        </Badge>
      );
    if (row.standing.state === 'studying')
      return (
        <Badge variant="success">
          {t('paper.stored.studying', 'обучается, {className}', { className: row.standing.className ?? '—' })}
        </Badge>
      );
    return <Muted>{t('paper.stored.unknown', 'нет в списках классов')}</Muted>;
  };
  return (
    <Section title={t('paper.stored.title', 'Аттестаты об основном общем образовании на хранении')}>
      <ListState
        isLoading={loaded.isLoading}
        isEmpty={!data || data.held.length === 0}
        empty={t('paper.stored.empty', 'Аттестатов на хранении нет')}
      >
        <Table colCount={5} rowCount={(data?.held.length ?? 0) + 1}>
          <Thead>
            <Tr>
              <Th>{t('paper.stored.pupil', 'Обучающийся')}</Th>
              <Th>{t('paper.stored.standing', 'По спискам классов')}</Th>
              <Th>{t('paper.column.place', 'Место хранения')}</Th>
              <Th>{t('paper.column.custodian', 'Хранитель')}</Th>
              <Th>{t('paper.stored.actions', 'Возврат')}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {(data?.held ?? []).map((row) => (
              <Tr key={row.id}>
                <Td>
                  <Typography fontWeight="semiBold">{row.student?.fullName ?? row.title}</Typography>
                </Td>
                <Td>{standing(row)}</Td>
                <Td>{row.storagePlace ?? '—'}</Td>
                <Td>{row.custodian ?? '—'}</Td>
                <Td>
                  {row.standing.state === 'left' ? (
                    <Button size="S" variant="secondary" disabled={!canManage} onClick={() => setReturning(row)}>
                      {t('paper.stored.return', 'Вернуть')}
                    </Button>
                  ) : null}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </ListState>
      {data && data.notHandedIn.length > 0 ? (
        <Typography variant="pi" textColor="warning700" style={{ whiteSpace: 'normal', display: 'block', paddingTop: 12 }}>
          {t('paper.stored.notHandedIn', 'Аттестат не сдан на хранение ({count}): {names}', {
            count: data.notHandedIn.length,
            names: data.notHandedIn.map((pupil) => `${pupil.fullName}${pupil.className ? ` (${pupil.className})` : ''}`).join(', '),
          })}
        </Typography>
      ) : null}
      {data && data.returned.length > 0 ? (
        <Box paddingTop={6}>
          <Typography variant="delta" tag="h3">
            {t('paper.stored.returned', 'Возвращены под роспись')}
          </Typography>
          <Table colCount={4} rowCount={data.returned.length + 1}>
            <Thead>
              <Tr>
                <Th>{t('paper.stored.pupil', 'Обучающийся')}</Th>
                <Th>{t('paper.stored.returnedOn', 'Дата возврата')}</Th>
                <Th>{t('paper.stored.receivedBy', 'Получил(а)')}</Th>
                <Th>{t('paper.stored.receipt', 'Расписка')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {data.returned.map((row) => (
                <Tr key={row.id}>
                  <Td>
                    <Typography>{row.student?.fullName ?? row.title}</Typography>
                  </Td>
                  <Td>{russian(row.handedOverOn)}</Td>
                  <Td>
                    <Flex direction="column" alignItems="flex-start">
                      <Typography>{row.handedOverTo ?? '—'}</Typography>
                      <Muted>{receiverKind(row.handedOverToKind)}</Muted>
                    </Flex>
                  </Td>
                  <Td>
                    <Button size="S" variant="tertiary" onClick={() => receipt(row)}>
                      {t('paper.stored.receipt', 'Расписка')}
                    </Button>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </Box>
      ) : null}
      {returning ? (
        <ReturnModal
          certificate={returning}
          onClose={() => setReturning(null)}
          onDone={() => {
            loaded.reload();
            onChanged();
          }}
        />
      ) : null}
    </Section>
  );
};
