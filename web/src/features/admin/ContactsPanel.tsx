import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Form, Input, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { AuditTrail } from '../../ui/AuditTrail';
import { ProblemAlert } from '../../ui/problem';
import { DateText } from '../../ui/widgets';
import { Components } from '../customers/Components';
import { useCan } from './access';
import { FormModal } from './form-kit';
import { useAudit, useRefresh } from './queries';
import type { Company, Contact, ContactCreate } from './types';

/** A company's contacts (payer and invoice recipients) and its trail. */
export function ContactsPanel({ company }: { company: Company }) {
  const { t } = useI18n();
  const can = useCan();
  const [adding, setAdding] = useState(false);
  const contacts = useQuery({
    queryKey: ['admin', 'companies', 'contacts', company.id],
    queryFn: () => api.get<{ items: Contact[] }>(`/companies/${company.id}/contacts`),
  });
  const audit = useAudit('company', company.id, can('auditRead'));
  const contactsTab = (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ProblemAlert error={contacts.error} />
      <Table<Contact>
        size="small"
        rowKey="id"
        pagination={false}
        loading={contacts.isPending}
        dataSource={contacts.data?.items ?? []}
        locale={{ emptyText: t('admin.contacts.empty') }}
        data-testid={`contacts-${company.id}`}
        columns={[
          { title: t('admin.contacts.name'), dataIndex: 'name' },
          { title: t('login.email'), dataIndex: 'email' },
          { title: t('admin.contacts.phone'), render: (_, c) => c.phone ?? '—' },
          {
            title: t('admin.contacts.roles'),
            render: (_, c) => (
              <>
                {c.isPayer && <Tag color="gold">{t('admin.contacts.payer')}</Tag>}
                {c.isInvoice && <Tag color="blue">{t('admin.contacts.invoice')}</Tag>}
              </>
            ),
          },
          { title: t('common.createdAt'), render: (_, c) => <DateText value={c.createdAt} />, width: 150 },
        ]}
      />
      {can('companiesWrite') && (
        <Button size="small" onClick={() => setAdding(true)} data-testid="contact-new">
          {t('admin.contacts.add')}
        </Button>
      )}
      {adding && <ContactForm company={company} onClose={() => setAdding(false)} />}
    </Space>
  );
  // Staff see what the customer may use (R12) next to its contacts; the desk and sales may file a seat
  // reduction from here as a partner does (R13), support only reads.
  const subscriptions = {
    key: 'subscriptions',
    label: t('admin.companies.subscriptions'),
    children: <Components company={company} canReduce={can('seatReduce')} />,
  };
  const contactsItem = { key: 'contacts', label: t('admin.contacts.title'), children: contactsTab };
  if (!can('auditRead')) return <Tabs size="small" items={[subscriptions, contactsItem]} />;
  return (
    <Tabs
      size="small"
      items={[
        subscriptions,
        contactsItem,
        {
          key: 'trail',
          label: t('admin.trail'),
          children: <AuditTrail trail={audit.data?.items ?? []} />,
        },
      ]}
    />
  );
}

function ContactForm({ company, onClose }: { company: Company; onClose: () => void }) {
  const { t, pick } = useI18n();
  const refresh = useRefresh();
  return (
    <FormModal<ContactCreate, Contact>
      title={t('admin.contacts.addTo', { company: pick({ zh: company.nameZh, en: company.nameEn }) })}
      testId="contact-form"
      shownFields={['name', 'email', 'phone', 'isPayer', 'isInvoice']}
      submit={(v) => api.post<Contact>(`/companies/${company.id}/contacts`, v)}
      onClose={onClose}
      onDone={() => {
        refresh('companies');
        onClose();
      }}
    >
      {(status) => (
        <>
          <Form.Item name="name" label={t('admin.contacts.name')} required {...status('name')}>
            <Input data-testid="contact-name" />
          </Form.Item>
          <Form.Item name="email" label={t('login.email')} required {...status('email')}>
            <Input data-testid="contact-email" />
          </Form.Item>
          <Form.Item name="phone" label={t('admin.contacts.phone')} {...status('phone')}>
            <Input />
          </Form.Item>
          <Space>
            <Form.Item name="isPayer" valuePropName="checked" {...status('isPayer')}>
              <Checkbox>{t('admin.contacts.payer')}</Checkbox>
            </Form.Item>
            <Form.Item name="isInvoice" valuePropName="checked" {...status('isInvoice')}>
              <Checkbox>{t('admin.contacts.invoice')}</Checkbox>
            </Form.Item>
          </Space>
        </>
      )}
    </FormModal>
  );
}
