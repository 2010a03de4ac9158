import { describe, expect, it } from 'vitest'
import { takeLinkSecret, takeLinkToken, type LinkTokenEnvironment } from './linkToken'

function environment(pathname: string, hash: string, stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored))
  const replaced: string[] = []
  const env: LinkTokenEnvironment = {
    location: { pathname, search: '', hash },
    history: { state: null, replaceState: (_state, _unused, url) => replaced.push(String(url)) },
    storage: {
      getItem: (key) => storage.get(key) ?? null,
      setItem: (key, value) => storage.set(key, value),
    },
  }
  return { env, storage, replaced }
}

describe('takeLinkToken', () => {
  it('takes the token from the fragment, remembers it and clears the address bar', () => {
    const { env, storage, replaced } = environment('/e/e1/t/t1', '#token=secret')
    expect(takeLinkToken(env)).toBe('secret')
    expect(storage.get('tablecloth.token:/e/e1/t/t1')).toBe('secret')
    expect(replaced).toEqual(['/e/e1/t/t1'])
  })

  it('keeps other fragment parameters', () => {
    const { env, replaced } = environment('/e/e1/t/t1', '#token=secret&view=all')
    takeLinkToken(env)
    expect(replaced).toEqual(['/e/e1/t/t1#view=all'])
  })

  it('uses the remembered token on a reload', () => {
    const { env } = environment('/e/e1/t/t1/', '', { 'tablecloth.token:/e/e1/t/t1': 'kept' })
    expect(takeLinkToken(env)).toBe('kept')
  })

  it('keeps tokens of different links apart', () => {
    const { env } = environment('/e/e1/t/t1/projector', '', {
      'tablecloth.token:/e/e1/t/t1': 'board',
    })
    expect(takeLinkToken(env)).toBeNull()
  })

  it('takes the projector’s phone secret beside its token, and both survive a reload', () => {
    const storage = new Map<string, string>()
    const location = {
      pathname: '/e/e1/t/t1/projector',
      search: '',
      hash: '#token=viewer&join=phone',
    }
    const env: LinkTokenEnvironment = {
      location,
      history: {
        state: null,
        replaceState: (_state, _unused, url) => {
          location.hash = new URL(String(url), 'http://x').hash
        },
      },
      storage: {
        getItem: (key) => storage.get(key) ?? null,
        setItem: (key, value) => storage.set(key, value),
      },
    }
    expect(takeLinkToken(env)).toBe('viewer')
    expect(takeLinkSecret('join', env)).toBe('phone')
    expect(location.hash).toBe('')
    expect(takeLinkToken(env)).toBe('viewer')
    expect(takeLinkSecret('join', env)).toBe('phone')
  })
})
