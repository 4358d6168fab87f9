import * as React from 'react';
import { Button, Flex, Modal, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { BulkOrganizationsResponse, BulkResult } from '../../../../shared/contracts/api';
import type { BulkAction } from '../../../../shared/contracts/constants';
import type { Organization } from '../../../../shared/contracts/entities';
import { api } from '../../api';
import { translateApiError } from '../../utils/apiError';
import { getTranslation } from '../../utils/translations';
import { ActionForm } from '../common/ActionForm';
import { commonMessages } from '../common/messages';
import { useActionForm } from '../common/useActionForm';
import { ReasonField, useReasonOptions } from '../entitlements/fields';

export interface BulkFormProps {
  action: BulkAction;
  organizations: Pick<Organization, 'documentId' | 'name'>[];
  description: string;
  submitLabel: string;
  onClose: () => void;
  /** After the server answered: the list reloads (some ids may have been refused). */
  onFinished: () => void;
}

const summaryMessage = {
  id: getTranslation('organizations.bulk.summary'),
  defaultMessage: '{done, plural, one {# done} other {# done}}, {refused, plural, one {# refused} other {# refused}}.',
};

/** What the bulk action did: how many were done, and each refusal with its reason. */
const BulkSummary = ({
  result,
  names,
  onClose,
}: {
  result: BulkOrganizationsResponse;
  names: Map<string, string>;
  onClose: () => void;
}) => {
  const intl = useIntl();
  const { formatMessage } = intl;
  const refused = result.data.filter((item) => !item.ok);
  // Each refusal in the admin's language, as the single-organization action would show it (its code's text).
  const reasonOf = (error: BulkResult['error']) =>
    error ? translateApiError(intl, { message: error.message, details: error.code ? { code: error.code } : undefined }) : '';
  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={3} role="status">
          <Typography fontWeight="semiBold">
            {formatMessage(summaryMessage, { done: result.meta.done, refused: result.meta.refused })}
          </Typography>
          {refused.length ? (
            <ul>
              {refused.map((item) => (
                <li key={item.id}>
                  <Typography textColor="danger600">
                    {formatMessage(
                      { id: getTranslation('organizations.bulk.refusedItem'), defaultMessage: '{name}: {reason}' },
                      { name: names.get(item.id) ?? item.id, reason: reasonOf(item.error) },
                    )}
                  </Typography>
                </li>
              ))}
            </ul>
          ) : null}
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <span />
        <Button onClick={onClose}>{formatMessage({ id: getTranslation('organizations.bulk.close'), defaultMessage: 'Close' })}</Button>
      </Modal.Footer>
    </>
  );
};

/** The confirmation of a bulk action (with a reason, to cancel), then its summary. */
export const BulkForm = ({ action, organizations, description, submitLabel, onClose, onFinished }: BulkFormProps) => {
  const { formatMessage } = useIntl();
  const [result, setResult] = React.useState<BulkOrganizationsResponse | null>(null);
  const reasons = useReasonOptions('cancel');
  const needsReason = action === 'cancel_at_period_end';
  const names = React.useMemo(() => new Map(organizations.map((org) => [org.documentId, org.name])), [organizations]);
  const { field, form } = useActionForm<{ reason: string }, BulkOrganizationsResponse>({
    initialValues: { reason: '' },
    validate: (values) => ({ reason: needsReason && !values.reason ? formatMessage(commonMessages.required) : undefined }),
    request: (values) =>
      api.organizations.bulk({
        action,
        ids: organizations.map((org) => org.documentId),
        ...(needsReason ? { reason: values.reason } : {}),
      }),
    successMessage: (answer) => formatMessage(summaryMessage, { done: answer.meta.done, refused: answer.meta.refused }),
    // Not a green tick when some (or all) were refused.
    notificationType: (answer) => (answer.meta.refused > 0 ? 'warning' : 'success'),
    onDone: (answer) => {
      setResult(answer);
      onFinished();
    },
    onClose,
  });

  if (result) return <BulkSummary result={result} names={names} onClose={onClose} />;
  return (
    <ActionForm {...form} description={description} submitLabel={submitLabel} submitVariant={action === 'export' ? 'default' : 'danger-light'}>
      <Typography variant="pi" textColor="neutral600">
        {organizations.map((org) => org.name).join(', ')}
      </Typography>
      {needsReason ? <ReasonField reasons={reasons} {...field('reason')} required /> : null}
    </ActionForm>
  );
};
