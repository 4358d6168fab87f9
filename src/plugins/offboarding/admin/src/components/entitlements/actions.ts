import type * as React from 'react';
import type { ButtonProps } from '@strapi/design-system';
import type { MessageDescriptor } from 'react-intl';
import type { EntitlementStatus } from '../../../../shared/contracts/constants';
import type { PluginAbilities } from '../../hooks/usePermissions';
import { CancelEntitlementForm } from './CancelEntitlementForm';
import { ActivateForm } from './ActivateForm';
import { actionMessages } from './messages';
import { PauseForm } from './PauseForm';
import { ReactivateForm } from './ReactivateForm';
import { ResumeForm } from './ResumeForm';
import { SuspendForm } from './SuspendForm';
import type { EntitlementFormProps } from './types';
import { UndoCancellationForm } from './UndoCancellationForm';

export type EntitlementActionKey = 'activate' | 'cancel' | 'undoCancel' | 'pause' | 'suspend' | 'resume' | 'reactivate';

export interface EntitlementActionDefinition {
  label: MessageDescriptor;
  /** The statuses the server's state machine accepts the action from (docs/spec.md §1). */
  from: readonly EntitlementStatus[];
  /** The admin permission the API route checks. */
  ability: keyof PluginAbilities;
  variant: ButtonProps['variant'];
  /** The fields and the request, wrapped by the panel's ActionDialog and by the Content Manager's modal. */
  Form: React.ComponentType<EntitlementFormProps>;
}

export const ENTITLEMENT_ACTIONS: Record<EntitlementActionKey, EntitlementActionDefinition> = {
  activate: {
    label: actionMessages.activate,
    from: ['prospect'],
    ability: 'canManage',
    variant: 'default',
    Form: ActivateForm,
  },
  cancel: {
    label: actionMessages.cancel,
    from: ['prospect', 'active', 'paused', 'suspended'],
    ability: 'canCancel',
    variant: 'danger-light',
    Form: CancelEntitlementForm,
  },
  undoCancel: {
    label: actionMessages.undoCancel,
    from: ['pending_cancellation'],
    ability: 'canCancel',
    variant: 'secondary',
    Form: UndoCancellationForm,
  },
  pause: {
    label: actionMessages.pause,
    from: ['active'],
    ability: 'canSuspend',
    variant: 'secondary',
    Form: PauseForm,
  },
  suspend: {
    label: actionMessages.suspend,
    from: ['active'],
    ability: 'canSuspend',
    variant: 'secondary',
    Form: SuspendForm,
  },
  resume: {
    label: actionMessages.resume,
    from: ['suspended', 'paused'],
    ability: 'canSuspend',
    variant: 'secondary',
    Form: ResumeForm,
  },
  reactivate: {
    label: actionMessages.reactivate,
    from: ['cancelled'],
    ability: 'canReactivate',
    variant: 'secondary',
    Form: ReactivateForm,
  },
};

export const ENTITLEMENT_ACTION_KEYS = Object.keys(ENTITLEMENT_ACTIONS) as EntitlementActionKey[];

/** Whether an action applies to this status and the admin's role allows it. */
export const isActionAvailable = (key: EntitlementActionKey, status: EntitlementStatus, abilities: PluginAbilities) =>
  ENTITLEMENT_ACTIONS[key].from.includes(status) && abilities[ENTITLEMENT_ACTIONS[key].ability];
