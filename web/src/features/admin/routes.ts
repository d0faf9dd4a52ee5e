import { page } from '../../route-root';

export const adminRoutes = [
  page('/catalog', () => import('./CatalogPage'), 'CatalogPage'),
  page('/catalog/$id', () => import('./ProductDetailPage'), 'ProductDetailPage'),
  page('/partners', () => import('./PartnersPage'), 'PartnersPage'),
  page('/companies', () => import('./CompaniesPage'), 'CompaniesPage'),
  page('/users', () => import('./UsersPage'), 'UsersPage'),
];
