import { Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { ProblemAlert, useFieldStatus } from './problem';

export interface DecisionAction {
  key: string;
  label: string;
  danger?: boolean;
  primary?: boolean;
}

/**
 * A comment plus one button per verdict; every decision carries its comment (R25, R4), so the field is
 * marked required, and the server's refusal sits under it until the comment is written.
 */
export function DecisionBox(props: {
  actions: DecisionAction[];
  onDecide: (action: string, comment: string) => void;
  pending?: boolean;
  error?: unknown;
  /** false where a verdict may go without a comment (an order's approval); the server still says */
  commentRequired?: boolean;
}) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  const status = useFieldStatus(props.error);
  return (
    <div data-testid="decision">
      <Form layout="vertical" component="div">
        <Form.Item
          label={t('common.comment')}
          required={props.commentRequired ?? true}
          style={{ marginBottom: 8 }}
          {...status('comment')}
        >
          <Input.TextArea
            rows={2}
            placeholder={t('common.comment')}
            value={comment}
            onChange={(e) => {
              setComment(e.target.value);
              status.edited('comment');
            }}
            data-testid="decision-comment"
          />
        </Form.Item>
      </Form>
      <ProblemAlert error={props.error} shownFields={['comment']} />
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
