import type { ComponentProps } from 'react';
import { CARD } from './surface.ts';

/** A page's section on a card; `roomy` for the forms and panels that stand alone on a page. */
export function Section({ roomy = false, className, ...rest }: ComponentProps<'section'> & { roomy?: boolean }) {
  return <section {...rest} className={[className, CARD, roomy ? 'p-5' : 'p-4'].filter(Boolean).join(' ')} />;
}
