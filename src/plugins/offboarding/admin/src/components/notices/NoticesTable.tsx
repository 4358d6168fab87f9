import { Badge, Flex, Switch, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { NoticeTemplate } from '../../../../shared/contracts/notices';
import { api } from '../../api';
import { useSwitchAction } from '../../hooks/useSwitchAction';
import { useLabels } from '../../hooks/useLabels';
import { getTranslation } from '../../utils/translations';
import { DataTable } from '../common/DataTable';
import { commonMessages } from '../common/messages';
import { EditDialog } from '../settings/EditDialog';
import { NoticeForm } from './NoticeForm';

export interface NoticesTableProps {
  templates: NoticeTemplate[] | undefined;
  canEdit: boolean;
  onChanged: () => Promise<void>;
}

/** One row per notice: its name, subject, whether it is sent, and whether its text is the built-in one. */
export const NoticesTable = ({ templates, canEdit, onChanged }: NoticesTableProps) => {
  const { formatMessage } = useIntl();
  const labels = useLabels();
  const { save, error, isSubmitting } = useSwitchAction(onChanged);
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`settings.notices.${id}`), defaultMessage });

  const toggle = (template: NoticeTemplate, enabled: boolean) =>
    save(
      api.notices.update(template.key, { enabled }),
      formatMessage(
        {
          id: getTranslation('settings.notices.toggled'),
          defaultMessage: '{notice}: {enabled, select, true {sent to customers} other {not sent}}.',
        },
        { notice: labels.notice(template.key), enabled: String(enabled) },
      ),
    );

  return (
    <DataTable
      rows={templates}
      rowKey={(template) => template.key}
      status={{ error, isLoading: false }}
      emptyMessage={t('empty', 'No notice.')}
      columns={[
        {
          key: 'notice',
          header: t('table.notice', 'Notice'),
          cell: (template) => (
            <Flex direction="column" alignItems="flex-start" gap={1}>
              <Typography textColor="neutral800" fontWeight="semiBold">
                {labels.notice(template.key)}
              </Typography>
              {template.customized ? (
                <Badge variant="secondary" size="S">
                  {t('customized', 'Customized')}
                </Badge>
              ) : null}
            </Flex>
          ),
        },
        { key: 'subject', header: t('table.subject', 'Subject'), wrap: true, cell: (template) => template.subject },
        {
          key: 'enabled',
          header: t('table.enabled', 'Sent'),
          cell: (template) =>
            canEdit ? (
              <Switch
                checked={template.enabled}
                disabled={isSubmitting}
                onCheckedChange={(checked) => void toggle(template, checked)}
                aria-label={formatMessage(
                  { id: getTranslation('settings.notices.switchLabel'), defaultMessage: 'Send the notice "{notice}"' },
                  { notice: labels.notice(template.key) },
                )}
                onLabel={labels.yesNo(true)}
                offLabel={labels.yesNo(false)}
                visibleLabels
              />
            ) : (
              labels.yesNo(template.enabled)
            ),
        },
        canEdit && {
          key: 'actions',
          header: formatMessage(commonMessages.actions),
          hiddenHeader: true,
          cell: (template) => (
            <EditDialog
              label={formatMessage(
                { id: getTranslation('settings.notices.edit'), defaultMessage: 'Edit {notice}' },
                { notice: labels.notice(template.key) },
              )}
              onDone={() => void onChanged()}
            >
              {(dialog) => <NoticeForm template={template} {...dialog} />}
            </EditDialog>
          ),
        },
      ]}
    />
  );
};
