export default ({ env }) => ({
  'users-permissions': {
    config: {
      // A fallback keeps users-permissions from writing a secret into .env on a fresh clone.
      jwtSecret: env('JWT_SECRET', 'offboarding-dev-users-permissions-jwt-secret'),
    },
  },
  offboarding: {
    enabled: true,
    resolve: './src/plugins/offboarding',
    config: {},
  },
});
