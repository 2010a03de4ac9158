import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from './helpers/testServer'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3 document of the real routes with their schemas', async () => {
    const response = await fetch(`${server.origin}/api/openapi.json`)
    expect(response.status).toBe(200)
    const doc = (await response.json()) as any
    expect(doc.openapi).toMatch(/^3\./)
    const paths = Object.keys(doc.paths)
    for (const path of [
      '/healthz',
      '/api/config',
      '/api/events',
      '/api/events/{id}',
      '/api/events/{id}/timer',
      '/api/events/{id}/links/rotate',
      '/api/events/{id}/tables/{tableId}/notes',
      '/api/events/{id}/hidden-notes/{noteId}',
      '/api/events/{id}/results.{format}',
      '/api/events/{id}/themes',
      '/api/events/{id}/themes/suggest',
    ]) {
      expect(paths, path).toContain(path)
    }
    // The docs' own routes are no part of the contract.
    expect(
      paths.filter((path) => path.startsWith('/api/docs') || path === '/api/openapi.json'),
    ).toEqual([])

    const schemaOf = (body: any) => body.content['application/json'].schema
    const resolve = (schema: any) =>
      schema.$ref ? doc.components.schemas[schema.$ref.split('/').pop()] : schema
    const note = resolve(
      schemaOf(doc.paths['/api/events/{id}/tables/{tableId}/notes'].post.requestBody),
    )
    expect(note.required).toEqual(expect.arrayContaining(['text', 'column']))
    const timer = resolve(schemaOf(doc.paths['/api/events/{id}/timer'].post.requestBody))
    expect(timer.properties.action.enum).toEqual(['start', 'pause', 'resume', 'extend', 'reset'])
    const created = resolve(schemaOf(doc.paths['/api/events'].post.requestBody))
    expect(created.required).toEqual(
      expect.arrayContaining(['title', 'date', 'tables', 'stations']),
    )
    const results = doc.paths['/api/events/{id}/results.{format}'].get
    const format = results.parameters.find((parameter: any) => parameter.name === 'format')
    expect(format.schema.enum).toEqual(['json', 'csv', 'md', 'html', 'pdf', 'docx'])
    expect(results.parameters.map((parameter: any) => parameter.name)).toEqual(
      expect.arrayContaining(['table', 'station', 'lang']),
    )
    const hidden = doc.paths['/api/events/{id}/hidden-notes'].get.responses['200']
    expect(resolve(schemaOf(hidden)).properties.hiddenNotes.type).toBe('array')
    const saveThemes = resolve(schemaOf(doc.paths['/api/events/{id}/themes'].put.requestBody))
    expect(saveThemes.properties.themes.maxItems).toBe(200)
    const themes = doc.paths['/api/events/{id}/themes'].get.responses['200']
    expect(resolve(schemaOf(themes)).required).toEqual(
      expect.arrayContaining(['themes', 'editable']),
    )
  })
})

describe('the API page at /api/docs', () => {
  it('loads only from our own origin, under our own Content-Security-Policy', async () => {
    const page = await fetch(`${server.origin}/api/docs`)
    expect(page.status).toBe(200)
    const csp = page.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    const html = await page.text()
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    expect(scripts.length).toBeGreaterThan(0)
    // No inline script: the policy would refuse it.
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc=/)
      expect(body!.trim()).toBe('')
    }
    const references = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((match) => match[1]!)
    expect(references.length).toBeGreaterThan(2)
    for (const reference of references) {
      const url = new URL(reference, page.url)
      expect(url.origin, reference).toBe(server.origin)
      const asset = await fetch(url)
      expect(asset.status, reference).toBe(200)
      await asset.arrayBuffer()
    }
    const initializerUrl = references.find((reference) =>
      reference.endsWith('/swagger-initializer.js'),
    )!
    const initializer = await (await fetch(new URL(initializerUrl, page.url))).text()
    // The validator badge would be fetched from validator.swagger.io.
    expect(initializer).toMatch(/"validatorUrl":\s*null/)
    // The page reads the document from beside itself: the same one as /api/openapi.json.
    expect(initializer).toContain("resolveUrl('./json')")
    const beside = await (await fetch(`${server.origin}/api/docs/json`)).json()
    expect(beside).toEqual(await (await fetch(`${server.origin}/api/openapi.json`)).json())
  })
})
