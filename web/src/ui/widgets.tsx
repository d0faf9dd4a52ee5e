import { Alert, Tag, Typography } from 'antd';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';
import { formatAmount, formatDateTime } from './format';

export function Money({ amount, currency }: { amount: string; currency: string }) {
  const negative = amount.startsWith('-');
  return (
    <span
      className="kd-money"
      style={{ fontVariantNumeric: 'tabular-nums', color: negative ? '#cf1322' : undefined }}
    >
      {formatAmount(amount, currency)}
    </span>
  );
}

export function DateText({ value }: { value: string | null | undefined }) {
  const { locale } = useI18n();
  if (!value) return <Typography.Text type="secondary">—</Typography.Text>;
  return <span>{formatDateTime(value, locale)}</span>;
}

const STATE_COLOR: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  paid: 'success',
  rejected: 'error',
  declined: 'error',
  returned: 'warning',
  voided: 'default',
  withdrawn: 'default',
  deleted: 'default',
};

export function StateTag({ state }: { state: string }) {
  const label = useLabel();
  return <Tag color={STATE_COLOR[state] ?? 'default'}>{label('state', state)}</Tag>;
}

/** Translates an enum value through a key prefix, falling back to the raw value. */
export function useLabel() {
  const { t } = useI18n();
  return (prefix: string, value: string): string => {
    const key = `${prefix}.${value}` as MessageKey;
    const text = t(key);
    return text === key ? value : text;
  };
}

/** What an action just did, above the list it changed; closed by the user, replaced by the next one. */
export function Notice(p: { text: string | null; onClose: () => void; testId: string }) {
  if (!p.text) return null;
  return (
    <Alert type="success" showIcon closable onClose={p.onClose} message={p.text} data-testid={p.testId} />
  );
}
