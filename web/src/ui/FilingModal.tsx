import { Modal, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

interface Props {
  title: string;
  /** what happens once filed, in the user's language */
  intro: ReactNode;
  /** test id of the submit button */
  testId: string;
  pending: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}

/** The shell of every "file a request" dialog: title, what happens next, the form, submit and cancel. */
export function FilingModal({ title, intro, testId, pending, onSubmit, onCancel, children }: Props) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={title}
      onCancel={onCancel}
      onOk={onSubmit}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      okButtonProps={{ 'data-testid': testId } as Record<string, string>}
    >
      <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>
      {children}
    </Modal>
  );
}
