// Messages of the console shell; `en` must carry exactly the keys of `zh` (the type checks it).
export const zh = {
  'shell.testClock':
    '测试时钟已开启：服务器时间为 {now}（北京时间），不是真实时间。所有期限、有效期与后台任务都按此时间计算。',
};

export const en: Record<keyof typeof zh, string> = {
  'shell.testClock':
    'Test clock on: the server’s time is {now} (Beijing time), not the real time. Every deadline, term and background job follows it.',
};
