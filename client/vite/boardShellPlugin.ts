import type { HtmlTagDescriptor, Plugin } from 'vite'

/** The board shell, built from `client/board.html`. */
const BOARD_SHELL = 'board.html'

/**
 * tldraw's sans-serif face, which the board's column headings and notes are
 * written in (tldraw maps `tldraw_sans` to it). tldraw holds back its first
 * frame until the fonts the page uses have loaded, so the board shell asks
 * for it at once instead of after tldraw has started.
 */
const REQUIRED_FONT = /^assets\/IBMPlexSans-Medium-[\w-]+\.woff2$/

interface BundleChunk {
  type: 'chunk'
  imports: string[]
  dynamicImports: string[]
  viteMetadata?: { importedCss: Set<string> }
}

/**
 * Prepares board.html for a first open: the board page and tldraw, which its
 * entry (`src/boardMain.tsx`) imports only after it has started the board's
 * socket, are listed as modulepreload links with their stylesheets, so the
 * browser fetches and compiles them together with the entry; and the board's
 * font is preloaded. A tldraw update that renames the face fails the build
 * here rather than quietly making every board open slower.
 */
export function boardShellPlugin(): Plugin {
  return {
    name: 'tablecloth-board-shell',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!context.filename.endsWith(BOARD_SHELL) || !context.bundle || !context.chunk)
          return html
        const bundle = context.bundle as unknown as Record<string, BundleChunk | { type: 'asset' }>
        const font = Object.keys(bundle).find((name) => REQUIRED_FONT.test(name))
        if (!font) {
          throw new Error(
            `${BOARD_SHELL}: no file of the build matches ${REQUIRED_FONT}; update boardShellPlugin to tldraw's sans-serif face`,
          )
        }
        const entry = context.chunk as unknown as BundleChunk
        const loaded = new Set(staticGraph(bundle, entry.imports))
        const ahead = staticGraph(bundle, entry.dynamicImports).filter((file) => !loaded.has(file))
        const css = new Set(
          ahead.flatMap((file) => {
            const chunk = bundle[file]
            return chunk?.type === 'chunk' ? [...(chunk.viteMetadata?.importedCss ?? [])] : []
          }),
        )
        const tags: HtmlTagDescriptor[] = [
          {
            tag: 'link',
            attrs: {
              rel: 'preload',
              as: 'font',
              type: 'font/woff2',
              href: `/${font}`,
              crossorigin: '',
            },
            injectTo: 'head',
          },
          ...ahead.map(
            (file): HtmlTagDescriptor => ({
              tag: 'link',
              attrs: { rel: 'modulepreload', crossorigin: '', href: `/${file}` },
              injectTo: 'head',
            }),
          ),
          // The page's import would add these itself and wait for them; here they load with the shell.
          ...[...css].map(
            (file): HtmlTagDescriptor => ({
              tag: 'link',
              attrs: { rel: 'stylesheet', crossorigin: '', href: `/${file}` },
              injectTo: 'head',
            }),
          ),
        ]
        return { html, tags }
      },
    },
  }
}

/** The chunks `roots` name and everything they import statically, each once. */
function staticGraph(
  bundle: Record<string, BundleChunk | { type: 'asset' }>,
  roots: readonly string[],
): string[] {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    const chunk = bundle[file]
    if (chunk?.type !== 'chunk') return
    seen.add(file)
    chunk.imports.forEach(visit)
  }
  roots.forEach(visit)
  return [...seen]
}
