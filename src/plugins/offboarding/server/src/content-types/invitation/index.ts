import { COLLABORATOR_ROLES } from '../../../../shared/contracts/constants';

/** Stored states; `expired` is read (a pending invitation past `expiresAt`), never stored. */
export const STORED_INVITATION_STATES = ['pending', 'accepted', 'revoked'] as const;

/**
 * An invitation to join an organization (docs/spec.md §12). The token itself is never stored:
 * only its SHA-256 (`tokenHash`), so a database read gives no way in; the raw token lives only in
 * the mailed notice. `invitedBy*` is the admin who invited, as other audit actors are kept.
 */
export default {
  schema: {
    kind: 'collectionType',
    collectionName: 'offboarding_invitations',
    info: {
      singularName: 'invitation',
      pluralName: 'invitations',
      displayName: 'Invitation',
      description: 'An invitation of an e-mail address to join an organization with a role',
    },
    options: { draftAndPublish: false },
    pluginOptions: {
      'content-manager': { visible: false },
      'content-type-builder': { visible: false },
    },
    attributes: {
      organization: {
        type: 'relation',
        relation: 'manyToOne',
        target: 'plugin::offboarding.organization',
        inversedBy: 'invitations',
      },
      email: { type: 'string', required: true, maxLength: 254 },
      role: { type: 'enumeration', enum: [...COLLABORATOR_ROLES], default: 'member', required: true },
      state: { type: 'enumeration', enum: [...STORED_INVITATION_STATES], default: 'pending', required: true },
      tokenHash: { type: 'string', private: true, required: true, unique: true },
      expiresAt: { type: 'datetime', required: true },
      sentCount: { type: 'integer', default: 1 },
      lastSentAt: { type: 'datetime' },
      acceptedAt: { type: 'datetime' },
      acceptedBy: { type: 'relation', relation: 'manyToOne', target: 'plugin::users-permissions.user' },
      revokedAt: { type: 'datetime' },
      invitedById: { type: 'string', private: true },
      invitedByName: { type: 'string', private: true },
    },
    indexes: [
      // The accept and the public read find an invitation by its token's hash alone.
      { name: 'offboarding_invitations_token', columns: ['token_hash'], type: 'unique' },
      { name: 'offboarding_invitations_email', columns: ['email', 'state'] },
    ],
  },
};
