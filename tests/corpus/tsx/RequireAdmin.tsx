import { ReactNode, createContext, useContext } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';

export type Role = 'viewer' | 'editor' | 'admin';

export interface CurrentUser {
  id: string;
  name: string;
  roles: Role[];
}

export const UserContext = createContext<CurrentUser | null>(null);

export interface Flags {
  billingV2: boolean;
  auditExport: boolean;
}

export const DEFAULT_FLAGS: Flags = {
  billingV2: false,
  auditExport: true,
};

export const FlagsContext = createContext<Flags>(DEFAULT_FLAGS);

const ROLE_PERMISSIONS: Record<Role, string[]> = {
  viewer: ['projects:read'],
  editor: ['projects:read', 'projects:write'],
  admin: ['projects:read', 'projects:write', 'members:manage', 'billing:manage'],
};

export function can(user: CurrentUser | null, permission: string): boolean {
  return !!user && user.roles.some((r) => ROLE_PERMISSIONS[r].includes(permission));
}

export function RequireAdmin({ children }: { children?: ReactNode }) {
  const user = useContext(UserContext);
  const location = useLocation();
  if (!user) {
    return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  }
  if (!user.roles.includes('admin')) {
    return <Navigate to="/403" replace />;
  }
  return <>{children ?? <Outlet />}</>;
}

export function BillingLink() {
  const flags = useContext(FlagsContext);
  const user = useContext(UserContext);
  if (!can(user, 'billing:manage')) return null;
  return <a href={flags.billingV2 ? '/billing/v2' : '/billing'}>Billing</a>;
}

export function UserBadge() {
  const user = useContext(UserContext);
  if (!user) return <span className="badge badge--anon">Guest</span>;
  const initials = user.name
    .split(' ')
    .map((p) => p[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();
  return (
    <span className="badge" title={user.name}>
      {initials}
    </span>
  );
}
