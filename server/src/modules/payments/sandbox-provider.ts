import { Temporal } from 'temporal-polyfill';
import type { Clock } from '../../platform/clock';
import { fenOf } from './money-edge';
import type {
  PaymentProvider,
  ProviderStatus,
  RawNotification,
  RefundStatus,
  Verification,
} from './provider';
import { type SandboxPlatform, SandboxRefusal } from './sandbox-platform';
import { verifyWechatNotification, wechatAnswer } from './wechatpay-notification';

/**
 * The sandbox provider: our side talks to the sandbox platform as the WeChat Pay adapter talks to WeChat
 * Pay (Native pay, code_url), and verifies its notifications with the same WeChat Pay code, so a demo or
 * a test exercises the real verification, decryption and settlement path.
 */
export function sandboxProvider(
  platform: SandboxPlatform,
  clock: Clock,
  notifyUrl: () => string,
): PaymentProvider {
  const keys = {
    platformKeys: new Map([[platform.keys.serial, platform.keys.publicKey]]),
    apiV3Key: platform.keys.apiV3Key,
  };
  return {
    name: 'sandbox',
    currencies: ['CNY'],
    createAttempt: async (req) => ({ codeUrl: platform.createOrder(req, notifyUrl()) }),
    verifyNotification: (raw: RawNotification): Verification => verifyWechatNotification(raw, keys, clock),
    answer: wechatAnswer,
    queryAttempt: async (no): Promise<ProviderStatus> => {
      const o = platform.order(no);
      if (!o || o.state === 'NOTPAY') return { state: 'unpaid' };
      if (o.state === 'CLOSED') return { state: 'closed' };
      return { state: 'paid', amount: BigInt(o.amount), currency: 'CNY', providerTxnId: o.transactionId };
    },
    closeAttempt: async (no) => platform.close(no),
    refundWindowDays: 365,
    refund: async (req): Promise<RefundStatus> => {
      try {
        return refundStatus(
          platform.refund(req.merchantOrderNo, req.refundNo, fenOf(req.amount, req.currency)),
        );
      } catch (e) {
        if (e instanceof SandboxRefusal) return { state: 'failed', reason: `${e.code}: ${e.message}` };
        throw e;
      }
    },
    queryRefund: async (_no, refundNo): Promise<RefundStatus> => {
      const r = platform.refundOf(refundNo);
      return r ? refundStatus(r) : { state: 'failed', reason: `RESOURCE_NOT_EXISTS: no refund ${refundNo}` };
    },
  };
}

function refundStatus(r: {
  refundId: string;
  state: 'PROCESSING' | 'SUCCESS';
  successTime: string | null;
}): RefundStatus {
  return r.state === 'SUCCESS' && r.successTime
    ? { state: 'succeeded', providerRefundId: r.refundId, arrivedAt: Temporal.Instant.from(r.successTime) }
    : { state: 'processing', providerRefundId: r.refundId };
}
