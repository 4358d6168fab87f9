import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { CheckCircle, Play } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { OrganizationDetail } from '../../../../shared/contracts/api';
import type { Checklist } from '../../../../shared/contracts/checklist';
import { api } from '../../api';
import { useApiAction } from '../../hooks/useApi';
import { usePermissions } from '../../hooks/usePermissions';
import { formatIntlMoment } from '../../utils/dates';
import { getTranslation } from '../../utils/translations';
import { ChecklistStepItem } from './ChecklistStepItem';
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
  const { run, isSubmitting } = useApiAction();
  const [startError, setStartError] = React.useState<string | null>(null);

  const checklist: Checklist = organization.checklist;
  const canManage = !permissionsLoading && abilities.canManage;
  const purged = organization.purgeState === 'purged';
  const dateTime = (value: string) => formatIntlMoment(intl, value);
  const followError = useChecklistFollow(organization.documentId, checklist, onChanged);
  const panelError = startError ?? followError;

  const start = async () => {
    setStartError(null);
    const result = await run(api.organizations.checklist.start(organization.documentId));
    if (result.ok) onChanged();
    else setStartError(result.error);
  };

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
          <Button startIcon={<Play />} onClick={start} loading={isSubmitting}>
            {formatMessage({ id: getTranslation('checklist.action.start'), defaultMessage: 'Start offboarding' })}
          </Button>
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
