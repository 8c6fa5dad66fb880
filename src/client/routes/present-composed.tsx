import { CauseHeadline } from '../features/cause/cause-headline.tsx';
import { PresentCanvas } from '../features/layout/present-canvas.tsx';
import { PresentView, type PresentViewProps } from '../features/present/present-view.tsx';
import { ComposedTimelineSection } from './timeline-composed.tsx';

/** The presentation view with the cause, the large canvas and the timeline in it. */
export function ComposedPresentView({ taskRef, model, onExit }: PresentViewProps) {
  return (
    <PresentView
      taskRef={taskRef}
      model={model}
      onExit={onExit}
      parts={{
        headline: <CauseHeadline model={model} />,
        canvas: (maxHeight) => <PresentCanvas model={model} maxHeight={maxHeight} />,
        timeline: <ComposedTimelineSection taskRef={taskRef} model={model} />,
      }}
    />
  );
}
