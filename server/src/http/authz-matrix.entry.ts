import type { Role } from '../platform/principal';
import type { Kind, MatrixWorld, Party, Who } from './authz-matrix.world';

// One cell of the authorization matrix (authz-matrix.table.ts explains the expected answers).
export interface Call {
  path?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}
export interface Ctx {
  /** the party whose object the cell uses: the caller's own, or the other one */
  x: Party;
  kind: Kind;
  w: MatrixWorld;
}
export interface Entry {
  allow: 'public' | 'signed-in' | readonly Role[];
  /** another party's object answers 404 */
  scoped?: boolean;
  /** not-allowed roles that get 404: this kind of object is never in their scope */
  hidden?: readonly Role[];
  req?: (c: Ctx) => Call | Promise<Call>;
  /** log out: the cell runs on a session of its own */
  freshSession?: boolean;
  /** present only behind a server flag */
  optional?: boolean;
  /** cells another branch of issue #10 fixes: who → 'item N' */
  pendingFix?: Partial<Record<Who, string>>;
}
