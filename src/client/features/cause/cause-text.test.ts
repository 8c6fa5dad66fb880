import { describe, expect, it } from 'vitest';
import { explainTask } from '../../../shared/task-cause.ts';
import { buildTaskModel } from '../../../shared/task-model.ts';
import { causeMessagesEn, causeMessagesZh } from '../../i18n/messages/cause-messages.ts';

const model = (task: Record<string, unknown>) => buildTaskModel(task, '2020-12-01');

/** One task per cause code explainTask knows. */
const TASKS = [
  { StopReason: 'IdleTimeOut', Status: 3 }, { StopReason: 'StartTaskFailed', Status: 4 }, { StopReason: 'UserDisconnect', Status: 3 },
  { StopReason: 'StopByAPI', Status: 3 }, { StopReason: 'UnknownStopReason', Status: 3 }, { StopReason: 'Weird', Status: 3 },
  { Status: 4 }, { Status: 0 }, { Status: 1 }, { Status: 2, PushStreamState: 3 }, { Status: 2, PushStreamState: 2 },
  { Status: 2, PushStreamState: 1 }, { Status: 2, PushStreamState: 5 }, { Status: 2, PushStreamState: 0 }, { Status: 3 }, { Status: 9 },
];

const fill = (s: string, params: Record<string, string | number>) => s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k]));

describe('cause messages', () => {
  const causes = TASKS.map((task) => explainTask(model(task)));

  it('cover every cause code with the same checks, in English word for word', () => {
    expect(new Set(causes.map((c) => c.code)).size).toBe(Object.keys(causeMessagesEn.code).length);
    for (const c of causes) {
      const text = causeMessagesEn.code[c.code as keyof typeof causeMessagesEn.code];
      expect({ code: c.code, checks: text.checks }).toEqual({ code: c.code, checks: c.checks });
      expect(fill(text.headline, c.params)).toBe(c.headline);
    }
  });

  it('give Chinese as many checks as English for each code', () => {
    for (const [code, text] of Object.entries(causeMessagesEn.code)) {
      expect({ code, n: causeMessagesZh.code[code as keyof typeof causeMessagesZh.code].checks.length }).toEqual({ code, n: text.checks.length });
    }
  });
});
