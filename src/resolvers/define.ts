// How every resolver is defined: one envelope, one Jira client and one reading of the clock per invocation, and the
// caller's kind of account checked before anything else (Forge puts it in the context; the UI cannot forge it).
import Resolver from '@forge/resolver';
import type { Request } from '@forge/resolver';
import type { Clock } from '../adapters/clock';
import { JiraClient } from '../adapters/jira/client';
import type { AnswerOf, ResolverKey } from '../resolver-contract';
import { enveloped, forbidden, notFound, type Envelope } from './envelope';

export interface Invocation {
  request: Request;
  jira: JiraClient;
  /** The instant the invocation started: every figure it answers is computed at this one instant. */
  now: number;
}

/** Who may call a surface's resolvers: licensed users (agents, admins), or portal users too. */
export type Audience = 'licensed' | 'portal';

/** Forge's account types (resolver context `accountType`). */
type AccountType = 'licensed' | 'unlicensed' | 'customer' | 'anonymous';

function accountTypeOf(request: Request): AccountType | undefined {
  return (request.context as { accountType?: AccountType }).accountType;
}

function admit(request: Request, audience: Audience): void {
  const type = accountTypeOf(request);
  if (type === 'licensed') return;
  // Portal users are JSM customers, or Atlassian accounts without a Jira licence using the portal.
  if ((type === 'customer' || type === 'unlicensed') && audience === 'portal') return;
  throw forbidden(type === 'customer' || type === 'unlicensed' ? 'This is available to the service team only' : 'You need to be logged in with access to this site');
}

/** A resolver key's handler: it answers what the contract says for that key. */
export type ResolverHandler<K extends ResolverKey> = (invocation: Invocation) => Promise<AnswerOf<K>>;

/** What Forge calls a resolver function with: the call (key and payload) and the context. */
type ResolverCall = Parameters<ReturnType<Resolver['getDefinitions']>>;

/** The resolver functions of one surface (one manifest function): the keys it defines, and nothing else. */
export class SurfaceResolvers {
  private readonly resolver = new Resolver();
  private readonly defined = new Set<string>();

  constructor(
    private readonly clock: Clock,
    private readonly audience: Audience,
  ) {}

  define<K extends ResolverKey>(key: K, handler: ResolverHandler<K>): this {
    this.defined.add(key);
    this.resolver.define(
      key,
      enveloped(async (request) => {
        admit(request, this.audience);
        return handler({ request, jira: new JiraClient(), now: this.clock.now() });
      }),
    );
    return this;
  }

  get keys(): ReadonlySet<string> {
    return this.defined;
  }

  /**
   * The function the manifest names. @forge/resolver finds a key with `in`, so `constructor`, `__proto__` or
   * `hasOwnProperty` would reach Object's own members; only keys defined here are answered, anything else is the
   * envelope's NOT_FOUND.
   */
  definitions(): (...call: ResolverCall) => Promise<unknown> {
    const definitions = this.resolver.getDefinitions();
    return async (request, runtime) => {
      const key: unknown = request?.call?.functionKey;
      if (typeof key !== 'string' || !this.defined.has(key)) {
        const refused: Envelope<never> = { ok: false, errors: notFound(`There is no function ${JSON.stringify(String(key)).slice(0, 80)} here`).details };
        return refused;
      }
      return definitions(request, runtime);
    };
  }
}
