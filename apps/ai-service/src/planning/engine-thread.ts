/**
 * The engine thread's task (piscina calls the default export): one `planTrip`, or the explanation
 * of a plan's misses (each fix checked with the engine), off the service's event loop. A
 * GenerationFailure is answered as data: an error's class does not cross threads. Or, once the
 * service is quiet, the kit's heap reduction on this thread's own isolate (engine.ts).
 */
import { reduceHeapNow } from '@tripgen/service-kit/idle-heap';
import { GenerationFailure, planTrip, type PlannedTrip } from './plan-trip.ts';
import type { EngineAnswer, EngineTask, ExplainAnswer, ExplainTask, HeapAnswer, HeapTask } from './engine.ts';
import { explainMisses } from './explain.ts';
import type { Candidate } from './problem.ts';

/** The candidate sets sent with an id, by id (insertion order: the oldest is dropped first); twice what the main thread counts on. */
const CANDIDATE_SETS_KEPT = 32;
const sets = new Map<number, readonly Candidate[]>();

/**
 * What the service reads of the engine request (explainMisses, suggestFixes): the days, the mode
 * and the hard places. The ~200 others would be copied back to the event loop for nothing.
 */
const forTheCaller = (planned: PlannedTrip): PlannedTrip => ({ ...planned, request: { ...planned.request, places: planned.request.places.filter((p) => p.mustVisit || p.lockedDate !== undefined) } });

export default function plan(task: EngineTask | ExplainTask | HeapTask): EngineAnswer | ExplainAnswer | HeapAnswer {
  if ('reduceHeap' in task) return { reduced: reduceHeapNow(task.reduceHeap.semiSpaceMiB) };
  if ('explain' in task) return { reasons: explainMisses(task.explain) };
  let candidates = task.candidates;
  if (task.candidateSet !== undefined) {
    if (candidates) {
      sets.set(task.candidateSet, candidates);
      if (sets.size > CANDIDATE_SETS_KEPT) sets.delete(sets.keys().next().value!);
    } else {
      candidates = sets.get(task.candidateSet);
      if (!candidates) return { unknownSet: task.candidateSet };
    }
  }
  try {
    return { planned: forTheCaller(planTrip(task.message, candidates ?? [], task.weights, task.budget, task)) };
  } catch (err) {
    if (err instanceof GenerationFailure) return { failure: err.message };
    throw err;
  }
}
