import type { CancelPreview, CancelRequest } from '../../../../shared/contracts/api';
import { api } from '../../api';
import { useLivePreview, type LivePreview } from '../../hooks/useLivePreview';

export type PreviewState = LivePreview<CancelPreview>;

/** What cancelling the entitlement would do (POST …/cancel/preview), asked as the dialog changes. */
export const useCancelPreview = (entitlementId: string, request: CancelRequest | null): PreviewState =>
  useLivePreview(request, (body) => api.entitlements.previewCancel(entitlementId, body));
