import { PAYMENT_METHODS } from '@kaidan/shared/vocabulary';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../api/client';
import type { Company, Page, Partner } from '../../api/types';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/zh-CN';
import type { FilterSpec } from '../../ui/DataTable';
import { useLabel } from '../../ui/widgets';
import { useMe } from '../auth/session';

interface Spec {
  search: MessageKey;
  /** the list's own selects: URL key, label prefix, values */
  selects: readonly { key: string; prefix: string; values: readonly string[]; placeholder: MessageKey }[];
  /** payment methods this list can hold */
  methods?: readonly string[];
}

/**
 * The filters every record list shares (R39): text, business dates, its own states and types, payment
 * method, currency, and for staff the company and the partner; a partner's or customer's company picker
 * lists only the companies in its scope (the server's answer).
 */
export function useRecordFilters(spec: Spec): FilterSpec[] {
  const { t } = useI18n();
  const label = useLabel();
  const staff = useMe().data?.kind === 'staff';
  const companies = useQuery({
    queryKey: ['companies', 'pick'],
    queryFn: () => api.get<Page<Company>>('/companies', { limit: 200 }),
    staleTime: 60_000,
  });
  const partners = useQuery({
    queryKey: ['partners', 'options'],
    queryFn: () => api.get<Page<Partner>>('/partners', { limit: 200 }),
    enabled: staff,
    staleTime: 60_000,
  });
  return useMemo(() => {
    const out: FilterSpec[] = [
      { kind: 'text', key: 'q', placeholder: t(spec.search) },
      { kind: 'dates' },
      ...spec.selects.map(
        (s): FilterSpec => ({
          kind: 'select',
          key: s.key,
          placeholder: t(s.placeholder),
          options: s.values.map((v) => ({ value: v, label: label(s.prefix, v) })),
        }),
      ),
      {
        kind: 'select',
        key: 'paymentMethod',
        placeholder: t('records.method'),
        options: (spec.methods ?? PAYMENT_METHODS).map((m) => ({
          value: m,
          label: label('records.method', m),
        })),
      },
      {
        kind: 'select',
        key: 'currency',
        width: 110,
        placeholder: t('lists.allCurrencies'),
        options: ['CNY', 'USD'].map((c) => ({ value: c, label: c })),
      },
      {
        kind: 'select',
        key: 'companyId',
        width: 200,
        placeholder: t('records.company'),
        options: (companies.data?.items ?? []).map((c) => ({ value: c.id, label: c.nameZh })),
      },
    ];
    if (staff && partners.data)
      out.push({
        kind: 'select',
        key: 'partnerId',
        width: 200,
        placeholder: t('records.partner'),
        options: partners.data.items.map((p) => ({ value: p.id, label: p.nameZh })),
      });
    return out;
  }, [t, label, spec, staff, companies.data, partners.data]);
}
