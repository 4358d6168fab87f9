export const PLUGIN_ID = 'offboarding';

export const UID = {
  organization: 'plugin::offboarding.organization',
  entitlement: 'plugin::offboarding.entitlement',
  cancellationPolicy: 'plugin::offboarding.cancellation-policy',
  provisioningPolicy: 'plugin::offboarding.provisioning-policy',
  reason: 'plugin::offboarding.cancellation-reason',
  auditEvent: 'plugin::offboarding.audit-event',
  event: 'plugin::offboarding.domain-event',
  collaborator: 'plugin::offboarding.collaborator',
  task: 'plugin::offboarding.scheduled-task',
  scheduledChange: 'plugin::offboarding.scheduled-change',
  lease: 'plugin::offboarding.lease',
  dataExport: 'plugin::offboarding.data-export',
  resource: 'plugin::offboarding.resource',
  checklistRun: 'plugin::offboarding.checklist-run',
  refund: 'plugin::offboarding.refund',
  webhookEndpoint: 'plugin::offboarding.webhook-endpoint',
  webhookDelivery: 'plugin::offboarding.webhook-delivery',
  noticeTemplate: 'plugin::offboarding.notice-template',
  notification: 'plugin::offboarding.notification',
  invitation: 'plugin::offboarding.invitation',
  user: 'plugin::users-permissions.user',
} as const;

export type ModelUid = (typeof UID)[keyof typeof UID];

/** RBAC actions; each admin route names the one it needs. */
export const ACTIONS = {
  read: 'plugin::offboarding.read',
  manage: 'plugin::offboarding.manage',
  cancel: 'plugin::offboarding.cancel',
  suspend: 'plugin::offboarding.suspend',
  reactivate: 'plugin::offboarding.reactivate',
  archive: 'plugin::offboarding.archive',
  access: 'plugin::offboarding.access',
  export: 'plugin::offboarding.export',
  delete: 'plugin::offboarding.delete',
  settings: 'plugin::offboarding.settings',
  retention: 'plugin::offboarding.retention',
} as const;

export type ActionKey = keyof typeof ACTIONS;

export const ACTION_DEFINITIONS: { uid: ActionKey; displayName: string }[] = [
  { uid: 'read', displayName: 'Read organizations, entitlements and audit' },
  { uid: 'manage', displayName: 'Create and edit organizations, entitlements and collaborators' },
  { uid: 'cancel', displayName: 'Cancel entitlements and undo cancellations' },
  { uid: 'suspend', displayName: 'Suspend and resume entitlements' },
  { uid: 'reactivate', displayName: 'Reactivate entitlements' },
  { uid: 'archive', displayName: 'Archive and unarchive organizations' },
  { uid: 'access', displayName: 'Disable and enable portal access' },
  { uid: 'export', displayName: 'Generate and download data exports' },
  { uid: 'delete', displayName: 'Delete organizations' },
  { uid: 'settings', displayName: 'Manage policies, reasons and jobs' },
  { uid: 'retention', displayName: 'Manage retention, legal holds and the purge queue' },
];
