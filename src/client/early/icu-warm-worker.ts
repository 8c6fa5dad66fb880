/// <reference lib="webworker" />
import { warmTimeFormats } from '../lib/time-format.ts';

/**
 * Loads the ICU data of the page's language off the main thread, then ends. Chromium's ICU (the
 * library behind Intl) keeps its locale data per process, not per JavaScript realm, so once a
 * worker has built a formatter, the page's first formatter costs well under a millisecond instead
 * of 30 to 70 ms of its first render (measured on the 2-core machine). Answers with the time
 * zone. See page-setup.ts.
 */
self.onmessage = (event: MessageEvent<unknown>) => {
  if (typeof event.data === 'string') warmTimeFormats(event.data, Date.now());
  // The browser's time zone, for the server's next page (its cookie); Intl is warm by now.
  self.postMessage(Intl.DateTimeFormat().resolvedOptions().timeZone);
  self.close();
};
