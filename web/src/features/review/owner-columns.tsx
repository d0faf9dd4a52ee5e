import { Typography } from 'antd';
import type { ListedOrder, ReviewRequest } from '../../api/types';
import { useI18n } from '../../i18n';
import type { DataColumn } from '../../ui/DataTable';

// Issue #3: every queue item names who handles it — a request's holder, the order desk member who took an order.
export function useRequestOwnerColumn(): DataColumn<ReviewRequest> {
  const { t } = useI18n();
  return {
    title: t('queueOwner.column'),
    dataIndex: 'claimedByName',
    width: 110,
    render: (name: string | null) =>
      name ? (
        <span data-testid="queue-holder">{name}</span>
      ) : (
        <Typography.Text type="secondary" data-testid="queue-holder">
          {t('queueOwner.unclaimed')}
        </Typography.Text>
      ),
  };
}

export function useOrderOwnerColumn(): DataColumn<ListedOrder> {
  const { t } = useI18n();
  return {
    title: t('queueOwner.column'),
    dataIndex: 'receivedByName',
    width: 110,
    render: (name: string | null) =>
      name ?? <Typography.Text type="secondary">{t('queueOwner.notReceived')}</Typography.Text>,
  };
}
