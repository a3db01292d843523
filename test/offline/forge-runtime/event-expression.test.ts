// Trigger filter expressions: the supported subset of Jira expressions, typed and strict; anything else is refused
// when the manifest is read, not guessed at.
import { compileEventExpression, ExpressionEvaluationError, ExpressionSyntaxError } from '../../../offline/forge-runtime';

const event = {
  eventType: 'avi:jira:updated:issue',
  selfGenerated: false,
  issue: {
    key: 'SUP-7',
    fields: {
      issuetype: { id: '10004', name: '[System] Incident' },
      project: { key: 'SUP', projectTypeKey: 'service_desk' },
      labels: ['vip', 'payroll'],
      assignee: null,
      priorityRank: 2,
    },
  },
};

describe('evaluation', () => {
  it.each([
    ["event.issue.fields.project.projectTypeKey == 'service_desk'", true],
    ["event.issue.fields.issuetype.name != '[System] Incident'", false],
    ["event.issue.fields.project.projectTypeKey == 'service_desk' && event.issue.fields.issuetype.name == 'Bug'", false],
    ["event.issue.fields.issuetype.name == 'Bug' || event.issue.fields.project.key == 'SUP'", true],
    ["!(event.issue.fields.project.key == 'OPS')", true],
    ["['SUP', 'OPS'].includes(event.issue.fields.project.key)", true],
    ["event.issue.fields.labels.includes('vip')", true],
    ["event.issue.fields['issuetype'].name.includes('Incident')", true],
    ['event.issue.fields.labels.length >= 2', true],
    ['event.issue.fields.priorityRank < 3', true],
    ['event.issue.fields.assignee == null', true],
    ['event.issue.fields.assignee?.accountId == null', true],
    ['!event.selfGenerated', true],
    ["event.eventType == \"avi:jira:updated:issue\"", true],
  ])('%s is %s', (source, expected) => {
    expect(compileEventExpression(source).evaluate(event)).toBe(expected);
  });

  it.each([
    ['a property the payload does not have', "event.issue.fields.issueType.name == 'Bug'"],
    ['a property of null without ?.', 'event.issue.fields.assignee.accountId == null'],
    ['comparing a Number with a String', "event.issue.fields.priorityRank == '2'"],
    ['ordering a String against a Number', 'event.issue.key > 3'],
    ['&& on a non-Boolean', "event.issue.key && event.selfGenerated"],
    ['! on a non-Boolean', '!event.issue.key'],
    ['a result that is not a Boolean', 'event.issue.key'],
  ])('fails on %s', (_name, source) => {
    expect(() => compileEventExpression(source).evaluate(event)).toThrow(ExpressionEvaluationError);
  });
});

describe('what the evaluator refuses at load', () => {
  it.each([
    ['an arrow function', 'event.issue.fields.labels.some(l => l == "vip")'],
    ['try/catch', "try { return event.issue.key == 'SUP-7'; } catch (e) { throw 'x'; }"],
    ['a template literal', '`${event.issue.key}` == "SUP-7"'],
    ['entity properties', "event.runtime.issue.properties['myapp'].type == 'bug'"],
    ['an unknown variable', "issue.key == 'SUP-7'"],
    ['the in operator', "event.issue.key in ['SUP-7']"],
    ['===', "event.issue.key === 'SUP-7'"],
    ['arithmetic', 'event.issue.fields.priorityRank + 1 > 2'],
    ['an over-long expression', `${"event.issue.key == 'x' || ".repeat(400)}true`],
  ])('%s', (_name, source) => {
    expect(() => compileEventExpression(source)).toThrow(ExpressionSyntaxError);
  });
});
