import { CloseCode, CloseReason } from '@tablecloth/shared'
import {
  BoardFullDomainError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  StorageFailureError,
  TooManyRequestsError,
  UnauthorizedError,
} from '../domain/errors'

/**
 * The websocket close code and reason for a domain error, the sockets'
 * counterpart of `http/errorReply.ts`; null for anything that is not a
 * refusal (an unexpected error stays an error). Reasons are the short fixed
 * texts of the protocol, never the error's message.
 */
export function closeCodeFor(error: unknown): { closeCode: CloseCode; reason: string } | null {
  if (!(error instanceof DomainError)) return null
  if (error instanceof NotFoundError)
    return { closeCode: CloseCode.NotFound, reason: CloseReason.NotFound }
  if (error instanceof UnauthorizedError) {
    return { closeCode: CloseCode.Unauthorized, reason: CloseReason.Unauthorized }
  }
  if (error instanceof ForbiddenError)
    return { closeCode: CloseCode.Forbidden, reason: CloseReason.Forbidden }
  if (error instanceof TooManyRequestsError) {
    return { closeCode: CloseCode.RateLimited, reason: CloseReason.RateLimited }
  }
  if (error instanceof BoardFullDomainError)
    return { closeCode: CloseCode.BoardFull, reason: CloseReason.BoardFull }
  if (error instanceof StorageFailureError) {
    return { closeCode: CloseCode.StorageFailure, reason: CloseReason.StorageFailure }
  }
  // Invalid input, conflicts and setup PINs do not happen on a socket; refuse as malformed.
  return { closeCode: CloseCode.InvalidMessage, reason: CloseReason.InvalidMessage }
}
