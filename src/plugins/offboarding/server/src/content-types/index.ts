import auditEvent from './audit-event';
import cancellationPolicy from './cancellation-policy';
import cancellationReason from './cancellation-reason';
import checklistRun from './checklist-run';
import collaborator from './collaborator';
import dataExport from './data-export';
import domainEvent from './domain-event';
import lease from './lease';
import noticeTemplate from './notice-template';
import notification from './notification';
import scheduledChange from './scheduled-change';
import scheduledTask from './scheduled-task';
import entitlement from './entitlement';
import invitation from './invitation';
import organization from './organization';
import provisioningPolicy from './provisioning-policy';
import refund from './refund';
import resource from './resource';
import webhookDelivery from './webhook-delivery';
import webhookEndpoint from './webhook-endpoint';

export default {
  organization,
  entitlement,
  'cancellation-policy': cancellationPolicy,
  'provisioning-policy': provisioningPolicy,
  'cancellation-reason': cancellationReason,
  'audit-event': auditEvent,
  'domain-event': domainEvent,
  collaborator,
  'scheduled-task': scheduledTask,
  'scheduled-change': scheduledChange,
  lease,
  'data-export': dataExport,
  resource,
  'checklist-run': checklistRun,
  refund,
  'webhook-endpoint': webhookEndpoint,
  'webhook-delivery': webhookDelivery,
  'notice-template': noticeTemplate,
  notification,
  invitation,
};
