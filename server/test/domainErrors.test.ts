import { describe, expect, it } from 'vitest'
import { ApiErrorCode, CloseCode } from '@tablecloth/shared'
import { closeCodeFor } from '../src/access/closeCodeFor'
import {
  BoardFullDomainError,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  SetupPinRefusedError,
  StorageFailureError,
  TooManyRequestsError,
  UnauthorizedError,
} from '../src/domain/errors'
import { errorReply } from '../src/http/errorReply'

/** One domain error, two transports: the HTTP answer and the websocket close code. */
describe('domain errors', () => {
  it.each([
    [
      new InvalidInputError('tableId is required', 'tableId'),
      400,
      ApiErrorCode.ValidationFailed,
      CloseCode.InvalidMessage,
    ],
    [
      new UnauthorizedError('Missing, unknown or revoked token'),
      401,
      ApiErrorCode.Unauthorized,
      CloseCode.Unauthorized,
    ],
    [
      new ForbiddenError('This link does not allow that'),
      403,
      ApiErrorCode.Forbidden,
      CloseCode.Forbidden,
    ],
    [
      new SetupPinRefusedError('The setup PIN is wrong'),
      403,
      ApiErrorCode.SetupPinRequired,
      CloseCode.InvalidMessage,
    ],
    [new NotFoundError('No such event'), 404, ApiErrorCode.NotFound, CloseCode.NotFound],
    [new ConflictError('moved on', 'from'), 409, ApiErrorCode.Conflict, CloseCode.InvalidMessage],
    [
      new TooManyRequestsError('Too many notes; try again in 7 s', 7),
      429,
      ApiErrorCode.RateLimited,
      CloseCode.RateLimited,
    ],
    [new BoardFullDomainError('full'), 507, ApiErrorCode.BoardFull, CloseCode.BoardFull],
    [
      new StorageFailureError('not saved'),
      507,
      ApiErrorCode.StorageFailure,
      CloseCode.StorageFailure,
    ],
  ])('maps %s to HTTP %i %s and close code %i', (error, status, code, closeCode) => {
    const reply = errorReply(error)!
    expect(reply.status).toBe(status)
    expect(reply.body.error.code).toBe(code)
    expect(reply.body.error.message).toBe(error.message)
    expect(reply.body.error.field).toBe(error.field)
    expect(reply.headers['cache-control']).toBe('no-store')
    expect(closeCodeFor(error)?.closeCode).toBe(closeCode)
  })

  it('puts the wait of a 429 into Retry-After and the details', () => {
    const reply = errorReply(new TooManyRequestsError('Too many notes; try again in 7 s', 7))!
    expect(reply.headers['retry-after']).toBe('7')
    expect(reply.body.error.details).toEqual({ retryAfterSeconds: 7 })
  })

  it('leaves anything that is no refusal to the caller, on both transports', () => {
    const unexpected = new Error('note text that must not leak')
    expect(errorReply(unexpected)).toBeNull()
    expect(closeCodeFor(unexpected)).toBeNull()
  })

  it("answers Fastify's own refusals with fixed messages that quote nothing", () => {
    const tooLarge = Object.assign(new Error('body of secret text'), {
      statusCode: 413,
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
    })
    expect(errorReply(tooLarge, 4096)!.body.error).toEqual({
      code: ApiErrorCode.PayloadTooLarge,
      message: 'Request body exceeds 4096 bytes',
    })
    const badUrl = Object.assign(new Error("'/api/events/%zz' is not a valid url component"), {
      statusCode: 400,
      code: 'FST_ERR_BAD_URL',
    })
    expect(errorReply(badUrl)!.body.error).toEqual({
      code: ApiErrorCode.ValidationFailed,
      message: 'The path holds a malformed %-escape',
    })
  })
})
