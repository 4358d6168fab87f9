import { yup } from '@strapi/utils';
import { COLLABORATOR_ROLES } from '../../../../shared/contracts/constants';
import { INVITATION_STATES, type AcceptInvitationInput, type InvitationInput, type InvitationState } from '../../../../shared/contracts/invitations';
import { oneOf, paginationShape, strictObject, validateBody, validateQuery } from './common';

/** As minted by services/invitation: 32 random bytes in base64url. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const TOKEN_MESSAGE = '${path} must be an invitation token: the 43 letters, digits, "-" and "_" of the link';

const token = () => yup.string().required('${path} is required').matches(TOKEN_SHAPE, TOKEN_MESSAGE);

export const validateInvitation = validateBody<InvitationInput>(
  strictObject({
    // RFC 5321: an address is at most 254 characters.
    email: yup.string().required().max(254).email('${path} must be a valid email'),
    role: oneOf(COLLABORATOR_ROLES).required(),
  })
);

export const validateInvitationList = validateQuery<{ page: number; pageSize: number; state?: InvitationState }>(
  strictObject({ state: oneOf(INVITATION_STATES), ...paginationShape })
);

export const validateAcceptInvitation = validateBody<AcceptInvitationInput>(strictObject({ token: token() }));

/** The `:token` of `GET /portal/invitations/:token`. */
export const validateTokenParam = validateBody<{ token: string }>(strictObject({ token: token() }));
