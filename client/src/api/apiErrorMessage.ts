import type { Translate } from '../i18n/translate'
import type { ApiError } from './apiClient'

/** A failed API call in the user's language; the server's own message is for integrators. */
export function apiErrorMessage(t: Translate, error: ApiError): string {
  switch (error.code) {
    case 'network':
      return t('error.network')
    case 'unauthorized':
      return t('error.unauthorized')
    case 'forbidden':
      return t('error.forbidden')
    case 'not_found':
      return t('error.notFound')
    case 'conflict':
      return t('error.conflict')
    case 'rate_limited':
      return t('error.rateLimited')
    case 'payload_too_large':
      return t('error.tooLarge')
    case 'storage_failure':
      return t('error.storage')
    case 'board_full':
      return t('error.boardFull')
    case 'setup_pin_required':
      return t('error.setupPin')
    case 'validation_failed':
    case 'invalid_json':
    case 'unsupported_media_type':
    case 'method_not_allowed':
      return t('error.invalidRequest')
    case 'duplicate_note':
      return t('error.duplicateNote')
    case 'unknown_notes':
      return t('error.unknownNotes')
    case 'internal':
      return t('error.internal')
    default: {
      const unknownCode: never = error.code
      return t('error.internal') + ` (${String(unknownCode)})`
    }
  }
}
