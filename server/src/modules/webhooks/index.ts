// Issue #12 outbound webhooks (docs/webhooks.md, ADR 0016): endpoints a partner's agents or an admin
// register, events other modules raise with `emitEvent` in their own transaction, deliveries signed per
// Standard Webhooks by the `webhook.deliver` job, a delivery log with replay.
export { deleteWebhookEndpoint } from './delete-endpoint';
export { DELIVERY_TIMEOUT_MS, deliverWebhook, MAX_DELIVERY_ATTEMPTS, retryDelayMs } from './deliver-webhook';
export { emitEvent, type WebhookEvent } from './emit-event';
export { invoiceIssued, orderPaid, paymentFailed, refundDone } from './events';
export { registerEndpoint } from './register-endpoint';
export { replayDelivery } from './replay-delivery';
export { rotateEndpointSecret } from './rotate-endpoint-secret';
export { updateWebhookEndpoint } from './update-endpoint';
export {
  getWebhookDelivery,
  getWebhookEndpoint,
  listEndpointDeliveries,
  listWebhookEndpoints,
} from './view-webhooks';
export { DELIVER_JOB } from './webhook-store';
