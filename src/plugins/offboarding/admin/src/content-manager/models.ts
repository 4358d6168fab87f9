import type * as React from 'react';

/** The plugin's content types that get Content Manager actions (when an app makes them visible). */
export const MODELS = {
  entitlement: 'plugin::offboarding.entitlement',
  organization: 'plugin::offboarding.organization',
} as const;

/** The edit view of a saved document (not the creation form). */
export const savedDocumentId = (documentId: string | undefined): string | null =>
  documentId && documentId !== 'create' ? documentId : null;

/** What the Content Manager's modal renders: it passes the function that closes it. */
export type ModalContent = React.ComponentType<{ onClose: () => void }>;

/** The edit view a dialog belongs to, for reloading its document after a change. */
export interface EditedDocument {
  collectionType: string;
  model: string;
  documentId: string;
}
