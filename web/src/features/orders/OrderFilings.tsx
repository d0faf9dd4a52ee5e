import { Button, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import type { Filed } from '../../api/types';
import { useI18n } from '../../i18n';
import { CompanyNameDialog } from '../customers/CompanyNameDialog';
import type { OrderView } from './queries';
import { VoidRequestDialog } from './VoidRequestDialog';

/** Whether the order offers anything to file or names an open request (so the actions block shows). */
export const hasFilings = (view: OrderView): boolean =>
  Boolean(view.voidRequest) || (view.actions ?? []).some((a) => a === 'rename' || a === 'requestVoid');

const Note = ({
  type,
  testId,
  children,
}: {
  type: 'success' | 'secondary';
  testId: string;
  children: ReactNode;
}) => (
  <Typography.Text type={type} data-testid={testId} style={{ display: 'block', marginTop: 8 }}>
    {children}
  </Typography.Text>
);

/**
 * What the order's creator or the desk files about it rather than does to it: the company's new name on a
 * renewal under way (R7), and the void request an archived order needs (R5), with the open one named.
 */
export function OrderFilings({ view }: { view: OrderView }) {
  const { t } = useI18n();
  const actions = view.actions ?? [];
  const [dialog, setDialog] = useState<'rename' | 'void' | null>(null);
  const [voidFiled, setVoidFiled] = useState<Filed | null>(null);
  if (!hasFilings(view) && !voidFiled) return null;
  return (
    <div style={{ marginTop: 8 }}>
      <Space wrap>
        {actions.includes('rename') && (
          <Button onClick={() => setDialog('rename')} data-testid="order-rename">
            {t('desk.order.rename')}
          </Button>
        )}
        {actions.includes('requestVoid') && (
          <Button danger onClick={() => setDialog('void')} data-testid="order-request-void">
            {t('desk.order.requestVoid')}
          </Button>
        )}
      </Space>
      {voidFiled ? (
        <Note type="success" testId="void-requested">
          {t('desk.order.voidRequested', { number: voidFiled.number })}
        </Note>
      ) : (
        view.voidRequest && (
          <Note type="secondary" testId="void-pending">
            {t('desk.order.voidPending', { number: view.voidRequest })}
          </Note>
        )
      )}
      {dialog === 'rename' && (
        <CompanyNameDialog
          target={{ kind: 'order', orderId: view.order.id, current: view.labels?.companyName ?? '' }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'void' && (
        <VoidRequestDialog
          orderId={view.order.id}
          onClose={(filed) => {
            setDialog(null);
            if (filed) setVoidFiled(filed);
          }}
        />
      )}
    </div>
  );
}
