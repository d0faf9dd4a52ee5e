import type { Lifecycle } from '../../platform/state-machine';

export type RequestState = 'draft' | 'submitted' | 'approved' | 'returned' | 'declined' | 'withdrawn';
export type RequestCategory = 'topup' | 'refund' | 'seat_reduction' | 'transfer' | 'void' | 'rename';

// R25: returned (驳回) is editable and can be submitted again; declined (不通过) is final.
export const REQUEST_LIFECYCLE: Lifecycle<RequestState> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['approved', 'returned', 'declined', 'withdrawn'],
  returned: ['submitted', 'withdrawn'],
  approved: [],
  declined: [],
  withdrawn: [],
};

/** R11: every category has an owning team, shown in the queue. */
export const OWNER_TEAM: Record<RequestCategory, 'finance' | 'order_desk'> = {
  topup: 'finance',
  refund: 'finance',
  seat_reduction: 'order_desk',
  void: 'order_desk',
  rename: 'order_desk',
  transfer: 'order_desk',
};

export const CATEGORY_NAME: Record<RequestCategory, { zh: string; en: string }> = {
  topup: { zh: '线下充值', en: 'Offline top-up' },
  refund: { zh: '返款', en: 'Refund' },
  seat_reduction: { zh: '减少人数', en: 'Seat reduction' },
  void: { zh: '订单作废', en: 'Order void' },
  rename: { zh: '公司名变更', en: 'Company rename' },
  transfer: { zh: '客户转移', en: 'Customer transfer' },
};

/** A request after a move: what the API answers for filing, submitting, withdrawing and deciding. */
export interface Moved {
  id: string;
  number: string;
  state: RequestState;
}

export interface RequestRow {
  id: string;
  number: string;
  category: RequestCategory;
  owner_team: 'finance' | 'order_desk';
  state: RequestState;
  partner_id: string | null;
  company_id: string | null;
  payload: Record<string, unknown>;
  created_by: string | null;
  created_at: Date;
  submitted_by: string | null;
  submitted_at: Date | null;
  decided_by: string | null;
  decided_at: Date | null;
  due_at: Date | null;
  /** R34: the deadline counted a day the calendar did not know, Monday–Friday (ADR 0017) */
  due_provisional: boolean;
  /** the member of the owning team handling it (issue #3), with the name the queue shows */
  claimed_by: string | null;
  claimed_at: Date | null;
  claimed_by_name: string | null;
  version: number;
}

export interface CommentRow {
  id: string;
  author_id: string | null;
  action: string;
  body: string;
  at: Date;
}
