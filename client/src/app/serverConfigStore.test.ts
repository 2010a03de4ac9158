import { describe, expect, it } from 'vitest'
import { decodeClientConfig } from './serverConfigStore'

describe('decodeClientConfig', () => {
  it('reads whether creating an event needs the setup PIN', () => {
    const answer = { tldrawLicenseKey: 'key', protocol: 1, setupPinRequired: true }
    expect(decodeClientConfig(answer)).toEqual(answer)
  })

  it('takes a server or a remembered config without the field to ask for no PIN', () => {
    expect(decodeClientConfig({ tldrawLicenseKey: null, protocol: 1 })).toEqual({
      tldrawLicenseKey: null,
      protocol: 1,
      setupPinRequired: false,
    })
  })

  it('refuses an answer it cannot read', () => {
    expect(() =>
      decodeClientConfig({ tldrawLicenseKey: null, protocol: 1, setupPinRequired: 'yes' }),
    ).toThrow()
    expect(() => decodeClientConfig({ protocol: '1' })).toThrow()
  })
})
