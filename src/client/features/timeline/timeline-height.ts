/**
 * The height the timeline section holds while its code or its history loads, so the layout below
 * it does not move once they are in: about the loaded section's height at desktop widths (a
 * shorter placeholder pushed the layout's picture out of the window and back; e2e/layout-sizes
 * checks the shift). A Tailwind class, so the build sees it written out here.
 */
export const TIMELINE_LOADING_MIN_HEIGHT = 'min-h-[30rem]';
