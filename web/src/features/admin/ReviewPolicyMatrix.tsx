import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Table, Tag, Tooltip, Typography } from 'antd';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { ProblemAlert } from '../../ui/problem';
import { useLabel } from '../../ui/widgets';
import { useCan } from './access';
import { useRefresh } from './queries';
import {
  CHANNELS,
  ORDER_TYPES,
  type OrderType,
  type ProductDetail,
  type ReviewPolicy,
  type SalesChannel,
} from './types';

type Mode = ReviewPolicy['mode'];

/** R3: a combination the product leaves out is reviewed manually; self-service is always automatic. */
const modeOf = (product: ProductDetail, orderType: OrderType, channel: SalesChannel): Mode =>
  channel === 'self_service'
    ? 'auto'
    : (product.reviewPolicies.find((r) => r.orderType === orderType && r.channel === channel)?.mode ??
      'manual');

/** The review policy as a grid of order type × channel; a click flips one cell and saves the whole set. */
export function ReviewPolicyMatrix({ product }: { product: ProductDetail }) {
  const { t } = useI18n();
  const label = useLabel();
  const can = useCan();
  const qc = useQueryClient();
  const refresh = useRefresh();
  const save = useMutation({
    mutationFn: (flip: { orderType: OrderType; channel: SalesChannel }) => {
      const policies = ORDER_TYPES.flatMap((orderType) =>
        CHANNELS.map((channel) => {
          const mode = modeOf(product, orderType, channel);
          const flipped = flip.orderType === orderType && flip.channel === channel;
          return { orderType, channel, mode: flipped ? (mode === 'auto' ? 'manual' : 'auto') : mode };
        }),
      );
      return api.put<ProductDetail>(`/products/${product.id}/review-policies`, {
        version: product.version,
        policies,
      });
    },
    onSuccess: (saved) => {
      qc.setQueryData(['admin', 'product', product.id], saved);
      refresh('product', 'products');
    },
  });
  const cell = (orderType: OrderType, channel: SalesChannel) => {
    const mode = modeOf(product, orderType, channel);
    const testId = `policy-${orderType}-${channel}`;
    const text = label('admin.reviewMode', mode);
    if (channel === 'self_service')
      return (
        <Tooltip title={t('admin.policy.selfServiceFixed')}>
          <Tag color="green" data-testid={testId} data-mode={mode}>
            {text}
          </Tag>
        </Tooltip>
      );
    if (!can('catalogWrite'))
      return (
        <Tag color={mode === 'auto' ? 'green' : 'orange'} data-testid={testId} data-mode={mode}>
          {text}
        </Tag>
      );
    return (
      <Button
        size="small"
        data-testid={testId}
        data-mode={mode}
        loading={
          save.isPending && save.variables?.orderType === orderType && save.variables.channel === channel
        }
        disabled={save.isPending}
        style={
          mode === 'auto'
            ? { color: '#389e0d', borderColor: '#b7eb8f' }
            : { color: '#d46b08', borderColor: '#ffd591' }
        }
        onClick={() => save.mutate({ orderType, channel })}
      >
        {text}
      </Button>
    );
  };
  return (
    <Card size="small" title={t('admin.policy.title')} data-testid="review-policy">
      <Typography.Paragraph type="secondary">{t('admin.policy.hint')}</Typography.Paragraph>
      <ProblemAlert error={save.error} />
      <Table<{ orderType: OrderType }>
        size="small"
        rowKey="orderType"
        pagination={false}
        dataSource={ORDER_TYPES.map((orderType) => ({ orderType }))}
        columns={[
          { title: t('order.type'), render: (_, r) => t(`orderType.${r.orderType}`), width: 140 },
          ...CHANNELS.map((channel) => ({
            title: (
              <>
                {label('admin.channel', channel)}
                {!product.channels.includes(channel) && (
                  <Tag style={{ marginInlineStart: 6 }}>{t('admin.policy.channelClosed')}</Tag>
                )}
              </>
            ),
            render: (_: unknown, r: { orderType: OrderType }) => cell(r.orderType, channel),
          })),
        ]}
      />
    </Card>
  );
}
