/**
 * An error whose message is written for the user. Anything else that escapes an
 * action or route is logged with its context and shown as a generic message.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserError";
  }
}

export const GENERIC_ERROR_MESSAGE = "Something went wrong on our side. Please try again in a moment.";
