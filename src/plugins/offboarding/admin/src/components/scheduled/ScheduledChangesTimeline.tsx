import * as React from 'react';
import { Badge, Flex, Link, Typography } from '@strapi/design-system';
import { useIntl, type IntlShape } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';
import type { ListScheduledChanges, ScheduledChange, ScheduledChangeKind } from '../../../../shared/contracts/lifecycle';
import { api } from '../../api';
import { useApiQuery } from '../../hooks/useApi';
import { useLabels, type Labels } from '../../hooks/useLabels';
import { usePermissions } from '../../hooks/usePermissions';
import { formatIntlMoment } from '../../utils/dates';
import { getTranslation } from '../../utils/translations';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { DataTable } from '../common/DataTable';
import { ErrorAlert } from '../common/ErrorAlert';
import { commonMessages } from '../common/messages';
import { SectionPager } from '../organization/SectionPager';
import { useReasonLabels, type ReasonLabel } from '../organization/useReasonLabels';
import { organizationPath } from '../organizations/paths';
import { canUndo } from './undo';

/** How far ahead the timeline may look, in days (the page's Period filter); 30 by default. */
export const WINDOWS = [30, 90, 365] as const;
export type WindowDays = (typeof WINDOWS)[number];
const PAGE_SIZE = 50;
const DAY_MS = 86_400_000;

const messages = {
  empty: {
    id: getTranslation('scheduled.empty'),
    defaultMessage: 'Nothing is scheduled in the next {days} days.',
  },
  emptyFiltered: { id: getTranslation('scheduled.emptyFiltered'), defaultMessage: 'No scheduled change matches these filters in the next {days} days.' },
  summary: { id: getTranslation('scheduled.pager'), defaultMessage: 'Page {page} of {pageCount} · {total} changes' },
  sooner: { id: getTranslation('scheduled.pager.sooner'), defaultMessage: 'Sooner' },
  later: { id: getTranslation('scheduled.pager.later'), defaultMessage: 'Later' },
  time: { id: getTranslation('scheduled.column.time'), defaultMessage: 'Time' },
  change: { id: getTranslation('scheduled.column.change'), defaultMessage: 'Change' },
  organization: { id: getTranslation('scheduled.column.organization'), defaultMessage: 'Organization' },
  target: { id: getTranslation('scheduled.column.target'), defaultMessage: 'Entitlement' },
  by: { id: getTranslation('scheduled.column.by'), defaultMessage: 'Scheduled by' },
  wholeOrganization: { id: getTranslation('scheduled.wholeOrganization'), defaultMessage: 'Whole organization' },
  automatic: { id: getTranslation('scheduled.automatic'), defaultMessage: 'Automatic' },
  undo: { id: getTranslation('scheduled.undo'), defaultMessage: 'Undo' },
  undoTitle: { id: getTranslation('scheduled.undo.title'), defaultMessage: 'Undo this scheduled change?' },
  undoDescription: {
    id: getTranslation('scheduled.undo.description'),
    defaultMessage: '{change} of {target} on {date} will not happen. Nothing else changes.',
  },
  undone: { id: getTranslation('scheduled.undo.success'), defaultMessage: 'Scheduled change undone.' },
  reason: { id: getTranslation('scheduled.detail.reason'), defaultMessage: 'Reason: {reason}' },
  resumeAt: { id: getTranslation('scheduled.detail.resumeAt'), defaultMessage: 'Until {date}' },
  onDemand: { id: getTranslation('scheduled.detail.onDemand'), defaultMessage: 'Until resumed' },
  stage: { id: getTranslation('scheduled.detail.stage'), defaultMessage: '{action}, {days, plural, one {# day} other {# days}} overdue' },
};

/** How to change what cannot be undone from the list: it follows from the entitlement's or organization's state. */
const fixedHints: Partial<Record<ScheduledChangeKind, { id: string; defaultMessage: string }>> = {
  pause_end: { id: getTranslation('scheduled.fixed.pause_end'), defaultMessage: 'Resume the entitlement from its row to end the pause sooner.' },
  grace_end: { id: getTranslation('scheduled.fixed.grace_end'), defaultMessage: 'Follows the suspension: resume the entitlement to stop it.' },
  dunning_step: { id: getTranslation('scheduled.fixed.dunning_step'), defaultMessage: 'Follows the suspension: resume the entitlement to stop it.' },
  purge: { id: getTranslation('scheduled.fixed.purge'), defaultMessage: 'Extend retention or place a legal hold under Data retention.' },
};

/** A fixed window, computed once per load: a new `from` on every render would reload forever. */
const windowFrom = (now: number, days: number) => ({ from: new Date(now).toISOString(), to: new Date(now + days * DAY_MS).toISOString() });

/** A day heading with the zone that decides the day: "Friday, December 4, 2026 (UTC)". */
const dayOf = (intl: IntlShape, at: string) => {
  const day = intl.formatDate(at, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const zone = intl.formatDateToParts(at, { timeZoneName: 'short' }).find((part) => part.type === 'timeZoneName')?.value;
  return zone ? `${day} (${zone})` : day;
};

const Details = ({ change, labels, reasonLabel }: { change: ScheduledChange; labels: Labels; reasonLabel: ReasonLabel }) => {
  const intl = useIntl();
  const { formatMessage } = intl;
  const { reason, notes, resumeAt, access, stage } = change.details;
  const lines: string[] = [];
  if (stage) lines.push(formatMessage(messages.stage, { action: labels.dunningAction(stage.action), days: stage.afterDays }));
  if (reason) lines.push(formatMessage(messages.reason, { reason: reasonLabel(reason) }));
  if (change.kind === 'pause') {
    lines.push(
      resumeAt ? formatMessage(messages.resumeAt, { date: formatIntlMoment(intl, resumeAt) }) : formatMessage(messages.onDemand),
    );
  }
  if (access) lines.push(labels.pauseAccess(access));
  if (notes) lines.push(notes);
  return (
    <Flex direction="column" alignItems="flex-start" gap={1} maxWidth="32rem" style={{ whiteSpace: 'normal' }}>
      <Badge>{labels.scheduledChangeKind(change.kind)}</Badge>
      {lines.map((line) => (
        <Typography key={line} variant="pi" textColor="neutral600">
          {line}
        </Typography>
      ))}
    </Flex>
  );
};

export interface ScheduledChangesTimelineProps {
  /** An organization's documentId: its changes only, without the organization column. */
  organization?: string;
  kind?: ScheduledChangeKind;
  /** How many days ahead to show (default 30). */
  days?: WindowDays;
  /** Changes when something else on the page changed: the list reloads. */
  refreshKey?: number;
  /** After an undo: the page around may show the state it changed. */
  onChanged?: () => void;
}

/** The next 30 (90, 365) days of scheduled changes, soonest first, grouped by day, each undoable one with its Undo. */
export const ScheduledChangesTimeline = ({ organization, kind, days: windowDays = 30, refreshKey = 0, onChanged }: ScheduledChangesTimelineProps) => {
  const intl = useIntl();
  const { formatMessage } = intl;
  const labels = useLabels();
  const reasonLabel = useReasonLabels();
  const { abilities } = usePermissions();
  const [page, setPage] = React.useState(1);
  const [reloads, setReloads] = React.useState(0);
  // A new window (from now) whenever the page or an undo asks for a reload.
  const range = React.useMemo(() => windowFrom(Date.now(), windowDays), [refreshKey, reloads, windowDays]); // eslint-disable-line react-hooks/exhaustive-deps
  React.useEffect(() => setPage(1), [organization, kind, windowDays]);

  const params: ListScheduledChanges.Request['query'] = {
    ...range,
    page,
    pageSize: PAGE_SIZE,
    ...(organization ? { organization } : {}),
    ...(kind ? { kind } : {}),
  };
  const list = useApiQuery(api.scheduledChanges.list(params));
  const rows = list.data?.data;
  const undone = () => {
    setReloads((count) => count + 1);
    onChanged?.();
  };

  const days = React.useMemo(() => {
    const groups = new Map<string, ScheduledChange[]>();
    for (const change of rows ?? []) {
      const day = dayOf(intl, change.at);
      groups.set(day, [...(groups.get(day) ?? []), change]);
    }
    return [...groups.entries()];
  }, [rows, intl]);

  const targetName = (change: ScheduledChange) =>
    change.entitlement ? (change.entitlement.name ?? formatMessage(commonMessages.none)) : formatMessage(messages.wholeOrganization);

  const undo = (change: ScheduledChange) => {
    if (!change.undoable) {
      const hint = fixedHints[change.kind];
      return hint ? (
        <Typography variant="pi" textColor="neutral600" style={{ whiteSpace: 'normal' }}>
          {formatMessage(hint)}
        </Typography>
      ) : null;
    }
    if (!canUndo(change.kind, abilities)) return null;
    return (
      <ConfirmDialog
        label={formatMessage(messages.undo)}
        title={formatMessage(messages.undoTitle)}
        size="S"
        description={formatMessage(messages.undoDescription, {
          change: labels.scheduledChangeKind(change.kind),
          target: change.entitlement ? targetName(change) : change.organization.name,
          date: formatIntlMoment(intl, change.at),
        })}
        request={api.scheduledChanges.cancel(change.id)}
        successMessage={formatMessage(messages.undone)}
        onDone={undone}
      />
    );
  };

  // Loading, failing or empty: the panel's one table says so.
  if (!rows?.length) {
    return (
      <DataTable<ScheduledChange>
        rows={rows}
        rowKey={(change) => change.id}
        status={list}
        columns={[]}
        emptyMessage={formatMessage(kind ? messages.emptyFiltered : messages.empty, { days: windowDays })}
      />
    );
  }

  return (
    <Flex direction="column" alignItems="stretch" gap={5}>
      <ErrorAlert error={list.error} />
      {days.map(([day, changes]) => (
        <Flex key={day} direction="column" alignItems="stretch" gap={2}>
          <Typography tag="h3" variant="sigma" textColor="neutral700">
            {day}
          </Typography>
          <DataTable<ScheduledChange>
            rows={changes}
            rowKey={(change) => change.id}
            emptyMessage=""
            columns={[
              { key: 'time', header: formatMessage(messages.time), cell: (change) => formatIntlMoment(intl, change.at, 'time') },
              { key: 'change', header: formatMessage(messages.change), cell: (change) => <Details change={change} labels={labels} reasonLabel={reasonLabel} /> },
              !organization && {
                key: 'organization',
                header: formatMessage(messages.organization),
                cell: (change) => (
                  <Link tag={RouterLink} to={organizationPath(change.organization.documentId)}>
                    {change.organization.name}
                  </Link>
                ),
              },
              { key: 'target', header: formatMessage(messages.target), cell: targetName },
              { key: 'by', header: formatMessage(messages.by), cell: (change) => change.createdBy ?? formatMessage(messages.automatic) },
              { key: 'actions', header: formatMessage(commonMessages.actions), hiddenHeader: true, wrap: true, cell: undo },
            ]}
          />
        </Flex>
      ))}
      <SectionPager
        pagination={list.data?.meta.pagination}
        summary={messages.summary}
        isLoading={list.isLoading}
        onPage={setPage}
        previousLabel={messages.sooner}
        nextLabel={messages.later}
      />
    </Flex>
  );
};
