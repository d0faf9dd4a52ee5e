// Notifications own the in-app inbox (R4): decisions on orders, refunds and requests reach the person
// who submitted them, in zh and en. Email delivery will go through the job outbox.
export type { NotificationFilter, NotificationRow } from './notification-store';
export { listNotifications, markRead, notificationsOf, notify } from './notification-store';
