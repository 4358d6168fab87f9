import audit from './audit';
import clock from './clock';
import collaborator from './collaborator';
import entitlement from './entitlement';
import organization from './organization';
import organizationLifecycle from './organization-lifecycle';
import policy from './policy';
import reason from './reason';

const services = {
  audit,
  clock,
  collaborator,
  entitlement,
  organization,
  'organization-lifecycle': organizationLifecycle,
  policy,
  reason,
};

export type Services = typeof services;
export default services;
