// Trigger filter expressions (`filter.expression`), the subset of Jira expressions the local platform can evaluate
// strictly (developer.atlassian.com/platform/forge/events-reference/product_events/, "Filter out Atlassian app
// events"). The event payload is the `event` variable, a Map. Supported: string/number/boolean/null literals, list
// literals, `event` with `.name`, `?.name` and `['name']` access, `.length`, `.includes(x)`, `!`, `==`, `!=`, `<`,
// `<=`, `>`, `>=`, `&&`, `||` and parentheses. Anything else (arrow functions, `try`/`catch`, template literals,
// `event.runtime` entity properties, other methods) is refused when the manifest is loaded rather than guessed at.
// At run time the language is typed: a property the payload does not have, a comparison between different types or a
// non-Boolean operand of `&&`, `||`, `!` is an evaluation error, and so is a result that is not a Boolean.

export class ExpressionSyntaxError extends Error {}
export class ExpressionEvaluationError extends Error {}

/** "Expressions … contain at most 10,000 characters." */
export const EXPRESSION_MAX_LENGTH = 10_000;
/** "Expressions may execute up to 50,000 steps." */
const MAX_STEPS = 50_000;

type Token =
  | { kind: 'number'; value: number; at: number }
  | { kind: 'string'; value: string; at: number }
  | { kind: 'name'; value: string; at: number }
  | { kind: 'op'; value: string; at: number };

type Node =
  | { type: 'literal'; value: unknown }
  | { type: 'list'; items: Node[] }
  | { type: 'event' }
  | { type: 'member'; object: Node; property: Node; optional: boolean }
  | { type: 'call'; object: Node; method: 'includes'; argument: Node; optional: boolean }
  | { type: 'not'; operand: Node }
  | { type: 'binary'; operator: string; left: Node; right: Node };

const OPERATORS = ['?.[', '?.', '==', '!=', '<=', '>=', '&&', '||', '===', '!==', '.', '[', ']', '(', ')', ',', '!', '<', '>'];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i] as string;
    if (/\s/.test(char)) {
      i += 1;
      continue;
    }
    if (char === '/' && (source[i + 1] === '/' || source[i + 1] === '*')) throw new ExpressionSyntaxError(`comments are not supported (at ${i})`);
    const number = /^\d+(\.\d+)?/.exec(source.slice(i));
    if (number) {
      tokens.push({ kind: 'number', value: Number(number[0]), at: i });
      i += number[0].length;
      continue;
    }
    if (char === "'" || char === '"') {
      let value = '';
      let j = i + 1;
      while (j < source.length && source[j] !== char) {
        if (source[j] === '\\') {
          const escaped = source[j + 1];
          if (escaped === undefined) break;
          value += escaped === 'n' ? '\n' : escaped === 't' ? '\t' : escaped;
          j += 2;
        } else {
          value += source[j];
          j += 1;
        }
      }
      if (j >= source.length) throw new ExpressionSyntaxError(`unterminated string starting at ${i}`);
      tokens.push({ kind: 'string', value, at: i });
      i = j + 1;
      continue;
    }
    const name = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(source.slice(i));
    if (name) {
      tokens.push({ kind: 'name', value: name[0], at: i });
      i += name[0].length;
      continue;
    }
    const operator = [...OPERATORS].sort((a, b) => b.length - a.length).find((candidate) => source.startsWith(candidate, i));
    if (!operator) throw new ExpressionSyntaxError(`"${char}" at ${i} is not supported`);
    if (operator === '===' || operator === '!==') throw new ExpressionSyntaxError(`${operator} is not a Jira expressions operator (use ${operator.slice(0, 2)})`);
    tokens.push({ kind: 'op', value: operator, at: i });
    i += operator.length;
  }
  return tokens;
}

class Parser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): Node {
    const node = this.or();
    const extra = this.tokens[this.position];
    if (extra) throw new ExpressionSyntaxError(`unexpected "${String(extra.value)}" at ${extra.at}`);
    return node;
  }

  private peek(value: string): boolean {
    const token = this.tokens[this.position];
    return token !== undefined && token.kind === 'op' && token.value === value;
  }

  private take(value: string): boolean {
    if (!this.peek(value)) return false;
    this.position += 1;
    return true;
  }

  private expect(value: string): void {
    if (!this.take(value)) {
      const token = this.tokens[this.position];
      throw new ExpressionSyntaxError(token ? `expected "${value}" at ${token.at}` : `expected "${value}" at the end`);
    }
  }

  private or(): Node {
    let left = this.and();
    while (this.take('||')) left = { type: 'binary', operator: '||', left, right: this.and() };
    return left;
  }

  private and(): Node {
    let left = this.equality();
    while (this.take('&&')) left = { type: 'binary', operator: '&&', left, right: this.equality() };
    return left;
  }

  private equality(): Node {
    let left = this.relational();
    for (;;) {
      const operator = ['==', '!='].find((candidate) => this.peek(candidate));
      if (!operator) return left;
      this.position += 1;
      left = { type: 'binary', operator, left, right: this.relational() };
    }
  }

  private relational(): Node {
    const left = this.unary();
    const operator = ['<=', '>=', '<', '>'].find((candidate) => this.peek(candidate));
    if (!operator) return left;
    this.position += 1;
    return { type: 'binary', operator, left, right: this.unary() };
  }

  private unary(): Node {
    if (this.take('!')) return { type: 'not', operand: this.unary() };
    return this.postfix();
  }

  private postfix(): Node {
    let node = this.primary();
    for (;;) {
      const optional = this.peek('?.') || this.peek('?.[');
      if (this.take('.') || this.take('?.')) {
        const token = this.tokens[this.position];
        if (!token || token.kind !== 'name') throw new ExpressionSyntaxError('a property name must follow "."');
        this.position += 1;
        if (this.take('(')) {
          if (token.value !== 'includes') throw new ExpressionSyntaxError(`the method ${token.value}() is not supported (only includes())`);
          const argument = this.or();
          this.expect(')');
          node = { type: 'call', object: node, method: 'includes', argument, optional };
        } else {
          node = { type: 'member', object: node, property: { type: 'literal', value: token.value }, optional };
        }
      } else if (this.take('[') || this.take('?.[')) {
        const property = this.or();
        this.expect(']');
        node = { type: 'member', object: node, property, optional };
      } else {
        return node;
      }
    }
  }

  private primary(): Node {
    const token = this.tokens[this.position];
    if (!token) throw new ExpressionSyntaxError('the expression ends too early');
    this.position += 1;
    if (token.kind === 'number' || token.kind === 'string') return { type: 'literal', value: token.value };
    if (token.kind === 'name') {
      if (token.value === 'true' || token.value === 'false') return { type: 'literal', value: token.value === 'true' };
      if (token.value === 'null') return { type: 'literal', value: null };
      if (token.value === 'event') return { type: 'event' };
      throw new ExpressionSyntaxError(`"${token.value}" at ${token.at} is not supported (the only variable is event)`);
    }
    if (token.value === '(') {
      const inner = this.or();
      this.expect(')');
      return inner;
    }
    if (token.value === '[') {
      const items: Node[] = [];
      if (!this.take(']')) {
        do items.push(this.or());
        while (this.take(','));
        this.expect(']');
      }
      return { type: 'list', items };
    }
    throw new ExpressionSyntaxError(`unexpected "${token.value}" at ${token.at}`);
  }
}

function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'List';
  if (typeof value === 'object') return 'Map';
  return typeof value === 'string' ? 'String' : typeof value === 'number' ? 'Number' : 'Boolean';
}

/** Equality between values of one type (or with null); lists compare item by item. */
function equal(left: unknown, right: unknown): boolean {
  if (left === null || left === undefined || right === null || right === undefined) return (left ?? null) === (right ?? null);
  if (typeName(left) !== typeName(right)) throw new ExpressionEvaluationError(`cannot compare ${typeName(left)} with ${typeName(right)}`);
  if (Array.isArray(left) && Array.isArray(right)) return left.length === right.length && left.every((item, i) => equal(item, right[i]));
  if (typeof left === 'object') throw new ExpressionEvaluationError('cannot compare Maps');
  return left === right;
}

/** A compiled filter expression: evaluate() answers whether the event is delivered, or throws ExpressionEvaluationError. */
export interface EventExpression {
  readonly source: string;
  evaluate(event: unknown): boolean;
}

/** Parses an expression once (at manifest load), refusing what this evaluator does not support. */
export function compileEventExpression(source: string): EventExpression {
  if (source.length > EXPRESSION_MAX_LENGTH) throw new ExpressionSyntaxError(`an expression has at most ${EXPRESSION_MAX_LENGTH} characters`);
  if (/\bevent\s*(\?\.|\.)\s*runtime\b/.test(source)) {
    throw new ExpressionSyntaxError('event.runtime entity-property paths are not modelled by the local platform');
  }
  const tree = new Parser(tokenize(source)).parse();
  return {
    source,
    evaluate(event: unknown): boolean {
      let steps = 0;
      const visit = (node: Node): unknown => {
        steps += 1;
        if (steps > MAX_STEPS) throw new ExpressionEvaluationError(`the expression took more than ${MAX_STEPS} steps`);
        switch (node.type) {
          case 'literal':
            return node.value;
          case 'list':
            return node.items.map(visit);
          case 'event':
            return event;
          case 'member': {
            const object = visit(node.object);
            if (object === null || object === undefined) {
              if (node.optional) return null;
              throw new ExpressionEvaluationError('cannot read a property of null');
            }
            const property = visit(node.property);
            if (Array.isArray(object) || typeof object === 'string') {
              if (property === 'length') return object.length;
              if (Array.isArray(object) && typeof property === 'number' && Number.isInteger(property) && property >= 0 && property < object.length) {
                return object[property] as unknown;
              }
              throw new ExpressionEvaluationError(`${typeName(object)} has no property ${JSON.stringify(property)}`);
            }
            if (typeof object !== 'object' || typeof property !== 'string') {
              throw new ExpressionEvaluationError(`cannot read ${JSON.stringify(property)} of ${typeName(object)}`);
            }
            if (!Object.prototype.hasOwnProperty.call(object, property)) {
              throw new ExpressionEvaluationError(`the event has no property "${property}" here`);
            }
            return (object as Record<string, unknown>)[property] ?? null;
          }
          case 'call': {
            const object = visit(node.object);
            if (object === null || object === undefined) {
              if (node.optional) return null;
              throw new ExpressionEvaluationError('cannot call includes() on null');
            }
            const argument = visit(node.argument);
            if (Array.isArray(object)) return object.some((item) => (item ?? null) === (argument ?? null) || (typeName(item) === typeName(argument) && equal(item, argument)));
            if (typeof object === 'string' && typeof argument === 'string') return object.includes(argument);
            throw new ExpressionEvaluationError(`${typeName(object)}.includes(${typeName(argument)}) is not defined`);
          }
          case 'not': {
            const operand = visit(node.operand);
            if (typeof operand !== 'boolean') throw new ExpressionEvaluationError(`! needs a Boolean, not ${typeName(operand)}`);
            return !operand;
          }
          case 'binary': {
            if (node.operator === '&&' || node.operator === '||') {
              const left = visit(node.left);
              if (typeof left !== 'boolean') throw new ExpressionEvaluationError(`${node.operator} needs Booleans, not ${typeName(left)}`);
              if (node.operator === '&&' ? !left : left) return left;
              const right = visit(node.right);
              if (typeof right !== 'boolean') throw new ExpressionEvaluationError(`${node.operator} needs Booleans, not ${typeName(right)}`);
              return right;
            }
            const left = visit(node.left);
            const right = visit(node.right);
            if (node.operator === '==') return equal(left, right);
            if (node.operator === '!=') return !equal(left, right);
            const comparable = (typeof left === 'number' && typeof right === 'number') || (typeof left === 'string' && typeof right === 'string');
            if (!comparable) throw new ExpressionEvaluationError(`cannot order ${typeName(left)} and ${typeName(right)} with ${node.operator}`);
            const a = left as number | string;
            const b = right as number | string;
            return node.operator === '<' ? a < b : node.operator === '<=' ? a <= b : node.operator === '>' ? a > b : a >= b;
          }
        }
      };
      const result = visit(tree);
      if (typeof result !== 'boolean') throw new ExpressionEvaluationError(`the expression evaluated to ${typeName(result)}, not a Boolean`);
      return result;
    },
  };
}
