import { Segmented } from 'antd';
import { type Locale, useI18n } from '../../i18n';

export function LanguageSwitch() {
  const { locale, setLocale } = useI18n();
  return (
    <Segmented<Locale>
      size="small"
      data-testid="lang-switch"
      value={locale}
      onChange={setLocale}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'EN', value: 'en-US' },
      ]}
    />
  );
}
