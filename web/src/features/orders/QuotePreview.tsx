import { Table, Typography } from 'antd';
import type { Quote } from '../../api/types';
import { useI18n } from '../../i18n';
import { Money } from '../../ui/widgets';

type QuoteLine = Quote['lines'][number];

export function QuotePreview({ quote }: { quote: Quote }) {
  const { t, pick } = useI18n();
  return (
    <div data-testid="quote">
      <Table<QuoteLine>
        size="small"
        pagination={false}
        rowKey="lineNo"
        dataSource={quote.lines}
        columns={[
          {
            title: t('order.plan'),
            render: (_, l) => (
              <>
                {pick(l.planName)}
                {l.passThrough && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {' '}
                    ({t('order.passThrough')})
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            title: t('order.seats'),
            render: (_, l) => (l.seatsBefore === null ? l.seatsAfter : `${l.seatsBefore} → ${l.seatsAfter}`),
          },
          {
            title: t('order.period'),
            render: (_, l) => `${l.periodStart} ~ ${l.periodEnd}`,
          },
          { title: t('order.duration'), render: (_, l) => t('common.days', { n: l.days }) },
          {
            title: t('order.unitPrice'),
            align: 'right',
            render: (_, l) => <Money amount={l.unitAmount} currency={quote.currency} />,
          },
          {
            title: t('order.lineAmount'),
            align: 'right',
            render: (_, l) => <Money amount={l.amount} currency={quote.currency} />,
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={5}>
              <strong>{t('common.total')}</strong>
              {quote.externalEnd && (
                <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
                  {t('order.externalEnd', { date: quote.externalEnd })}
                </Typography.Text>
              )}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <strong data-testid="quote-total">
                <Money amount={quote.total} currency={quote.currency} />
              </strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </div>
  );
}
