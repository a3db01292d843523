// The URL deployment pipelines call (the `deployment-report` web trigger of manifest.yml), from the platform: it is
// stable for this app, site and environment.
import { webTrigger } from '@forge/api';

export const DEPLOYMENT_REPORT_TRIGGER = 'deployment-report';

export function deploymentReportUrl(): Promise<string> {
  return webTrigger.getUrl(DEPLOYMENT_REPORT_TRIGGER);
}
