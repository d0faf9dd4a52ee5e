import type { RegisterRoutes } from '../../http/env';

export const registerPartiesRoutes: RegisterRoutes = (_app, _deps) => {};
