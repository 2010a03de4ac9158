import { describe, expect, it } from 'vitest'
import { gridColumns, gridRows } from './gridColumns'

describe('gridColumns', () => {
  it.each([
    [0, 1, 1],
    [1, 1, 1],
    [2, 2, 1],
    [3, 2, 2],
    [11, 4, 3],
    [12, 4, 3],
    [16, 5, 4],
    [20, 5, 4],
  ])('%i tables: %i across, %i down', (count, columns, rows) => {
    expect(gridColumns(count)).toBe(columns)
    expect(gridRows(count)).toBe(rows)
  })
})
