/**
 * Fixtures for tests and benchmarks of every package: realistic notes from
 * café days and result sets to check exports against. Not part of the app:
 * imported only as `@tablecloth/shared/testing`.
 */
export * from './cafeNotes'
export * from './noteCorpus'
export * from './referenceNotes'
export * from './referenceThemeNotes'
export * from './oneStationResults'
export * from './resultsFixture'
