/**
 * What a service refuses, in the service's own words. None of these know HTTP
 * or websockets: `http/errorReply.ts` turns them into a status and JSON body,
 * `access/closeCodeFor.ts` into a websocket close code. Messages reach
 * clients, so they never quote note text or tokens.
 */
export abstract class DomainError extends Error {
  constructor(
    message: string,
    /** The request field at fault, when one is (e.g. `tableId`, `stations.1.columns`). */
    readonly field?: string,
    /** Extra machine-readable detail, e.g. every validation issue of the setup form. */
    readonly details?: unknown,
  ) {
    super(message)
  }
}

/** The input breaks a rule of the contract. */
export class InvalidInputError extends DomainError {
  // Widened to string: its kinds below carry their own names.
  override readonly name: string = 'InvalidInputError'
}

/** A note stands in more than one saved theme; `details.noteIds` names each such note. */
export class DuplicateNoteError extends InvalidInputError {
  override readonly name = 'DuplicateNoteError'
}

/** Saved themes name ids that are no note of the event's results; `details.noteIds` names them. */
export class UnknownNotesError extends InvalidInputError {
  override readonly name = 'UnknownNotesError'
}

/** The event, table, snapshot or note asked for does not exist (any more). */
export class NotFoundError extends DomainError {
  override readonly name = 'NotFoundError'
}

/** The request was fine but the state has moved on (a station change, a damaged snapshot). */
export class ConflictError extends DomainError {
  override readonly name = 'ConflictError'
}

/** No credential, or one that is unknown or revoked. */
export class UnauthorizedError extends DomainError {
  override readonly name = 'UnauthorizedError'
}

/** A valid credential whose role may not do this. */
export class ForbiddenError extends DomainError {
  override readonly name = 'ForbiddenError'
}

/** Creating an event on this server needs the setup PIN, and it is missing or wrong. */
export class SetupPinRefusedError extends DomainError {
  override readonly name = 'SetupPinRefusedError'
}

/** Too many requests from this caller; the next one is allowed after `retryAfterSeconds`. */
export class TooManyRequestsError extends DomainError {
  override readonly name = 'TooManyRequestsError'
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, undefined, { retryAfterSeconds })
  }
}

/** The board reached its size cap; nothing was added. */
export class BoardFullDomainError extends DomainError {
  override readonly name = 'BoardFullDomainError'
}

/** The store refused the write rather than lose it; nothing was changed. */
export class StorageFailureError extends DomainError {
  override readonly name = 'StorageFailureError'
}

/**
 * A service the request needs is unreachable for now (the shared store, or
 * the relay between processes); nothing was changed, and trying again later works.
 */
export class UnavailableError extends DomainError {
  override readonly name = 'UnavailableError'
}
