import { Box, Button, Field, Flex, IconButton, NumberInput, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { DUNNING_ACTIONS } from '../../../../shared/contracts/constants';
import { useLabels } from '../../hooks/useLabels';
import { getTranslation } from '../../utils/translations';
import type { ActionFormState } from '../common/useActionForm';
import { OptionGroup } from '../entitlements/OptionGroup';
import { draftStage, MAX_DUNNING_STAGES, stagesLikeGrace, type DunningStageDraft } from './dunningStages';
import type { PolicyFormValues } from './policyForm';

type Mode = 'grace' | 'stages';

export type DunningStagesFieldProps = Pick<ActionFormState<PolicyFormValues>, 'values' | 'set' | 'errorAt'>;

/**
 * A policy's dunning stages (docs/spec.md §13): none (the single grace period) or a list of
 * "after N days: notify, restrict, block or cancel", with each error at its row.
 */
export const DunningStagesField = ({ values, set, errorAt }: DunningStagesFieldProps) => {
  const { formatMessage } = useIntl();
  const labels = useLabels();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`settings.policies.dunning.${id}`), defaultMessage });
  const stages = values.dunningStages;
  const setStages = (next: DunningStageDraft[] | null) => set('dunningStages', next);
  const update = (index: number, patch: Partial<DunningStageDraft>) =>
    setStages((stages ?? []).map((stage, at) => (at === index ? { ...stage, ...patch } : stage)));
  const add = () => {
    const list = stages ?? [];
    const last = list[list.length - 1];
    // A new stage goes before a closing cancel, which must stay last: halfway from the stage before.
    if (last?.action === 'cancel') {
      const before = list.length > 1 ? (list[list.length - 2].afterDays ?? 0) : 0;
      setStages([...list.slice(0, -1), draftStage(Math.floor((before + (last.afterDays ?? before)) / 2), 'notify'), last]);
    } else setStages([...list, draftStage(last?.afterDays === undefined ? 0 : last.afterDays + 1, 'notify')]);
  };
  const full = (stages?.length ?? 0) >= MAX_DUNNING_STAGES;

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <OptionGroup<Mode>
        label={t('label', 'Non-payment dunning')}
        value={stages ? 'stages' : 'grace'}
        onChange={(mode) => setStages(mode === 'grace' ? null : stagesLikeGrace(values.gracePeriodDays))}
        options={[
          {
            value: 'grace',
            label: t('grace', 'Use the single grace period'),
            hint: t('grace.hint', 'The suspended notice, the grace reminders, and cancellation when the grace period ends.'),
          },
          {
            value: 'stages',
            label: t('stages', 'Dunning stages'),
            hint: t(
              'stages.hint',
              'Counted from the non-payment suspension, in increasing days; at most one Cancel, placed last. Without Cancel it is never cancelled automatically.',
            ),
          },
        ]}
      />
      {stages ? (
        <Flex direction="column" alignItems="stretch" gap={3} role="group" aria-label={t('stages', 'Dunning stages')}>
          {stages.map((stage, index) => (
            <Flex key={stage.key} gap={3} alignItems="flex-start">
              <Box flex="1">
                <Field.Root name={`dunningStages.${index}.afterDays`} required error={errorAt(`dunningStages.${index}.afterDays`)}>
                  <Field.Label>{t('afterDays', 'After (days)')}</Field.Label>
                  <NumberInput value={stage.afterDays} onValueChange={(afterDays) => update(index, { afterDays })} step={1} />
                  <Field.Error />
                </Field.Root>
              </Box>
              <Box flex="2">
                <Field.Root
                  name={`dunningStages.${index}.action`}
                  required
                  error={errorAt(`dunningStages.${index}.action`) ?? errorAt(`dunningStages.${index}`)}
                >
                  <Field.Label>{t('action', 'Action')}</Field.Label>
                  <SingleSelect
                    value={stage.action}
                    onChange={(value) => update(index, { action: DUNNING_ACTIONS.find((action) => action === value) ?? stage.action })}
                  >
                    {DUNNING_ACTIONS.map((action) => (
                      <SingleSelectOption key={action} value={action}>
                        {labels.dunningAction(action)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                  <Field.Error />
                </Field.Root>
              </Box>
              <Box paddingTop={6}>
                <IconButton
                  label={formatMessage(
                    { id: getTranslation('settings.policies.dunning.remove'), defaultMessage: 'Remove stage {number}' },
                    { number: index + 1 },
                  )}
                  variant="ghost"
                  onClick={() => setStages(stages.filter((_, at) => at !== index))}
                >
                  <Trash />
                </IconButton>
              </Box>
            </Flex>
          ))}
          <Flex gap={3} alignItems="center">
            <Button variant="secondary" startIcon={<Plus />} onClick={add} disabled={full}>
              {t('add', 'Add a stage')}
            </Button>
            {full ? (
              <Typography variant="pi" textColor="neutral600">
                {t('full', 'A policy has at most 20 stages.')}
              </Typography>
            ) : null}
          </Flex>
        </Flex>
      ) : null}
      {errorAt('dunningStages') ? (
        <Typography variant="pi" textColor="danger600" role="alert">
          {errorAt('dunningStages')}
        </Typography>
      ) : null}
    </Flex>
  );
};
