import { createRoute, z } from '@hono/zod-openapi';
import { Cursor, page } from '@kaidan/shared/contracts/common';
import { LedgerLine, Wallet, WalletDetail } from '@kaidan/shared/contracts/wallets';
import { principal } from '../../http/auth';
import type { RegisterRoutes } from '../../http/env';
import { money, paged } from '../../http/present';
import { errors, IdParam, ok } from '../../http/route-kit';
import { getWallet, listWallets, walletLedger } from '.';
import type { WalletRow } from './wallet-store';

const tags = ['wallets'];
const present = (w: WalletRow) => ({
  id: w.id,
  ownerType: w.owner_type,
  ownerId: w.owner_id,
  currency: w.currency,
  balance: money(w.balance, w.currency),
  holds: money(w.held, w.currency),
  available: money(w.balance - w.held, w.currency),
});

export const registerWalletRoutes: RegisterRoutes = (app, deps) => {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/wallets',
      tags,
      summary: 'Wallets of a partner or company: balance, holds, available (R2)',
      request: { query: z.object({ ownerType: z.enum(['partner', 'company']), ownerId: z.string() }) },
      responses: { 200: ok(z.object({ items: z.array(Wallet) })), ...errors },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(
        { items: (await listWallets(deps, principal(c), q.ownerType, q.ownerId)).map(present) },
        200,
      );
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
      summary: 'Ledger lines of a wallet, newest first',
      request: { params: IdParam, query: Cursor },
      responses: { 200: ok(page(LedgerLine)), ...errors },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const { wallet, lines } = await walletLedger(
        deps,
        principal(c),
        c.req.valid('param').id,
        q.limit + 1,
        q.after,
      );
      // Postings are debit-positive; from the holder's side a credit (top-up, refund) is money in.
      return c.json(
        paged(
          lines.map((l) => ({ ...l, id: l.entry_id })),
          q.limit,
          (l) => ({
            entryId: l.entry_id,
            kind: l.kind,
            refType: l.ref_type,
            refId: l.ref_id,
            memo: l.memo,
            amount: money(-l.amount, wallet.currency),
            at: l.created_at.toISOString(),
          }),
        ),
        200,
      );
    },
  );
};
