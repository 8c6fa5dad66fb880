import { createContext, useContext } from 'react';

/**
 * True while the server renders a page into its HTML (src/client/ssr/render-task-page.tsx): what
 * only a browser can do (measure, paint a canvas) is drawn another way there. The browser's own
 * render replaces that HTML; it never hydrates it, so the two may differ.
 */
export const ServerRenderContext = createContext(false);

export const useServerRender = (): boolean => useContext(ServerRenderContext);
