/** Content API (mounted under /api/offboarding). */
export default {
  type: 'content-api',
  routes: [
    {
      // The signed link is the credential: no login.
      method: 'GET',
      path: '/exports/download',
      handler: 'export.downloadSigned',
      config: { auth: false },
    },
  ],
};
