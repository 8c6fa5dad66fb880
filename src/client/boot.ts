import { setUpPage } from './early/page-setup.ts';

/**
 * The page's first script, loaded `async` and on its own (scripts/vite-early-script.ts): it runs
 * as soon as its 1 kB are in, while the application's code (about 150 kB gzip) is still on the
 * network and the main thread would otherwise wait. Nothing it imports may import a library, or
 * it would wait for the vendor chunk.
 */
setUpPage();
