import * as React from 'react';
import { Badge, Box, Divider, Flex, Loader, Typography } from '@strapi/design-system';
import { useIntl, type MessageDescriptor } from 'react-intl';
import { CHECKLIST_STEPS, type ChecklistStepKey } from '../../../../shared/contracts/checklist';
import { STEP_MESSAGES } from '../checklist/messages';
import type { OrganizationDetail } from '../../../../shared/contracts/api';
import type { AuditTimelineEvent } from '../../../../shared/contracts/entities';
import { api } from '../../api';
import { useApiQuery } from '../../hooks/useApi';
import { useRefetchOn } from '../../hooks/useRefetchOn';
import { getTranslation } from '../../utils/translations';
import { ErrorAlert } from '../common/ErrorAlert';
import { commonMessages } from '../common/messages';
import { AuditChanges } from './AuditChanges';
import { useFormat } from '../../hooks/useFormat';
import { humanize, useLabels } from '../../hooks/useLabels';
import { Section } from '../common/Section';
import type { ReasonLabel } from './useReasonLabels';
import { SectionPager } from './SectionPager';

const PAGE_SIZE = 10;

interface AuditSectionProps {
  organization: OrganizationDetail;
  reasonLabel: ReasonLabel;
  /** Changes after every action of the page, so the newest event shows up at once. */
  refreshKey: number;
}

const isStepKey = (value: unknown): value is ChecklistStepKey => typeof value === 'string' && (CHECKLIST_STEPS as readonly string[]).includes(value);

const AuditItem = ({ event, organization, reasonLabel }: { event: AuditTimelineEvent } & Omit<AuditSectionProps, 'refreshKey'>) => {
  const { formatMessage } = useIntl();
  const format = useFormat();
  const labels = useLabels();
  const entitlement =
    event.targetType === 'entitlement' ? organization.entitlements.find((e) => e.documentId === event.targetId) : undefined;
  const target = () => {
    if (entitlement) return `${entitlement.name ?? labels.entitlementClass(entitlement.class)} (${labels.entitlementClass(entitlement.class)})`;
    if (event.targetType === 'organization') return null;
    if (event.targetType === 'checklist') {
      return formatMessage({ id: getTranslation('organization.audit.target.checklist'), defaultMessage: 'Offboarding checklist' });
    }
    // A collaborator or an invitation is named by its e-mail, which the event keeps (or "[redacted]").
    const email = [event.after?.email, event.before?.email].find((value): value is string => typeof value === 'string');
    return email ?? humanize(event.targetType);
  };
  const targetText = target();

  return (
    <Flex tag="li" direction="column" alignItems="stretch" gap={1} paddingTop={3} paddingBottom={3}>
      <Flex justifyContent="space-between" alignItems="flex-start" gap={4} wrap="wrap">
        <Flex gap={2} wrap="wrap">
          <Typography fontWeight="bold" textColor="neutral800">
            {labels.auditAction(event.action)}
          </Typography>
          {targetText ? (
            <Typography variant="pi" textColor="neutral600">
              {targetText}
            </Typography>
          ) : null}
          {event.redactedAt ? (
            <Badge variant="neutral">
              {formatMessage({ id: getTranslation('organization.audit.redacted'), defaultMessage: 'Personal data redacted' })}
            </Badge>
          ) : null}
        </Flex>
        <Typography variant="pi" textColor="neutral600" tag="time" dateTime={event.createdAt}>
          {format.dateTime(event.createdAt)}
        </Typography>
      </Flex>
      <Typography variant="pi" textColor="neutral700">
        {formatMessage(
          {
            id: getTranslation('organization.audit.by'),
            defaultMessage:
              '{actorType, select, job {Done automatically by the plugin} collaborator {By {actor}, a collaborator of the customer} other {By {actor}}}',
          },
          { actorType: event.actorType, actor: event.actorName ?? event.actorId ?? format.none },
        )}
      </Typography>
      {event.reason ? (
        <Typography variant="pi" textColor="neutral700">
          {formatMessage(
            { id: getTranslation('organization.audit.reason'), defaultMessage: 'Reason: {reason}' },
            { reason: reasonLabel(event.reason) },
          )}
        </Typography>
      ) : null}
      {event.after?.cause === 'condition_lost' && isStepKey(event.after.step) && STEP_MESSAGES[event.after.step].condition ? (
        // Reopened by the plugin: the condition that had ticked it is no longer true.
        <Typography variant="pi" textColor="neutral700">
          {formatMessage(
            { id: getTranslation('organization.audit.cause.condition_lost'), defaultMessage: 'Why: it is no longer true that {condition}' },
            { condition: formatMessage(STEP_MESSAGES[event.after.step].condition as MessageDescriptor) },
          )}
        </Typography>
      ) : event.after?.cause === 'unarchived' ? (
        // Reopened by the plugin itself: why, in the admin's language (the trail keeps the English in notes).
        <Typography variant="pi" textColor="neutral700">
          {formatMessage({ id: getTranslation('organization.audit.cause.unarchived'), defaultMessage: 'Why: the organization was unarchived' })}
        </Typography>
      ) : event.notes ? (
        <Typography variant="pi" textColor="neutral700" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {event.action === 'checklist.step_reopened'
            ? formatMessage({ id: getTranslation('organization.audit.why'), defaultMessage: 'Why: {notes}' }, { notes: event.notes })
            : formatMessage({ id: getTranslation('organization.audit.notes'), defaultMessage: 'Notes: {notes}' }, { notes: event.notes })}
        </Typography>
      ) : null}
      <AuditChanges event={event} currency={entitlement?.currency ?? null} reasonLabel={reasonLabel} />
    </Flex>
  );
};

/** The organization's audit trail, newest first, a page at a time. */
export const AuditSection = ({ organization, reasonLabel, refreshKey }: AuditSectionProps) => {
  const { formatMessage } = useIntl();
  const [page, setPage] = React.useState(1);
  const { data, error, isLoading, refetch } = useApiQuery(api.organizations.audit(organization.documentId, { page, pageSize: PAGE_SIZE }));
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`organization.audit.${id}`), defaultMessage });

  useRefetchOn(refreshKey, refetch);

  const pagination = data?.meta.pagination;
  const events = data?.data ?? [];

  const body = () => {
    if (!data) return error ? null : <Loader small>{formatMessage(commonMessages.loading)}</Loader>;
    if (events.length === 0) return <Typography textColor="neutral600">{t('empty', 'No event recorded yet.')}</Typography>;
    return (
      <Box tag="ol" style={{ listStyle: 'none' }}>
        {events.map((event, index) => (
          <React.Fragment key={event.documentId}>
            {index > 0 ? <Divider /> : null}
            <AuditItem event={event} organization={organization} reasonLabel={reasonLabel} />
          </React.Fragment>
        ))}
      </Box>
    );
  };

  return (
    <Section title={t('title', 'Audit timeline')}>
      <ErrorAlert error={error} />
      {body()}
      <SectionPager
        pagination={pagination}
        summary={{
          id: getTranslation('organization.audit.page'),
          defaultMessage: 'Page {page} of {pageCount} · {total, plural, one {# event} other {# events}}',
        }}
        isLoading={isLoading}
        onPage={setPage}
      />
    </Section>
  );
};
