import type { APIRequestContext } from '@playwright/test';

export interface TaskIds {
  appId: string;
  roomId: string;
  taskId: string;
}

/**
 * The server's simulator-only fault switch (MIXSCOPE_SIMULATOR_FAULTS=1): the next `count`
 * upstream calls for a task misbehave. Server retries spend faults too.
 */
export class FaultSwitch {
  constructor(private readonly request: APIRequestContext, private readonly baseUrl: string) {}

  async set(task: TaskIds, fault: string, count: number): Promise<void> {
    const res = await this.request.post(`${this.baseUrl}/api/simulator/faults`, { data: { fault, count, ...task } });
    if (res.status() !== 201) throw new Error(`fault switch answered ${res.status()}: ${await res.text()}`);
  }

  async clear(): Promise<void> {
    const res = await this.request.delete(`${this.baseUrl}/api/simulator/faults`);
    if (!res.ok()) throw new Error(`fault switch answered ${res.status()}`);
  }

  async metrics(): Promise<string> {
    return (await this.request.get(`${this.baseUrl}/metrics`)).text();
  }
}
