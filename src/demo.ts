import type { Core } from '@strapi/strapi';

export const DEMO_ADMIN = { email: 'admin@offboarding.local', password: 'Offboarding-Demo-1' };
export const DEMO_COLLABORATOR = { email: 'customer@acme.example', password: 'Customer-Demo-1' };

const DAY = 86_400_000;
const actor = { type: 'admin' as const, id: null, name: 'demo-seed' };

const ensureDemoAdmin = async (strapi: Core.Strapi) => {
  const users = strapi.service('admin::user');
  if (await users.exists()) return;
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await users.create({
    email: DEMO_ADMIN.email,
    firstname: 'Demo',
    lastname: 'Admin',
    password: DEMO_ADMIN.password,
    isActive: true,
    registrationToken: null,
    roles: superAdmin ? [superAdmin.id] : [],
  });
  strapi.log.info(`[offboarding demo] admin login: ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`);
};

const ensureDemoCollaboratorUser = async (strapi: Core.Strapi) => {
  const existing = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: DEMO_COLLABORATOR.email } });
  if (existing) return;
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  await strapi.plugin('users-permissions').service('user').add({
    username: 'acme-customer',
    email: DEMO_COLLABORATOR.email,
    password: DEMO_COLLABORATOR.password,
    provider: 'local',
    confirmed: true,
    blocked: false,
    role: role?.id,
  });
};

/** Demo organizations in different states; runs only on an empty organizations table. */
export const seedDemo = async (strapi: Core.Strapi) => {
  await ensureDemoAdmin(strapi);
  await ensureDemoCollaboratorUser(strapi);
  if ((await strapi.db.query('plugin::offboarding.organization').count()) > 0) return;

  const plugin = strapi.plugin('offboarding');
  const organizations = plugin.service('organization');
  const entitlements = plugin.service('entitlement');
  const now = plugin.service('clock').now().getTime();
  const monthly = (offsetDays: number) => ({
    billingPeriod: 'month',
    currentPeriodStart: new Date(now - offsetDays * DAY).toISOString(),
    currentPeriodEnd: new Date(now + (30 - offsetDays) * DAY).toISOString(),
  });

  const acme = await organizations.create(
    { name: 'Acme Analytics GmbH', taxId: 'DE811907980', email: 'billing@acme.example', phone: '+49 30 1234567', address: 'Friedrichstr. 1, 10117 Berlin' },
    actor
  );
  await entitlements.create(acme.documentId, { class: 'PLG', name: 'Analytics plugin license', price: 4900, currency: 'EUR', ...monthly(10) }, actor);
  await entitlements.create(acme.documentId, { class: 'ENV', name: 'Hosted production environment', price: 19900, currency: 'EUR', ...monthly(10) }, actor);
  await plugin.service('collaborator').add(acme.documentId, { email: DEMO_COLLABORATOR.email, role: 'owner' }, actor);

  const borealis = await organizations.create({ name: 'Borealis Foods Ltd', taxId: 'GB123456789', email: 'accounts@borealis.example' }, actor);
  const support = await entitlements.create(borealis.documentId, { class: 'SVC', name: 'Premium support contract', price: 120000, currency: 'GBP', ...monthly(20) }, actor);
  await entitlements.cancel(support.documentId, { reason: 'switching_provider', notes: 'Moving to an in-house team', timing: 'period_end', refund: 'none' }, actor);

  const cobalt = await organizations.create({ name: 'Cobalt Robotics Inc', taxId: 'US-94-1234567', email: 'ap@cobalt.example' }, actor);
  const cobaltEnv = await entitlements.create(cobalt.documentId, { class: 'ENV', name: 'Staging environment', price: 9900, currency: 'USD', ...monthly(5) }, actor);
  await entitlements.suspend(cobaltEnv.documentId, { reason: 'non_payment', notes: 'Invoice INV-2041 unpaid after 3 reminders' }, actor);

  const driftwood = await organizations.create({ name: 'Driftwood Studio', taxId: 'FR40303265045', email: 'hello@driftwood.example' }, actor);
  const course = await entitlements.create(driftwood.documentId, { class: 'EDU', name: 'Onboarding training', price: 50000, currency: 'EUR', billingPeriod: 'none' }, actor);
  await entitlements.cancel(course.documentId, { reason: 'business_closure', timing: 'immediate', refund: 'none' }, actor);
  await plugin.service('organization-lifecycle').archive(driftwood.documentId, actor);

  strapi.log.info('[offboarding demo] seeded 4 demo organizations');
};
