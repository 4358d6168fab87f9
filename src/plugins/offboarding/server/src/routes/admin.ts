import { ACTIONS, type ActionKey } from '../constants';

/** Every admin route needs an authenticated admin and the RBAC action it names. */
const route = (method: string, path: string, handler: string, action: ActionKey) => ({
  method,
  path,
  handler,
  config: {
    policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [ACTIONS[action]] } }],
  },
});

export default {
  type: 'admin',
  routes: [
    route('GET', '/organizations', 'organization.find', 'read'),
    route('POST', '/organizations', 'organization.create', 'manage'),
    route('GET', '/organizations/:id', 'organization.findOne', 'read'),
    route('PUT', '/organizations/:id', 'organization.update', 'manage'),
    route('DELETE', '/organizations/:id', 'organization.delete', 'delete'),
    route('POST', '/organizations/:id/entitlements', 'entitlement.create', 'manage'),
    route('POST', '/organizations/:id/archive', 'organization.archive', 'archive'),
    route('POST', '/organizations/:id/unarchive', 'organization.unarchive', 'archive'),
    route('POST', '/organizations/:id/disable', 'organization.disable', 'access'),
    route('POST', '/organizations/:id/enable', 'organization.enable', 'access'),
    route('POST', '/organizations/:id/cancel-all', 'organization.cancelAll', 'cancel'),
    route('GET', '/organizations/:id/audit', 'organization.audit', 'read'),
    route('POST', '/organizations/:id/collaborators', 'organization.addCollaborator', 'manage'),
    route('DELETE', '/organizations/:id/collaborators/:userId', 'organization.removeCollaborator', 'manage'),
    route('GET', '/entitlements/:id', 'entitlement.findOne', 'read'),
    route('POST', '/entitlements/:id/cancel', 'entitlement.cancel', 'cancel'),
    route('POST', '/entitlements/:id/cancel/preview', 'entitlement.previewCancel', 'read'),
    route('POST', '/entitlements/:id/undo-cancel', 'entitlement.undoCancel', 'cancel'),
    route('POST', '/entitlements/:id/suspend', 'entitlement.suspend', 'suspend'),
    route('POST', '/entitlements/:id/resume', 'entitlement.resume', 'suspend'),
    route('POST', '/entitlements/:id/reactivate', 'entitlement.reactivate', 'reactivate'),
    route('GET', '/policies', 'settings.listPolicies', 'read'),
    route('POST', '/policies', 'settings.createPolicy', 'settings'),
    route('PUT', '/policies/:id', 'settings.updatePolicy', 'settings'),
    route('GET', '/provisioning-policies', 'settings.listProvisioningPolicies', 'read'),
    route('PUT', '/provisioning-policies/:id', 'settings.updateProvisioningPolicy', 'settings'),
    route('GET', '/reasons', 'settings.listReasons', 'read'),
    route('POST', '/reasons', 'settings.createReason', 'settings'),
    route('PUT', '/reasons/:id', 'settings.updateReason', 'settings'),
    route('GET', '/stats', 'organization.stats', 'read'),
    route('GET', '/retention/queue', 'retention.queue', 'read'),
    route('POST', '/organizations/:id/retention/extend', 'retention.extend', 'retention'),
    route('POST', '/organizations/:id/retention/hold', 'retention.hold', 'retention'),
    route('DELETE', '/organizations/:id/retention/hold', 'retention.lift', 'retention'),
    route('GET', '/jobs', 'retention.jobs', 'read'),
    route('POST', '/jobs/:name/run', 'retention.runJob', 'settings'),
    route('GET', '/tasks', 'retention.tasks', 'read'),
  ],
};
