import { describe, expect, it } from 'vitest';
import { createSimulator } from './simulator.ts';

/** The planted differences between declared and applied, read as a client of the pull route would. */
async function applied(stream: string) {
  const sim = createSimulator({ seed: 1 });
  const res = await sim.fetch(new Request(`http://sim.test/pull/live/${stream}.flv`));
  expect(res.status).toBe(200);
  const reader = res.body?.getReader();
  let text = '';
  // The first chunks are the FLV header and the AVC config; the first keyframe follows at once.
  for (let i = 0; i < 3 && !text.includes('canvas'); i += 1) text += new TextDecoder('latin1').decode((await reader?.read())?.value);
  await reader?.cancel();
  return text;
}

describe('simulator outputs', () => {
  it('leaves stu-fay out of the online class applied regions', async () => {
    const text = await applied('math-101');
    expect(text).toContain('"uid":"stu-eli"');
    expect(text).not.toContain('"uid":"stu-fay"');
  });

  it('leaves out a user who has left the room: fan-joe\'s connection dropped, lily is still there', async () => {
    const text = await applied('lily-cam');
    expect(text).toContain('"uid":"lily"');
    expect(text).not.toContain('"uid":"fan-joe"');
  });

  it('caps the 30-person gallery at 1280x720', async () => {
    expect(await applied('town-hall')).toContain('"canvas":{"w":1280,"h":720');
  });

  // The mixer's SEI: payload type 100 by default, type 5 (with Volcengine's fixed UUID) only when asked.
  it('writes payload type 100 unless the task asks for 5', async () => {
    expect(await applied('math-101')).not.toContain('VolcengineRTCSEI');
    expect(await applied('webinar-q3')).not.toContain('VolcengineRTCSEI');
    expect(await applied('pixel-2023-11')).toContain('VolcengineRTCSEI');
  });

  it('answers 404 for a path nothing pushes to', async () => {
    expect((await createSimulator({ seed: 1 }).fetch(new Request('http://sim.test/pull/live/nobody.flv'))).status).toBe(404);
  });
});
