import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber, Modal, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Company, Component, Filed } from '../../api/types';
import { useI18n } from '../../i18n';
import { ProblemAlert, useFieldStatus } from '../../ui/problem';
import { useLabel } from '../../ui/widgets';
import { useEntitlements } from '../orders/queries';

/** R12: one customer's components, with their own seats and end dates; R13 seat reductions from here. */
export function Components({ company, canReduce = true }: { company: Company; canReduce?: boolean }) {
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
          ...(canReduce
            ? [
                {
                  title: t('common.actions'),
                  render: (_: unknown, c: Component) => (
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
              ]
            : []),
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
      <Form<ReduceValues>
        form={form}
        layout="vertical"
        onFinish={(v) => file.mutate(v)}
        onValuesChange={(changed) => status.edited(changed)}
      >
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
