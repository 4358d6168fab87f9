import { Flex } from '@strapi/design-system';
import { Calendar, Lock } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import { ActionDialog, type DialogFormProps } from '../common/ActionDialog';
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
const LiftHoldForm = ({ organization, ...dialog }: RetentionFormProps) => {
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

/** A row's actions on the Data Retention page: extend, and place or lift a legal hold. */
export const RetentionActions = ({ organization, held, onChanged }: { organization: RetentionTarget; held: boolean; onChanged: () => void }) => {
  const { formatMessage } = useIntl();
  const name = { name: organization.name };
  return (
    <Flex gap={2}>
      <ActionDialog
        label={formatMessage({ id: getTranslation('retention.extend.action'), defaultMessage: 'Extend' })}
        title={formatMessage({ id: getTranslation('retention.extend.title'), defaultMessage: 'Extend the retention of {name}' }, name)}
        size="S"
        startIcon={<Calendar />}
        onDone={onChanged}
      >
        {(dialog) => <ExtendRetentionForm organization={organization} {...dialog} />}
      </ActionDialog>
      {held ? (
        <ActionDialog
          label={formatMessage({ id: getTranslation('retention.lift.action'), defaultMessage: 'Lift hold' })}
          title={formatMessage({ id: getTranslation('retention.lift.title'), defaultMessage: 'Lift the legal hold on {name}?' }, name)}
          size="S"
          variant="danger-light"
          onDone={onChanged}
        >
          {(dialog) => <LiftHoldForm organization={organization} {...dialog} />}
        </ActionDialog>
      ) : (
        <ActionDialog
          label={formatMessage({ id: getTranslation('retention.hold.action'), defaultMessage: 'Legal hold' })}
          title={formatMessage({ id: getTranslation('retention.hold.title'), defaultMessage: 'Place {name} under legal hold' }, name)}
          size="S"
          startIcon={<Lock />}
          onDone={onChanged}
        >
          {(dialog) => <LegalHoldForm organization={organization} {...dialog} />}
        </ActionDialog>
      )}
    </Flex>
  );
};
