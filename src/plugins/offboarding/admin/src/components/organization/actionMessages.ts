import type { MessageDescriptor } from 'react-intl';
import { getTranslation } from '../../utils/translations';

/** The organization actions' names: the buttons, the submit buttons and the Content Manager's actions. */
export const organizationActionMessages = {
  cancelAll: { id: getTranslation('organization.actions.cancelAll'), defaultMessage: 'Cancel all entitlements' },
  export: { id: getTranslation('organization.actions.export'), defaultMessage: 'Generate data export' },
  disableAccess: { id: getTranslation('organization.actions.disableAccess'), defaultMessage: 'Disable access' },
  enableAccess: { id: getTranslation('organization.actions.enableAccess'), defaultMessage: 'Enable access' },
  archive: { id: getTranslation('organization.actions.archive'), defaultMessage: 'Archive' },
  unarchive: { id: getTranslation('organization.actions.unarchive'), defaultMessage: 'Unarchive' },
  delete: { id: getTranslation('organization.actions.delete'), defaultMessage: 'Delete' },
} satisfies Record<string, MessageDescriptor>;
