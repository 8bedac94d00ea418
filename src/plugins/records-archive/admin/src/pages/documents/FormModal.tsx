import * as React from 'react';
import { Button, Field, Flex, Modal, TextInput, Typography, type ButtonProps } from '@strapi/design-system';
import { errorMessage, fieldErrorsOf } from '../../api/client';
import { FormError } from '../../components/common';
import { useT } from '../../utils/translations';

/**
 * A form in a dialog of the «Документы» page: a hint, the fields, the server's refusal above the
 * buttons and each field's message beside it. `onSubmit` makes the request; the dialog closes when
 * it succeeds and stays open with the messages when it is refused.
 */
export const FormModal = ({
  title,
  hint,
  submitLabel,
  submitVariant = 'default',
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  hint: string;
  submitLabel: string;
  submitVariant?: ButtonProps['variant'];
  onSubmit: () => Promise<void>;
  onClose: () => void;
  children: (fieldErrors: Record<string, string>) => React.ReactNode;
}) => {
  const { t } = useT();
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = React.useState<Record<string, string>>({});
  const submit = async () => {
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      await onSubmit();
      onClose();
    } catch (caught) {
      setFieldErrors(fieldErrorsOf(caught));
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal.Root open onOpenChange={(open) => (open || busy ? undefined : onClose())}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{title}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Typography variant="pi" textColor="neutral600" style={{ whiteSpace: 'normal' }}>
              {hint}
            </Typography>
            {children(fieldErrors)}
            <FormError error={error} />
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Button variant="tertiary" onClick={onClose} disabled={busy}>
            {t('action.cancel', 'Отмена')}
          </Button>
          <Button onClick={submit} loading={busy} variant={submitVariant}>
            {submitLabel}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

/** A text (or date) input with its label and the server's message for the field. */
export const TextField = ({
  name,
  label,
  value,
  onChange,
  error,
  required = false,
  type = 'text',
}: {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  required?: boolean;
  type?: string;
}) => (
  <Field.Root name={name} error={error} required={required} style={{ flex: 1 }}>
    <Field.Label>{label}</Field.Label>
    <TextInput type={type} value={value} onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.value)} />
    <Field.Error />
  </Field.Root>
);
