import type { z } from '@hono/zod-openapi';
import zhCN from 'zod/v4/locales/zh-CN.js';

type Issue = z.core.$ZodIssue;
const zhLocale = zhCN().localeError;
/** The contracts' own format messages (`shared/src/contracts`), in Chinese. */
const CUSTOM_ZH: Record<string, string> = {
  'decimal amount such as 1234.50': '金额格式如 1234.50：数字，最多两位小数',
  'ww + 16 lowercase hex characters': '企业 ID 须为 ww 加 16 位小写十六进制字符',
};

/**
 * A malformed request's field message in both languages: zod's own zh-CN locale for the Chinese, zod's
 * message for the English. A missing field reads "required" rather than "expected string, received
 * undefined"; the received type of a wrong one is taken from zod's message, since a parsed issue no
 * longer carries the input the locale would describe.
 */
export function fieldMessage(issue: Issue): { zh: string; en: string } {
  if (issue.code === 'invalid_type') {
    const received = /received (\w+)/.exec(issue.message)?.[1];
    if (received === 'undefined') return { zh: '必填，不能缺少', en: 'Required' };
    return {
      zh: `类型无效：期望 ${issue.expected}，实际为 ${received ?? '其他类型'}`,
      en: issue.message,
    };
  }
  const custom = CUSTOM_ZH[issue.message];
  if (custom) return { zh: custom, en: issue.message };
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1) {
    return { zh: '不能为空', en: 'Must not be empty' };
  }
  const zh = zhLocale(issue as Parameters<typeof zhLocale>[0]);
  const text = typeof zh === 'string' ? zh : zh?.message;
  return { zh: text ?? `字段无效：${issue.message}`, en: issue.message };
}
