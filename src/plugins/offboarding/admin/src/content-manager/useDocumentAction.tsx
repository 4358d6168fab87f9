import * as React from 'react';
import type { ButtonProps } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import type { DocumentActionDescription, DocumentActionProps } from '@strapi/content-manager/strapi-admin';
import type { DialogFormProps } from '../components/common/ActionDialog';
import { savedDocumentId, type EditedDocument, type ModalContent } from './models';
import { useRefreshEditView } from './useRefreshEditView';
import { useSharedResource } from './useSharedResource';

/** Reloads the edit view's document after our form changed it, then closes the modal. */
const ModalForm = ({
  document,
  onClose,
  onChanged,
  render,
}: {
  document: EditedDocument;
  onClose: () => void;
  onChanged: () => void;
  render: (dialog: DialogFormProps) => React.ReactNode;
}) => {
  const refreshEditView = useRefreshEditView(document);
  return (
    <>
      {render({
        onClose,
        onDone: () => {
          refreshEditView();
          onChanged();
          onClose();
        },
      })}
    </>
  );
};

export interface DocumentActionConfig<Context> {
  /** The content type the action belongs to; for any other model the action is absent. */
  model: string;
  /** False when the admin's role does not allow the action. */
  allowed: boolean;
  /** One load per document, shared by every action of the same kind. */
  resource: string;
  load: (documentId: string) => Promise<Context | null>;
  /** One of the actions sharing a load reports its failure. */
  reportsErrors?: boolean;
  /** The button for this context; null: the action does not apply. */
  describe: (context: Context) => { label: string; variant: ButtonProps['variant'] } | null;
  /** The shared form, in the Content Manager's modal (which supplies frame and title). */
  renderForm: (context: Context, dialog: DialogFormProps) => React.ReactNode;
}

/**
 * One of the plugin's actions in the edit view. Hooks run for every model (an action is a
 * component), but nothing is loaded unless the document is one of ours.
 */
export const useDocumentAction = <Context,>(
  { collectionType, model, documentId }: DocumentActionProps,
  config: DocumentActionConfig<Context>,
): DocumentActionDescription | null => {
  const { toggleNotification } = useNotification();
  const id = model === config.model && config.allowed ? savedDocumentId(documentId) : null;
  const resource = useSharedResource(id === null ? null : `${config.resource}:${id}`, () => config.load(id ?? ''));
  const context = resource.data ?? null;
  const { refetch, error } = resource;
  const { reportsErrors = false, renderForm } = config;

  React.useEffect(() => {
    if (reportsErrors && error) toggleNotification({ type: 'danger', message: error });
  }, [reportsErrors, error, toggleNotification]);

  const content = React.useMemo<ModalContent | null>(() => {
    if (context === null || id === null) return null;
    const document = { collectionType, model, documentId: id };
    return ({ onClose }) => (
      <ModalForm document={document} onClose={onClose} onChanged={refetch} render={(dialog) => renderForm(context, dialog)} />
    );
    // renderForm is rebuilt on every render; the context and the document are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [context, refetch, collectionType, model, id]);

  const description = context === null ? null : config.describe(context);
  if (!content || !description) return null;
  return { ...description, dialog: { type: 'modal', title: description.label, content } };
};
