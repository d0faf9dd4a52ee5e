import type { EmailLanguage } from '@kaidan/shared';
import type { Rendered } from './billing-email';
import type { DueReminder } from './reminder-store';

const MAX_LISTED = 200;

/**
 * R38 (seed 003 推送): one company's devices reaching one threshold, listed in one email in the company's
 * language. Auto-renew on says the wallet will be charged before expiry, so the reader tops up in time.
 */
export function renderReminder(
  language: EmailLanguage,
  autoRenew: boolean,
  daysBefore: number,
  devices: readonly DueReminder[],
): Rendered {
  const first = devices[0];
  const company = first?.company_name ?? '';
  const expires = first?.expires_on ?? '';
  const listed = devices.slice(0, MAX_LISTED);
  const more = devices.length - listed.length;
  if (language === 'en-US') {
    const lines = listed.map(
      (d) =>
        `  ${d.device_no}  ${d.type}  expires ${d.expires_on}  ${d.package_name ?? '(no package bound)'}`,
    );
    return {
      subject: `[Kaidan] ${devices.length} device(s) expire in ${daysBefore} day(s), on ${expires}`,
      body: [
        `Hello ${company},`,
        '',
        `These devices expire in ${daysBefore} day(s):`,
        ...lines,
        ...(more > 0 ? [`  … and ${more} more`] : []),
        '',
        autoRenew
          ? 'Auto-renew is on: they are renewed from your wallet before they expire. Please keep enough balance.'
          : 'Renew them in the console (Top-up & renewal) before they expire.',
        '',
      ].join('\n'),
    };
  }
  const lines = listed.map(
    (d) => `  ${d.device_no}  ${d.type}  到期 ${d.expires_on}  ${d.package_name ?? '（未绑定套餐）'}`,
  );
  return {
    subject: `[开单 Kaidan] 您有 ${devices.length} 台设备将于 ${daysBefore} 天后（${expires}）到期`,
    body: [
      `${company}，您好：`,
      '',
      `以下设备将于 ${daysBefore} 天后到期：`,
      ...lines,
      ...(more > 0 ? [`  ……另有 ${more} 台`] : []),
      '',
      autoRenew
        ? '已开启自动续费：到期前将从账户余额扣款续费，请保持余额充足。'
        : '请在到期前登录控制台（充值续费）完成续费。',
      '',
    ].join('\n'),
  };
}
