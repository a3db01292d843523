// IssueBean: one issue as GET /rest/api/3/issue/{key} and search/jql return it, honouring `fields`, `expand=changelog`
// (the first 100 histories only — the rest must be paged through /changelog, as on a real site) and `properties`.
import { selectFields } from './field-catalogue';
import type { Caller, JsmDouble } from './jsm-double';
import type { Issue } from './model';
import { allIssueFields, EMBEDDED_CHANGELOG_LIMIT, historyBean } from './representations';

export interface IssueBeanOptions {
  /** The `fields` parameter, already split on commas. */
  fields: string[];
  expand: string[];
  /** Property keys to include; `*all` for every property. */
  properties: string[];
}

export function issueBean(double: JsmDouble, caller: Caller, issue: Issue, options: IssueBeanOptions): Record<string, unknown> {
  const available = allIssueFields(double, caller, issue);
  const wanted = selectFields(double, options.fields, available.keys());
  const fields: Record<string, unknown> = {};
  for (const [id, value] of available) if (wanted.has(id)) fields[id] = value;
  const bean: Record<string, unknown> = {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    self: `${double.state.site.baseUrl}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
    fields,
  };
  if (options.expand.includes('changelog')) {
    const histories = issue.histories.slice(0, EMBEDDED_CHANGELOG_LIMIT);
    bean.changelog = {
      startAt: 0,
      maxResults: histories.length,
      total: issue.histories.length,
      histories: histories.map((history) => historyBean(double, history)),
    };
  }
  if (options.properties.length > 0) {
    const all = options.properties.includes('*all');
    const properties: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(issue.properties)) {
      if (all || options.properties.includes(key)) properties[key] = structuredClone(value);
    }
    bean.properties = properties;
  }
  return bean;
}
