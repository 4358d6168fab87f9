import type { CollaboratorRole } from './constants';
import type { IsoDate, Pagination } from './entities';

/**
 * Invitations (docs/spec.md §12): collaborators join only by invitation, mailed as the
 * `invitation` notice, single-use, expiring after `invitations.expiresInDays` (7).
 */
export const INVITATION_STATES = ['pending', 'accepted', 'revoked', 'expired'] as const;
/** `expired` is a pending invitation past `expiresAt` (read, never stored). */
export type InvitationState = (typeof INVITATION_STATES)[number];

/** `POST /offboarding/organizations/:id/invitations` */
export interface InvitationInput {
  email: string;
  role: CollaboratorRole;
}

/** An invitation as admins see it. */
export interface Invitation {
  documentId: string;
  organization: string;
  email: string;
  role: CollaboratorRole;
  state: InvitationState;
  expiresAt: IsoDate;
  /** How many times it was mailed (1 after creation, +1 per resend). */
  sentCount: number;
  lastSentAt: IsoDate | null;
  acceptedAt: IsoDate | null;
  /** The users-permissions user who accepted it. */
  acceptedBy: { documentId: string; email: string } | null;
  revokedAt: IsoDate | null;
  createdAt: IsoDate;
}

export interface InvitationList {
  data: Invitation[];
  meta: { pagination: Pagination };
}

/** `GET /api/offboarding/portal/invitations/:token` (no login): only this, nothing else. */
export interface PortalInvitation {
  organization: { name: string };
  role: CollaboratorRole;
  expiresAt: IsoDate;
}

/** `POST /api/offboarding/portal/invitations/accept` */
export interface AcceptInvitationInput {
  token: string;
}

/** The accept's answer: the organization joined (its documentId and name) and the caller's role. */
export interface AcceptedInvitation {
  organization: { documentId: string; name: string };
  role: CollaboratorRole;
}
