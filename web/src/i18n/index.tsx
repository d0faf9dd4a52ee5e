import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { enUS } from './en-US';
import { type MessageKey, zhCN } from './zh-CN';

export type Locale = 'zh-CN' | 'en-US';
export const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };
const STORAGE_KEY = 'kaidan.locale';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;
interface I18n {
  locale: Locale;
  setLocale: (l: Locale) => void;
  t: Translate;
  /** Picks the user's language from a server `{zh, en}` text (problem messages, plan names). */
  pick: (text: { zh: string; en: string | null }) => string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === 'en-US' ? 'en-US' : 'zh-CN';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((l: Locale) => {
    localStorage.setItem(STORAGE_KEY, l);
    document.documentElement.lang = l;
    setState(l);
  }, []);
  const value = useMemo<I18n>(() => {
    const dict = dictionaries[locale];
    return {
      locale,
      setLocale,
      // An unknown key (an enum value the server added later) shows as itself rather than crashing.
      t: (key, vars) =>
        (dict[key] ?? key).replace(/\{(\w+)\}/g, (m, name: string) => (vars?.[name] ?? m).toString()),
      pick: (text) => (locale === 'en-US' ? (text.en ?? text.zh) : text.zh),
    };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
