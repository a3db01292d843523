// The simulator's timeline as a form: the issue (who, what, which priority at creation) and its events in order.
import { Button } from '../../shared/components';
import { IconButton, SelectField, TextField } from './controls';
import { FieldErrors } from './errors';
import { at } from './paths';
import { newEvent, type EventDraft, type EventType, type TimelineDraft } from './timeline';

const EVENT_LABELS: Record<EventType, string> = {
  created: 'Created',
  comment: 'Comment',
  status: 'Status change',
  priority: 'Priority change',
  resolution: 'Resolution',
  field: 'Field change',
};

interface Props {
  timeline: TimelineDraft;
  onChange: (timeline: TimelineDraft) => void;
  requestTypes: readonly string[];
  priorities: ReadonlyArray<{ value: string; label: string }>;
  statuses: readonly string[];
}

function EventFields({ event, path, index, onChange, priorities, statuses }: { event: EventDraft; path: string; index: number; onChange: (e: EventDraft) => void } & Pick<Props, 'priorities' | 'statuses'>) {
  const set = (key: keyof EventDraft, value: string) => onChange({ ...event, [key]: value });
  const label = (what: string) => `${what} of event ${index + 1}`;
  switch (event.type) {
    case 'created':
      return <TextField compact label={label('Status')} path={at(path, 'status')} value={event.status ?? ''} placeholder="Open" suggestions={statuses} onChange={(v) => set('status', v)} />;
    case 'status':
      return (
        <>
          <TextField compact label={label('From status')} path={at(path, 'from')} value={event.from ?? ''} placeholder="from" suggestions={statuses} onChange={(v) => set('from', v)} />
          <TextField compact label={label('To status')} path={at(path, 'to')} value={event.to ?? ''} placeholder="to" suggestions={statuses} onChange={(v) => set('to', v)} />
        </>
      );
    case 'comment':
      return (
        <>
          <SelectField compact label={label('Visibility')} path={at(path, 'visibility')} value={event.visibility ?? ''} options={[{ value: 'public', label: 'Public' }, { value: 'internal', label: 'Internal' }]} onChange={(v) => set('visibility', v)} />
          <SelectField compact label={label('Author')} path={at(path, 'author')} value={event.author ?? ''} options={[{ value: 'agent', label: 'Agent' }, { value: 'customer', label: 'Customer' }]} onChange={(v) => set('author', v)} />
        </>
      );
    case 'resolution':
      return <TextField compact label={label('Resolution')} path={at(path, 'to')} value={event.to ?? ''} placeholder="empty = cleared (reopened)" onChange={(v) => set('to', v)} />;
    case 'priority':
      return (
        <>
          <SelectField compact label={label('From priority')} path={at(path, 'from')} value={event.from ?? ''} emptyLabel="(from)" options={priorities} onChange={(v) => set('from', v)} />
          <SelectField compact label={label('To priority')} path={at(path, 'to')} value={event.to ?? ''} options={priorities} onChange={(v) => set('to', v)} />
        </>
      );
    case 'field':
      return (
        <>
          <TextField compact label={label('Field')} path={at(path, 'field')} value={event.field ?? ''} placeholder="field" onChange={(v) => set('field', v)} />
          <TextField compact label={label('New value')} path={at(path, 'to')} value={event.to ?? ''} placeholder="to" onChange={(v) => set('to', v)} />
        </>
      );
  }
}

export function TimelineEditor({ timeline, onChange, requestTypes, priorities, statuses }: Props) {
  const issuePath = 'timeline.issue';
  const eventsPath = 'timeline.events';
  const setIssue = (key: keyof TimelineDraft['issue'], value: string) => onChange({ ...timeline, issue: { ...timeline.issue, [key]: value } });
  const setEvent = (i: number, event: EventDraft) => onChange({ ...timeline, events: timeline.events.map((e, k) => (k === i ? event : e)) });
  return (
    <div className="timeline-editor">
      <fieldset className="field" data-path={issuePath}>
        <legend className="field-label">Request</legend>
        <div className="grid">
          <TextField label="Key" path={at(issuePath, 'key')} value={timeline.issue.key} onChange={(v) => setIssue('key', v)} />
          <TextField label="Request type" path={at(issuePath, 'requestType')} value={timeline.issue.requestType ?? ''} suggestions={requestTypes} onChange={(v) => setIssue('requestType', v)} />
          <TextField label="Customer (id)" path={at(issuePath, 'customer')} value={timeline.issue.customer ?? ''} onChange={(v) => setIssue('customer', v)} />
          <TextField label="Environment" path={at(issuePath, 'environment')} value={timeline.issue.environment ?? ''} onChange={(v) => setIssue('environment', v)} />
          <TextField label="Product" path={at(issuePath, 'product')} value={timeline.issue.product ?? ''} onChange={(v) => setIssue('product', v)} />
          <SelectField label="Priority at creation" path={at(issuePath, 'priority')} value={timeline.issue.priority ?? ''} emptyLabel="None" options={priorities} onChange={(v) => setIssue('priority', v)} />
          <TextField label="Created" path={at(issuePath, 'created')} value={timeline.issue.created} placeholder="2026-11-23T09:00:00+01:00" onChange={(v) => setIssue('created', v)} />
        </div>
        <FieldErrors path={issuePath} />
      </fieldset>
      <fieldset className="field" data-path={eventsPath}>
        <legend className="field-label">Events (instants with an offset, e.g. 2026-11-23T09:40:00+01:00; applied in time order)</legend>
        {timeline.events.length > 0 && (
          <table className="table events">
            <thead>
              <tr>
                <th>#</th>
                <th>At</th>
                <th>Event</th>
                <th>Details</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {timeline.events.map((event, i) => {
                const path = at(eventsPath, i);
                return (
                  <tr key={i} data-path={path} data-testid={`timeline-event-${i}`}>
                    <td>{i + 1}</td>
                    <td>
                      <TextField compact label={`Instant of event ${i + 1}`} path={at(path, 'at')} value={event.at} onChange={(v) => setEvent(i, { ...event, at: v })} />
                    </td>
                    <td>
                      <FieldErrors path={at(path, 'type')} />
                      {EVENT_LABELS[event.type]}
                    </td>
                    <td className="row wrap">
                      <EventFields event={event} path={path} index={i} onChange={(e) => setEvent(i, e)} priorities={priorities} statuses={statuses} />
                    </td>
                    <td>
                      <IconButton label={`Remove event ${i + 1}`} onClick={() => onChange({ ...timeline, events: timeline.events.filter((_, k) => k !== i) })}>
                        ×
                      </IconButton>
                      <FieldErrors path={path} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <div className="row wrap">
          {(Object.keys(EVENT_LABELS) as EventType[]).map((type) => (
            <Button key={type} appearance="link" onClick={() => onChange({ ...timeline, events: [...timeline.events, newEvent(type, timeline)] })}>
              + {EVENT_LABELS[type]}
            </Button>
          ))}
        </div>
        <FieldErrors path={eventsPath} />
      </fieldset>
    </div>
  );
}
