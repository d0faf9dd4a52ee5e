// Notifications own the in-app inbox (R4): decisions on orders, refunds and requests reach the person
// who submitted them, in zh and en. Each one is also emailed through the job outbox
// (`notification.email`, see docs/notifications.md).
export type { NotificationFilter, NotificationRow } from './notification-store';
export { EMAIL_JOB, listNotifications, markRead, notificationsOf, notify } from './notification-store';
export type { EmailConfig } from './send-notification-email';
export {
  DEFAULT_PUBLIC_URL,
  renderNotificationEmail,
  sendNotificationEmail,
} from './send-notification-email';
