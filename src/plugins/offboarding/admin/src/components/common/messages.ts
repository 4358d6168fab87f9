import type { MessageDescriptor } from 'react-intl';
import { getTranslation } from '../../utils/translations';

/** Words every dialog, table and list of the panel shares. */
export const commonMessages = {
  dismiss: { id: getTranslation('common.dialog.dismiss'), defaultMessage: 'Go back' },
  save: { id: getTranslation('common.dialog.save'), defaultMessage: 'Save' },
  loading: { id: getTranslation('common.loading'), defaultMessage: 'Loading…' },
  newer: { id: getTranslation('common.pager.newer'), defaultMessage: 'Newer' },
  older: { id: getTranslation('common.pager.older'), defaultMessage: 'Older' },
  actions: { id: getTranslation('common.table.actions'), defaultMessage: 'Actions' },
  yes: { id: getTranslation('common.value.yes'), defaultMessage: 'Yes' },
  no: { id: getTranslation('common.value.no'), defaultMessage: 'No' },
  none: { id: getTranslation('common.value.none'), defaultMessage: '—' },
  required: { id: getTranslation('common.field.required'), defaultMessage: 'This field is required.' },
  notes: { id: getTranslation('common.field.notes'), defaultMessage: 'Notes' },
  notesHint: { id: getTranslation('common.field.notes.hint'), defaultMessage: 'Kept with the audit event.' },
  clearDate: { id: getTranslation('common.field.date.clear'), defaultMessage: 'Clear the date' },
  purged: {
    id: getTranslation('common.organization.purged'),
    defaultMessage: 'The organization was purged: only its tombstone remains.',
  },
} satisfies Record<string, MessageDescriptor>;
