import { useIntl } from 'react-intl';
import { PAUSE_ACCESS, type PauseAccess } from '../../../../shared/contracts/constants';
import type { PauseRequest } from '../../../../shared/contracts/lifecycle';
import { api } from '../../api';
import { getTranslation } from '../../utils/translations';
import { ActionForm } from '../common/ActionForm';
import { bindSchedule, ScheduleField, scheduleError, scheduledAt, scheduledMessage, type When } from '../common/ScheduleField';
import { useActionForm } from '../common/useActionForm';
import { NotesField, ReasonField, useReasonOptions } from './fields';
import { entitlementLabel } from './format';
import { actionMessages, subjectMessage } from './messages';
import { OptionGroup } from './OptionGroup';
import type { EntitlementFormProps } from './types';

interface Values {
  reason: string;
  notes: string;
  start: When;
  startAt: Date | undefined;
  end: When;
  resumeAt: Date | undefined;
  access: PauseAccess;
}

const toRequest = (values: Values): PauseRequest => {
  const notes = values.notes.trim();
  const startAt = scheduledAt(values.start, values.startAt);
  const resumeAt = scheduledAt(values.end, values.resumeAt);
  return {
    reason: values.reason,
    ...(notes ? { notes } : {}),
    ...(startAt ? { startAt } : {}),
    ...(resumeAt ? { resumeAt } : {}),
    access: values.access,
  };
};

/** A customer-requested pause (docs/spec.md §13): from now or a date, until resumed or a date, the portal kept or closed. */
export const PauseForm = ({ entitlement, organization, ...dialog }: EntitlementFormProps) => {
  const intl = useIntl();
  const { formatMessage } = intl;
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`entitlement.pause.${id}`), defaultMessage });
  const reasons = useReasonOptions('suspend');
  const state = useActionForm({
    ...dialog,
    initialValues: { reason: '', notes: '', start: 'now', startAt: undefined, end: 'now', resumeAt: undefined, access: 'keep' } as Values,
    validate: (current) => {
      const start = current.start === 'date' && current.startAt ? current.startAt : new Date();
      const resumeError = scheduleError(intl, current.end, current.resumeAt, start);
      return {
        reason: current.reason ? undefined : t('reason.required', 'Choose the reason for the pause.'),
        startAt: scheduleError(intl, current.start, current.startAt),
        // A resume date that is not after the start is the server's 400 too.
        resumeAt: resumeError && current.resumeAt ? t('resumeAt.afterStart', 'The pause must end after it starts.') : resumeError,
      };
    },
    request: (current) => api.entitlements.pause(entitlement.documentId, toRequest(current)),
    successMessage: (answer) => scheduledMessage(intl, answer, t('success', 'Entitlement paused.')),
  });
  const { field, form } = state;

  return (
    <ActionForm
      {...form}
      description={formatMessage(subjectMessage, { entitlement: entitlementLabel(intl, entitlement), organization: organization.name })}
      submitLabel={formatMessage(actionMessages.pause)}
    >
      <ReasonField reasons={reasons} {...field('reason')} required />
      <NotesField {...field('notes')} />
      <ScheduleField
        {...bindSchedule(state, 'start', 'startAt')}
        label={t('start', 'Starts')}
      />
      <ScheduleField
        label={t('end', 'Resumes')}
        nowLabel={t('end.onDemand', 'On demand')}
        nowHint={t('end.onDemand.hint', 'Paused until someone resumes it.')}
        dateHint={t('end.date.hint', 'Resumes by itself then; its current period ends later by the time paused.')}
        {...bindSchedule(state, 'end', 'resumeAt')}
      />
      <OptionGroup<PauseAccess>
        label={t('access', 'Portal while paused')}
        {...field('access')}
        options={PAUSE_ACCESS.map((value) => ({
          value,
          label: value === 'keep' ? t('access.keep', 'Keep it open') : t('access.block', 'Close it'),
          hint:
            value === 'keep'
              ? t('access.keep.hint', 'Collaborators keep using the portal as if it were active.')
              : t('access.block.hint', 'Closed unless another entitlement of the organization is in good standing.'),
        }))}
      />
    </ActionForm>
  );
};
