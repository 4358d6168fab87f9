import type { Context } from 'koa';
import type { Actor } from '../services/audit';

interface AdminUser {
  id: number;
  documentId?: string;
  email?: string;
  firstname?: string | null;
  lastname?: string | null;
}

/** The admin behind an admin-API request, as the audit trail records them. */
export const adminActor = (ctx: Context): Actor => {
  const user = ctx.state.user as AdminUser | undefined;
  return {
    type: 'admin',
    // Every id in the API is a documentId; the numeric id only for an account that has none.
    id: user ? (user.documentId ?? String(user.id)) : null,
    name: user?.email ?? null,
  };
};
