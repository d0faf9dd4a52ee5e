import type { DeviceDepth } from '@kaidan/shared/vocabulary';
import { useQuery } from '@tanstack/react-query';
import { Segmented, Select } from 'antd';
import { api } from '../api/client';
import type { Company, Page } from '../api/types';
import { useI18n } from '../i18n';
import type { ListParams } from './use-list-search';

/** Where a company-tree list looks: the company picked (or none: every company in scope) and how deep. */
export interface CompanyScope {
  companyId: string | undefined;
  depth: DeviceDepth;
}

/** The scope a list's URL holds; "all subsidiaries" unless it says direct. */
export function scopeOf(params: ListParams): CompanyScope {
  return { companyId: params.company, depth: params.depth === 'direct' ? 'direct' : 'all' };
}

type SetParams = (patch: ListParams) => void;

/** The "direct / all subsidiaries" switch every device-tree list carries (issue #13). */
export function DepthSwitch({ depth, set }: { depth: DeviceDepth; set: SetParams }) {
  const { t } = useI18n();
  return (
    <Segmented
      value={depth}
      onChange={(v) => set({ depth: v === 'direct' ? 'direct' : undefined })}
      options={[
        { value: 'direct', label: <span data-testid="depth-direct">{t('devices.depth.direct')}</span> },
        { value: 'all', label: <span data-testid="depth-all">{t('devices.depth.all')}</span> },
      ]}
    />
  );
}

/** The companies a staff user's scope holds, for the pickers (the server scopes the list). */
export function useScopeCompanies() {
  return useQuery({
    queryKey: ['companies', 'pick'],
    queryFn: () => api.get<Page<Company>>('/companies', { limit: 200 }),
  });
}

/** A company picker and the depth switch, both kept in the list's URL. */
export function CompanyScopePicker(p: { scope: CompanyScope; set: SetParams; testId: string }) {
  const { t } = useI18n();
  const companies = useScopeCompanies();
  return (
    <>
      <Select
        allowClear
        placeholder={t('devices.companyAll')}
        value={p.scope.companyId}
        onChange={(v?: string) => p.set({ company: v })}
        options={(companies.data?.items ?? []).map((c) => ({ value: c.id, label: c.nameZh }))}
        style={{ width: 220 }}
        data-testid={`${p.testId}-company`}
      />
      <DepthSwitch depth={p.scope.depth} set={p.set} />
    </>
  );
}
