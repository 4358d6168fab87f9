import { Field, Grid, Textarea, TextInput } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { OrganizationInput } from '../../../../shared/contracts/api';
import type { OrganizationDetail } from '../../../../shared/contracts/api';
import type { ApiAction } from '../../api';
import { getTranslation } from '../../utils/translations';
import { ActionForm } from '../common/ActionForm';
import { commonMessages } from '../common/messages';
import { useActionForm } from '../common/useActionForm';

/** The fields an admin edits (the content type's limits: name 1..255, tax ID and phone 64, email 255). */
export interface OrganizationValues {
  name: string;
  taxId: string;
  email: string;
  phone: string;
  address: string;
}

const LIMITS = { name: 255, taxId: 64, email: 255, phone: 64, address: 2000 } as const;

export const valuesOf = (org: OrganizationDetail | null): OrganizationValues => ({
  name: org?.name ?? '',
  taxId: org?.taxId ?? '',
  email: org?.email ?? '',
  phone: org?.phone ?? '',
  address: org?.address ?? '',
});

/** Blank optional fields are cleared (null), never sent as empty text. */
export const bodyOf = (values: OrganizationValues): OrganizationInput => ({
  name: values.name.trim(),
  taxId: values.taxId.trim() || null,
  email: values.email.trim() || null,
  phone: values.phone.trim() || null,
  address: values.address.trim() || null,
});

export interface OrganizationFormProps {
  initialValues: OrganizationValues;
  request: (values: OrganizationValues) => ApiAction<{ data: OrganizationDetail }>;
  submitLabel: string;
  successMessage: (name: string) => string;
  onDone: (organization: OrganizationDetail) => void;
  onClose: () => void;
}

/** Name and contact fields of an organization: the create and the edit dialogs. */
export const OrganizationForm = ({ initialValues, request, submitLabel, successMessage, onDone, onClose }: OrganizationFormProps) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(`organizations.form.${id}`), defaultMessage }, values);
  const { values, set, fieldError, form } = useActionForm<OrganizationValues, { data: OrganizationDetail }>({
    initialValues,
    validate: (v) => ({
      name: v.name.trim() ? undefined : formatMessage(commonMessages.required),
      ...Object.fromEntries(
        (Object.keys(LIMITS) as (keyof OrganizationValues)[])
          .filter((key) => v[key].trim().length > LIMITS[key])
          .map((key) => [key, t('tooLong', 'At most {max} characters.', { max: LIMITS[key] })]),
      ),
    }),
    request,
    successMessage: ({ data }) => successMessage(data.name),
    onDone: ({ data }) => onDone(data),
    onClose,
  });

  const text = (key: keyof OrganizationValues, label: string, type: 'text' | 'email' | 'tel' = 'text') => (
    <Field.Root name={key} required={key === 'name'} error={fieldError(key)}>
      <Field.Label>{label}</Field.Label>
      <TextInput type={type} value={values[key]} onChange={(event) => set(key, event.target.value)} />
      <Field.Error />
    </Field.Root>
  );

  return (
    <ActionForm {...form} submitLabel={submitLabel}>
      <Grid.Root gap={5}>
        <Grid.Item col={12} direction="column" alignItems="stretch">
          {text('name', t('name', 'Name'))}
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          {text('taxId', t('taxId', 'Tax ID'))}
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          {text('email', t('email', 'Billing email'), 'email')}
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          {text('phone', t('phone', 'Phone'), 'tel')}
        </Grid.Item>
        <Grid.Item col={12} direction="column" alignItems="stretch">
          <Field.Root name="address" error={fieldError('address')}>
            <Field.Label>{t('address', 'Address')}</Field.Label>
            <Textarea value={values.address} onChange={(event) => set('address', event.target.value)} />
            <Field.Error />
          </Field.Root>
        </Grid.Item>
      </Grid.Root>
    </ActionForm>
  );
};
