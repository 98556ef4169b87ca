/**
 * The engine thread's task (piscina calls the default export): one `planTrip`, off the service's
 * event loop. A GenerationFailure is answered as data: an error's class does not cross threads.
 */
import { GenerationFailure, planTrip } from './plan-trip.ts';
import type { EngineAnswer, EngineTask } from './engine.ts';

export default function plan(task: EngineTask): EngineAnswer {
  try {
    return { planned: planTrip(task.message, task.candidates, task.weights, task.budget, { base: task.base, travelTimes: task.travelTimes }) };
  } catch (err) {
    if (err instanceof GenerationFailure) return { failure: err.message };
    throw err;
  }
}
