import type { IsoDate, Pagination } from './entities';

/**
 * Customer notices by mail (docs/spec.md §11), sent through Strapi's email plugin to the
 * organization's owners and contact email. Admin routes under `/offboarding/notices`
 * (permission `settings`) and `/offboarding/organizations/:id/notifications` (`read`).
 */
export const NOTICE_KEYS = [
  'cancellation_scheduled',
  'cancellation_reminder',
  'cancelled',
  'suspended',
  'grace_reminder',
  'resumed',
  'reactivated',
  'export_ready',
  'purge_warning',
  'invitation',
  // Issue 15 (docs/spec.md §13): a dunning stage's `notify` (from day 1: day 0 is `suspended`).
  'dunning_notice',
] as const;
export type NoticeKey = (typeof NOTICE_KEYS)[number];

export const NOTIFICATION_STATES = ['pending', 'sent', 'failed', 'skipped'] as const;
export type NotificationState = (typeof NOTIFICATION_STATES)[number];

export interface NoticeTemplate {
  key: NoticeKey;
  /** `{{variable}}` placeholders are replaced when the notice is sent. */
  subject: string;
  body: string;
  enabled: boolean;
  /** The variables this notice may use, e.g. `organization.name`, `effectiveAt`, `downloadUrl`. */
  variables: string[];
  /** The built-in text, to compare or go back to. */
  defaults: { subject: string; body: string };
  /** False while the subject and body are the built-in ones. */
  customized: boolean;
  updatedAt: IsoDate | null;
}

export interface RenderedNotice {
  subject: string;
  body: string;
  /** Who would receive it: the owners' and the organization's contact addresses. */
  to: string[];
}

export interface Notification {
  documentId: string;
  key: NoticeKey;
  recipients: string[];
  subject: string;
  state: NotificationState;
  attempts: number;
  lastError: string | null;
  /** Why it was not sent (`skipped`): the notice is off, or there was no one to send it to. */
  skippedReason: string | null;
  sentAt: IsoDate | null;
  createdAt: IsoDate;
}

export declare namespace ListNotices {
  export interface Response {
    data: NoticeTemplate[];
  }
}

export declare namespace UpdateNotice {
  export interface Request {
    /** `reset: true` goes back to the built-in subject and body. */
    body: { subject?: string; body?: string; enabled?: boolean; reset?: boolean };
  }
  export interface Response {
    data: NoticeTemplate;
  }
}

export declare namespace PreviewNotice {
  export interface Request {
    /** A real organization's documentId; subject and body default to the saved ones (to preview an edit before saving it). */
    body: { organization: string; subject?: string; body?: string };
  }
  export interface Response {
    data: RenderedNotice;
  }
}

export declare namespace ListNotifications {
  export interface Request {
    query: { page?: number; pageSize?: number };
  }
  export interface Response {
    data: Notification[];
    meta: { pagination: Pagination };
  }
}
