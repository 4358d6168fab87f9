import type { ApiAction } from '../../api';
import { ActionForm, type ActionFormProps } from './ActionForm';
import { useActionForm } from './useActionForm';

export interface ConfirmFormProps<Result>
  extends Pick<ActionFormProps, 'description' | 'children' | 'submitLabel' | 'submitVariant' | 'onClose'> {
  /** The change to send: one function of `api`. */
  request: ApiAction<Result>;
  successMessage: string;
  onDone: (result: Result) => void;
}

/** An action that asks for nothing but a yes: the ActionForm without fields. */
export const ConfirmForm = <Result,>({ request, successMessage, onDone, onClose, ...props }: ConfirmFormProps<Result>) => {
  const { form } = useActionForm<Record<string, never>, Result>({
    initialValues: {},
    request: () => request,
    successMessage,
    onDone,
    onClose,
  });
  return <ActionForm {...props} {...form} />;
};
