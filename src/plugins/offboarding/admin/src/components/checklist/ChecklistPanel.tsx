import { Box, Flex, Typography } from '@strapi/design-system';
import { CheckCircle, Play } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { OrganizationDetail } from '../../../../shared/contracts/api';
import type { Checklist } from '../../../../shared/contracts/checklist';
import { api } from '../../api';
import { usePermissions } from '../../hooks/usePermissions';
import { formatIntlMoment } from '../../utils/dates';
import { getTranslation } from '../../utils/translations';
import { ChecklistStepItem } from './ChecklistStepItem';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { ErrorAlert } from '../common/ErrorAlert';
import { Section } from '../common/Section';
import { useChecklistFollow } from './useChecklistFollow';

interface ChecklistPanelProps {
  organization: OrganizationDetail;
  /** Called after every change the API accepted, so the page reloads the organization. */
  onChanged: () => void;
}

/**
 * The offboarding checklist of an organization (docs/spec.md §6): the ordered steps and their state,
 * "Start offboarding" before it runs, "Mark as done" and "Skip" on the current step, and the
 * "Offboarding complete" banner at the end. The server decides every state; this only shows it.
 */
export const ChecklistPanel = ({ organization, onChanged }: ChecklistPanelProps) => {
  const intl = useIntl();
  const { formatMessage } = intl;
  const { abilities, isLoading: permissionsLoading } = usePermissions();

  const checklist: Checklist = organization.checklist;
  const canManage = !permissionsLoading && abilities.canManage;
  const purged = organization.purgeState === 'purged';
  const dateTime = (value: string) => formatIntlMoment(intl, value);
  const followError = useChecklistFollow(organization.documentId, checklist, onChanged);
  const panelError = followError;

  return (
    <Section
      title={formatMessage({ id: getTranslation('checklist.title'), defaultMessage: 'Offboarding checklist' })}
      description={
        checklist.startedAt
          ? formatMessage(
              { id: getTranslation('checklist.startedBy'), defaultMessage: 'Started on {when} by {who}' },
              { when: dateTime(checklist.startedAt), who: checklist.startedBy ?? '' },
            )
          : formatMessage({
              id: getTranslation('checklist.notStarted'),
              defaultMessage: 'Not started. Steps complete in order; automatic steps tick themselves when their condition holds.',
            })
      }
      actions={
        !checklist.startedAt && canManage && !purged ? (
          // Starting sets the offboarding going (automatic steps act on their own): asked first.
          <ConfirmDialog
            label={formatMessage({ id: getTranslation('checklist.action.start'), defaultMessage: 'Start offboarding' })}
            variant="default"
            startIcon={<Play />}
            description={formatMessage({
              id: getTranslation('checklist.start.confirm'),
              defaultMessage:
                'The organization enters its offboarding: the steps then complete in order, and automatic steps tick themselves when their condition holds. It cannot be unstarted.',
            })}
            request={api.organizations.checklist.start(organization.documentId)}
            successMessage={formatMessage({ id: getTranslation('checklist.start.success'), defaultMessage: 'Offboarding started' })}
            onDone={onChanged}
          />
        ) : null
      }
    >
      <ErrorAlert error={panelError} />
      {checklist.completedAt ? (
        <Flex role="status" gap={3} padding={4} hasRadius background="success100" borderColor="success200">
          <Box color="success600">
            <CheckCircle aria-hidden />
          </Box>
          <Flex direction="column" alignItems="flex-start" gap={1}>
            <Typography variant="omega" fontWeight="bold" textColor="success700">
              {formatMessage({ id: getTranslation('checklist.complete.title'), defaultMessage: 'Offboarding complete' })}
            </Typography>
            <Typography variant="pi" textColor="success700">
              {formatMessage(
                { id: getTranslation('checklist.complete.description'), defaultMessage: 'Every step was done or skipped on {when}.' },
                { when: dateTime(checklist.completedAt) },
              )}
            </Typography>
          </Flex>
        </Flex>
      ) : null}
      <Flex tag="ol" direction="column" alignItems="stretch" gap={2}>
        {checklist.steps.map((step, index) => (
          <ChecklistStepItem
            key={step.key}
            step={step}
            position={index + 1}
            canAct={canManage && step.state === 'current'}
            canReopen={canManage && !purged}
            organizationId={organization.documentId}
            onChanged={onChanged}
          />
        ))}
      </Flex>
    </Section>
  );
};
