// The one error the double's plain methods throw. REST handlers catch it and answer with Jira's error body.

/** A call the double refuses (unknown issue, bad value …). */
export class JsmDoubleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsmDoubleError';
  }
}
