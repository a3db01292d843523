// The queue consumer that re-evaluates a project after a configuration change (see usecases/reevaluate-project).
import { now } from '../adapters/clock';
import Resolver from '@forge/resolver';
import { z } from 'zod';
import { JiraClient } from '../adapters/jira/client';
import { reevaluateProject } from '../usecases/reevaluate-project';

const Job = z.object({ projectKey: z.string().min(1), nextPageToken: z.string().optional(), done: z.number().optional() });

export function defineReevaluationConsumer(resolver: Resolver): Resolver {
  return resolver.define('reevaluate', async ({ payload }) => {
    const job = Job.safeParse(payload);
    if (!job.success) {
      // A malformed job can never succeed; retrying it would only repeat the failure.
      console.error('ignored a malformed re-evaluation job', job.error.issues);
      return { recomputed: 0, handedOn: false };
    }
    return reevaluateProject(job.data, new JiraClient(), now);
  });
}
