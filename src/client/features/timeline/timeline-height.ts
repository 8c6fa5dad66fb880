/**
 * The height the timeline section holds while its code or its history loads, so the layout below
 * it does not move once they are in. The loaded section measures 476 px at 1280 and 1440 px wide
 * and 512 px at 800 (the online class and the broken layout, unwatched); holding 160 px, then the
 * height of a "loading" line, moved the layout's picture down out of a 1280 × 800 window and back
 * (two layout shifts of 0.11 to 0.13 each when a task link loaded). A Tailwind class, so the
 * build sees it written out here.
 */
export const TIMELINE_LOADING_MIN_HEIGHT = 'min-h-[30rem]';
