// Messages of the console shell; `en` must carry exactly the keys of `zh` (the type checks it).
export const zh = {
  'shell.testClock':
    '测试时钟已开启：服务器时间为 {now}（北京时间），不是真实时间。所有期限、有效期与后台任务都按此时间计算。',
  'shell.suspended.partner':
    '贵方伙伴账户已暂停：可以登录和查看，但不能提交订单、充值或退款。如需恢复，请联系您的渠道经理。',
  'shell.suspended.company':
    '贵公司账户已暂停：可以登录和查看，但不能提交订单、充值或退款。如需恢复，请联系客服。',
};

export const en: Record<keyof typeof zh, string> = {
  'shell.testClock':
    'Test clock on: the server’s time is {now} (Beijing time), not the real time. Every deadline, term and background job follows it.',
  'shell.suspended.partner':
    'Your partner account is suspended: you can sign in and view, but not submit orders, top-ups or refunds. To have it restored, contact your channel manager.',
  'shell.suspended.company':
    'Your company account is suspended: you can sign in and view, but not submit orders, top-ups or refunds. To have it restored, contact support.',
};
