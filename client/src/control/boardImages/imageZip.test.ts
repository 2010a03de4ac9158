import { describe, expect, it } from 'vitest'
import { strFromU8, unzipSync } from 'fflate'
import { buildZip } from './imageZip'

describe('buildZip', () => {
  it('packs files under folders with their names intact', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])
    const zip = buildZip([
      { path: 'README.txt', data: 'Tafelbilder\r\n' },
      { path: '01-Übergänge „gut“ 🎉/station-1-مقهى.svg', data: '<svg/>' },
      { path: '01-Übergänge „gut“ 🎉/station-1-مقهى.png', data: png },
    ])
    const files = unzipSync(zip)
    expect(Object.keys(files).sort()).toEqual([
      '01-Übergänge „gut“ 🎉/station-1-مقهى.png',
      '01-Übergänge „gut“ 🎉/station-1-مقهى.svg',
      'README.txt',
    ])
    expect(strFromU8(files['README.txt']!)).toBe('Tafelbilder\r\n')
    expect(files['01-Übergänge „gut“ 🎉/station-1-مقهى.png']).toEqual(png)
  })

  it('flags names as UTF-8, so unzip tools do not read them as code page 437', () => {
    const zip = buildZip([{ path: 'Tür.svg', data: '<svg/>' }])
    // General-purpose flag of the local header (offset 6), bit 11: names are UTF-8.
    expect(zip[7]! & 0x08).toBe(0x08)
  })

  it('stores PNGs as they are and deflates text', () => {
    const text = 'x'.repeat(10_000)
    const zip = buildZip([
      { path: 'a.png', data: new TextEncoder().encode(text) },
      { path: 'b.svg', data: text },
    ])
    // Compression method of the first local header (offset 8): 0 stored.
    expect(zip[8]).toBe(0)
    expect(zip.length).toBeLessThan(10_000 + 1_000)
  })

  it('refuses two files at one path', () => {
    expect(() =>
      buildZip([
        { path: 'a/b.svg', data: '1' },
        { path: 'a/b.svg', data: '2' },
      ]),
    ).toThrow(/two files/)
  })

  it('keeps the time the image was taken', () => {
    const taken = new Date(2026, 10, 25, 10, 45, 30)
    const zip = buildZip([{ path: 'a.svg', data: '<svg/>', modified: taken }])
    const dosTime = zip[10]! | (zip[11]! << 8)
    const dosDate = zip[12]! | (zip[13]! << 8)
    expect([dosDate >> 9, (dosDate >> 5) & 15, dosDate & 31]).toEqual([2026 - 1980, 11, 25])
    expect([dosTime >> 11, (dosTime >> 5) & 63]).toEqual([10, 45])
  })
})
