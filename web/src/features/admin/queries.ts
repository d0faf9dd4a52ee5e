import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AuditEntry, Page } from '../../api/types';
import type { Company, Partner, ProductDetail } from './types';

/** Partners for pickers and name lookups (a vendor has tens, not thousands). */
export const usePartnerOptions = (enabled = true) =>
  useQuery({
    queryKey: ['admin', 'partners', 'all'],
    queryFn: () => api.get<Page<Partner>>('/partners', { limit: 200 }),
    enabled,
  });

export const useCompanyOptions = (enabled = true) =>
  useQuery({
    queryKey: ['admin', 'companies', 'all'],
    queryFn: () => api.get<Page<Company>>('/companies', { limit: 200 }),
    enabled,
  });

export const useProductDetail = (id: string) =>
  useQuery({ queryKey: ['admin', 'product', id], queryFn: () => api.get<ProductDetail>(`/products/${id}`) });

export const useAudit = (objectType: string, objectId: string, enabled = true) =>
  useQuery({
    queryKey: ['admin', 'audit', objectType, objectId],
    queryFn: () => api.get<{ items: AuditEntry[] }>(`/audit/${objectType}/${objectId}`),
    enabled,
  });

/** After a write: the admin lists and the order screen's cached catalog and companies are stale. */
export function useRefresh() {
  const qc = useQueryClient();
  return (...roots: string[]) => {
    for (const r of roots) {
      void qc.invalidateQueries({ queryKey: ['admin', r] });
      void qc.invalidateQueries({ queryKey: [r] });
    }
  };
}
