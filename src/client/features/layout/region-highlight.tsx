import { memo } from 'react';
import type { DrawBox } from './draw-boxes.ts';
import { Rect } from './konva-core.ts';

interface Props {
  selected: DrawBox | undefined;
  hovered: DrawBox | undefined;
}

/** Hover (dashed) and selection (solid, two-tone so it reads on any colour). The only layer that changes on hover. */
export const RegionHighlight = memo(function RegionHighlight({ selected, hovered }: Props) {
  return (
    <>
      {hovered && hovered.id !== selected?.id && (
        <>
          <Rect {...hovered.rect} cornerRadius={hovered.cornerRadius} stroke="#0f172a" strokeWidth={3} strokeScaleEnabled={false} listening={false} />
          <Rect {...hovered.rect} cornerRadius={hovered.cornerRadius} stroke="#f8fafc" strokeWidth={1.5} dash={[6, 4]} strokeScaleEnabled={false} listening={false} />
        </>
      )}
      {selected && (
        <>
          <Rect {...selected.rect} cornerRadius={selected.cornerRadius} stroke="#f8fafc" strokeWidth={5} strokeScaleEnabled={false} listening={false} />
          <Rect {...selected.rect} cornerRadius={selected.cornerRadius} stroke="#2563eb" strokeWidth={2.5} strokeScaleEnabled={false} listening={false} />
        </>
      )}
    </>
  );
});
