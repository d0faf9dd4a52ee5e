import { Button, Input, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { ProblemAlert } from './problem';

export interface DecisionAction {
  key: string;
  label: string;
  danger?: boolean;
  primary?: boolean;
}

/** A comment plus one button per verdict; every decision carries its comment (R25, R4). */
export function DecisionBox(props: {
  actions: DecisionAction[];
  onDecide: (action: string, comment: string) => void;
  pending?: boolean;
  error?: unknown;
}) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  return (
    <div data-testid="decision">
      <Input.TextArea
        rows={2}
        placeholder={t('common.comment')}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        data-testid="decision-comment"
        style={{ marginBottom: 8 }}
      />
      <ProblemAlert error={props.error} />
      <Space style={{ marginTop: 8 }}>
        {props.actions.map((a) => (
          <Button
            key={a.key}
            type={a.primary ? 'primary' : 'default'}
            danger={a.danger}
            loading={props.pending}
            data-testid={`decide-${a.key}`}
            onClick={() => props.onDecide(a.key, comment.trim())}
          >
            {a.label}
          </Button>
        ))}
      </Space>
    </div>
  );
}
