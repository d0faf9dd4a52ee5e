import type * as RC from '@kaidan/shared/contracts/records';
import type { z } from 'zod';

// The records' wire shapes, from the shared contracts (never restated in the console).
export type DeviceOrderRecord = z.infer<typeof RC.DeviceOrderRecord>;
export type DeviceOrderItem = z.infer<typeof RC.DeviceOrderItem>;
export type BillingOrder = z.infer<typeof RC.BillingOrder>;
export type TopupRecord = z.infer<typeof RC.TopupRecord>;
export interface ItemsPage {
  order: DeviceOrderRecord;
  items: DeviceOrderItem[];
  nextCursor: string | null;
}
