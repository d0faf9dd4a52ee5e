import type { Role } from '../../platform/principal';

// Who may change what (DESIGN §1). Reads are open to every signed-in principal and narrowed by scope.
export const MANAGE_USERS: Role[] = ['admin'];
export const MANAGE_PARTNERS: Role[] = ['admin'];
export const MANAGE_COMPANIES: Role[] = ['admin', 'order_desk', 'sales', 'partner_agent'];
export const MANAGE_CONTACTS: Role[] = [...MANAGE_COMPANIES, 'customer'];
