// Which OAuth scopes a product REST endpoint needs, and whether an app's declared scopes satisfy them. An endpoint is
// satisfied by all the scopes of one alternative: the classic list (an empty one needs nothing) or, when documented,
// the whole granular list. That is the rule `forge lint` applies (@forge/manifest getMissingScopes) and the one the
// API gateway enforces ("Atlassian enforces an endpoint's granular scope set as all-of, not any-of").

export interface ScopeRule {
  method: string;
  /** The path template as the REST reference writes it, e.g. `/rest/api/3/issue/{issueIdOrKey}`. */
  path: string;
  classic: string[];
  granular: string[];
  /** The reference page the scopes were read from. */
  source: string;
}

/** A documented path template (`/rest/api/3/issue/{issueIdOrKey}`) as a pattern: each `{name}` is one path segment. */
export function templatePattern(template: string): RegExp {
  return new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}/?$`);
}

interface CompiledRule extends ScopeRule {
  pattern: RegExp;
  /** Template segments: fewer means more literal, and a literal route wins over a templated one. */
  parameters: number;
}

export class ScopeTable {
  private readonly rules: CompiledRule[];

  constructor(rules: ScopeRule[]) {
    for (const rule of rules) {
      if (!rule.source.startsWith('https://')) throw new Error(`scope table: ${rule.method} ${rule.path} has no source URL`);
    }
    this.rules = rules
      .map((rule) => ({
        ...rule,
        method: rule.method.toUpperCase(),
        pattern: templatePattern(rule.path),
        parameters: (rule.path.match(/\{/g) ?? []).length,
      }))
      .sort((a, b) => a.parameters - b.parameters);
  }

  /** The documented rule for a request, or undefined when the table does not have the endpoint. */
  find(method: string, path: string): ScopeRule | undefined {
    const upper = method.toUpperCase();
    return this.rules.find((rule) => rule.method === upper && rule.pattern.test(path));
  }

  get size(): number {
    return this.rules.length;
  }

  entries(): readonly ScopeRule[] {
    return this.rules;
  }
}

/** The classic scopes missing from `granted`, or [] when one alternative is fully granted. */
export function missingScopes(rule: ScopeRule, granted: ReadonlySet<string>): string[] {
  const missingClassic = rule.classic.filter((scope) => !granted.has(scope));
  if (missingClassic.length === 0) return [];
  if (rule.granular.length > 0 && rule.granular.every((scope) => granted.has(scope))) return [];
  return missingClassic;
}
