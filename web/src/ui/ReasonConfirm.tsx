import { Button, type ButtonProps, Input, Popconfirm } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';

interface Props {
  label: string;
  title: string;
  placeholder: string;
  testId: string;
  loading: boolean;
  /** the rule asks for a reason: confirming stays disabled until one is written */
  required?: boolean;
  onConfirm: (reason: string | undefined) => void;
}

/** A dangerous button that asks "are you sure?" with a reason field; the server says whether it is required. */
export function ReasonConfirm({ label, title, placeholder, testId, loading, required, onConfirm }: Props) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  return (
    <Popconfirm
      title={title}
      description={
        <Input
          placeholder={placeholder}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid={`${testId}-reason`}
        />
      }
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={
        { disabled: required && !reason.trim(), 'data-testid': `${testId}-confirm` } as ButtonProps
      }
      onConfirm={() => onConfirm(reason.trim() || undefined)}
    >
      <Button danger loading={loading} data-testid={testId}>
        {label}
      </Button>
    </Popconfirm>
  );
}
