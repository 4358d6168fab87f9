import type { ListNotices, NoticeKey, PreviewNotice, UpdateNotice } from '../../../shared/contracts/notices';
import { action, path, query } from './request';

/** The customer notices' templates (docs/spec.md §11): list, edit, reset, preview for a real organization. */
export const notices = {
  list: () => query<ListNotices.Response>(path`/notices`),
  update: (key: NoticeKey, body: UpdateNotice.Request['body']) => action<UpdateNotice.Response>('PUT', path`/notices/${key}`, body),
  /** Renders the given (unsaved) subject and body for the organization; changes nothing. */
  preview: (key: NoticeKey, body: PreviewNotice.Request['body']) =>
    action<PreviewNotice.Response>('POST', path`/notices/${key}/preview`, body),
};
