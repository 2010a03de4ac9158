import { describe, expect, it } from 'vitest'
import { RESULTS_TEXT_FORMATS } from '@tablecloth/shared'
import { resultsFixture } from '@tablecloth/shared/testing'
import { renderResultsText } from '../src/results/renderResultsText'

describe('renderResultsText', () => {
  const results = resultsFixture()

  it('renders every text format with its media type', () => {
    const mediaTypes = RESULTS_TEXT_FORMATS.map(
      (format) => renderResultsText(results, format).mediaType,
    )
    expect(mediaTypes).toEqual(['application/json', 'text/csv', 'text/markdown', 'text/html'])
  })

  it('gives the results structure itself as JSON', () => {
    expect(JSON.parse(renderResultsText(results, 'json').body)).toEqual(results)
  })
})
