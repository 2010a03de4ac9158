import type { setupDe } from './setupMessages.de'

/** English messages of the event setup page. Typed against German, so no key can be missing. */
export const setupEn: Record<keyof typeof setupDe, string> = {
  'setup.documentTitle': 'Set up an event · Tablecloth',
  'setup.heading': 'Set up an event',
  'setup.intro':
    'Add the topic tables, stations and questions of your café day. Your draft stays saved on this device until you create the event.',
  'setup.optional': '{label} (optional)',

  'setup.start.heading': 'How would you like to start?',
  'setup.start.template': 'Template: regional conference Winnenden 2019',
  'setup.start.template.hint': '11 topic tables, 3 stations with 2 questions each',
  'setup.start.empty': 'Empty event',
  'setup.start.empty.hint': 'One table and one station to fill in',
  'setup.start.import': 'Import JSON',
  'setup.start.import.hint': 'Load a file you exported earlier',
  'setup.start.export': 'Export JSON',
  'setup.start.export.hint': 'Save the current draft as a file',

  'setup.notice.template': 'The template is loaded.',
  'setup.notice.empty': 'An empty event is ready.',
  'setup.notice.imported': '“{file}” is imported.',
  'setup.notice.importedWithIssues.one': '“{file}” is imported. 1 entry still needs checking.',
  'setup.notice.importedWithIssues.other':
    '“{file}” is imported. {count} entries still need checking.',
  'setup.notice.replaced': 'It replaced your previous draft.',
  'setup.notice.undo': 'Undo',
  'setup.notice.restored': 'Your previous draft is back.',
  'setup.notice.exported': 'The draft is saved as “{file}”.',
  'setup.notice.dismiss': 'Close notice',
  'setup.import.invalidJson': '“{file}” is not a readable JSON file. Your draft is unchanged.',
  'setup.import.notAnEvent': '“{file}” does not contain an event. Your draft is unchanged.',
  'setup.import.tooLarge': '“{file}” is too large (at most {max} KB). Your draft is unchanged.',
  'setup.import.unreadable': '“{file}” could not be read. Your draft is unchanged.',

  'setup.announce.added': '{item} added.',
  'setup.announce.removed': '{item} removed.',
  'setup.announce.moved': '{item} is now at position {position}.',

  'setup.details.heading': 'Event',
  'setup.field.title': 'Title',
  'setup.field.date': 'Date',
  'setup.field.venue': 'Venue',
  'setup.field.language': 'Language of the event',
  'setup.field.language.hint': 'Long words on the notes are hyphenated by its rules.',

  'setup.tables.heading': 'Topic tables',
  'setup.tables.count': '{count} of at most {max} tables',
  'setup.tables.item': 'Table {number}',
  'setup.tables.topic': 'Topic',
  'setup.tables.moderator': 'Moderator',
  'setup.tables.add': 'Add table',

  'setup.item.moveUp': 'Move {item} up',
  'setup.item.moveDown': 'Move {item} down',
  'setup.item.remove': 'Remove {item}',
  'setup.item.removeShort': 'Remove',

  'setup.stations.heading': 'Stations',
  'setup.stations.intro':
    'In each station everyone sits at one table once and answers its questions.',
  'setup.stations.count': '{count} of at most {max} stations',
  'setup.stations.item': 'Station {number}',
  'setup.stations.defaultTitle': 'Station {number}',
  'setup.stations.title': 'Title',
  'setup.stations.duration': 'Duration in minutes',
  'setup.stations.duration.hint': '{min} to {max} minutes',
  'setup.stations.questions': 'Questions, one column each',
  'setup.stations.questions.count': '{count} of at most {max} questions',
  'setup.stations.question': 'Question {number}',
  'setup.stations.addQuestion': 'Add question',
  'setup.stations.add': 'Add station',

  'setup.groups.heading': 'Groups',
  'setup.groups.intro':
    'Groups move from table to table together. Without groups, participants choose their tables themselves.',
  'setup.groups.count': '{count} of at most {max} groups',
  'setup.groups.none': 'No groups yet.',
  'setup.groups.item': 'Group {number}',
  'setup.groups.name': 'Name',
  'setup.groups.colour': 'Colour',
  'setup.groups.colour.auto': 'Automatic',
  'setup.groups.add': 'Add group',

  'setup.colour.black': 'Black',
  'setup.colour.grey': 'Grey',
  'setup.colour.light-violet': 'Light violet',
  'setup.colour.violet': 'Violet',
  'setup.colour.blue': 'Blue',
  'setup.colour.light-blue': 'Light blue',
  'setup.colour.yellow': 'Yellow',
  'setup.colour.orange': 'Orange',
  'setup.colour.green': 'Green',
  'setup.colour.light-green': 'Light green',
  'setup.colour.light-red': 'Light red',
  'setup.colour.red': 'Red',
  'setup.colour.white': 'White',

  'setup.rotation.heading': 'Moving between stations',
  'setup.rotation.mode': 'How do groups find their table?',
  'setup.rotation.free': 'Free',
  'setup.rotation.free.hint': 'Everyone chooses a table themselves in every station.',
  'setup.rotation.generated': 'Automatic plan',
  'setup.rotation.generated.hint':
    'Tablecloth seats the groups so that each group meets new topics and new people wherever possible.',
  'setup.rotation.fixed': 'Own plan',
  'setup.rotation.fixed.hint': 'You decide for every station which group sits at which table.',
  'setup.rotation.needsGroups': 'Add at least one group first.',
  'setup.rotation.preview.caption': 'Preview: the table of each group in each station',
  'setup.rotation.plan.caption': 'Seating plan: choose the table of each group for every station',
  'setup.rotation.plan.choose': '– choose a table –',
  'setup.rotation.plan.adopt': 'Use the automatic plan',
  'setup.rotation.plan.adopted': 'The automatic plan is filled in. You can adjust it now.',
  'setup.rotation.station': 'Station',
  'setup.rotation.group': 'Group',
  'setup.rotation.table': 'Table {number}: {topic}',
  'setup.rotation.tableUntitled': 'Table {number}',

  'setup.options.heading': 'Options',
  'setup.options.showBoard': 'Show the board to participants',
  'setup.options.startTimer': 'Start the timer automatically at a station change',
  'setup.options.startTimer.hint':
    'Otherwise the control room starts the new station’s timer once every group has sat down.',
  'setup.options.showBoard.hint':
    'Participants then also see their table’s board on the phone page.',

  'setup.pin.label': 'Setup PIN',
  'setup.pin.hint':
    'This server asks for a PIN when an event is created, so that not just anyone on the network can create events. You get the PIN from whoever runs the server.',

  'setup.submit': 'Create event',
  'setup.submit.sending': 'Creating …',
  'setup.submit.unreachable':
    'Server not reachable. Your draft stays saved on this device. Check the connection, then try again.',
  'setup.submit.rateLimited': 'Too many requests just now. Wait a moment, then try again.',
  'setup.submit.rateLimitedFor.one':
    'Too many new events from this device; possible again in 1 minute. Your draft stays saved.',
  'setup.submit.rateLimitedFor.other':
    'Too many new events from this device; possible again in {minutes} minutes. Your draft stays saved.',
  'setup.submit.pinLocked.one':
    'Too many wrong PINs from this device; possible again in 1 minute. Your draft stays saved.',
  'setup.submit.pinLocked.other':
    'Too many wrong PINs from this device; possible again in {minutes} minutes. Your draft stays saved.',
  'setup.submit.pinRefused':
    'The PIN is missing or wrong. Enter the setup PIN you got from whoever runs the server. Your draft stays saved.',
  'setup.submit.tooLarge': 'The event is too large for the server. Shorten texts or lists.',
  'setup.submit.failed':
    'The event could not be created (error: {code}). Your draft stays saved. Try again later.',

  'setup.summary.heading.one': 'Please check 1 entry',
  'setup.summary.heading.other': 'Please check {count} entries',
  'setup.summary.fromServer': 'The server did not accept the event like this.',

  'setup.issue.format': '{field}: {reason}',
  'setup.issue.required': 'Please fill in.',
  'setup.issue.invalid_type': 'This value has the wrong form.',
  'setup.issue.too_short': 'At least {min} characters.',
  'setup.issue.too_long': 'At most {max} characters.',
  'setup.issue.too_few': 'Too few, at least {min}.',
  'setup.issue.too_many': 'Too many, at most {max}.',
  'setup.issue.invalid_date': 'Please enter a valid date.',
  'setup.issue.invalid_id': 'The id may only hold 1 to 32 letters, digits, - or _.',
  'setup.issue.duplicate_id': 'The id “{id}” is already taken.',
  'setup.issue.unknown_table': 'There is no table “{id}”.',
  'setup.issue.unknown_group': 'There is no group “{id}”.',
  'setup.issue.group_not_seated': 'Please choose a table.',
  'setup.issue.table_shared': '{table} already seats {group} in this station.',
  'setup.issue.not_a_number': 'Please enter a number.',
  'setup.issue.not_an_integer': 'Please enter a whole number.',
  'setup.issue.out_of_range': 'This value is outside the allowed range.',
  'setup.issue.out_of_range.min': 'At least {min}.',
  'setup.issue.out_of_range.max': 'At most {max}.',
  'setup.issue.invalid_option': 'Please choose one of the options offered.',
  'setup.issue.invalid_colour': 'Please choose a colour from the list.',
  'setup.issue.invalid_value': 'This value is not allowed.',
  'setup.issue.too_many_issues': '{omitted} more entries need checking as well.',

  'setup.label.event': 'Event',
  'setup.label.join': '{outer}, {inner}',
  'setup.label.id': 'Id',
  'setup.label.rotation': 'Group rotation',
  'setup.label.questions': 'Questions',
  'setup.label.plan': 'Seating plan',
  'setup.label.namedGroup': 'group “{name}”',

  'setup.result.heading': 'The event is created',
  'setup.result.controlLink': 'Control room link',
  'setup.result.warning': 'Keep this link safe: it is the only way to run the event.',
  'setup.result.copy': 'Copy link',
  'setup.result.copied': 'The link is copied.',
  'setup.result.copyFailed':
    'Copying did not work. The link is selected: copy it with Ctrl+C (Mac: Cmd+C).',
  'setup.result.open': 'Open control room',
  'setup.result.remembered': 'This device remembers the event under “My events on this device”.',
  'setup.result.back': 'Back to the draft',

  'setup.myEvents.heading': 'My events on this device',
  'setup.myEvents.hint':
    'Saved in this browser only. On another device you need the control room link.',
  'setup.myEvents.open': 'Open control room',
  'setup.myEvents.openNamed': 'Open control room: {title}',
  'setup.myEvents.forget': 'Remove from device',
  'setup.myEvents.forgetNamed': 'Remove from device: {title}',
  'setup.myEvents.confirmForget':
    'Remove “{title}” from this device? Without the control room link the event can no longer be run.',
}
