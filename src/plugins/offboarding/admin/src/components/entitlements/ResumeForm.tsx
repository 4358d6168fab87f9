import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { EntitlementView } from '../../../../shared/contracts/api';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import { ActionForm } from '../common/ActionForm';
import { bindSchedule, ScheduleField, scheduleError, scheduledAt, scheduledMessage, type When } from '../common/ScheduleField';
import { useActionForm } from '../common/useActionForm';
import { entitlementLabel, formatDateTime } from './format';
import { actionMessages, subjectMessage } from './messages';
import type { EntitlementFormProps } from './types';

/**
 * Where the current period would end if the pause ended at `at`: later by the time paused
 * (docs/spec.md §13). The server computes it again with its own clock.
 */
export const periodEndAfterPause = (entitlement: Pick<EntitlementView, 'pausedAt' | 'currentPeriodEnd'>, at: Date): Date | null => {
  if (!entitlement.pausedAt || !entitlement.currentPeriodEnd) return null;
  const paused = Math.max(0, at.getTime() - new Date(entitlement.pausedAt).getTime());
  return new Date(new Date(entitlement.currentPeriodEnd).getTime() + paused);
};

interface Values {
  when: When;
  effectiveAt: Date | undefined;
}

/** Lifts a suspension or ends a pause, now or on a date. */
export const ResumeForm = ({ entitlement, organization, ...dialog }: EntitlementFormProps) => {
  const intl = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, string>) =>
    intl.formatMessage({ id: getTranslation(`entitlement.resume.${id}`), defaultMessage }, values);
  const paused = entitlement.status === 'paused';
  const state = useActionForm({
    ...dialog,
    initialValues: { when: 'now', effectiveAt: undefined } as Values,
    validate: (current) => ({ effectiveAt: scheduleError(intl, current.when, current.effectiveAt) }),
    request: ({ when, effectiveAt }) => {
      const at = scheduledAt(when, effectiveAt);
      return api.entitlements.resume(entitlement.documentId, at ? { effectiveAt: at } : {});
    },
    successMessage: (answer) =>
      scheduledMessage(intl, answer, paused ? t('success.paused', 'Pause ended.') : t('success', 'Entitlement resumed.')),
  });
  const { values, form } = state;
  const resumeAt = values.when === 'date' && values.effectiveAt ? values.effectiveAt : new Date();
  const newPeriodEnd = paused ? periodEndAfterPause(entitlement, resumeAt) : null;

  return (
    <ActionForm
      {...form}
      description={intl.formatMessage(subjectMessage, { entitlement: entitlementLabel(intl, entitlement), organization: organization.name })}
      submitLabel={intl.formatMessage(actionMessages.resume)}
    >
      <Typography>
        {paused
          ? t('explanation.paused', 'The pause ends and the entitlement becomes active again.')
          : t('explanation', 'The suspension is lifted and the entitlement becomes active again.')}
      </Typography>
      {paused && entitlement.resumeAt ? (
        <Typography textColor="neutral600">
          {t('resumeAt', 'Without this, it resumes by itself on {date}.', { date: formatDateTime(intl, entitlement.resumeAt) })}
        </Typography>
      ) : null}
      {newPeriodEnd && entitlement.currentPeriodEnd ? (
        <Typography textColor="neutral800" fontWeight="semiBold" role="status">
          {t('periodEnd', 'The current period then ends on {date} instead of {previous}: later by the time paused.', {
            date: formatDateTime(intl, newPeriodEnd),
            previous: formatDateTime(intl, entitlement.currentPeriodEnd),
          })}
        </Typography>
      ) : null}
      {entitlement.graceEndsAt ? (
        <Typography textColor="neutral600">
          {t('grace', 'Without this, it would be cancelled for payment failure on {date}.', {
            date: formatDateTime(intl, entitlement.graceEndsAt),
          })}
        </Typography>
      ) : null}
      <ScheduleField {...bindSchedule(state, 'when', 'effectiveAt')} />
    </ActionForm>
  );
};
