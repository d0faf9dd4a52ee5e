import { useMutation } from '@tanstack/react-query';
import { Button, Drawer, Form, Radio, Select, Space, Switch } from 'antd';
import { api } from '../../api/client';
import type { BillingConfig, BillingConfigBatchResult, BillingSettings } from '../../api/types';
import { useI18n } from '../../i18n';
import { ProblemAlert, useFieldStatus } from '../../ui/problem';

/** What the drawer saves: one company's configuration (PUT, version-checked), or several at once (batch). */
export type Target = { kind: 'one'; row: BillingConfig } | { kind: 'batch'; companyIds: string[] };

const CYCLES = ['monthly', 'quarterly', 'yearly'] as const;
const LANGUAGES = ['zh-CN', 'en-US'] as const;
const DEFAULTS: BillingSettings = {
  billingCycle: 'monthly',
  autoRenew: false,
  notify: true,
  emailLanguage: 'zh-CN',
  emails: [],
};

const settingsOf = (r: BillingConfig): BillingSettings =>
  r.configured && r.billingCycle && r.emailLanguage
    ? {
        billingCycle: r.billingCycle,
        autoRenew: r.autoRenew ?? false,
        notify: r.notify ?? false,
        emailLanguage: r.emailLanguage,
        emails: r.emails,
      }
    : DEFAULTS;

/**
 * 修改配置 / 配置所选公司 (R38, seed 003): cycle, auto-renew, notifications, email language and several
 * emails. The server checks every address and says which one is wrong; the drawer shows its words.
 */
export function ConfigDrawer(p: { target: Target; onClose: () => void; onDone: (note: string) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<BillingSettings>();
  const save = useMutation({
    mutationFn: async (v: BillingSettings) => {
      if (p.target.kind === 'one') {
        const { row } = p.target;
        await api.put<BillingConfig>(`/billing-configs/${row.companyId}`, {
          ...v,
          ...(row.version === null ? {} : { version: row.version }),
        });
        return t('billing.saved');
      }
      const r = await api.post<BillingConfigBatchResult>('/billing-configs/batch', {
        companyIds: p.target.companyIds,
        settings: v,
      });
      return t('billing.batch.done', { created: r.created, updated: r.updated, unchanged: r.unchanged });
    },
    onSuccess: (note) => {
      p.onDone(note);
      p.onClose();
    },
  });
  const status = useFieldStatus(save.error);
  const initial = p.target.kind === 'one' ? settingsOf(p.target.row) : DEFAULTS;
  const title =
    p.target.kind === 'one'
      ? `${t('billing.edit')} · ${p.target.row.companyName}`
      : t('billing.batchTitle', { n: p.target.companyIds.length });
  return (
    <Drawer
      open
      width={480}
      title={title}
      onClose={p.onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={p.onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => form.submit()}
            data-testid="billing-save"
          >
            {t('billing.save')}
          </Button>
        </Space>
      }
    >
      <Form<BillingSettings>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => save.mutate({ ...initial, ...v })}
        onValuesChange={(changed: Record<string, unknown>) => status.edited(changed)}
        data-testid="billing-form"
      >
        <Form.Item name="billingCycle" label={t('billing.cycle')} required {...status('billingCycle')}>
          <Radio.Group data-testid="billing-cycle">
            {CYCLES.map((c) => (
              <Radio key={c} value={c}>
                {t(`billing.cycle.${c}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="autoRenew" label={t('billing.autoRenew')} valuePropName="checked">
          <Switch data-testid="billing-auto-renew" />
        </Form.Item>
        <Form.Item name="notify" label={t('billing.notify')} valuePropName="checked">
          <Switch data-testid="billing-notify" />
        </Form.Item>
        <Form.Item name="emailLanguage" label={t('billing.language')} required>
          <Radio.Group data-testid="billing-language">
            {LANGUAGES.map((l) => (
              <Radio key={l} value={l}>
                {t(`billing.language.${l}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="emails"
          label={t('billing.emails')}
          extra={t('billing.emailsHint')}
          {...status('emails')}
        >
          <Select mode="tags" open={false} tokenSeparators={[',', ';', ' ']} data-testid="billing-emails" />
        </Form.Item>
        <ProblemAlert error={save.error} shownFields={['billingCycle', 'emails']} />
      </Form>
    </Drawer>
  );
}
