import * as React from 'react';
import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useT } from '../utils/translations';
import { russian } from './common';

export interface PupilRow {
  documentId: string;
  fullName: string;
  birthDate: string | null;
  className: string | null;
}

/**
 * Pupils found by a page's search, one per row (name, date of birth, class and, when given, a column of
 * the page's own); a click picks one.
 */
export const PupilTable = <T extends PupilRow>({
  pupils,
  onPick,
  extra,
}: {
  pupils: T[];
  onPick: (documentId: string) => void;
  extra?: { title: string; cell: (pupil: T) => React.ReactNode };
}) => {
  const { t } = useT();
  return (
    <Table colCount={extra ? 4 : 3} rowCount={pupils.length + 1}>
      <Thead>
        <Tr>
          <Th>{t('documents.column.name', 'ФИО')}</Th>
          <Th>{t('documents.column.birthDate', 'Дата рождения')}</Th>
          <Th>{t('documents.column.class', 'Класс')}</Th>
          {extra ? <Th>{extra.title}</Th> : null}
        </Tr>
      </Thead>
      <Tbody>
        {pupils.map((pupil) => (
          <Tr key={pupil.documentId} onClick={() => onPick(pupil.documentId)} style={{ cursor: 'pointer' }}>
            <Td>
              <Typography fontWeight="semiBold">{pupil.fullName}</Typography>
            </Td>
            <Td>{russian(pupil.birthDate)}</Td>
            <Td>{pupil.className ?? '—'}</Td>
            {extra ? <Td>{extra.cell(pupil)}</Td> : null}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
