import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { NoticesTable } from '../../components/notices/NoticesTable';
import { SettingsLayout } from '../../components/settings/SettingsLayout';
import { api } from '../../api';
import { useApiQuery } from '../../hooks/useApi';
import { usePermissions } from '../../hooks/usePermissions';
import { PERMISSIONS } from '../../permissions';
import { getTranslation } from '../../utils/translations';

/** Settings › Customer notices: the mails sent to an organization's owners and contact (docs/spec.md §11). */
export const NoticesSettingsPage = () => {
  const { formatMessage } = useIntl();
  const { abilities } = usePermissions();
  const templates = useApiQuery(api.notices.list());
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`settings.notices.${id}`), defaultMessage });

  return (
    <SettingsLayout
      permissions={PERMISSIONS.settings}
      title={t('title', 'Customer notices')}
      subtitle={t(
        'subtitle',
        "Mails sent through Strapi's email plugin to an organization's owners and contact address when its entitlements or data change.",
      )}
      error={templates.error}
      isLoading={templates.data === undefined && templates.isLoading}
    >
      <NoticesTable templates={templates.data?.data} canEdit={abilities.canSettings} onChanged={templates.refetch} />
      <Typography variant="pi" textColor="neutral600">
        {formatMessage(
          {
            id: getTranslation('settings.notices.note'),
            defaultMessage: 'Placeholders such as {example} are replaced when a notice is sent; each notice offers its own list in its edit dialog.',
          },
          { example: '{{organization.name}}' },
        )}
      </Typography>
    </SettingsLayout>
  );
};
