import { Plus } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { ActionDialog } from '../../components/common/ActionDialog';
import { ReasonForm } from '../../components/settings/ReasonForm';
import { ReasonsTable } from '../../components/settings/ReasonsTable';
import { SettingsLayout } from '../../components/settings/SettingsLayout';
import { api } from '../../api';
import { useApiQuery } from '../../hooks/useApi';
import { usePermissions } from '../../hooks/usePermissions';
import { getTranslation } from '../../utils/translations';

/** Settings › Cancellation reasons: list, create, edit (deactivate rather than delete). */
export const ReasonsSettingsPage = () => {
  const { formatMessage } = useIntl();
  const { abilities } = usePermissions();
  const reasons = useApiQuery(api.reasons.list());

  return (
    <SettingsLayout
      title={formatMessage({ id: getTranslation('settings.reasons.title'), defaultMessage: 'Cancellation reasons' })}
      subtitle={formatMessage({
        id: getTranslation('settings.reasons.subtitle'),
        defaultMessage: 'Every cancellation and suspension records one of these. Deactivate a reason to stop offering it.',
      })}
      primaryAction={
        abilities.canSettings ? (
          <ActionDialog
            label={formatMessage({ id: getTranslation('settings.reasons.create'), defaultMessage: 'Create reason' })}
            title={formatMessage({ id: getTranslation('settings.reasons.createTitle'), defaultMessage: 'Create a cancellation reason' })}
            variant="default"
            startIcon={<Plus />}
            onDone={() => void reasons.refetch()}
          >
            {(dialog) => <ReasonForm reason={null} {...dialog} />}
          </ActionDialog>
        ) : null
      }
      error={reasons.error}
      isLoading={reasons.data === undefined && reasons.isLoading}
    >
      {reasons.data ? (
        <ReasonsTable reasons={reasons.data.data} canEdit={abilities.canSettings} onSaved={() => void reasons.refetch()} />
      ) : null}
    </SettingsLayout>
  );
};
