import type * as React from 'react';
import type { ButtonProps } from '@strapi/design-system';
import type { IntlShape, MessageDescriptor } from 'react-intl';
import type { OrganizationDetail } from '../../../../shared/contracts/api';
import type { PluginAbilities } from '../../hooks/usePermissions';
import { getTranslation } from '../../utils/translations';
import { commonMessages } from '../common/messages';
import { AccessForm } from './AccessForm';
import { organizationActionMessages as labels } from './actionMessages';
import { ArchiveForm } from './ArchiveForm';
import { CancelAllForm } from './CancelAllForm';
import { DeleteForm } from './DeleteForm';
import { ExportForm } from './ExportForm';
import type { OrganizationFormProps } from './types';

export type OrganizationActionKey = 'cancelAll' | 'export' | 'access' | 'archive' | 'delete';

export interface OrganizationActionDefinition {
  /** The admin permission the API route checks. */
  ability: keyof PluginAbilities;
  /** The label for the organization's current state (Archive or Unarchive…). */
  label: (organization: OrganizationDetail) => MessageDescriptor;
  title: (organization: OrganizationDetail) => MessageDescriptor;
  variant: (organization: OrganizationDetail) => ButtonProps['variant'];
  /** Why the organization's state forbids the action now; null: allowed. */
  refusal: (organization: OrganizationDetail, intl: IntlShape) => string | null;
  /** The fields and the request, wrapped by the panel's ActionDialog and by the Content Manager's modal. */
  Form: React.ComponentType<OrganizationFormProps>;
}

const purged = (organization: OrganizationDetail, intl: IntlShape) =>
  organization.purgeState === 'purged' ? intl.formatMessage(commonMessages.purged) : null;

const title = (id: string, defaultMessage: string) => () => ({ id: getTranslation(id), defaultMessage });

export const ORGANIZATION_ACTIONS: Record<OrganizationActionKey, OrganizationActionDefinition> = {
  cancelAll: {
    ability: 'canCancel',
    label: () => labels.cancelAll,
    title: title('organization.cancelAll.title', 'Cancel all entitlements?'),
    variant: () => 'danger-light',
    refusal: (organization, intl) =>
      organization.entitlements.some((e) => e.status === 'active' || e.status === 'suspended')
        ? null
        : intl.formatMessage({
            id: getTranslation('organization.cancelAll.noneHint'),
            defaultMessage: 'No entitlement is active or suspended.',
          }),
    Form: CancelAllForm,
  },
  export: {
    ability: 'canExport',
    label: () => labels.export,
    title: title('organization.export.title', 'Generate a data export?'),
    variant: () => 'secondary',
    refusal: purged,
    Form: ExportForm,
  },
  access: {
    ability: 'canAccess',
    label: (organization) => (organization.accessStatus === 'enabled' ? labels.disableAccess : labels.enableAccess),
    title: (organization) =>
      organization.accessStatus === 'enabled'
        ? { id: getTranslation('organization.access.disableTitle'), defaultMessage: 'Disable portal access?' }
        : { id: getTranslation('organization.access.enableTitle'), defaultMessage: 'Enable portal access?' },
    variant: (organization) => (organization.accessStatus === 'enabled' ? 'danger-light' : 'secondary'),
    refusal: purged,
    Form: AccessForm,
  },
  archive: {
    ability: 'canArchive',
    label: (organization) => (organization.archivedAt ? labels.unarchive : labels.archive),
    title: (organization) =>
      organization.archivedAt
        ? { id: getTranslation('organization.unarchive.title'), defaultMessage: 'Unarchive this organization?' }
        : { id: getTranslation('organization.archive.title'), defaultMessage: 'Archive this organization?' },
    variant: () => 'secondary',
    refusal: (organization, intl) => {
      const open = organization.entitlements.filter((e) => e.status !== 'cancelled').length;
      if (organization.archivedAt || open === 0) return purged(organization, intl);
      return intl.formatMessage(
        {
          id: getTranslation('organization.archive.openHint'),
          defaultMessage: 'Every entitlement must be cancelled before archiving: {count, plural, one {# is} other {# are}} still open.',
        },
        { count: open },
      );
    },
    Form: ArchiveForm,
  },
  delete: {
    ability: 'canDelete',
    label: () => labels.delete,
    title: title('organization.delete.title', 'Delete this organization?'),
    variant: () => 'danger-light',
    refusal: (organization, intl) =>
      organization.legalHold
        ? intl.formatMessage({
            id: getTranslation('organization.delete.legalHoldHint'),
            defaultMessage: 'The organization is under legal hold: lift the hold before deleting it.',
          })
        : null,
    Form: DeleteForm,
  },
};
