import type { MessageDescriptor } from 'react-intl';
import type { ChecklistStepKey } from '../../../../shared/contracts/checklist';
import { getTranslation } from '../../utils/translations';

interface StepMessages {
  title: MessageDescriptor;
  description: MessageDescriptor;
  /** What an automatic step waits for; manual steps have none. */
  condition?: MessageDescriptor;
}

/** Each step's name, what it means, and for an automatic one the condition that ticks it. */
export const STEP_MESSAGES: Record<ChecklistStepKey, StepMessages> = {
  review_entitlements: {
    title: { id: getTranslation('checklist.step.review_entitlements.title'), defaultMessage: 'Review entitlements' },
    description: {
      id: getTranslation('checklist.step.review_entitlements.description'),
      defaultMessage: 'Check what the organization holds and what cancelling it will change.',
    },
  },
  cancel_entitlements: {
    title: { id: getTranslation('checklist.step.cancel_entitlements.title'), defaultMessage: 'Cancel entitlements' },
    description: {
      id: getTranslation('checklist.step.cancel_entitlements.description'),
      defaultMessage: 'Cancel every entitlement, now or at the end of its period.',
    },
    condition: {
      id: getTranslation('checklist.step.cancel_entitlements.condition'),
      defaultMessage: 'no entitlement is active or suspended',
    },
  },
  downstream_cleanup: {
    title: { id: getTranslation('checklist.step.downstream_cleanup.title'), defaultMessage: 'Downstream cleanup' },
    description: {
      id: getTranslation('checklist.step.downstream_cleanup.description'),
      defaultMessage: 'Licenses, environments and services are deprovisioned downstream.',
    },
    condition: {
      id: getTranslation('checklist.step.downstream_cleanup.condition'),
      defaultMessage: 'every entitlement is cancelled and none has deprovisioning pending or failed',
    },
  },
  data_export: {
    title: { id: getTranslation('checklist.step.data_export.title'), defaultMessage: 'Data export' },
    description: {
      id: getTranslation('checklist.step.data_export.description'),
      defaultMessage: 'Generate a data export the customer can download.',
    },
    condition: {
      id: getTranslation('checklist.step.data_export.condition'),
      defaultMessage: 'a data export generated since the checklist started is ready',
    },
  },
  notify_customer: {
    title: { id: getTranslation('checklist.step.notify_customer.title'), defaultMessage: 'Notify the customer' },
    description: {
      id: getTranslation('checklist.step.notify_customer.description'),
      defaultMessage: 'Tell the customer the account is closed and how to download their data.',
    },
  },
  archive: {
    title: { id: getTranslation('checklist.step.archive.title'), defaultMessage: 'Archive' },
    description: {
      id: getTranslation('checklist.step.archive.description'),
      defaultMessage: 'Archive the organization once every entitlement is cancelled.',
    },
    condition: {
      id: getTranslation('checklist.step.archive.condition'),
      defaultMessage: 'the organization is archived',
    },
  },
};
