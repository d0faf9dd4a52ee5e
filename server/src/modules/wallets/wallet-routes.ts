import { createRoute, z } from '@hono/zod-openapi';
import { LIST_SORTS, ListQuery, page, sortOf } from '@kaidan/shared/contracts/common';
import { LedgerLine, Wallet, WalletDetail } from '@kaidan/shared/contracts/wallets';
import { principal } from '../../http/auth';
import type { RegisterRoutes } from '../../http/env';
import { exportResponse } from '../../http/export';
import { money, pagedBy } from '../../http/present';
import { errors, FORMAT, fileAnswer, IdParam, ok } from '../../http/route-kit';
import type { LedgerLine as LineRow } from '../ledger';
import { getWallet, listWallets, walletLedger } from '.';
import type { ListedWallet, WalletRow } from './wallet-store';

const tags = ['wallets'];
const EXPORT_LIMIT = 10_000;
const present = (w: WalletRow) => ({
  id: w.id,
  ownerType: w.owner_type,
  ownerId: w.owner_id,
  currency: w.currency,
  balance: money(w.balance, w.currency),
  holds: money(w.held, w.currency),
  available: money(w.balance - w.held, w.currency),
});
const ListedWalletItem = Wallet.extend({ ownerName: z.string(), ownerCode: z.string().nullable() });
const presentListed = (w: ListedWallet) => ({
  ...present(w),
  ownerName: w.owner_name,
  ownerCode: w.owner_code,
});

const WalletQuery = z
  .object({ ownerType: z.enum(['partner', 'company']).optional(), ownerId: z.string().optional() })
  .refine((q) => (q.ownerType === undefined) === (q.ownerId === undefined), {
    message: 'ownerType and ownerId go together',
    path: ['ownerId'],
  });
const LineQuery = ListQuery.extend({
  kind: z.string().max(40).optional(),
  sort: sortOf(LIST_SORTS.ledger, '-at'),
});
// Postings are debit-positive; from the holder's side a credit (top-up, refund) is money in.
const presentLine = (l: LineRow, w: WalletRow) => ({
  entryId: l.entry_id,
  kind: l.kind,
  refType: l.ref_type,
  refId: l.ref_id,
  refNumber: l.ref_number,
  memo: l.memo,
  amount: money(-l.amount, w.currency),
  at: l.created_at.toISOString(),
});

export const registerWalletRoutes: RegisterRoutes = (app, deps) => {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/wallets',
      tags,
      summary:
        'Wallets with balance, holds, available (R2): one owner’s, or every wallet the caller may read',
      request: { query: WalletQuery },
      responses: { 200: ok(z.object({ items: z.array(ListedWalletItem) })), ...errors },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const owner = q.ownerType && q.ownerId ? { ownerType: q.ownerType, ownerId: q.ownerId } : undefined;
      return c.json({ items: (await listWallets(deps, principal(c), owner)).map(presentListed) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/wallets/{id}',
      tags,
      summary: 'A wallet with its active holds',
      request: { params: IdParam },
      responses: { 200: ok(WalletDetail), ...errors },
    }),
    async (c) => {
      const { wallet, holds } = await getWallet(deps, principal(c), c.req.valid('param').id);
      return c.json(
        {
          wallet: present(wallet),
          activeHolds: holds.map((h) => ({
            id: h.id,
            refType: h.ref_type,
            refId: h.ref_id,
            refNumber: h.ref_number,
            amount: money(h.amount, wallet.currency),
            createdAt: h.created_at.toISOString(),
          })),
        },
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/wallets/{id}/ledger',
      tags,
      summary: 'Ledger lines of a wallet: kind, dates, reference search, sort by time or amount',
      request: { params: IdParam, query: LineQuery },
      responses: { 200: ok(page(LedgerLine)), ...errors },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const id = c.req.valid('param').id;
      const { wallet, lines } = await walletLedger(deps, principal(c), id, { ...q, limit: q.limit + 1 });
      return c.json(
        pagedBy(lines, q.limit, (l) => presentLine(l, wallet)),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/wallets/{id}/ledger/export',
      tags,
      summary: 'R39 the filtered, sorted ledger lines of a wallet as CSV or XLSX (up to 10,000 rows)',
      request: { params: IdParam, query: LineQuery.omit({ after: true, limit: true }).extend(FORMAT) },
      responses: fileAnswer,
    }),
    async (c) => {
      const { format, ...filter } = c.req.valid('query');
      const id = c.req.valid('param').id;
      const { wallet, lines } = await walletLedger(deps, principal(c), id, {
        ...filter,
        limit: EXPORT_LIMIT,
      });
      const header = [
        '时间 at',
        '类型 kind',
        '关联 ref type',
        '关联号 ref',
        '编号 number',
        '备注 memo',
        '币种 currency',
        '金额 amount',
      ];
      const rows = lines.map((l) => {
        const p = presentLine(l, wallet);
        return [p.at, p.kind, p.refType, p.refId, p.refNumber ?? '', p.memo, wallet.currency, p.amount];
      });
      const name = `ledger-${wallet.owner_id}-${wallet.currency}-${deps.clock.now().toString().slice(0, 10)}`;
      return exportResponse(name, format, header, rows);
    },
  );
};
