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

/**
 * The "direct / all subsidiaries" switch every device-tree list carries (issue #13). "Direct" needs a
 * company to mean: the one picked, or the user's own (the server refuses it otherwise, tree-where.ts).
 */
export function DepthSwitch(p: { depth: DeviceDepth; set: SetParams; noCompany?: boolean }) {
  const { t } = useI18n();
  return (
    <Segmented
      value={p.noCompany ? 'all' : p.depth}
      onChange={(v) => p.set({ depth: v === 'direct' ? 'direct' : undefined })}
      options={[
        {
          value: 'direct',
          disabled: p.noCompany === true,
          label: (
            <span data-testid="depth-direct" title={p.noCompany ? t('devices.depth.pickFirst') : undefined}>
              {t('devices.depth.direct')}
            </span>
          ),
        },
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

/**
 * A company picker and the depth switch, both kept in the list's URL. `ownCompany`: the user acts for a
 * company (a customer, a company-scoped staff user), which "direct" means when none is picked.
 */
export function CompanyScopePicker(p: {
  scope: CompanyScope;
  set: SetParams;
  testId: string;
  ownCompany: boolean;
}) {
  const { t } = useI18n();
  const companies = useScopeCompanies();
  // An unscoped user without a company picked looks over its whole scope: "direct" has nothing to mean.
  const noCompany = !p.scope.companyId && !p.ownCompany;
  return (
    <>
      <Select
        allowClear
        placeholder={t('devices.companyAll')}
        value={p.scope.companyId}
        onChange={(v?: string) => p.set(v ? { company: v } : { company: undefined, depth: undefined })}
        options={(companies.data?.items ?? []).map((c) => ({ value: c.id, label: c.nameZh }))}
        style={{ width: 220 }}
        data-testid={`${p.testId}-company`}
      />
      <DepthSwitch depth={p.scope.depth} set={p.set} noCompany={noCompany} />
    </>
  );
}
