import { z } from 'zod';
import { DEVICE_DEPTHS, DEVICE_IMPORT_ERRORS, DEVICE_IMPORT_STATES } from '../vocabulary';
import { Id, IsoDate, Text } from './common';

// R21 on the wire (issue #13 slice 3): the Excel expiry import is uploaded as the raw .xlsx body, staged
// and previewed with every bad row's reason, then confirmed once; one device's expiry is set directly.

export const DeviceImportState = z.enum(DEVICE_IMPORT_STATES);
export const DeviceImportError = z.enum(DEVICE_IMPORT_ERRORS);

export const DeviceImportUpload = z.object({
  companyId: Id.optional().describe('the company whose tree the file names; default: your own company'),
  depth: z.enum(DEVICE_DEPTHS).default('all'),
  allowPast: z
    .enum(['true', 'false'])
    .default('false')
    .describe('accept expiries before today (tech support correcting data)'),
  fileName: z.string().min(1).max(200).default('import.xlsx'),
});

export const DeviceImport = z.object({
  id: z.string(),
  companyId: z.string(),
  depth: z.enum(DEVICE_DEPTHS),
  allowPast: z.boolean(),
  fileName: z.string(),
  state: DeviceImportState,
  totalRows: z.number().int(),
  validRows: z.number().int(),
  errorRows: z.number().int(),
  appliedRows: z.number().int().nullable().describe('valid rows applied; null until confirmed'),
  errorCounts: z.array(z.object({ error: DeviceImportError, count: z.number().int(), reason: Text })),
  createdAt: z.string(),
  appliedAt: z.string().nullable(),
  version: z.number().int(),
});

export const DeviceImportLine = z.object({
  rowNo: z.number().int().describe('the row number in the spreadsheet'),
  deviceNo: z.string().nullable(),
  company: z.string().nullable(),
  expiryText: z.string().nullable().describe('the expiry cell as read'),
  expiresOn: IsoDate.nullable(),
  error: DeviceImportError.nullable(),
  reason: Text.nullable(),
});

export const DeviceImportLinesQuery = z.object({
  only: z.enum(['errors', 'all']).default('errors'),
  after: z
    .string()
    .regex(/^\d{1,7}$/)
    .optional()
    .describe('the nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const DeviceImportConfirm = z.object({
  applyValidRows: z
    .boolean()
    .default(false)
    .describe('R21: required when the file has bad rows: apply the valid rows and leave the bad ones'),
});

export const DeviceImportApplied = DeviceImport.extend({
  changed: z.number().int().describe('devices whose expiry changed (the rest already had that date)'),
});

/** R21 one at a time (设备到期维护): a version-checked expiry. */
export const DeviceExpiryChange = z.object({
  version: z.number().int(),
  expiresOn: IsoDate,
  allowPast: z.boolean().default(false),
  reason: z.string().max(500).optional(),
});
