import type { Clock } from '../../platform/clock';
import type { PaymentProvider, ProviderStatus, RawNotification, Verification } from './provider';
import type { SandboxPlatform } from './sandbox-platform';
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
  };
}
