import * as React from 'react';
import { Box, Button, Combobox, ComboboxOption, Field, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { NoticeKey, RenderedNotice } from '../../../../shared/contracts/notices';
import { api } from '../../api';
import { useApiAction, useApiQuery } from '../../hooks/useApi';
import { getTranslation } from '../../utils/translations';
import { ErrorAlert } from '../common/ErrorAlert';

export interface NoticePreviewProps {
  noticeKey: NoticeKey;
  /** The subject and body as they stand in the form, saved or not. */
  subject: string;
  body: string;
}

/** Renders the notice being edited for a real organization, as the server would send it (nothing is sent or saved). */
export const NoticePreview = ({ noticeKey, subject, body }: NoticePreviewProps) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`settings.notices.preview.${id}`), defaultMessage });
  const [search, setSearch] = React.useState('');
  const [organization, setOrganization] = React.useState<string | null>(null);
  const [rendered, setRendered] = React.useState<RenderedNotice | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  // Archived organizations get notices too (purge warnings, export links).
  const organizations = useApiQuery(api.organizations.list({ q: search.trim() || undefined, archived: 'include', pageSize: 10 }));
  const { run, isSubmitting } = useApiAction();

  const preview = async () => {
    if (!organization) return;
    setError(null);
    const result = await run(api.notices.preview(noticeKey, { organization, subject, body }), { silent: true });
    if (result.ok) setRendered(result.data.data);
    else {
      setRendered(null);
      setError(result.error);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Flex gap={2} alignItems="flex-end">
        <Box flex="1">
          <Field.Root name="previewOrganization" hint={t('hint', 'Any organization: the notice is rendered with its data, not sent.')}>
            <Field.Label>{t('organization', 'Preview for organization')}</Field.Label>
            <Combobox
              autocomplete="none"
              loading={organizations.isLoading}
              placeholder={t('placeholder', 'Search organizations')}
              value={organization ?? undefined}
              onInputChange={(event) => setSearch(event.target.value)}
              onChange={(value) => {
                setOrganization(value ?? null);
                setRendered(null);
              }}
              noOptionsMessage={() => t('noOrganization', 'No organization matches.')}
            >
              {(organizations.data?.data ?? []).map((candidate) => (
                <ComboboxOption key={candidate.documentId} value={candidate.documentId}>
                  {candidate.name}
                </ComboboxOption>
              ))}
            </Combobox>
            <Field.Hint />
          </Field.Root>
        </Box>
        <Button variant="secondary" disabled={!organization} loading={isSubmitting} onClick={() => void preview()}>
          {t('run', 'Preview')}
        </Button>
      </Flex>
      <ErrorAlert error={error ?? organizations.error} />
      {rendered ? (
        <Box
          tag="section"
          aria-label={t('title', 'Rendered notice')}
          background="neutral100"
          hasRadius
          padding={4}
          borderColor="neutral200"
          borderStyle="solid"
          borderWidth="1px"
        >
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Typography variant="pi" textColor="neutral600">
              {formatMessage(
                { id: getTranslation('settings.notices.preview.to'), defaultMessage: 'To: {recipients}' },
                { recipients: rendered.to.length ? rendered.to.join(', ') : t('nobody', 'nobody (no owner or contact address)') },
              )}
            </Typography>
            <Typography fontWeight="semiBold" textColor="neutral800">
              {rendered.subject}
            </Typography>
            <Typography textColor="neutral800" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {rendered.body}
            </Typography>
          </Flex>
        </Box>
      ) : null}
    </Flex>
  );
};
