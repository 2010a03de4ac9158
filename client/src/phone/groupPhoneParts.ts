/**
 * What only a group's phone shows, loaded as a chunk of its own with its
 * messages (groupPhoneMessages.*): a table's phone (most phones of the day)
 * never downloads it, and keeps within the phone page's weight budget
 * (e2e/tests/phone.spec.ts).
 */
export { GroupPhoneView } from './GroupPhoneView'
