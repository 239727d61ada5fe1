import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { prisma } from '@/lib/db';
import { getSession } from '@/lib/session';

async function requireAdminSession() {
  const sid = cookies().get('sid')?.value;
  const session = sid ? await getSession(sid) : null;
  if (!session || session.expiresAt < new Date()) redirect('/login?next=/admin');
  if (session.user.role !== 'admin') redirect('/403');
  return session;
}

async function purgeInactiveMembers(formData: FormData) {
  'use server';
  await requireAdminSession();
  const days = Number(formData.get('days') ?? 365);
  const cutoff = new Date(Date.now() - days * 86_400_000);
  await prisma.membership.deleteMany({ where: { lastActiveAt: { lt: cutoff } } });
  revalidatePath('/admin');
}

async function promoteToAdmin(formData: FormData) {
  'use server';
  const session = await requireAdminSession();
  const userId = String(formData.get('userId'));
  await prisma.user.update({ where: { id: userId }, data: { role: 'admin', promotedBy: session.user.id } });
  revalidatePath('/admin');
}

function fmt(d: Date) {
  return d.toISOString().slice(0, 10);
}

export default async function AdminPage() {
  await requireAdminSession();
  const members = await prisma.user.findMany({
    orderBy: { createdAt: 'desc' },
    take: 100,
    select: { id: true, email: true, role: true, createdAt: true },
  });
  return (
    <main className="admin">
      <h1>Members</h1>
      <table>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <td>{m.email}</td>
              <td>{m.role}</td>
              <td>{fmt(m.createdAt)}</td>
              <td>
                {m.role !== 'admin' && (
                  <form action={promoteToAdmin}>
                    <input type="hidden" name="userId" value={m.id} />
                    <button type="submit">Make admin</button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form action={purgeInactiveMembers} className="danger-zone">
        <label>
          Remove members inactive for
          <input type="number" name="days" defaultValue={365} min={30} /> days
        </label>
        <button type="submit">Purge</button>
      </form>
    </main>
  );
}
