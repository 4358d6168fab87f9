import checklist from './checklist';
import entitlement from './entitlement';
import events from './events';
import insights from './insights';
import invitation from './invitation';
import notices from './notices';
import openapi from './openapi';
import dataExport from './export';
import portalExport from './portal-export';
import organization from './organization';
import portal from './portal';
import portalInvitation from './portal-invitation';
import retention from './retention';
import scheduledChange from './scheduled-change';
import settings from './settings';
import webhooks from './webhooks';

export default { export: dataExport, 'portal-export': portalExport, organization, entitlement, events, insights, settings, retention, portal, checklist, notices, openapi, webhooks, invitation, 'portal-invitation': portalInvitation, 'scheduled-change': scheduledChange };
