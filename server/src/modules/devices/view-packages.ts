import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import { PACKAGE } from './device';
import {
  type ClassFilter,
  type ClassRow,
  listClasses,
  listPackages,
  type PackageDetailRow,
  type PackageFilter,
  type PackageListRow,
  packageDetail,
} from './package-store';

// The package taxonomy is reference data every signed-in principal may read: a customer sees the names
// of the packages on its devices, staff choose them in the binding dialogs.
export const viewPackageClasses = (deps: Deps, _p: Principal, f: ClassFilter): Promise<ClassRow[]> =>
  listClasses(deps.database.db, f);

export const viewPackages = (deps: Deps, _p: Principal, f: PackageFilter): Promise<PackageListRow[]> =>
  listPackages(deps.database.db, f);

export async function viewPackage(deps: Deps, _p: Principal, id: string): Promise<PackageDetailRow> {
  const row = await packageDetail(deps.database.db, id);
  if (!row) throw notFound(PACKAGE);
  return row;
}
