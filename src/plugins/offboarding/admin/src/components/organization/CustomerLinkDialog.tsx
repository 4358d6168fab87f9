import * as React from 'react';
import { Box, Button, Field, Flex, Loader, Modal, TextInput, Typography } from '@strapi/design-system';
import { Link as LinkIcon } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { DataExport } from '../../../../shared/contracts/entities';
import { api } from '../../api';
import { useApiQuery } from '../../hooks/useApi';
import { useFormat } from '../../hooks/useFormat';
import { getTranslation } from '../../utils/translations';
import { ActionDialog } from '../common/ActionDialog';
import { ErrorAlert } from '../common/ErrorAlert';
import { commonMessages } from '../common/messages';

/** The signed link of a ready customer export, fetched when the dialog opens (the API only gives it to an admin who may download). */
const LinkBody = ({ dataExport, refusal, onClose }: { dataExport: DataExport; refusal: string | null; onClose: () => void }) => {
  const { formatMessage } = useIntl();
  const format = useFormat();
  const { data, error } = useApiQuery(api.exports.get(dataExport.documentId));
  const [copied, setCopied] = React.useState(false);
  const input = React.useRef<HTMLInputElement>(null);
  const t = (id: string, defaultMessage: string, values?: Record<string, string>) =>
    formatMessage({ id: getTranslation(`organization.exports.link.${id}`), defaultMessage }, values);
  const path = data?.data.downloadUrl;
  const url = path ? new URL(path, window.location.origin).toString() : '';

  const copy = async () => {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard (an insecure origin): the link is selected for the admin to copy.
      setCopied(false);
    }
  };

  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Typography textColor="neutral700">
            {t(
              'description',
              'Anyone holding this link can download the customer export, without signing in, until it expires on {date}. Send it to the customer only.',
              { date: format.dateTime(dataExport.expiresAt) },
            )}
          </Typography>
          {refusal !== null ? (
            // The link is checked against the access rule when used: while it refuses customer exports, so does the link.
            <Box role="status" background="warning100" borderColor="warning200" borderStyle="solid" borderWidth="1px" hasRadius padding={3}>
              <Typography fontWeight="semiBold" textColor="warning700" tag="p">
                {t('refusedTitle', 'The customer cannot use this link now')}
              </Typography>
              <Typography textColor="warning700" tag="p">
                {refusal || t('refused', 'The organization’s access stage withholds customer exports.')}
              </Typography>
            </Box>
          ) : null}
          <ErrorAlert error={error} />
          {!data && !error ? <Loader small>{formatMessage(commonMessages.loading)}</Loader> : null}
          {url ? (
            <Field.Root name="customerLink" hint={copied ? t('copied', 'Copied to the clipboard.') : undefined}>
              <Field.Label>{t('label', 'Customer download link')}</Field.Label>
              <TextInput ref={input} value={url} readOnly onFocus={(event: React.FocusEvent<HTMLInputElement>) => event.target.select()} />
              <Field.Hint />
            </Field.Root>
          ) : null}
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Button variant="tertiary" onClick={onClose}>
          {formatMessage(commonMessages.dismiss)}
        </Button>
        <Button startIcon={<LinkIcon />} disabled={!url} onClick={() => void copy()}>
          {t('copy', 'Copy link')}
        </Button>
      </Modal.Footer>
    </>
  );
};

/** "Customer link" on a ready customer export: the signed link to hand to the customer, copyable. */
export const CustomerLinkDialog = ({ dataExport, refusal }: { dataExport: DataExport; refusal: string | null }) => {
  const { formatMessage } = useIntl();
  return (
    <ActionDialog
      label={formatMessage({ id: getTranslation('organization.exports.link.action'), defaultMessage: 'Customer link' })}
      size="S"
      startIcon={<LinkIcon />}
    >
      {({ onClose }) => <LinkBody dataExport={dataExport} refusal={refusal} onClose={onClose} />}
    </ActionDialog>
  );
};
