import type * as React from 'react';
import { Flex } from '@strapi/design-system';
import { Calendar, Lock } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import { ActionDialog, type ActionDialogProps, type DialogFormProps } from '../common/ActionDialog';
import { ConfirmForm } from '../common/ConfirmForm';
import { ExtendRetentionForm } from './ExtendRetentionForm';
import { LegalHoldForm } from './LegalHoldForm';

export interface RetentionTarget {
  documentId: string;
  name: string;
  retentionUntil: string | null;
}

export interface RetentionFormProps extends DialogFormProps {
  organization: RetentionTarget;
}

/** Lift hold: retention runs its course again (the daily sweep may queue the organization for purge). */
export const LiftHoldForm = ({ organization, ...dialog }: RetentionFormProps) => {
  const { formatMessage } = useIntl();
  return (
    <ConfirmForm
      {...dialog}
      description={formatMessage({
        id: getTranslation('retention.lift.description'),
        defaultMessage: 'Its retention runs its course again: once its retention date has passed, the retention sweep queues it for purge.',
      })}
      request={api.retention.liftHold(organization.documentId)}
      successMessage={formatMessage(
        { id: getTranslation('retention.lift.success'), defaultMessage: 'The legal hold on {name} was lifted.' },
        { name: organization.name },
      )}
      submitLabel={formatMessage({ id: getTranslation('retention.lift.confirm'), defaultMessage: 'Lift legal hold' })}
      submitVariant="danger"
    />
  );
};

interface RetentionAction {
  key: string;
  label: string;
  title: string;
  variant?: ActionDialogProps['variant'];
  startIcon?: React.ReactNode;
  Form: React.ComponentType<RetentionFormProps>;
}

/** A row's actions on the Data Retention page: extend, and place or lift a legal hold. */
export const RetentionActions = ({
  organization,
  held,
  onChanged,
}: {
  organization: RetentionTarget;
  held: boolean;
  onChanged: () => void;
}) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(`retention.${id}`), defaultMessage }, { name: organization.name });
  const actions: RetentionAction[] = [
    {
      key: 'extend',
      label: t('extend.action', 'Extend'),
      title: t('extend.title', 'Extend the retention of {name}'),
      startIcon: <Calendar />,
      Form: ExtendRetentionForm,
    },
    held
      ? {
          key: 'lift',
          label: t('lift.action', 'Lift hold'),
          title: t('lift.title', 'Lift the legal hold on {name}?'),
          variant: 'danger-light',
          Form: LiftHoldForm,
        }
      : {
          key: 'hold',
          label: t('hold.action', 'Legal hold'),
          title: t('hold.title', 'Place {name} under legal hold'),
          startIcon: <Lock />,
          Form: LegalHoldForm,
        },
  ];
  return (
    <Flex gap={2}>
      {actions.map(({ key, Form, ...dialog }) => (
        <ActionDialog key={key} size="S" onDone={onChanged} {...dialog}>
          {(props) => <Form organization={organization} {...props} />}
        </ActionDialog>
      ))}
    </Flex>
  );
};
