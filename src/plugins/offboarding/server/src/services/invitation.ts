import { createHash, randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import type { CollaboratorRole } from '../../../shared/contracts/constants';
import type { AcceptedInvitation, Invitation, InvitationInput, InvitationState, PortalInvitation } from '../../../shared/contracts/invitations';
import type { OffboardingConfig } from '../config';
import { PLUGIN_ID, UID } from '../constants';
import { addDays, toDate, type DateInput } from '../domain/dates';
import { organizationStore, type OrganizationRow } from '../store/organization';
import { getService } from '../utils';
import type { Row } from '../utils/db';
import { conflictError, forbiddenError, goneError, notFound } from '../utils/errors';
import { findPageBounded, type PageRequest } from '../utils/paging';
import type { Actor } from './audit';

/** A token as minted: 32 random bytes, base64url (43 characters). */
export const INVITATION_TOKEN = /^[A-Za-z0-9_-]{43}$/;

type InvitationRow = Row & {
  email: string;
  tokenHash: string;
  role: CollaboratorRole;
  state: 'pending' | 'accepted' | 'revoked';
  expiresAt: DateInput;
  sentCount: number | null;
  lastSentAt: DateInput;
  acceptedAt: DateInput;
  revokedAt: DateInput;
  createdAt: DateInput;
  organization?: { id: number; documentId: string; name: string } | null;
  acceptedBy?: { documentId: string; email: string } | null;
};

/** The token's SHA-256: what is stored and looked up; the token itself is never stored. */
export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

const mintToken = () => {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
};

const POPULATE = {
  organization: { select: ['id', 'documentId', 'name'] },
  acceptedBy: { select: ['documentId', 'email'] },
} as const;

/** 410: the invitation existed, and is no longer usable (its state says why). */
const gone = (state: InvitationState) =>
  goneError('invitation.closed', `This invitation was ${state === 'expired' ? 'not accepted in time: it has expired' : state}; ask for a new one`, { state });

const isoOf = (value: DateInput) => toDate(value)?.toISOString() ?? null;

/**
 * Invitations (docs/spec.md §12): collaborators join only by an invitation mailed to their
 * address and accepted by a signed-in user who has that address, while the organization's stage
 * allows it. It replaces linking any user who had registered the address first.
 */
const createInvitationService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => (strapi.config.get(`plugin::${PLUGIN_ID}`) as OffboardingConfig).invitations;
  const now = () => getService(strapi, 'clock').now();
  const invitations = () => strapi.db.query(UID.invitation);

  const stateOf = (row: Pick<InvitationRow, 'state' | 'expiresAt'>, at: Date): InvitationState => {
    if (row.state !== 'pending') return row.state;
    const expiresAt = toDate(row.expiresAt);
    return expiresAt && expiresAt.getTime() > at.getTime() ? 'pending' : 'expired';
  };

  const view = (row: InvitationRow, at: Date): Invitation => ({
    documentId: row.documentId,
    organization: row.organization?.documentId ?? '',
    email: row.email,
    role: row.role,
    state: stateOf(row, at),
    expiresAt: isoOf(row.expiresAt) ?? '',
    sentCount: Number(row.sentCount ?? 1),
    lastSentAt: isoOf(row.lastSentAt),
    acceptedAt: isoOf(row.acceptedAt),
    acceptedBy: row.acceptedBy ? { documentId: row.acceptedBy.documentId, email: row.acceptedBy.email } : null,
    revokedAt: isoOf(row.revokedAt),
    createdAt: isoOf(row.createdAt) ?? '',
  });

  /** The link the mail carries: the host app's page (config) or the portal's own. */
  const acceptUrl = (token: string) => {
    const template = config().acceptUrl;
    if (template) return template.replace('{token}', encodeURIComponent(token));
    const base = String(strapi.config.get('server.absoluteUrl') ?? '').replace(/\/$/, '');
    return `${base}/api/${PLUGIN_ID}/portal/invitations/${token}`;
  };

  const find = async (where: Record<string, unknown>) => (await invitations().findOne({ where, populate: POPULATE })) as InvitationRow | null;

  const lockOrganization = async (where: { documentId: string } | { id: number }, shown: string) => {
    const org = await organizationStore(strapi).lock(where);
    if (!org) throw notFound('organization', shown);
    return org;
  };

  /** The invitation mail, queued in the caller's transaction, to the invited address alone. */
  const queueMail = async (org: OrganizationRow, row: { documentId: string; email: string; role: CollaboratorRole }, sentCount: number, token: string) => {
    await getService(strapi, 'notices').queue([
      {
        organization: org.documentId,
        key: 'invitation',
        dedupeKey: `invitation:${row.documentId}:${sentCount}`,
        facts: { invitation: { role: row.role, acceptUrl: acceptUrl(token) } },
        to: [row.email],
      },
    ]);
  };

  const emit = (type: 'invitation.created' | 'invitation.resent' | 'invitation.revoked' | 'invitation.accepted', org: OrganizationRow, actor: Actor, invitation: Invitation, before: Record<string, unknown> | null, after: Record<string, unknown>) =>
    getService(strapi, 'events').emit(
      { type, actor, targetType: 'invitation', targetId: invitation.documentId, organization: org.documentId, before, after, data: invitation },
      { organization: org }
    );

  /** The stored invitation of an admin route, with its organization locked (404 for either). */
  const lockInvitation = async (documentId: string) => {
    const first = await find({ documentId });
    if (!first?.organization) throw notFound('invitation', documentId);
    // By documentId, as every other change locks it: on MySQL a lock by id takes the primary key
    // alone, and a consumer's later lock by document_id would then take the secondary index after
    // it, the reverse of a concurrent organization update's order (they deadlocked in the burst test).
    const org = await lockOrganization({ documentId: first.organization.documentId }, first.organization.documentId);
    // Read again under the organization's lock: a concurrent change of it has committed by now.
    const row = await find({ id: first.id });
    if (!row) throw notFound('invitation', documentId);
    return { org, row };
  };

  return {
    acceptUrl,

    /** An admin invites an address with a role: 201, and the mail is queued with the row. */
    async create(organizationDocumentId: string, input: InvitationInput, actor: Actor): Promise<Invitation> {
      const email = input.email.trim().toLowerCase();
      return strapi.db.transaction(async () => {
        const org = await lockOrganization({ documentId: organizationDocumentId }, organizationDocumentId);
        await getService(strapi, 'access').assert(org.documentId, 'invite');
        const member = (await strapi.db.query(UID.collaborator).findOne({
          where: { organization: { id: org.id }, user: { email: { $eqi: email } } },
          select: ['id', 'role'],
        })) as (Row & { role: string }) | null;
        if (member) throw conflictError('invitation.already_collaborator', `${email} is already a collaborator (${member.role}) of this organization`, { email: 'collaborator' });
        const at = now();
        const open = (await invitations().findOne({
          where: { organization: { id: org.id }, email, state: 'pending', expiresAt: { $gt: at } },
          select: ['documentId'],
        })) as Row | null;
        if (open) {
          throw conflictError('invitation.already_pending', `${email} already has a pending invitation to this organization: resend it instead`, { invitation: open.documentId });
        }
        const { token, tokenHash } = mintToken();
        const created = (await invitations().create({
          data: { organization: org.id, email, role: input.role, state: 'pending', tokenHash, expiresAt: addDays(at, config().expiresInDays), sentCount: 1, lastSentAt: at, invitedById: actor.id, invitedByName: actor.name },
        })) as Row;
        const row = (await find({ id: created.id })) as InvitationRow;
        await queueMail(org, row, 1, token);
        const invitation = view(row, at);
        await emit('invitation.created', org, actor, invitation, null, { email, role: input.role, state: 'pending', expiresAt: invitation.expiresAt });
        return invitation;
      });
    },

    /** An organization's invitations, newest first; `state` filters (expired: pending past its expiry). */
    async list(organizationDocumentId: string, query: PageRequest & { state?: InvitationState }) {
      const org = await organizationStore(strapi).find({ documentId: organizationDocumentId });
      if (!org) throw notFound('organization', organizationDocumentId);
      const at = now();
      const where: Record<string, unknown> = { organization: { id: org.id } };
      if (query.state === 'pending') Object.assign(where, { state: 'pending', expiresAt: { $gt: at } });
      else if (query.state === 'expired') Object.assign(where, { state: 'pending', expiresAt: { $lte: at } });
      else if (query.state) where.state = query.state;
      const { results, pagination } = await findPageBounded(invitations(), {
        where,
        populate: POPULATE,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        page: query.page,
        pageSize: query.pageSize,
      });
      return { results: (results as InvitationRow[]).map((row) => view(row, at)), pagination };
    },

    /** Revokes a pending invitation (an expired one too: its link is then dead for good). */
    async revoke(documentId: string, actor: Actor): Promise<Invitation> {
      return strapi.db.transaction(async () => {
        const { org, row } = await lockInvitation(documentId);
        const at = now();
        const state = stateOf(row, at);
        if (row.state !== 'pending') throw conflictError('invitation.not_revocable', `Only a pending invitation can be revoked; this one is ${state}`, { state });
        await invitations().update({ where: { id: row.id }, data: { state: 'revoked', revokedAt: at } });
        const invitation = view((await find({ id: row.id })) as InvitationRow, at);
        await emit('invitation.revoked', org, actor, invitation, { state }, { state: 'revoked', revokedAt: invitation.revokedAt });
        return invitation;
      });
    },

    /** A new token (the old link is dead), a new expiry, and a new mail. */
    async resend(documentId: string, actor: Actor): Promise<Invitation> {
      return strapi.db.transaction(async () => {
        const { org, row } = await lockInvitation(documentId);
        const at = now();
        const state = stateOf(row, at);
        if (row.state !== 'pending') throw conflictError('invitation.not_resendable', `Only a pending or expired invitation can be resent; this one is ${state}`, { state });
        await getService(strapi, 'access').assert(org.documentId, 'invite');
        const { token, tokenHash } = mintToken();
        const sentCount = Number(row.sentCount ?? 1) + 1;
        const expiresAt = addDays(at, config().expiresInDays);
        await invitations().update({ where: { id: row.id }, data: { tokenHash, expiresAt, sentCount, lastSentAt: at } });
        await queueMail(org, row, sentCount, token);
        const invitation = view((await find({ id: row.id })) as InvitationRow, at);
        await emit('invitation.resent', org, actor, invitation, { state, expiresAt: isoOf(row.expiresAt) }, { state: 'pending', expiresAt: invitation.expiresAt, sentCount });
        return invitation;
      });
    },

    /** What the link shows before anyone signs in: the organization's name, the role, the expiry. Nothing else. */
    async show(token: string): Promise<PortalInvitation> {
      const row = await find({ tokenHash: hashToken(token) });
      if (!row?.organization) throw notFound('invitation', '…');
      const state = stateOf(row, now());
      if (state !== 'pending') throw gone(state);
      return { organization: { name: row.organization.name }, role: row.role, expiresAt: isoOf(row.expiresAt) ?? '' };
    },

    /**
     * Accepted by the signed-in user whose e-mail is the invitation's, once: the pending row is
     * turned accepted by a conditional update, so of two concurrent accepts one wins and the
     * other finds it gone (410). The collaborator row is created in the same transaction.
     */
    async accept(token: string, userId: number): Promise<AcceptedInvitation> {
      return strapi.db.transaction(async () => {
        const first = await find({ tokenHash: hashToken(token) });
        if (!first?.organization) throw notFound('invitation', '…');
        const org = await lockOrganization({ documentId: first.organization.documentId }, first.organization.documentId);
        const row = (await find({ id: first.id })) as InvitationRow;
        // Read again under the lock: a resend that committed meanwhile replaced the token, and the
        // one in hand is then dead (as it is for a request that comes after the resend).
        if (row.tokenHash !== hashToken(token)) throw notFound('invitation', '…');
        const at = now();
        const state = stateOf(row, at);
        if (state !== 'pending') throw gone(state);
        const user = (await strapi.db.query(UID.user).findOne({ where: { id: userId }, select: ['id', 'documentId', 'email', 'blocked'] })) as
          | (Row & { email: string | null; blocked: boolean | null })
          | null;
        if (!user || user.blocked) throw forbiddenError('invitation.account_blocked', 'This account is blocked: it cannot accept invitations', { reason: 'blocked' });
        if ((user.email ?? '').trim().toLowerCase() !== row.email) {
          throw forbiddenError('invitation.email_mismatch', 'This invitation was sent to another e-mail address: sign in with the account that has it', { reason: 'email_mismatch' });
        }
        await getService(strapi, 'access').assert(org.documentId, 'acceptInvite');
        const member = await strapi.db.query(UID.collaborator).findOne({ where: { organization: { id: org.id }, user: { id: user.id } }, select: ['id'] });
        if (member) throw conflictError('invitation.already_collaborator', 'You already collaborate on this organization', { reason: 'already_collaborator' });
        const won = (await invitations().updateMany({
          where: { id: row.id, state: 'pending', expiresAt: { $gt: at } },
          data: { state: 'accepted', acceptedAt: at },
        })) as { count?: number };
        if (!Number(won.count ?? 0)) throw gone('accepted');
        await invitations().update({ where: { id: row.id }, data: { acceptedBy: user.id } });
        const link = (await strapi.db.query(UID.collaborator).create({ data: { organization: org.id, user: user.id, role: row.role } })) as Row;
        const actor: Actor = { type: 'collaborator', id: user.documentId, name: user.email };
        const invitation = view((await find({ id: row.id })) as InvitationRow, at);
        await emit('invitation.accepted', org, actor, invitation, { state: 'pending' }, { state: 'accepted', acceptedAt: invitation.acceptedAt, user: user.documentId, email: row.email, role: row.role });
        await getService(strapi, 'events').emit(
          {
            type: 'collaborator.added',
            actor,
            targetType: 'collaborator',
            targetId: link.documentId,
            organization: org.documentId,
            after: { user: user.documentId, email: user.email, role: row.role, invitation: row.documentId },
          },
          { organization: org }
        );
        return { organization: { documentId: org.documentId, name: org.name }, role: row.role };
      });
    },
  };
};

export type InvitationService = ReturnType<typeof createInvitationService>;
export default createInvitationService;
