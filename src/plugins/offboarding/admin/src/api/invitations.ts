import type { Invitation, InvitationInput, InvitationList } from '../../../shared/contracts/invitations';
import type { PageQuery } from '../../../shared/contracts/organizations';
import { action, path, query } from './request';

/**
 * Invitations (docs/spec.md §12): collaborators join only by invitation, which replaced linking
 * an existing user by e-mail. Every answer wraps the invitation in `data`, as the other routes do.
 */
export const invitations = {
  /** Newest first. */
  list: (organizationId: string, params: PageQuery) => query<InvitationList>(path`/organizations/${organizationId}/invitations`, params),
  /** 409 naming the stage when the organization may not invite, or when the address is already in. */
  create: (organizationId: string, body: InvitationInput) =>
    action<{ data: Invitation }>('POST', path`/organizations/${organizationId}/invitations`, body),
  revoke: (id: string) => action<{ data: Invitation }>('DELETE', path`/invitations/${id}`),
  /** A new link (the old one stops working), valid for another 7 days. */
  resend: (id: string) => action<{ data: Invitation }>('POST', path`/invitations/${id}/resend`, {}),
};
