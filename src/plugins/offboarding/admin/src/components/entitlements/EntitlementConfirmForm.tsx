import type * as React from 'react';
import { useIntl } from 'react-intl';
import type { ApiAction } from '../../api';
import { ConfirmForm } from '../common/ConfirmForm';
import { entitlementLabel } from './format';
import { actionMessages, subjectMessage } from './messages';
import type { EntitlementFormProps } from './types';

/** An entitlement action that asks for nothing but a yes: whom it concerns, what it does, and its button. */
export const EntitlementConfirmForm = <Result,>({
  action,
  request,
  successMessage,
  entitlement,
  organization,
  onClose,
  onDone,
  children,
}: EntitlementFormProps & {
  action: keyof typeof actionMessages;
  request: ApiAction<Result>;
  successMessage: string;
  /** What the action does. */
  children: React.ReactNode;
}) => {
  const intl = useIntl();
  return (
    <ConfirmForm
      description={intl.formatMessage(subjectMessage, {
        entitlement: entitlementLabel(intl, entitlement),
        organization: organization.name,
      })}
      request={request}
      successMessage={successMessage}
      submitLabel={intl.formatMessage(actionMessages[action])}
      onClose={onClose}
      onDone={onDone}
    >
      {children}
    </ConfirmForm>
  );
};
