import * as React from 'react';
import {
  Badge,
  Box,
  EmptyStateLayout,
  Field,
  Flex,
  Loader,
  SingleSelect,
  SingleSelectOption,
  Typography,
  type BadgeProps,
} from '@strapi/design-system';
import { useT, type Message } from '../utils/translations';

type Variant = NonNullable<BadgeProps['variant']>;

/** A status as a coloured badge; `labels` maps each status to its message and variant. */
export const StatusBadge = ({ value, labels }: { value: string | null | undefined; labels: Record<string, [Message, Variant]> }) => {
  const { tm } = useT();
  if (!value) return <Typography textColor="neutral500">—</Typography>;
  const entry = labels[value];
  return <Badge variant={entry ? entry[1] : 'neutral'}>{entry ? tm(entry[0]) : value}</Badge>;
};

/** A loader while loading, the empty state when nothing came (also after an error), else the children. */
export const ListState = ({
  isLoading,
  isEmpty,
  empty,
  children,
}: {
  isLoading: boolean;
  isEmpty: boolean;
  empty: string;
  children: React.ReactNode;
}) => {
  const { t } = useT();
  if (isLoading)
    return (
      <Flex justifyContent="center" padding={8}>
        <Loader>{t('loading', 'Загрузка…')}</Loader>
      </Flex>
    );
  if (isEmpty) return <EmptyStateLayout content={empty} hasRadius shadow="tableShadow" />;
  return <>{children}</>;
};

/** A section of a page: a heading, optional actions on the right, then the content. */
export const Section = ({ title, actions, children }: { title: string; actions?: React.ReactNode; children: React.ReactNode }) => (
  <Box paddingBottom={8}>
    <Flex justifyContent="space-between" alignItems="center" paddingBottom={4} gap={4} wrap="wrap">
      <Typography variant="delta" tag="h2">
        {title}
      </Typography>
      {actions ? <Flex gap={2}>{actions}</Flex> : null}
    </Flex>
    {children}
  </Box>
);

/** A long digest shortened for a table cell, full value in the tooltip. */
export const Digest = ({ value }: { value: string | null | undefined }) =>
  value ? (
    <Typography variant="pi" title={value} style={{ fontFamily: 'monospace' }}>
      {value.slice(0, 12)}…
    </Typography>
  ) : (
    <Typography textColor="neutral500">—</Typography>
  );

/** Muted secondary text in a cell. */
export const Muted = ({ children }: { children: React.ReactNode }) => (
  <Typography variant="pi" textColor="neutral600">
    {children}
  </Typography>
);

/** A select with «все» (or nothing chosen) as its first option. */
export const Select = ({
  label,
  value,
  onChange,
  options,
  all,
  width = '220px',
  required,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: Array<[string, string]>;
  all?: string;
  width?: string;
  required?: boolean;
}) => (
  <Field.Root name={label} width={width} required={required}>
    <Field.Label>{label}</Field.Label>
    <SingleSelect value={value} onChange={(next: string | number) => onChange(String(next))}>
      {all !== undefined ? <SingleSelectOption value="">{all}</SingleSelectOption> : null}
      {options.map(([option, text]) => (
        <SingleSelectOption key={option} value={option}>
          {text}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  </Field.Root>
);

/** A request's refusal shown above a form. */
export const FormError = ({ error }: { error: string | null }) =>
  error ? (
    <Typography textColor="danger600" style={{ whiteSpace: 'normal' }}>
      {error}
    </Typography>
  ) : null;

/**
 * Today's date as ГГГГ-ММ-ДД on the user's own calendar (their computer's time zone, the school's for
 * its staff), the default of a form's date: not `toISOString()`, which is the UTC date and is
 * yesterday in Moscow from midnight to 3 a.m.
 */
export const localToday = (): string => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

/** A date (or date-time) as «ДД.ММ.ГГГГ», «—» when empty. */
export const russian = (iso: string | null | undefined) => (iso ? iso.slice(0, 10).split('-').reverse().join('.') : '—');
