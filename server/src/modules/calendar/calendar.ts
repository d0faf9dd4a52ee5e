import type { Role } from '../../platform/principal';

// Who edits the business calendar (R34, issue #12): admins only; it moves every review deadline.
export const CALENDAR_ROLES: Role[] = ['admin'];
export const CALENDAR_DAY = { zh: '日历调整', en: 'Calendar override' };
export const EDIT_CALENDAR = { zh: '维护营业日历', en: 'edit the business calendar' };
export const READ_CALENDAR = { zh: '查看营业日历', en: 'read the business calendar' };
