/** Content API (mounted under /api/offboarding). */
export default {
  type: 'content-api',
  routes: [
    {
      // The signed link is the credential: no login.
      method: 'GET',
      path: '/exports/download',
      handler: 'export.downloadSigned',
      config: { auth: false, middlewares: ['plugin::offboarding.bounded-input'] },
    },
    {
      // The invitation link: anyone holding it sees the organization's name, the role and the expiry.
      // Its token is a credential: middlewares/redact-tokens keeps it out of the request log.
      method: 'GET',
      path: '/portal/invitations/:token',
      handler: 'portal-invitation.findOne',
      config: { auth: false, middlewares: ['plugin::offboarding.bounded-input'] },
    },
    {
      method: 'POST',
      path: '/portal/invitations/accept',
      handler: 'portal-invitation.accept',
      config: { middlewares: ['plugin::offboarding.bounded-input'] },
    },
    // Collaborators (users-permissions login); bootstrap opens them to the authenticated role.
    {
      method: 'GET',
      path: '/portal/organizations',
      handler: 'portal.find',
      config: { middlewares: ['plugin::offboarding.bounded-input', 'plugin::offboarding.valid-ids'] },
    },
    {
      method: 'GET',
      path: '/portal/organizations/:id',
      handler: 'portal.findOne',
      config: { middlewares: ['plugin::offboarding.bounded-input', 'plugin::offboarding.valid-ids'] },
    },
    {
      method: 'GET',
      path: '/portal/organizations/:id/access',
      handler: 'portal.access',
      config: { middlewares: ['plugin::offboarding.bounded-input', 'plugin::offboarding.valid-ids'] },
    },
    {
      method: 'POST',
      path: '/portal/organizations/:id/exports',
      handler: 'portal-export.create',
      config: { middlewares: ['plugin::offboarding.bounded-input', 'plugin::offboarding.valid-ids'] },
    },
    {
      method: 'GET',
      path: '/portal/exports/:id',
      handler: 'portal-export.findOne',
      config: { middlewares: ['plugin::offboarding.bounded-input', 'plugin::offboarding.valid-ids'] },
    },
  ],
};
