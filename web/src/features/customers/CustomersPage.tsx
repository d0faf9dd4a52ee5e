import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, InputNumber, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Company, Component, Filed } from '../../api/types';
import { useI18n } from '../../i18n';
import { ProblemAlert, useFieldStatus } from '../../ui/problem';
import { useLabel } from '../../ui/widgets';
import { useMe } from '../auth/session';
import { useCompanies, useEntitlements } from '../orders/queries';
import { TransferDialog } from '../transfers/TransferDialog';

// R17: partners (and staff on their behalf) ask for transfers; a customer never moves itself.
const TRANSFER_ROLES = new Set(['partner_agent', 'sales', 'order_desk', 'admin']);

/** R12: each customer's components, with their own seats and end dates. */
export function CustomersPage() {
  const { t, pick } = useI18n();
  const me = useMe();
  const companies = useCompanies();
  const [transferring, setTransferring] = useState(false);
  const [filed, setFiled] = useState<Filed | null>(null);
  const mayTransfer = me.data?.roles.some((r) => TRANSFER_ROLES.has(r)) ?? false;
  const rows = companies.data?.items ?? [];
  return (
    <Card
      size="small"
      title={t('customers.title')}
      extra={
        mayTransfer && (
          <Button size="small" onClick={() => setTransferring(true)} data-testid="transfer-open">
            {t('desk.transfer.open')}
          </Button>
        )
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <ProblemAlert error={companies.error} />
        {filed && (
          <Alert
            type="success"
            showIcon
            closable
            data-testid="transfer-filed"
            message={t('desk.transfer.filed', { number: filed.number })}
          />
        )}
        <Table<Company>
          // Remount once loaded so the default expansion below sees the rows.
          key={companies.data ? 'loaded' : 'loading'}
          size="small"
          rowKey="id"
          loading={companies.isPending}
          dataSource={rows}
          pagination={false}
          data-testid="customers"
          expandable={{
            expandedRowRender: (c) => <Components company={c} />,
            expandRowByClick: true,
            // A customer user usually sees just its own company: open it at once.
            ...(rows.length === 1 && rows[0] ? { defaultExpandedRowKeys: [rows[0].id] } : {}),
          }}
          columns={[
            { title: t('common.customer'), render: (_, c) => pick({ zh: c.nameZh, en: c.nameEn }) },
            { title: t('customers.tenant'), dataIndex: 'tenantId' },
            {
              title: t('desk.customers.partner'),
              render: (_, c) => c.partnerNameZh ?? t('desk.transfer.direct'),
            },
            { title: t('customers.region'), dataIndex: 'region', width: 100 },
          ]}
        />
      </Space>
      {transferring && (
        <TransferDialog
          onClose={(f) => {
            setTransferring(false);
            if (f) setFiled(f);
          }}
        />
      )}
    </Card>
  );
}

function Components({ company }: { company: Company }) {
  const { t, pick } = useI18n();
  const label = useLabel();
  const ents = useEntitlements(company.id);
  const [reducing, setReducing] = useState<Component | null>(null);
  const [filed, setFiled] = useState<Filed | null>(null);
  return (
    <>
      {filed && (
        <Alert
          type="success"
          showIcon
          data-testid="reduction-filed"
          message={t('customers.reduceFiled', { number: filed.number })}
          style={{ marginBottom: 8 }}
        />
      )}
      <Table<Component>
        size="small"
        rowKey="id"
        pagination={false}
        loading={ents.isPending}
        dataSource={ents.data?.components ?? []}
        data-testid={`components-${company.id}`}
        columns={[
          { title: t('customers.plan'), render: (_, c) => pick(c.planName) },
          {
            title: t('customers.kind'),
            dataIndex: 'planKind',
            render: (k: string) => <Tag>{label('planKind', k)}</Tag>,
          },
          { title: t('common.seats'), dataIndex: 'seats' },
          { title: t('common.startDate'), dataIndex: 'startDate' },
          { title: t('common.endDate'), dataIndex: 'endDate' },
          { title: t('customers.externalEnd'), dataIndex: 'externalEnd' },
          {
            title: t('common.actions'),
            render: (_, c) => (
              <Button
                size="small"
                type="link"
                onClick={() => setReducing(c)}
                data-testid={`reduce-${c.planCode}`}
              >
                {t('customers.reduce')}
              </Button>
            ),
          },
        ]}
      />
      {reducing && (
        <ReduceSeats
          company={company}
          component={reducing}
          onClose={(f) => {
            setReducing(null);
            if (f) setFiled(f);
          }}
        />
      )}
    </>
  );
}

interface ReduceValues {
  seats: number;
  reason: string;
}

/** R13's second fix: the order desk approves a reduction, after which the smaller renewal goes through. */
function ReduceSeats(props: { company: Company; component: Component; onClose: (f?: Filed) => void }) {
  const { t, pick } = useI18n();
  const qc = useQueryClient();
  const [form] = Form.useForm<ReduceValues>();
  const file = useMutation({
    mutationFn: (v: ReduceValues) =>
      api.post<Filed>('/seat-reductions', {
        companyId: props.company.id,
        componentId: props.component.id,
        seats: v.seats,
        reason: v.reason,
      }),
    onSuccess: (f) => {
      void qc.invalidateQueries({ queryKey: ['requests'] });
      props.onClose(f);
    },
  });
  const status = useFieldStatus(file.error);
  return (
    <Modal
      open
      title={t('customers.reduceTitle', { plan: pick(props.component.planName) })}
      onCancel={() => props.onClose()}
      onOk={() => form.submit()}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={file.isPending}
      okButtonProps={{ 'data-testid': 'reduce-submit' } as Record<string, string>}
    >
      <Form<ReduceValues> form={form} layout="vertical" onFinish={(v) => file.mutate(v)}>
        <Form.Item
          name="seats"
          label={t('customers.reduceTo')}
          rules={[{ required: true }]}
          extra={t('order.current', { seats: props.component.seats, end: props.component.endDate })}
          {...status('seats')}
        >
          <InputNumber min={0} precision={0} data-testid="reduce-seats" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('common.reason')}
          rules={[{ required: true }]}
          {...status('reason')}
        >
          <Input.TextArea rows={2} data-testid="reduce-reason" />
        </Form.Item>
        <ProblemAlert error={file.error} shownFields={['seats', 'reason']} />
      </Form>
    </Modal>
  );
}
