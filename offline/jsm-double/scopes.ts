// The scopes Jira and JSM require per endpoint (scopes.json, one reference page per entry), as the local runtime's
// scope check reads them.
import { ScopeTable, type ScopeRule } from '../forge-runtime/scope-table';
import table from './scopes.json';

export const JIRA_SCOPES = new ScopeTable((table as { endpoints: ScopeRule[] }).endpoints);
