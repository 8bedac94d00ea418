import { Badge, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { BASE, useLoad } from '../api/client';
import { ListState, Muted, russian, Section } from '../components/common';
import { useT } from '../utils/translations';

/**
 * «Аттестаты на хранении» on the paper archive's page (seed 002 §3.4): the basic certificates the
 * safe holds checked against the class lists — whose pupil has left and must get it back now, and
 * which pupils of grades 10–11 have not handed theirs in. A certificate goes back by setting its
 * carrier to «передано» in the register below.
 */

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

interface StoredCertificates {
  held: HeldCertificate[];
  toReturn: HeldCertificate[];
  notHandedIn: Array<{ documentId: string; fullName: string; className: string | null }>;
}

export const StoredCertificatesSection = () => {
  const { t } = useT();
  const loaded = useLoad<{ data: StoredCertificates }>(`${BASE}/paper-archive/stored-certificates`);
  const data = loaded.data?.data;
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
        <Table colCount={4} rowCount={(data?.held.length ?? 0) + 1}>
          <Thead>
            <Tr>
              <Th>{t('paper.stored.pupil', 'Обучающийся')}</Th>
              <Th>{t('paper.stored.standing', 'По спискам классов')}</Th>
              <Th>{t('paper.column.place', 'Место хранения')}</Th>
              <Th>{t('paper.column.custodian', 'Хранитель')}</Th>
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
    </Section>
  );
};
