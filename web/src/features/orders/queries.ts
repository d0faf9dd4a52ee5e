import type { OrderAction } from '@kaidan/shared/contracts/orders';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Company, Entitlements, OrderDetail, Page, Product, ProductDetail } from '../../api/types';

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

type Named = { zh: string; en: string | null };

export type { OrderAction };
/** GET /orders/{id} with what order-routes.ts adds to the base shape: names and the caller's actions. */
export type OrderView = OrderDetail & {
  /** R3/R5: exactly what the caller may do now; the screen shows these buttons and no others */
  actions?: OrderAction[];
  /** R5: the void request still open for this archived order, by number */
  voidRequest?: string | null;
  labels?: {
    companyName: string;
    tenantId: string | null;
    productName: Named;
    planNames: Record<string, Named>;
  };
};

export const useOrder = (id: string) =>
  useQuery({ queryKey: ['orders', id], queryFn: () => api.get<OrderView>(`/orders/${id}`) });
