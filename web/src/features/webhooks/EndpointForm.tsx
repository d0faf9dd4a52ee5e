import type {
  WebhookEndpoint,
  WebhookEndpointInput,
  WebhookEndpointWithSecret,
} from '@kaidan/shared/contracts/webhooks';
import { WEBHOOK_EVENT_TYPES } from '@kaidan/shared/vocabulary';
import { Checkbox, Form, Input, Switch } from 'antd';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { useLabel } from '../../ui/widgets';
import { FormModal } from '../admin/form-kit';

type Values = Pick<WebhookEndpointInput, 'url' | 'eventTypes' | 'description' | 'enabled'>;

/** Register an endpoint (its secret comes back once, to `onSecret`) or change one. */
export function EndpointForm({
  endpoint,
  onClose,
  onSaved,
}: {
  endpoint?: WebhookEndpoint | undefined;
  onClose: () => void;
  onSaved: (secret: string | null) => void;
}) {
  const { t } = useI18n();
  const label = useLabel();
  const submit = (v: Values): Promise<WebhookEndpoint | WebhookEndpointWithSecret> =>
    endpoint
      ? api.patch<WebhookEndpoint>(`/webhooks/endpoints/${endpoint.id}`, {
          version: endpoint.version,
          url: v.url,
          eventTypes: v.eventTypes,
          description: v.description ?? '',
          enabled: v.enabled,
        })
      : api.post<WebhookEndpointWithSecret>('/webhooks/endpoints', {
          url: v.url,
          eventTypes: v.eventTypes,
          description: v.description ?? '',
          enabled: v.enabled ?? true,
        });
  return (
    <FormModal<Values, WebhookEndpoint | WebhookEndpointWithSecret>
      title={endpoint ? t('webhooks.edit') : t('webhooks.new')}
      testId="webhook-form"
      initialValues={endpoint ?? { eventTypes: ['order.paid'], enabled: true }}
      shownFields={['url', 'eventTypes', 'description', 'enabled']}
      submit={submit}
      onClose={onClose}
      onDone={(r) => onSaved('secret' in r ? r.secret : null)}
    >
      {(status) => (
        <>
          <Form.Item
            name="url"
            label={t('webhooks.url')}
            extra={t('webhooks.urlHint')}
            required
            {...status('url')}
          >
            <Input data-testid="webhook-url" />
          </Form.Item>
          <Form.Item name="eventTypes" label={t('webhooks.events')} required {...status('eventTypes')}>
            <Checkbox.Group
              options={WEBHOOK_EVENT_TYPES.map((e) => ({ value: e, label: label('webhooks.event', e) }))}
              data-testid="webhook-events"
            />
          </Form.Item>
          <Form.Item name="description" label={t('webhooks.description')} {...status('description')}>
            <Input data-testid="webhook-description" />
          </Form.Item>
          <Form.Item
            name="enabled"
            label={t('webhooks.enabled')}
            valuePropName="checked"
            {...status('enabled')}
          >
            <Switch data-testid="webhook-enabled" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
