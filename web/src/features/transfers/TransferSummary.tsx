import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import type { Company, Page, Partner, ReviewRequest } from '../../api/types';
import { useI18n } from '../../i18n';
import { useMe } from '../auth/session';
import { useEntitlements } from '../orders/queries';

interface TransferPayload {
  tenantId?: string;
  /** the name as filed; the filing partner is answered this, not the internal id (issue #10) */
  companyName?: string;
  companyId?: string;
  fromPartnerId?: string | null;
  toPartnerId?: string;
  reason?: string;
}

/**
 * R17 as the order desk decides it: which company (name and tenant id) moves from which partner to
 * which, and the subscriptions that go with it. The gaining partner sees only the tenant id it named and
 * the company's name.
 */
export function TransferSummary({ request }: { request: ReviewRequest }) {
  const { t, pick } = useI18n();
  const me = useMe();
  const pl = request.payload as TransferPayload;
  // Before approval the company is outside a partner's scope (it would answer 404); staff see all.
  const mayReadCompany = me.data?.kind === 'staff' || request.state === 'approved';
  const company = useQuery({
    queryKey: ['company', pl.companyId],
    queryFn: () => api.get<Company>(`/companies/${pl.companyId}`),
    enabled: Boolean(pl.companyId) && mayReadCompany,
    retry: false,
  });
  const partners = useQuery({
    queryKey: ['partners'],
    queryFn: () => api.get<Page<Partner>>('/partners', { limit: 200 }),
    retry: false,
  });
  const ents = useEntitlements(me.data?.kind === 'staff' ? pl.companyId : undefined);
  const partnerName = (id: string | null | undefined): string => {
    if (!id) return t('desk.transfer.direct');
    const p = partners.data?.items.find((x) => x.id === id);
    return p ? pick({ zh: p.nameZh, en: p.nameEn }) : id;
  };
  const c = company.data;
  const companyName = c ? pick({ zh: c.nameZh, en: c.nameEn }) : (pl.tenantId ?? '');
  const from = partnerName(pl.fromPartnerId);
  const to = partnerName(pl.toPartnerId);
  return (
    <div data-testid="transfer-summary" style={{ marginTop: 12 }}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('common.customer')}>
          <span data-testid="transfer-company">
            {c
              ? companyName
              : company.isFetching
                ? t('app.loading')
                : (pl.companyName ?? t('desk.transfer.hidden'))}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('customers.tenant')}>{pl.tenantId}</Descriptions.Item>
        <Descriptions.Item label={t('desk.transfer.fromTo')}>
          <span data-testid="transfer-from-to">
            {c || me.data?.kind === 'staff' ? from : '—'} → {to}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('common.reason')}>{pl.reason}</Descriptions.Item>
      </Descriptions>
      {c && (
        <Alert
          style={{ marginTop: 8 }}
          type="info"
          showIcon
          message={t('desk.transfer.effect', { company: companyName, from, to })}
          description={
            (ents.data?.components.length ?? 0) > 0 && (
              <Typography.Text>
                {t('desk.transfer.moves')}{' '}
                {ents.data?.components.map((x) => (
                  <Tag key={x.id}>
                    {pick(x.planName)} · {t('order.current', { seats: x.seats, end: x.endDate })}
                  </Tag>
                ))}
              </Typography.Text>
            )
          }
        />
      )}
    </div>
  );
}
