import type { RegisterRoutes } from '../../http/env';

export const registerCatalogRoutes: RegisterRoutes = (_app, _deps) => {};
