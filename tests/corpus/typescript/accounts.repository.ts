import { PrismaClient, Prisma } from '@prisma/client';

const prisma = new PrismaClient({
  log: ['warn', 'error'],
  datasources: { db: { url: process.env.ACCOUNTS_DATABASE_URL } },
});

export interface AccountSummary {
  id: string;
  email: string;
  plan: 'free' | 'pro' | 'enterprise';
  seats: number;
}

/** In-process memo of plan lookups; entries are dropped when a plan changes. */
const planMemo = new Map<string, AccountSummary['plan']>();

export async function findAccount(id: string): Promise<AccountSummary | null> {
  const row = await prisma.account.findUnique({
    where: { id },
    select: { id: true, email: true, plan: true, seats: true },
  });
  if (row) planMemo.set(id, row.plan as AccountSummary['plan']);
  return row as AccountSummary | null;
}

export async function changePlan(id: string, plan: AccountSummary['plan']): Promise<void> {
  await prisma.account.update({ where: { id }, data: { plan } });
  planMemo.delete(id);
}

export async function closeAccount(id: string): Promise<void> {
  await prisma.$transaction([
    prisma.session.deleteMany({ where: { accountId: id } }),
    prisma.apiKey.deleteMany({ where: { accountId: id } }),
    prisma.account.delete({ where: { id } }),
  ]);
  planMemo.delete(id);
}

export async function purgeSandbox(schema: string): Promise<void> {
  await prisma.$executeRawUnsafe(`TRUNCATE TABLE "${schema}"."events", "${schema}"."jobs" CASCADE`);
}

export async function bulkDeactivate(before: Date): Promise<number> {
  const { count } = await prisma.account.updateMany({
    where: { plan: 'free', lastSeenAt: { lt: before } },
    data: { active: false, deactivatedAt: new Date() },
  });
  return count;
}

export async function searchAccounts(term: string, take = 20): Promise<AccountSummary[]> {
  const where: Prisma.AccountWhereInput = {
    OR: [{ email: { contains: term, mode: 'insensitive' } }, { name: { contains: term, mode: 'insensitive' } }],
  };
  return (await prisma.account.findMany({ where, take, orderBy: { createdAt: 'desc' } })) as AccountSummary[];
}

export function seatLabel(a: AccountSummary): string {
  return a.seats === 1 ? '1 seat' : `${a.seats} seats`;
}

export async function disconnect(): Promise<void> {
  await prisma.$disconnect();
}
