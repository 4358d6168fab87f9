import type { CancelAllPreview, CancelAllRequest } from '../../../../shared/contracts/api';
import { api } from '../../api';
import { useLivePreview, type LivePreview } from '../../hooks/useLivePreview';

export type CancelAllPreviewState = LivePreview<CancelAllPreview>;

/** What cancel-all would do (POST …/cancel-all/preview), asked as the dialog changes. */
export const useCancelAllPreview = (organizationId: string, request: CancelAllRequest | null): CancelAllPreviewState =>
  useLivePreview(request, (body) => api.organizations.previewCancelAll(organizationId, body));
