// The `deployment-report` web trigger: the platform hands over the HTTP request as JSON and sends back what the
// function returns ({ statusCode, headers, body }). Thin: the use case decides; an unexpected failure (storage down)
// is answered with a JSON 500 saying to send the report again, never a stack trace.
import { handleDeploymentReport, type DeploymentRequest, type HttpAnswer } from '../usecases/deployment-report';

export async function onDeploymentReportRequest(request: DeploymentRequest, now: number): Promise<HttpAnswer> {
  try {
    return await handleDeploymentReport({ method: request.method, headers: request.headers ?? {}, ...(request.body === undefined ? {} : { body: request.body }) }, now);
  } catch (error) {
    console.error('deployment report failed', error);
    return {
      statusCode: 500,
      headers: { 'Content-Type': ['application/json'] },
      body: JSON.stringify({ error: 'internal', message: 'Contract SLA could not record the report; send it again with a new nonce (the same deployment is recorded once)' }),
    };
  }
}
