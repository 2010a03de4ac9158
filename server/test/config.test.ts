import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, readConfig } from '../src/config'

describe('readConfig', () => {
  it('keeps the data beside the README when started through pnpm from the project folder', () => {
    const config = readConfig({ INIT_CWD: '/srv/tablecloth' }, '/srv/tablecloth/server')
    expect(config.dataDir).toBe(path.resolve('/srv/tablecloth/data'))
    expect(config.port).toBe(8080)
  })

  it('resolves a relative DATA_DIR against the folder the command was typed in', () => {
    expect(readConfig({ DATA_DIR: 'state' }, '/opt/app').dataDir).toBe(
      path.resolve('/opt/app/state'),
    )
  })

  it('refuses invalid values with a message naming the variable', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(ConfigError)
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/)
    expect(() => readConfig({ PUBLIC_URL: 'cafe.example.org/path' })).toThrow(/PUBLIC_URL/)
  })
})
