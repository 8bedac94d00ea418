import * as React from 'react';
import { Button, Dialog, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import { useT } from '../utils/translations';

/**
 * A confirmation dialog, optionally asking a reason. `onConfirm` runs the request; while it runs the
 * buttons show progress; the dialog closes itself only when it succeeds (it returns true).
 */
export const ConfirmDialog = ({
  title,
  text,
  confirmLabel,
  reason,
  onConfirm,
  onClose,
  variant = 'danger-light',
}: {
  title: string;
  text: string;
  confirmLabel: string;
  reason?: { label: string; required: boolean };
  onConfirm: (reason: string) => Promise<boolean>;
  onClose: () => void;
  variant?: 'danger-light' | 'default' | 'success';
}) => {
  const { t } = useT();
  const [value, setValue] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | undefined>();
  const confirm = async () => {
    if (reason?.required && value.trim().length < 3) {
      setError(t('dialog.reason.required', 'Укажите причину'));
      return;
    }
    setBusy(true);
    const ok = await onConfirm(value.trim());
    setBusy(false);
    if (ok) onClose();
  };
  return (
    <Dialog.Root open onOpenChange={(open) => (open || busy ? undefined : onClose())}>
      <Dialog.Content>
        <Dialog.Header>{title}</Dialog.Header>
        <Dialog.Body icon={<WarningCircle fill="danger600" />}>
          <Flex direction="column" alignItems="stretch" gap={4} width="100%">
            <Typography textAlign="center" style={{ whiteSpace: 'normal' }}>
              {text}
            </Typography>
            {reason ? (
              <Field.Root name="reason" required={reason.required} error={error}>
                <Field.Label>{reason.label}</Field.Label>
                <Textarea
                  value={value}
                  disabled={busy}
                  onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setValue(event.target.value)}
                />
                <Field.Error />
              </Field.Root>
            ) : null}
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button variant="tertiary" disabled={busy}>
              {t('action.cancel', 'Отмена')}
            </Button>
          </Dialog.Cancel>
          <Button variant={variant} loading={busy} onClick={confirm}>
            {confirmLabel}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
