// The field list (GET /rest/api/3/field, "FieldDetails") and the `fields` parameter of GET issue and search, which
// selects from it: explicit ids, `*all`, `*navigable`, and `-id` to drop one. The app finds its own fields and the
// JSM fields here by `schema.custom`, never by a hard-coded id, so the ids below differ from site to site.
import type { JsmDouble } from './jsm-double';
import type { CustomField } from './model';

interface SystemField {
  id: string;
  name: string;
  navigable: boolean;
  schema: Record<string, string>;
}

const SYSTEM_FIELDS: SystemField[] = [
  { id: 'summary', name: 'Summary', navigable: true, schema: { type: 'string', system: 'summary' } },
  { id: 'description', name: 'Description', navigable: true, schema: { type: 'string', system: 'description' } },
  { id: 'issuetype', name: 'Issue Type', navigable: true, schema: { type: 'issuetype', system: 'issuetype' } },
  { id: 'project', name: 'Project', navigable: true, schema: { type: 'project', system: 'project' } },
  { id: 'status', name: 'Status', navigable: true, schema: { type: 'status', system: 'status' } },
  { id: 'statuscategorychangedate', name: 'Status Category Changed', navigable: true, schema: { type: 'datetime', system: 'statuscategorychangedate' } },
  { id: 'priority', name: 'Priority', navigable: true, schema: { type: 'priority', system: 'priority' } },
  { id: 'resolution', name: 'Resolution', navigable: true, schema: { type: 'resolution', system: 'resolution' } },
  { id: 'resolutiondate', name: 'Resolved', navigable: true, schema: { type: 'datetime', system: 'resolutiondate' } },
  { id: 'created', name: 'Created', navigable: true, schema: { type: 'datetime', system: 'created' } },
  { id: 'updated', name: 'Updated', navigable: true, schema: { type: 'datetime', system: 'updated' } },
  { id: 'creator', name: 'Creator', navigable: true, schema: { type: 'user', system: 'creator' } },
  { id: 'reporter', name: 'Reporter', navigable: true, schema: { type: 'user', system: 'reporter' } },
  { id: 'assignee', name: 'Assignee', navigable: true, schema: { type: 'user', system: 'assignee' } },
  { id: 'comment', name: 'Comment', navigable: false, schema: { type: 'comments-page', system: 'comment' } },
  { id: 'fixVersions', name: 'Fix versions', navigable: true, schema: { type: 'array', items: 'version', system: 'fixVersions' } },
  { id: 'issuelinks', name: 'Linked Issues', navigable: true, schema: { type: 'array', items: 'issuelinks', system: 'issuelinks' } },
];

/** `schema` of a custom field: its type and the plugin key that identifies what kind of field it is. */
export function customFieldSchema(double: JsmDouble, field: CustomField): Record<string, unknown> {
  const customId = Number(field.id.replace('customfield_', ''));
  switch (field.kind) {
    case 'requestType':
      return { type: 'sd-customerrequesttype', custom: 'com.atlassian.servicedesk:vp-origin', customId };
    case 'organizations':
      return { type: 'array', items: 'sd-customerorganization', custom: 'com.atlassian.servicedesk:sd-customer-organizations', customId };
    case 'participants':
      return { type: 'array', items: 'user', custom: 'com.atlassian.servicedesk:sd-request-participants', customId };
    case 'select':
      return { type: 'option', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:select', customId };
    case 'app': {
      const { appId, environmentId } = double.state.site;
      return {
        type: field.type === 'object' ? 'any' : field.type,
        custom: `ari:cloud:ecosystem::extension/${appId}/${environmentId}/static/${field.key}`,
        customId,
      };
    }
  }
}

export function fieldList(double: JsmDouble): Array<Record<string, unknown>> {
  const system = SYSTEM_FIELDS.map((field) => ({
    id: field.id,
    key: field.id,
    name: field.name,
    untranslatedName: field.name,
    custom: false,
    orderable: field.id !== 'created' && field.id !== 'updated' && field.id !== 'creator',
    navigable: field.navigable,
    searchable: true,
    clauseNames: [field.id],
    schema: field.schema,
  }));
  const custom = double.state.customFields.map((field) => {
    const number = field.id.replace('customfield_', '');
    return {
      id: field.id,
      key: field.kind === 'app' ? field.key : field.id,
      name: field.name,
      untranslatedName: field.name,
      custom: true,
      orderable: field.kind !== 'requestType',
      navigable: true,
      searchable: true,
      clauseNames: [`cf[${number}]`, field.name],
      schema: customFieldSchema(double, field),
      ...(field.kind === 'app' && field.description !== undefined ? { description: field.description } : {}),
    };
  });
  return [...system, ...custom];
}

/**
 * The field ids a `fields` parameter selects. `*all` is every field, `*navigable` the navigable ones; ids are taken
 * as given (an unknown id is silently absent, as in Jira); `-id` removes one.
 */
export function selectFields(double: JsmDouble, requested: string[], available: Iterable<string>): Set<string> {
  const all = [...available];
  const navigable = new Set([
    ...SYSTEM_FIELDS.filter((f) => f.navigable).map((f) => f.id),
    ...double.state.customFields.map((f) => f.id),
  ]);
  const chosen = new Set<string>();
  const removed = new Set<string>();
  for (const raw of requested) {
    const token = raw.trim();
    if (token === '') continue;
    if (token === '*all') {
      for (const id of all) chosen.add(id);
    } else if (token === '*navigable') {
      for (const id of all) if (navigable.has(id)) chosen.add(id);
    } else if (token.startsWith('-')) {
      removed.add(token.slice(1));
    } else {
      const appField = double.state.customFields.find((f) => f.kind === 'app' && f.key === token);
      chosen.add(appField ? appField.id : token);
    }
  }
  for (const id of removed) chosen.delete(id);
  return chosen;
}
