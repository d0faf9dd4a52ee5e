import { sql } from 'kysely';
import type { Exec } from '../platform/db/database';

// Reference data for the demo seed, loaded directly: partners, companies, users, catalog. Business
// events (top-ups, orders, requests) then go through the real use cases so the demo has real trails.
export interface SeedRows {
  partners: { id: string; code: string; name_zh: string; name_en: string }[];
  companies: {
    id: string;
    name_zh: string;
    name_en: string | null;
    tenant_id: string | null;
    partner_id: string | null;
  }[];
  users: {
    id: string;
    email: string;
    name: string;
    roles: string[];
    partner_id: string | null;
    company_id: string | null;
    password_hash: string;
  }[];
  products: { id: string; code: string; name_zh: string; name_en: string; kind: string; category: string }[];
  plans: {
    id: string;
    product_id: string;
    code: string;
    name_zh: string;
    name_en: string;
    kind: string;
    seat_max: number | null;
    pass_through: boolean;
  }[];
  prices: { plan_id: string; currency: string; min_seats: number; unit_amount: bigint }[];
  policies: { product_id: string; order_type: string; channel: string; mode: string }[];
}

export async function isSeeded(ex: Exec): Promise<boolean> {
  const { rows } = await sql<{ n: bigint }>`select count(*)::int8 as n from partners`.execute(ex);
  return (rows[0]?.n ?? 0n) > 0n;
}

export async function insertSeedRows(ex: Exec, at: Date, s: SeedRows): Promise<void> {
  for (const p of s.partners) {
    await sql`insert into partners (id, code, name_zh, name_en, created_at) values (${p.id}, ${p.code}, ${p.name_zh}, ${p.name_en}, ${at})`.execute(
      ex,
    );
  }
  for (const c of s.companies) {
    await sql`insert into companies (id, name_zh, name_en, tenant_id, partner_id, created_at)
      values (${c.id}, ${c.name_zh}, ${c.name_en}, ${c.tenant_id}, ${c.partner_id}, ${at})`.execute(ex);
  }
  for (const u of s.users) {
    await sql`insert into users (id, email, name, roles, partner_id, company_id, password_hash, created_at)
      values (${u.id}, ${u.email}, ${u.name}, ${sql.val(u.roles)}, ${u.partner_id}, ${u.company_id}, ${u.password_hash}, ${at})`.execute(
      ex,
    );
  }
  for (const p of s.products) {
    await sql`insert into products (id, code, name_zh, name_en, kind, category, created_at)
      values (${p.id}, ${p.code}, ${p.name_zh}, ${p.name_en}, ${p.kind}, ${p.category}, ${at})`.execute(ex);
  }
  for (const p of s.plans) {
    await sql`insert into plans (id, product_id, code, name_zh, name_en, kind, pricing_method, seat_max, pass_through, refundable, created_at)
      values (${p.id}, ${p.product_id}, ${p.code}, ${p.name_zh}, ${p.name_en}, ${p.kind}, 'seat_year', ${p.seat_max}, ${p.pass_through},
        ${!p.pass_through}, ${at})`.execute(ex);
  }
  for (const p of s.prices) {
    await sql`insert into plan_prices (plan_id, currency, min_seats, unit_amount) values (${p.plan_id}, ${p.currency}, ${p.min_seats}, ${p.unit_amount})`.execute(
      ex,
    );
  }
  for (const p of s.policies) {
    await sql`insert into review_policies (product_id, order_type, channel, mode) values (${p.product_id}, ${p.order_type}, ${p.channel}, ${p.mode})`.execute(
      ex,
    );
  }
}
