/**
 * The layering of the workspace, checked by `pnpm depcruise` in CI.
 * docs/development.md explains each layer; every rule below says why it exists.
 * Tests follow the same rules unless a rule says otherwise.
 */

/**
 * Packages that need a browser or React: the client's, never the domain's. Matched as installed
 * (node_modules/…) and as named, since shared/ does not install them and they stay unresolved.
 */
const BROWSER_ONLY_PACKAGES =
  '(^|/node_modules/)(react|react-dom|tldraw|@tldraw/editor|@tldraw/assets|y-indexeddb|' +
  'y-websocket|zustand|happy-dom)(/|$)'

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'A cycle makes every module in it load, test and change as one: nothing in it can be ' +
        'understood or replaced on its own, and start-up order starts to matter.',
      from: {},
      // A cycle through type-only imports (a room and its connections naming each other's
      // types) vanishes when compiled and loads nothing twice.
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'shared-stays-pure',
      severity: 'error',
      comment:
        'shared/ is the domain as pure functions that the browser, the server, the bench and the ' +
        'tests all run. Reaching into an app would tie the domain to one of its users and pull ' +
        'that app into every other one.',
      from: { path: '^shared/' },
      to: { path: '^(client|server|bench|e2e)/' },
    },
    {
      name: 'shared-no-node-builtins',
      severity: 'error',
      comment:
        'shared/ runs in the browser too: a Node built-in (fs, path, crypto from node:) would ' +
        'break the client bundle or drag in a polyfill.',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'shared-no-browser-or-react',
      severity: 'error',
      comment:
        'shared/ runs on the server too: React, tldraw or IndexedDB there would need a DOM the ' +
        'server does not have.',
      from: { path: '^shared/' },
      to: { path: BROWSER_ONLY_PACKAGES },
    },
    {
      name: 'server-not-to-client',
      severity: 'error',
      comment:
        'The server and the client share only @tablecloth/shared. A server import of client code ' +
        'would run browser code in Node and couple deployments of the two.',
      from: { path: '^server/', pathNot: '^server/test/' },
      to: { path: '^client/' },
    },
    {
      name: 'server-tests-only-to-client-test-helpers',
      severity: 'error',
      comment:
        "Server tests may use the client's test helpers (client/test/) to prove that what the " +
        'server accepts still opens in the client; nothing else of the client.',
      from: { path: '^server/test/' },
      to: { path: '^client/', pathNot: '^client/test/' },
    },
    {
      name: 'client-not-to-server',
      severity: 'error',
      comment:
        'The server and the client share only @tablecloth/shared. A client import of server code ' +
        'would bundle Node code (SQLite, sockets) into the browser.',
      from: { path: '^client/' },
      to: { path: '^server/' },
    },
    {
      name: 'shared-by-package-not-by-path',
      severity: 'error',
      comment:
        'Other packages use the domain as @tablecloth/shared, through its package exports. A ' +
        'relative path into shared/src skips those exports, so moving a file inside shared/ ' +
        'breaks its users.',
      // Vite loads its own config files with Node before any bundling, and Node cannot load the
      // TypeScript sources behind the package's exports; those files import by path.
      from: { pathNot: ['^shared/', '^client/vite/'] },
      to: { path: '^shared/src/', dependencyTypes: ['local'] },
    },
    {
      name: 'services-not-to-http',
      severity: 'error',
      comment:
        'Use cases (server/src/events, server/src/services) know nothing of HTTP: the same ' +
        'service runs from a route, a socket message, a timer or a tool, and can be tested ' +
        'without a request.',
      from: { path: '^server/src/(events|services)/' },
      to: { path: ['^server/src/http/', '(^|/)node_modules/fastify(/|$)'] },
    },
    {
      name: 'store-is-the-bottom-layer',
      severity: 'error',
      comment:
        'The store only keeps data. It never calls up into the transport (http, sync), the use ' +
        'cases (events) or the policy (access): a store that decides who may do what hides ' +
        'that decision where nobody looks for it. It may hash and seal tokens with auth/, which ' +
        'is token cryptography and nothing else (see auth-is-a-leaf).',
      from: { path: '^server/src/store/' },
      to: { path: '^server/src/(http|sync|events|access)/' },
    },
    {
      name: 'auth-is-a-leaf',
      severity: 'error',
      comment:
        'auth/ makes, hashes and seals link tokens. It depends on nothing else of the server, so ' +
        'the store can use it without a loop and the policy stays in access/.',
      from: { path: '^server/src/auth/' },
      to: { path: '^server/src/', pathNot: '^server/src/auth/' },
    },
    {
      name: 'http-not-to-store',
      severity: 'error',
      comment:
        'Routes parse, call a service (and the access policy), and answer. A route that reads ' +
        'or writes the store itself bypasses the use case and its checks.',
      from: { path: '^server/src/http/' },
      to: { path: '^server/src/store/' },
    },
    {
      name: 'grant-policy-only-in-access',
      severity: 'error',
      comment:
        'Who may do what is decided in one place, server/src/access. The older per-transport ' +
        'grant checks must not be used any more (and should be deleted), so the HTTP routes and ' +
        'the sync sockets cannot drift apart.',
      from: {},
      to: { path: '^server/src/(http/requireGrant|sync/boardPermissions)\\.ts$' },
    },
    {
      name: 'gallery-and-control-not-to-board',
      severity: 'error',
      comment:
        'The gallery and the control room draw boards through the shared canvas layer ' +
        "(client/src/canvas), not through the moderator's board: the board page's editor, " +
        'capture keys and sync would otherwise load on screens that only show.',
      from: { path: '^client/src/(gallery|control)/' },
      to: { path: '^client/src/board/' },
    },
  ],
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    exclude: { path: '(^|/)(dist|test-results|\\.e2e-artifacts)/' },
    // Type-only imports count: a layer that needs another's types depends on it all the same.
    tsPreCompilationDeps: true,
    // Root and package manifests together, so a workspace package is known wherever it is used.
    combinedDependencies: true,
    // Compiler options only (the packages declare no `paths`), to parse TS and TSX alike.
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      // @tablecloth/shared resolves through its package.json `exports` to shared/src.
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.jsx', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
}
