import { Flex } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import { usePermissions } from '../../hooks/usePermissions';
import { getTranslation } from '../../utils/translations';
import { ActionDialog } from '../common/ActionDialog';
import { ActionsMenu, type MenuAction } from '../common/ActionsMenu';
import { PLUGIN_PATH } from '../organizations/paths';
import { LegalHoldForm } from '../retention/LegalHoldForm';
import { LiftHoldForm } from '../retention/RetentionActions';
import { ORGANIZATION_ACTIONS, type OrganizationActionKey } from './actions';
import type { OrganizationActionProps } from './types';

/** The everyday actions, as buttons; the rare or destructive ones wait in the "…" menu. */
const BUTTONS: OrganizationActionKey[] = ['cancelAll', 'export', 'archive'];
const IN_MENU: OrganizationActionKey[] = ['access', 'delete'];

/** The header's actions: only those the signed-in admin may use are rendered. */
export const OrganizationActions = ({ organization, onChanged }: OrganizationActionProps) => {
  const intl = useIntl();
  const navigate = useNavigate();
  const { abilities, isLoading } = usePermissions();
  if (isLoading) return null;
  const reload = () => void onChanged();
  const allowed = (key: OrganizationActionKey) => abilities[ORGANIZATION_ACTIONS[key].ability];

  const menu: MenuAction[] = IN_MENU.filter(allowed).map((key) => {
    const { label, title, variant, refusal, Form } = ORGANIZATION_ACTIONS[key];
    return {
      key,
      label: intl.formatMessage(label(organization)),
      title: intl.formatMessage(title(organization)),
      danger: variant(organization) === 'danger-light',
      disabledReason: refusal(organization, intl),
      // A deleted organization has no page left to reload.
      onDone: key === 'delete' ? () => navigate(PLUGIN_PATH) : reload,
      onDismiss: reload,
      render: (dialog) => <Form organization={organization} {...dialog} />,
    };
  });
  // A legal hold is placed where the admin looks at the organization, not only from the purge queue.
  if (abilities.canRetention && organization.purgeState !== 'purged') {
    const t = (id: string, defaultMessage: string) =>
      intl.formatMessage({ id: getTranslation(`retention.${id}`), defaultMessage }, { name: organization.name });
    menu.splice(1, 0, {
      key: 'hold',
      label: organization.legalHold ? t('lift.action', 'Lift hold') : t('hold.action', 'Legal hold'),
      title: organization.legalHold ? t('lift.title', 'Lift the legal hold on {name}?') : t('hold.title', 'Place {name} under legal hold'),
      danger: organization.legalHold,
      onDone: reload,
      render: (dialog) =>
        organization.legalHold ? <LiftHoldForm organization={organization} {...dialog} /> : <LegalHoldForm organization={organization} {...dialog} />,
    });
  }

  return (
    <Flex gap={2} wrap="wrap" justifyContent="flex-end">
      {BUTTONS.filter(allowed).map((key) => {
        const { label, title, variant, refusal, Form } = ORGANIZATION_ACTIONS[key];
        return (
          <ActionDialog
            key={key}
            label={intl.formatMessage(label(organization))}
            title={intl.formatMessage(title(organization))}
            variant={variant(organization)}
            disabledReason={refusal(organization, intl)}
            onDone={reload}
            onDismiss={reload}
          >
            {(dialog) => <Form organization={organization} {...dialog} />}
          </ActionDialog>
        );
      })}
      <ActionsMenu
        label={intl.formatMessage({ id: getTranslation('organization.actions.more'), defaultMessage: 'More actions' })}
        actions={menu}
        variant="ghost"
      />
    </Flex>
  );
};
