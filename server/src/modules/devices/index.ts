// Devices (issue #13, R18, R19, seed 003): the package taxonomy (套餐大类, 套餐小类, renewal and value-added
// 套餐), devices per company with their bound renewal package, value-added packages and expiry, and their
// deactivation. Scope is parties' one rule plus the direct/all switch over the company tree. The renewal

export { type BindRenewalInput, type BindResult, bindRenewalPackage } from './bind-renewal-package';
export { changeDeviceStates, type DeviceBatchStateInput } from './change-device-states';
export { changeValueAdded, type ValueAddedInput } from './change-value-added';
export { confirmDeviceImport } from './confirm-device-import';
export { createPackage, type PackageCreateInput } from './create-package';
export { createPackageClass, type PackageClassInput } from './create-package-class';
export { deletePackage } from './delete-package';
export { deletePackageClass } from './delete-package-class';
export { devicesDeactivated, devicesNotFound, distinct } from './device';
export type { DeviceRow } from './device-store';
export { importReport, importTemplate } from './import-files';
export { type DeviceImportInput, previewDeviceImport } from './preview-device-import';
export { type DeviceCreateInput, registerDevice } from './register-device';
export { setDeviceExpiry } from './set-device-expiry';
export { setDeviceState } from './set-device-state';
export { updateDevice } from './update-device';
export { updatePackage } from './update-package';
export { updatePackageClass } from './update-package-class';
export { allImportLines, viewDeviceImport, viewImportLines } from './view-device-import';
export { exportDevices, viewDevice, viewDevices } from './view-devices';
export { viewPackage, viewPackageClasses, viewPackages } from './view-packages';
