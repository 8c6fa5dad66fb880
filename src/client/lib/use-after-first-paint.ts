import { useEffect, useState } from 'react';
import { afterFirstPaint, browserPaintTimeline } from './after-paint.ts';

/**
 * False in a component's first render on a page that has not painted yet, true from the render
 * after the first paint is on screen; true from the start once the page has painted (opening
 * another task, pasting JSON in the inspector: nothing pops in a frame later there).
 *
 * For what can come a moment after the first picture of a cold load without moving it: the parts
 * of the task page beside and below its layout (the first render of a cold page runs on
 * code V8 has not compiled yet, and every element in it is styled, laid out and rasterised before
 * the layout's picture shows).
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(() => browserPaintTimeline().firstContentfulPaintSeen());
  useEffect(() => {
    if (painted) return undefined;
    return afterFirstPaint(() => setPainted(true));
  }, [painted]);
  return painted;
}
