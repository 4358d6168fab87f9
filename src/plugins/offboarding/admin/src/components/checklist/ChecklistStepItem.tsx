import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { ArrowRight, Check, Minus } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { ChecklistStep } from '../../../../shared/contracts/checklist';
import { formatIntlMoment } from '../../utils/dates';
import { getTranslation } from '../../utils/translations';
import { STEP_MESSAGES } from './messages';
import { ActionDialog } from '../common/ActionDialog';
import { ReopenStepForm } from './ReopenStepForm';
import { StepForm, type StepAction } from './StepForm';

interface ChecklistStepItemProps {
  step: ChecklistStep;
  position: number;
  /** Whether the admin may act on it (current step and `manage` permission). */
  canAct: boolean;
  /** Whether the admin may reopen a finished step (`manage` permission). */
  canReopen?: boolean;
  organizationId: string;
  /** After the server accepted a step's change. */
  onChanged: () => void;
}

const BADGE_VARIANT = { done: 'success', skipped: 'secondary', current: 'primary', waiting: 'neutral' } as const;

const StateMarker = ({ step, position }: { step: ChecklistStep; position: number }) => {
  const colors = {
    done: { background: 'success100', color: 'success600' },
    skipped: { background: 'neutral150', color: 'neutral600' },
    current: { background: 'primary100', color: 'primary600' },
    waiting: { background: 'neutral100', color: 'neutral500' },
  } as const;
  const { background, color } = colors[step.state];
  return (
    <Flex
      aria-hidden
      justifyContent="center"
      alignItems="center"
      width="3.2rem"
      height="3.2rem"
      shrink={0}
      background={background}
      color={color}
      hasRadius
    >
      {step.state === 'done' ? (
        <Check />
      ) : step.state === 'skipped' ? (
        <Minus />
      ) : step.state === 'current' ? (
        <ArrowRight />
      ) : (
        <Typography variant="omega" fontWeight="bold" textColor={color}>
          {position}
        </Typography>
      )}
    </Flex>
  );
};

/** One step of the runbook: its state, who finished it and when, and the actions on the current one. */
export const ChecklistStepItem = ({ step, position, canAct, canReopen = false, organizationId, onChanged }: ChecklistStepItemProps) => {
  const intl = useIntl();
  const { formatMessage } = intl;
  const messages = STEP_MESSAGES[step.key];
  const when = step.completedAt ? formatIntlMoment(intl, step.completedAt) : '';
  const who = step.completedBy ?? '';
  const finished = step.state === 'done' || step.state === 'skipped';
  // An automatic step whose condition holds would tick itself again at once: the server refuses it.
  const reopenable = canReopen && finished && !(step.automatic && step.conditionMet);

  const stateLabel = {
    done: formatMessage({ id: getTranslation('checklist.state.done'), defaultMessage: 'Done' }),
    skipped: formatMessage({ id: getTranslation('checklist.state.skipped'), defaultMessage: 'Skipped' }),
    current: formatMessage({ id: getTranslation('checklist.state.current'), defaultMessage: 'Current' }),
    waiting: formatMessage({ id: getTranslation('checklist.state.waiting'), defaultMessage: 'Waiting' }),
  }[step.state];

  let record: string | null = null;
  if (step.state === 'done' && step.completedBy) {
    record = formatMessage({ id: getTranslation('checklist.record.done'), defaultMessage: 'Done on {when} by {who}' }, { when, who });
  } else if (step.state === 'done') {
    record = formatMessage({ id: getTranslation('checklist.record.automatic'), defaultMessage: 'Ticked itself on {when}' }, { when });
  } else if (step.state === 'skipped') {
    record = formatMessage({ id: getTranslation('checklist.record.skipped'), defaultMessage: 'Skipped on {when} by {who}' }, { when, who });
  }

  const condition = messages.condition ? formatMessage(messages.condition) : null;
  let conditionLine: string | null = null;
  if (condition && !finished) {
    conditionLine = step.conditionMet
      ? formatMessage({ id: getTranslation('checklist.condition.met'), defaultMessage: 'Condition met: {condition}' }, { condition })
      : formatMessage({ id: getTranslation('checklist.condition.waiting'), defaultMessage: 'Waiting until {condition}' }, { condition });
  }

  return (
    <Box
      tag="li"
      padding={4}
      hasRadius
      borderColor={step.state === 'current' ? 'primary200' : 'neutral150'}
      background={step.state === 'current' ? 'primary100' : 'neutral0'}
    >
      <Flex gap={4} alignItems="flex-start">
        <StateMarker step={step} position={position} />
        <Flex direction="column" alignItems="flex-start" gap={1} grow={1}>
          <Flex gap={2} wrap="wrap">
            <Typography variant="omega" fontWeight="bold">
              {formatMessage(messages.title)}
            </Typography>
            <Badge variant={BADGE_VARIANT[step.state]}>{stateLabel}</Badge>
            {step.automatic ? (
              <Badge variant="alternative">
                {formatMessage({ id: getTranslation('checklist.automatic'), defaultMessage: 'Automatic' })}
              </Badge>
            ) : null}
          </Flex>
          <Typography variant="pi" textColor="neutral600">
            {formatMessage(messages.description)}
          </Typography>
          {conditionLine ? (
            <Typography variant="pi" textColor={step.conditionMet ? 'success600' : 'neutral700'}>
              {conditionLine}
            </Typography>
          ) : null}
          {record ? (
            <Typography variant="pi" textColor="neutral700">
              {record}
            </Typography>
          ) : null}
          {step.note ? (
            <Typography variant="pi" textColor="neutral800">
              {formatMessage({ id: getTranslation('checklist.record.note'), defaultMessage: 'Note: {note}' }, { note: step.note })}
            </Typography>
          ) : null}
          {step.skipReason ? (
            <Typography variant="pi" textColor="neutral800">
              {formatMessage(
                { id: getTranslation('checklist.record.reason'), defaultMessage: 'Reason: {reason}' },
                { reason: step.skipReason },
              )}
            </Typography>
          ) : null}
        </Flex>
        {canAct ? (
          <Flex gap={2} shrink={0}>
            {(step.automatic ? (['skip'] as const) : (['complete', 'skip'] as const)).map((kind: StepAction) => (
              <ActionDialog
                key={kind}
                label={
                  kind === 'skip'
                    ? formatMessage({ id: getTranslation('checklist.action.skip'), defaultMessage: 'Skip' })
                    : formatMessage({ id: getTranslation('checklist.action.complete'), defaultMessage: 'Mark as done' })
                }
                title={
                  kind === 'skip'
                    ? formatMessage(
                        { id: getTranslation('checklist.dialog.skip.title'), defaultMessage: 'Skip "{step}"' },
                        { step: formatMessage(messages.title) },
                      )
                    : formatMessage(
                        { id: getTranslation('checklist.dialog.complete.title'), defaultMessage: 'Mark "{step}" as done' },
                        { step: formatMessage(messages.title) },
                      )
                }
                variant={kind === 'skip' ? 'tertiary' : 'default'}
                size="S"
                startIcon={kind === 'skip' ? undefined : <Check />}
                onDone={onChanged}
              >
                {(dialog) => <StepForm kind={kind} organizationId={organizationId} step={step.key} {...dialog} />}
              </ActionDialog>
            ))}
          </Flex>
        ) : null}
        {reopenable ? (
          <Flex shrink={0}>
            <ActionDialog
              label={formatMessage({ id: getTranslation('checklist.action.reopen'), defaultMessage: 'Reopen' })}
              title={formatMessage(
                { id: getTranslation('checklist.dialog.reopen.title'), defaultMessage: 'Reopen "{step}"' },
                { step: formatMessage(messages.title) },
              )}
              variant="tertiary"
              size="S"
              onDone={onChanged}
            >
              {(dialog) => <ReopenStepForm organizationId={organizationId} step={step.key} {...dialog} />}
            </ActionDialog>
          </Flex>
        ) : null}
      </Flex>
    </Box>
  );
};
