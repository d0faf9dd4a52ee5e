import { registerCatalogRoutes } from '../modules/catalog/catalog-routes';
import { registerPartiesRoutes } from '../modules/parties/parties-routes';
import type { RegisterRoutes } from './env';

// Every module's routes, in one list: the HTTP half of the wiring root.
export const routeModules: RegisterRoutes[] = [registerPartiesRoutes, registerCatalogRoutes];
