import access from './access';
import archiveGuard from './archive-guard';
import audit from './audit';
import auditLog from './audit-log';
import checklist from './checklist';
import clock from './clock';
import collaborator from './collaborator';
import entitlement from './entitlement';
import events from './events';
import insights from './insights';
import invitation from './invitation';
import dataExport from './export';
import lease from './lease';
import notices from './notices';
import organization from './organization';
import organizationBulk from './organization-bulk';
import organizationLifecycle from './organization-lifecycle';
import ownedData from './owned-data';
import policy from './policy';
import portal from './portal';
import provisioning from './provisioning';
import purge from './purge';
import reason from './reason';
import refund from './refund';
import retention from './retention';
import scheduledChange from './scheduled-change';
import scheduler from './scheduler';
import storage from './storage';
import sweeps from './sweeps';
import webhookDelivery from './webhook-delivery';
import webhooks from './webhooks';

const services = {
  access,
  audit,
  'audit-log': auditLog,
  insights,
  events,
  clock,
  collaborator,
  entitlement,
  organization,
  'organization-bulk': organizationBulk,
  'organization-lifecycle': organizationLifecycle,
  policy,
  reason,
  lease,
  scheduler,
  'scheduled-change': scheduledChange,
  sweeps,
  retention,
  purge,
  export: dataExport,
  storage,
  provisioning,
  portal,
  'owned-data': ownedData,
  'archive-guard': archiveGuard,
  checklist,
  refund,
  webhooks,
  'webhook-delivery': webhookDelivery,
  notices,
  invitation,
};

export type Services = typeof services;
export default services;
