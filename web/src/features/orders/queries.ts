import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Company, Entitlements, Page, Product, ProductDetail } from '../../api/types';

export const useCompanies = () =>
  useQuery({ queryKey: ['companies'], queryFn: () => api.get<Page<Company>>('/companies', { limit: 200 }) });

export const useProducts = () =>
  useQuery({
    queryKey: ['products'],
    queryFn: () => api.get<Page<Product>>('/products', { state: 'active', limit: 200 }),
  });

export const useProduct = (id: string | undefined) =>
  useQuery({
    queryKey: ['product', id],
    queryFn: () => api.get<ProductDetail>(`/products/${id}`),
    enabled: Boolean(id),
  });

export const useEntitlements = (companyId: string | undefined) =>
  useQuery({
    queryKey: ['entitlements', companyId],
    queryFn: () => api.get<Entitlements>(`/companies/${companyId}/entitlements`),
    enabled: Boolean(companyId),
  });
