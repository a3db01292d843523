// How every resolver is defined: one envelope, one Jira client and one reading of the clock per invocation, and the
// caller's kind of account checked before anything else (Forge puts it in the context; the UI cannot forge it).
import type Resolver from '@forge/resolver';
import type { Request } from '@forge/resolver';
import type { Clock } from '../adapters/clock';
import { JiraClient } from '../adapters/jira/client';
import type { AnswerOf, ResolverKey } from '../resolver-contract';
import { enveloped, forbidden } from './envelope';

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

export function definer(resolver: Resolver, clock: Clock, audience: Audience) {
  return <K extends ResolverKey>(key: K, handler: ResolverHandler<K>): void => {
    resolver.define(
      key,
      enveloped(async (request) => {
        admit(request, audience);
        return handler({ request, jira: new JiraClient(), now: clock.now() });
      }),
    );
  };
}
