// Requests own the one review queue (R11): offline top-ups (R25, R26), refunds and settled-offline
// returns (R27, R32), seat reductions (R13) and customer transfers (R17). Each has a category, an
// owning team, a lifecycle, comments and a business-day deadline (R34); approval applies its effect in
// the same transaction.

export { claimRequest } from './claim-request';
export { type CommentInput, commentRequest } from './comment-request';
export { decideRequest, type RequestDecision, type Verdict } from './decide-request';
export { editTopup } from './edit-topup';
export { fileCompanyRename } from './file-company-rename';
export { fileRefund } from './file-refund';
export { fileSeatReduction } from './file-seat-reduction';
export { fileTopup } from './file-topup';
export { fileTransfer } from './file-transfer';
export { fileVoidRequest } from './file-void-request';
export { getRequest, listQueue } from './get-request';
export { releaseRequest } from './release-request';
export type { RequestCategory, RequestRow, RequestState } from './request';
export { openRequestOn, requestScope } from './request-store';
export { submitRequest } from './submit-request';
export { withdrawRequest } from './withdraw-request';
