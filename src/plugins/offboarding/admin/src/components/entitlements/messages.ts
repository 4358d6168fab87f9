import type { MessageDescriptor } from 'react-intl';
import { getTranslation } from '../../utils/translations';

/** The entitlement actions' names: the buttons, the dialogs' titles and the Content Manager's actions. */
export const actionMessages = {
  cancel: { id: getTranslation('entitlement.action.cancel'), defaultMessage: 'Cancel entitlement' },
  undoCancel: { id: getTranslation('entitlement.action.undoCancel'), defaultMessage: 'Undo cancellation' },
  suspend: { id: getTranslation('entitlement.action.suspend'), defaultMessage: 'Suspend' },
  resume: { id: getTranslation('entitlement.action.resume'), defaultMessage: 'Resume' },
  pause: { id: getTranslation('entitlement.action.pause'), defaultMessage: 'Pause' },
  activate: { id: getTranslation('entitlement.action.activate'), defaultMessage: 'Activate' },
  reactivate: { id: getTranslation('entitlement.action.reactivate'), defaultMessage: 'Reactivate' },
} satisfies Record<string, MessageDescriptor>;

/** Whom an entitlement dialog concerns, as its first line. */
export const subjectMessage = { id: getTranslation('entitlement.dialog.subject'), defaultMessage: '{entitlement} of {organization}' };

export const unnamedMessage = { id: getTranslation('entitlement.unnamed'), defaultMessage: '{class} entitlement' };
