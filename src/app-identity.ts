// Identifiers shared by the manifest, the functions and the UI (a contract test checks them against manifest.yml).

/** The app id's UUID (`app.id` in manifest.yml). */
export const APP_UUID = 'b7a1c3e0-7d2f-4b8e-9c1a-2f3e4d5c6b7a';

/** Where the portal create panel's choice lands: JSM saves it as an issue property keyed by the app id's UUID. */
export const PORTAL_CHOICE_PROPERTY = APP_UUID;

/** The issue property the app writes for JQL (`jira:entityProperty` indexes it). */
export const ISSUE_PROPERTY = 'contract-sla';

/** The queue for long or delayed work (re-evaluation after a configuration change, delayed re-checks). */
export const JOB_QUEUE = 'jobs';

/**
 * The largest configuration file an import takes, in characters: it travels in one Forge invoke (500 KB at most,
 * JSON-escaped), and a stored configuration is smaller still. The admin page checks it before uploading.
 */
export const MAX_IMPORT_CHARS = 400_000;

/**
 * The issue property on a request the app raised to deliver a compliance report (`{ agreement, month }`): such a
 * request is the app's own letter to the customer, never measured against an agreement.
 */
export const REPORT_REQUEST_PROPERTY = 'contract-sla-report';
