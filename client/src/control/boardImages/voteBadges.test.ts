import { describe, expect, it } from 'vitest'
import { BADGE_DIAMETER, voteBadgesOf, withVoteBadges } from './voteBadges'

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="480" height="400" viewBox="100 200 480 400">' +
  '<rect x="100" y="200" width="480" height="400" fill="#fff"/><text>Sprachcafé</text></svg>'

describe('vote badges in board images', () => {
  it('puts a badge on the top-right corner of every note with dots', () => {
    const badges = voteBadgesOf([
      { id: 'shape:a', votes: 3, bounds: { x: 140, y: 240, w: 200, h: 200 } },
      { id: 'shape:b', votes: 0, bounds: { x: 364, y: 240, w: 200, h: 200 } },
      { id: 'shape:c', votes: 12, bounds: { x: 140, y: 464, w: 200, h: 260 } },
    ])
    expect(badges).toEqual([
      { noteId: 'shape:a', votes: 3, cx: 340, cy: 240 },
      { noteId: 'shape:c', votes: 12, cx: 340, cy: 464 },
    ])
  })

  it('draws each badge in page units, on top of the board, with its count as text', () => {
    const svg = withVoteBadges(
      SVG,
      [
        { noteId: 'shape:a', votes: 3, cx: 340, cy: 240 },
        { noteId: 'shape:c', votes: 12, cx: 340, cy: 464 },
      ],
      "'tldraw_sans', sans-serif",
    )
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml')
    const root = doc.documentElement
    expect(root.getAttribute('viewBox')).toBe('100 200 480 400')
    expect(root.lastElementChild?.getAttribute('data-tablecloth')).toBe('vote-badges')
    const badges = [...doc.querySelectorAll('[data-tablecloth="vote-badge"]')]
    expect(badges.map((badge) => badge.getAttribute('data-votes'))).toEqual(['3', '12'])
    const circle = badges[0]!.querySelector('circle')!
    expect([circle.getAttribute('cx'), circle.getAttribute('cy')]).toEqual(['340', '240'])
    expect(Number(circle.getAttribute('r')) * 2).toBeGreaterThan(BADGE_DIAMETER - 4)
    expect(badges.map((badge) => badge.querySelector('text')?.textContent)).toEqual(['3', '12'])
    expect(svg).toContain('Sprachcafé')
  })

  it('leaves an image without dots as it was', () => {
    expect(withVoteBadges(SVG, [], 'sans-serif')).toBe(SVG)
  })
})
