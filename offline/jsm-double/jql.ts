// The small part of JQL the app needs, read the way Jira reads it: `project`, `projectType`, `key`/`issuekey`, `status`,
// `resolution`, `fixVersion`, `created` and `updated` clauses joined by AND, and ORDER BY key/created/updated. Whatever else
// real JQL allows (OR, NOT, functions, other fields) is refused with a 400 that names the gap, so a query the double
// cannot answer faithfully never returns a silently wrong page. Errors a real site gives for the supported clauses
// (an unknown project, a missing issue key, a malformed date, an unbounded query) carry Jira's own wording.
import { parseJqlDate } from './jira-time';
import type { Caller, JsmDouble } from './jsm-double';
import type { Issue } from './model';

export class JqlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JqlError';
  }
}

type Token = { kind: 'word' | 'string' | 'op' | 'punct'; text: string };

function tokenize(jql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < jql.length) {
    const c = jql.charAt(i);
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"' || c === "'") {
      let text = '';
      let j = i + 1;
      while (j < jql.length && jql.charAt(j) !== c) {
        if (jql.charAt(j) === '\\' && j + 1 < jql.length) j++;
        text += jql.charAt(j);
        j++;
      }
      if (j >= jql.length) throw new JqlError(`Error in the JQL Query: The quoted string '${text}' has not been completed.`);
      tokens.push({ kind: 'string', text });
      i = j + 1;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: 'punct', text: c });
      i++;
    } else {
      const op = /^(>=|<=|!=|!~|=|>|<|~)/.exec(jql.slice(i));
      if (op) {
        tokens.push({ kind: 'op', text: op[0] });
        i += op[0].length;
        continue;
      }
      const word = /^[^\s(),=!<>~"']+/.exec(jql.slice(i));
      if (!word) throw new JqlError(`Error in the JQL Query: The character '${c}' is a reserved JQL character.`);
      tokens.push({ kind: 'word', text: word[0] });
      i += word[0].length;
    }
  }
  return tokens;
}

type Operator = '=' | '!=' | '>' | '>=' | '<' | '<=' | 'in' | 'not in' | 'is' | 'is not';
interface Clause {
  field: string;
  operator: Operator;
  values: Array<{ text: string; empty: boolean }>;
}
export interface SortKey {
  field: 'key' | 'created' | 'updated';
  descending: boolean;
}

const KNOWN_BUT_UNSUPPORTED = new Set([
  'summary', 'text', 'description', 'comment', 'priority', 'assignee', 'reporter', 'creator', 'labels', 'issuetype',
  'type', 'statuscategory', 'resolutiondate', 'resolved', 'due', 'duedate', 'parent', 'id', 'request-channel-type',
  'organizations', 'request type', 'customer request type', 'request participants',
]);

function unsupported(what: string): JqlError {
  return new JqlError(`The JSM double does not implement ${what} in JQL; it supports AND-joined project, projectType, key, status, resolution, fixVersion, created and updated clauses with ORDER BY key, created or updated.`);
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  peekWord(...words: string[]): boolean {
    const token = this.tokens[this.at];
    return token !== undefined && token.kind === 'word' && words.includes(token.text.toLowerCase());
  }

  next(): Token | undefined {
    return this.tokens[this.at++];
  }

  done(): boolean {
    return this.at >= this.tokens.length;
  }

  parse(double: JsmDouble): { clauses: Clause[]; orderBy: SortKey[] } {
    const clauses: Clause[] = [];
    if (!this.done() && !this.peekWord('order')) {
      clauses.push(this.clause(double));
      while (!this.done() && !this.peekWord('order')) {
        if (this.peekWord('or')) throw unsupported("'OR'");
        if (!this.peekWord('and')) throw new JqlError(`Error in the JQL Query: Expecting either 'OR' or 'AND' but got '${this.tokens[this.at]?.text ?? ''}'.`);
        this.next();
        clauses.push(this.clause(double));
      }
    }
    const orderBy: SortKey[] = [];
    if (this.peekWord('order')) {
      this.next();
      if (!this.peekWord('by')) throw new JqlError("Error in the JQL Query: Expecting 'BY' after 'ORDER'.");
      this.next();
      do {
        const field = this.next();
        if (!field || (field.kind !== 'word' && field.kind !== 'string')) throw new JqlError('Error in the JQL Query: Expecting a field name after ORDER BY.');
        const name = field.text.toLowerCase();
        const sortField = name === 'key' || name === 'issuekey' ? 'key' : name === 'created' || name === 'updated' ? name : null;
        if (sortField === null) {
          if (KNOWN_BUT_UNSUPPORTED.has(name) || double.customField(field.text) || name === 'status' || name === 'project') {
            throw unsupported(`ORDER BY ${field.text}`);
          }
          throw new JqlError(`Not able to sort using field '${field.text}'.`);
        }
        let descending = false;
        if (this.peekWord('asc', 'desc')) descending = this.next()?.text.toLowerCase() === 'desc';
        orderBy.push({ field: sortField, descending });
      } while (this.tokens[this.at]?.text === ',' && this.next());
    }
    if (!this.done()) throw new JqlError(`Error in the JQL Query: Expecting end of query but got '${this.tokens[this.at]?.text ?? ''}'.`);
    return { clauses, orderBy };
  }

  private clause(double: JsmDouble): Clause {
    if (this.peekWord('not')) throw unsupported("'NOT'");
    const open = this.tokens[this.at];
    if (open?.kind === 'punct' && open.text === '(') throw unsupported('parentheses');
    const fieldToken = this.next();
    if (!fieldToken || (fieldToken.kind !== 'word' && fieldToken.kind !== 'string')) {
      throw new JqlError('Error in the JQL Query: Expecting a field name.');
    }
    const field = fieldToken.text.toLowerCase();
    const canonical =
      field === 'issuekey' ? 'key' : field === 'createddate' ? 'created' : field === 'updateddate' ? 'updated' : field;
    if (!['project', 'projecttype', 'key', 'status', 'resolution', 'created', 'updated', 'fixversion'].includes(canonical)) {
      if (KNOWN_BUT_UNSUPPORTED.has(field) || field.startsWith('cf[') || field.startsWith('issue.property') || double.customField(fieldToken.text)) {
        throw unsupported(`the field '${fieldToken.text}'`);
      }
      throw new JqlError(`Field '${fieldToken.text}' does not exist or you do not have permission to view it.`);
    }
    const operator = this.operator();
    const values = this.values(operator);
    return { field: canonical, operator, values };
  }

  private operator(): Operator {
    const token = this.next();
    if (!token) throw new JqlError('Error in the JQL Query: Expecting an operator.');
    if (token.kind === 'op') {
      if (token.text === '~' || token.text === '!~') throw unsupported(`the operator '${token.text}'`);
      return token.text as Operator;
    }
    const word = token.text.toLowerCase();
    if (word === 'in') return 'in';
    if (word === 'is') {
      if (this.peekWord('not')) {
        this.next();
        return 'is not';
      }
      return 'is';
    }
    if (word === 'not' && this.peekWord('in')) {
      this.next();
      return 'not in';
    }
    if (word === 'was' || word === 'changed') throw unsupported(`the history operator '${token.text}'`);
    throw new JqlError(`Error in the JQL Query: Expecting operator but got '${token.text}'.`);
  }

  private values(operator: Operator): Clause['values'] {
    const single = (): Clause['values'][number] => {
      const token = this.next();
      if (!token || (token.kind !== 'word' && token.kind !== 'string')) throw new JqlError('Error in the JQL Query: Expecting a value.');
      const next = this.tokens[this.at];
      if (token.kind === 'word' && next?.kind === 'punct' && next.text === '(') throw unsupported(`the function '${token.text}()'`);
      const empty = token.kind === 'word' && ['empty', 'null'].includes(token.text.toLowerCase());
      return { text: token.text, empty };
    };
    if (operator === 'in' || operator === 'not in') {
      const open = this.next();
      if (open?.text !== '(') throw new JqlError(`Error in the JQL Query: Expecting '(' after '${operator.toUpperCase()}'.`);
      const list = [single()];
      while (this.tokens[this.at]?.text === ',') {
        this.next();
        list.push(single());
      }
      if (this.next()?.text !== ')') throw new JqlError("Error in the JQL Query: Expecting ')' to close the list.");
      return list;
    }
    return [single()];
  }
}

export interface CompiledJql {
  matches(issue: Issue): boolean;
  compare(a: Issue, b: Issue): number;
}

/** `SUP-9` before `SUP-10`: by project key, then number. Without split(), which made sorting 50,000 issues per page slow. */
function keyOrder(a: Issue, b: Issue): number {
  const [pa, na] = keyParts(a.key);
  const [pb, nb] = keyParts(b.key);
  return pa === pb ? na - nb : pa < pb ? -1 : 1;
}

function keyParts(key: string): [string, number] {
  const dash = key.indexOf('-');
  if (dash < 0) return [key, 0];
  const end = key.indexOf('-', dash + 1);
  return [key.slice(0, dash), Number(key.slice(dash + 1, end < 0 ? key.length : end))];
}

/**
 * Parses and checks a query against the double's data, for one caller. Dates are read in the caller's zone (the
 * site's zone for the app), as Jira does. Throws JqlError with the message Jira would put in `errorMessages`.
 */
export function compileJql(double: JsmDouble, caller: Caller, jql: string): CompiledJql {
  const { clauses, orderBy } = new Parser(tokenize(jql)).parse(double);
  if (clauses.length === 0) throw new JqlError('Unbounded JQL queries are not allowed here. Please add a search restriction to your query.');
  const zone = caller === 'app' ? double.state.site.timeZone : (double.user(caller.accountId)?.timeZone ?? double.state.site.timeZone);
  const now = double.now();
  const tests = clauses.map((clause) => clauseTest(double, caller, clause, zone, now));
  return {
    matches: (issue) => tests.every((test) => test(issue)),
    compare: (a, b) => {
      // Without ORDER BY the double sorts newest first, by creation.
      const keys: SortKey[] = orderBy.length > 0 ? orderBy : [{ field: 'created', descending: true }];
      for (const key of keys) {
        const difference = key.field === 'key' ? keyOrder(a, b) : a[key.field] - b[key.field];
        if (difference !== 0) return key.descending ? -difference : difference;
      }
      return keyOrder(a, b);
    },
  };
}

function clauseTest(double: JsmDouble, caller: Caller, clause: Clause, zone: string, now: number): (issue: Issue) => boolean {
  const { field, operator, values } = clause;
  const refuseOperator = (): never => {
    throw new JqlError(`The operator '${operator.toUpperCase()}' is not supported by the '${field}' field.`);
  };
  const negated = operator === '!=' || operator === 'not in' || operator === 'is not';
  const listOperator = operator === '=' || operator === '!=' || operator === 'in' || operator === 'not in';
  switch (field) {
    case 'project': {
      if (!listOperator) refuseOperator();
      const ids = values.map((value) => {
        const lower = value.text.toLowerCase();
        const project = double.state.projects.find((p) => p.key.toLowerCase() === lower || p.id === value.text || p.name.toLowerCase() === lower);
        if (!project) throw new JqlError(`The value '${value.text}' does not exist for the field 'project'.`);
        return project.id;
      });
      return (issue) => ids.includes(issue.projectId) !== negated;
    }
    case 'fixversion': {
      if (!listOperator && operator !== 'is' && operator !== 'is not') refuseOperator();
      // A name matches that version in every project that has one, as in Jira; an id, that version.
      const ids = values.flatMap((value) => {
        if (value.empty) return [null];
        if (operator === 'is' || operator === 'is not') throw new JqlError(`The operator '${operator.toUpperCase()}' can only be used with EMPTY or NULL.`);
        const found = (double.state.versions ?? []).filter((v) => v.name === value.text || v.id === value.text);
        if (found.length === 0) throw new JqlError(`The value '${value.text}' does not exist for the field 'fixVersion'.`);
        return found.map((v) => v.id);
      });
      return (issue) => {
        const fixed = issue.fixVersionIds ?? [];
        const hit = ids.some((id) => (id === null ? fixed.length === 0 : fixed.includes(id)));
        return hit !== negated;
      };
    }
    case 'projecttype': {
      if (!listOperator) refuseOperator();
      const types = values.map((value) => {
        const type = value.text.toLowerCase();
        if (!['service_desk', 'software', 'business', 'product_discovery'].includes(type)) throw new JqlError(`The value '${value.text}' does not exist for the field 'projectType'.`);
        return type;
      });
      return (issue) => types.includes(double.projectOf(issue).projectTypeKey ?? 'service_desk') !== negated;
    }
    case 'key': {
      if (!listOperator) refuseOperator();
      const ids = values.map((value) => {
        if (!/^[A-Za-z][A-Za-z0-9_]*-\d+$/.test(value.text) && !/^\d+$/.test(value.text)) {
          throw new JqlError(`The issue key '${value.text}' for field 'key' is invalid.`);
        }
        const issue = double.issue(value.text);
        if (!issue || !double.canSee(caller, issue)) throw new JqlError(`An issue with key '${value.text}' does not exist for field 'key'.`);
        return issue.id;
      });
      return (issue) => ids.includes(issue.id) !== negated;
    }
    case 'status': {
      if (!listOperator) refuseOperator();
      const ids = values.map((value) => {
        const lower = value.text.toLowerCase();
        const status = double.state.statuses.find((s) => s.name.toLowerCase() === lower || s.id === value.text);
        if (!status) throw new JqlError(`The value '${value.text}' does not exist for the field 'status'.`);
        return status.id;
      });
      return (issue) => ids.includes(issue.statusId) !== negated;
    }
    case 'resolution': {
      if (!listOperator && operator !== 'is' && operator !== 'is not') refuseOperator();
      const ids = values.map((value) => {
        if (value.empty || value.text.toLowerCase() === 'unresolved') return null;
        if (operator === 'is' || operator === 'is not') throw new JqlError(`The operator '${operator.toUpperCase()}' can only be used with EMPTY or NULL.`);
        const lower = value.text.toLowerCase();
        const resolution = double.state.resolutions.find((r) => r.name.toLowerCase() === lower || r.id === value.text);
        if (!resolution) throw new JqlError(`The value '${value.text}' does not exist for the field 'resolution'.`);
        return resolution.id;
      });
      return (issue) => ids.includes(issue.resolutionId) !== negated;
    }
    default: {
      // created / updated
      if (operator === 'in' || operator === 'not in' || operator === 'is' || operator === 'is not') refuseOperator();
      const value = values[0];
      const instant = value === undefined ? null : parseJqlDate(value.text, zone, now);
      if (instant === null) {
        throw new JqlError(
          `Date value '${value?.text ?? ''}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
        );
      }
      const of = (issue: Issue) => (field === 'created' ? issue.created : issue.updated);
      switch (operator) {
        case '=':
          return (issue) => of(issue) === instant;
        case '!=':
          return (issue) => of(issue) !== instant;
        case '>':
          return (issue) => of(issue) > instant;
        case '>=':
          return (issue) => of(issue) >= instant;
        case '<':
          return (issue) => of(issue) < instant;
        default:
          return (issue) => of(issue) <= instant;
      }
    }
  }
}
