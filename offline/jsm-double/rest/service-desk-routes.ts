// The servicedesk API (/rest/servicedeskapi): service desks, request types, organizations, the customer's view of a
// request, and creating requests and comments the way the portal does. Pages use the servicedesk envelope
// (`size, start, limit, isLastPage, values`), errors its `{ errorMessage, i18nErrorMessage }` body.
import { JsmDoubleError, type JsmDouble } from '../jsm-double';
import { jsmDate } from '../jira-time';
import { customerRequest, jsmComment, jsmUser, organizationDto, requestTypeDto, serviceDeskDto } from '../representations';
import { jsmError, jsmPage, jsonBody, listParam, ok, type JiraRequest, type JiraResponse } from './http';
import { visibleIssue } from './issue-routes';

const REQUEST_NOT_FOUND = 'Request does not exist or you do not have permission to see it.';

/** Service projects only: a software or business project has no service desk. */
const serviceProjects = (double: JsmDouble) => double.state.projects.filter((p) => (p.projectTypeKey ?? 'service_desk') === 'service_desk');

export function listServiceDesks(double: JsmDouble, request: JiraRequest): JiraResponse {
  const values = serviceProjects(double).map((project) => serviceDeskDto(double, project.id));
  return jsmPage(double.state.site.baseUrl, '/rest/servicedeskapi/servicedesk', values, request.query);
}

export function listRequestTypes(double: JsmDouble, request: JiraRequest, serviceDeskId: string): JiraResponse {
  const project = serviceProjects(double).find((p) => p.serviceDeskId === serviceDeskId || p.key === serviceDeskId.toUpperCase() || p.id === serviceDeskId);
  if (!project) return jsmError(404, `The service project with ID ${serviceDeskId} does not exist.`, 'sd.service.project.not.found');
  const search = request.query.get('searchQuery')?.toLowerCase() ?? '';
  const values = double.state.requestTypes
    .filter((rt) => rt.serviceDeskId === project.serviceDeskId && rt.name.toLowerCase().includes(search))
    .map((rt) => requestTypeDto(double, rt));
  return jsmPage(double.state.site.baseUrl, `/rest/servicedeskapi/servicedesk/${serviceDeskId}/requesttype`, values, request.query);
}

/** Whether the caller holds a Jira Service Management agent licence: the app, or an agent of some service desk. */
function isAgentAnywhere(double: JsmDouble, caller: JiraRequest['as']): boolean {
  return caller === 'app' || serviceProjects(double).some((project) => double.isAgent(caller.accountId, project));
}

/**
 * All organizations, or — with `accountId` — the ones that user belongs to ("to fetch organizations based on
 * accountId the user must have a Service Desk agent license"). A customer sees only their own ("If the user is a
 * customer, only those organizations of which the customer is a member are listed").
 */
export function listOrganizations(double: JsmDouble, request: JiraRequest): JiraResponse {
  const accountId = request.query.get('accountId');
  const agent = isAgentAnywhere(double, request.as);
  if (accountId !== null && !agent) {
    return jsmError(403, 'You must have a Jira Service Management agent licence to list the organizations of a user.', 'sd.license.agent.required');
  }
  const own = request.as === 'app' ? [] : double.organizationsOf(request.as.accountId);
  const organizations = accountId !== null ? double.organizationsOf(accountId) : agent ? double.state.organizations : own;
  const values = organizations.map((organization) => organizationDto(double, organization));
  return jsmPage(double.state.site.baseUrl, '/rest/servicedeskapi/organization', values, request.query);
}

export function getCustomerRequest(double: JsmDouble, request: JiraRequest, idOrKey: string): JiraResponse {
  const issue = visibleIssue(double, request.as, idOrKey);
  if (!issue || double.valueOfKind(issue, 'requestType') === undefined) return jsmError(404, REQUEST_NOT_FOUND, 'sd.request.not.found');
  return ok(customerRequest(double, issue, new Set(listParam(request.query, 'expand') ?? [])));
}

/** Select values in `requestFieldValues` come as `{ id }`, `{ value }` or a bare string. */
function optionText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const record = value as { id?: unknown; value?: unknown };
    if (typeof record.id === 'string') return record.id;
    if (typeof record.value === 'string') return record.value;
  }
  return undefined;
}

export function createCustomerRequest(double: JsmDouble, request: JiraRequest): JiraResponse {
  const body = jsonBody(request.body);
  if ('error' in body) return jsmError(400, 'The request body is not valid JSON.', 'sd.request.body.invalid');
  const input = (body.value ?? {}) as Record<string, unknown>;
  const requestType = typeof input.requestTypeId === 'string' ? double.requestType(input.requestTypeId) : undefined;
  if (!requestType || String(input.serviceDeskId) !== requestType.serviceDeskId) {
    return jsmError(400, 'The request type does not exist in this service project.', 'sd.request.create.error.request.type.invalid');
  }
  const values = (input.requestFieldValues ?? {}) as Record<string, unknown>;
  if (typeof values.summary !== 'string' || values.summary.trim() === '') {
    return jsmError(400, 'Summary: You must specify a summary of the issue.', 'sd.request.create.error.summary.required');
  }
  const onBehalf = typeof input.raiseOnBehalfOf === 'string' ? input.raiseOnBehalfOf : undefined;
  const caller = request.as === 'app' ? undefined : request.as.accountId;
  const reporter = onBehalf ?? caller;
  if (reporter === undefined) return jsmError(400, 'An app must name the customer in raiseOnBehalfOf.', 'sd.request.create.error.reporter.required');
  if (onBehalf !== undefined && caller !== undefined) {
    const project = double.state.projects.find((p) => p.serviceDeskId === requestType.serviceDeskId);
    if (project && !double.isAgent(caller, project)) {
      return jsmError(403, 'You do not have permission to raise requests on behalf of other customers.', 'sd.request.create.error.raise.on.behalf.not.permitted');
    }
  }
  const fieldValues: Record<string, string | undefined> = {};
  for (const [fieldId, value] of Object.entries(values)) {
    if (fieldId === 'summary' || fieldId === 'description') continue;
    const field = double.customField(fieldId);
    if (!field || field.kind !== 'select') {
      return jsmError(400, `Field '${fieldId}' cannot be set on this request type.`, 'sd.request.create.error.field.invalid');
    }
    fieldValues[field.name] = optionText(value);
  }
  const participants = Array.isArray(input.requestParticipants) ? input.requestParticipants.map(String) : undefined;
  try {
    const issue = double.createRequest({
      requestTypeId: requestType.id,
      reporter,
      summary: values.summary,
      ...(typeof values.description === 'string' ? { description: values.description } : {}),
      fieldValues,
      ...(participants ? { participants } : {}),
      raisedBy: caller ?? double.state.site.appAccountId,
    });
    return ok(customerRequest(double, issue, new Set()), 201);
  } catch (error) {
    if (error instanceof JsmDoubleError) return jsmError(400, error.message, 'sd.request.create.error');
    throw error;
  }
}

export function addCustomerComment(double: JsmDouble, request: JiraRequest, idOrKey: string): JiraResponse {
  const issue = visibleIssue(double, request.as, idOrKey);
  if (!issue) return jsmError(404, REQUEST_NOT_FOUND, 'sd.request.not.found');
  const body = jsonBody(request.body);
  if ('error' in body) return jsmError(400, 'The request body is not valid JSON.', 'sd.request.body.invalid');
  const input = (body.value ?? {}) as { body?: unknown; public?: unknown };
  if (typeof input.body !== 'string' || input.body.trim() === '') return jsmError(400, 'The comment body must not be empty.', 'sd.comment.body.required');
  const author = request.as === 'app' ? double.state.site.appAccountId : request.as.accountId;
  const isPublic = input.public !== false;
  try {
    const comment = double.addComment(issue.key, { author, body: input.body, public: isPublic });
    return ok(jsmComment(double, issue, comment), 201);
  } catch (error) {
    if (error instanceof JsmDoubleError) return jsmError(400, 'Customers can only add public comments.', 'sd.comment.internal.not.permitted');
    throw error;
  }
}

/** "More than 60 files are requested to be uploaded": 413. */
const MAX_TEMPORARY_FILES = 60;
/** The largest file the double takes: Jira's attachment size is a site setting; a modest one is the stricter reading. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

function callerId(caller: JiraRequest['as']): string {
  return caller === 'app' ? 'app' : caller.accountId;
}

/**
 * POST /servicedesk/{id}/attachTemporaryFile: multipart/form-data with the files in `file` parts, and the XSRF
 * opt-out header ("you must submit a header of X-Atlassian-Token: no-check ... or it will be blocked").
 */
export async function attachTemporaryFile(double: JsmDouble, request: JiraRequest, serviceDeskId: string): Promise<JiraResponse> {
  if ((request.headers['x-atlassian-token'] ?? '').toLowerCase() !== 'no-check') return { status: 403, headers: { 'content-type': 'text/plain' }, body: 'XSRF check failed' };
  const project = double.state.projects.find((p) => p.serviceDeskId === serviceDeskId || p.key === serviceDeskId.toUpperCase());
  if (!project) return jsmError(404, `The service project with ID ${serviceDeskId} does not exist.`, 'sd.service.project.not.found');
  if (request.as !== 'app' && double.user(request.as.accountId)?.accountType !== 'customer' && !double.isAgent(request.as.accountId, project)) {
    return jsmError(403, 'You do not have permission to add attachments in this service project.', 'sd.attachment.permission.denied');
  }
  const contentType = request.headers['content-type'] ?? '';
  if (!contentType.toLowerCase().startsWith('multipart/form-data') || !(request.body instanceof Uint8Array)) {
    return { status: 415, headers: { 'content-type': 'text/plain' }, body: 'Unsupported Media Type: the files must be sent as multipart/form-data' };
  }
  let form: FormData;
  try {
    form = await new Response(request.body, { headers: { 'content-type': contentType } }).formData();
  } catch {
    return jsmError(400, 'The request body is not valid multipart/form-data.', 'sd.attachment.body.invalid');
  }
  const files = form.getAll('file').flatMap((part) => (typeof part === 'string' ? [] : [part]));
  if (files.length === 0) return jsmError(400, 'No files were sent: the multipart parameter holding them must be named "file".', 'sd.attachment.no.files');
  if (files.length > MAX_TEMPORARY_FILES) return jsmError(413, `At most ${MAX_TEMPORARY_FILES} files can be uploaded at once.`, 'sd.attachment.too.many');
  const uploaded = [];
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (bytes.length > MAX_ATTACHMENT_BYTES) return jsmError(400, `${file.name} is larger than the maximum attachment size (${MAX_ATTACHMENT_BYTES} bytes).`, 'sd.attachment.too.large');
    const temporary = double.addTemporaryAttachment(project.serviceDeskId, { filename: file.name, mimeType: file.type || 'application/octet-stream', bytes }, callerId(request.as));
    uploaded.push({ temporaryAttachmentId: temporary.id, fileName: temporary.filename });
  }
  return ok({ temporaryAttachments: uploaded }, 201);
}

const ATTACHMENT_FIELDS = new Set(['temporaryAttachmentIds', 'public', 'additionalComment']);

/** POST /request/{idOrKey}/attachment: AttachmentCreateDTO (closed), the caller's own temporary files of the request's desk. */
export function addRequestAttachment(double: JsmDouble, request: JiraRequest, idOrKey: string): JiraResponse {
  const issue = visibleIssue(double, request.as, idOrKey);
  if (!issue) return jsmError(404, REQUEST_NOT_FOUND, 'sd.request.not.found');
  const body = jsonBody(request.body);
  if ('error' in body) return jsmError(400, 'The request body is not valid JSON.', 'sd.request.body.invalid');
  const input = body.value as Record<string, unknown> | undefined;
  if (!input || typeof input !== 'object' || Array.isArray(input)) return jsmError(400, 'The request body must be an AttachmentCreateDTO object.', 'sd.attachment.body.invalid');
  const unknown = Object.keys(input).filter((key) => !ATTACHMENT_FIELDS.has(key));
  if (unknown.length > 0) return jsmError(400, `Unrecognized field "${unknown[0]}": not marked as ignorable.`, 'sd.request.body.invalid');
  const ids = input.temporaryAttachmentIds;
  if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string')) {
    return jsmError(400, 'temporaryAttachmentIds must list the temporary attachments to add.', 'sd.attachment.ids.required');
  }
  if (typeof input.public !== 'boolean') return jsmError(400, 'public must say whether the attachments are public (true) or internal (false).', 'sd.attachment.public.required');
  const comment = input.additionalComment;
  if (comment !== undefined && (typeof comment !== 'object' || comment === null || Object.keys(comment).some((k) => k !== 'body') || typeof (comment as { body?: unknown }).body !== 'string')) {
    return jsmError(400, 'additionalComment must be an object with a text body.', 'sd.request.body.invalid');
  }
  const customer = request.as !== 'app' && !double.isAgent(request.as.accountId, double.projectOf(issue));
  if (customer && input.public === false) return jsmError(400, 'Customers can set attachments to public visibility only.', 'sd.attachment.customer.internal');
  try {
    const result = double.attachToRequest(issue.key, {
      temporaryIds: ids as string[],
      public: input.public,
      ...(comment ? { comment: (comment as { body: string }).body } : {}),
      by: callerId(request.as),
    });
    const base = double.state.site.baseUrl;
    const values = result.attachments.map((a) => ({
      filename: a.filename,
      author: jsmUser(double, a.author),
      created: jsmDate(a.created, double.state.site.timeZone),
      size: a.size,
      mimeType: a.mimeType,
      _links: { jiraRest: `${base}/rest/api/2/attachment/${a.id}`, content: `${base}/servicedesk/customershim/secure/attachment/${a.id}/${encodeURIComponent(a.filename)}` },
    }));
    return ok({ comment: jsmComment(double, issue, result.comment), attachments: { _expands: [], size: values.length, start: 0, limit: values.length, isLastPage: true, values } }, 201);
  } catch (error) {
    if (error instanceof JsmDoubleError) return jsmError(400, error.message, 'sd.attachment.temporary.not.found');
    throw error;
  }
}
