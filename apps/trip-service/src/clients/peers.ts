/**
 * The services the trip service calls (catalog call graph: user, location, ai), on their internal
 * routes; the user service's with the traveller's own token (the preferences are theirs), outside
 * the traveller's rate limit (the read is not their request).
 */
import { ACCOUNT_ERASURE, AI_INTERNAL_PATHS, LOCATION_INTERNAL_PATHS, type AccountsResponse, type DeletionsResponse, USER_INTERNAL_PATHS, USER_PATHS, internalPrefix, type ExpiredSchedule, type ForgetResponse, type GenerationState, type Pace, type PlacesBatchResponse, type TravelModeName, type WithdrawnSchedule } from '@tripgen/catalog';
import { ServiceAnswerError, createServiceClient } from '@tripgen/service-kit';

export interface Peers {
  /** The ids that are not places (empty: all known). Throws ServiceUnavailableError when the location service does not answer. */
  unknownPlaces(ids: readonly string[]): Promise<string[]>;
  /** What the AI service knows of these schedules (unknown ids left out). */
  scheduleStates(ids: readonly string[]): Promise<GenerationState[]>;
  /** Has the AI service fail these schedules past their deadline (and notify) unless they have an outcome; their final states. */
  expireSchedules(items: readonly ExpiredSchedule[]): Promise<GenerationState[]>;
  /** Has the AI service fail these withdrawn schedules unless they have an outcome (notifying where asked); their final states. */
  withdrawSchedules(items: readonly WithdrawnSchedule[]): Promise<GenerationState[]>;
  /** The traveller's preferences, or null when they set none. */
  preferences(authorization: string): Promise<{ interests: string[]; pace: Pace; travelMode: TravelModeName } | null>;
  /**
   * Of these account ids, those the user service recorded as deleted, and those it does not know at
   * all (catalog AccountsResponse, ACCOUNT_ERASURE). Throws when it does not answer, or answers without
   * `deleted` (the release before deletion records answered `{missing}`: absences, never erased on).
   */
  deletedAccounts(ids: readonly string[]): Promise<{ deleted: string[]; unknown: string[] }>;
  /**
   * A page of the deleted accounts user_db holds a record of (catalog DeletionsResponse), after
   * `after` (absent: the first); undefined from a user service without the route (404: a release
   * before it). Throws when it does not answer, or answers another shape.
   */
  deletionRecords(after: string | undefined): Promise<{ deleted: string[]; next: string | null } | undefined>;
  /** Has the AI service delete the finished generations of these deleted accounts; how many. Throws when it does not answer, or answers without a count `erased`. */
  eraseGenerations(userIds: readonly string[]): Promise<number>;
  /** Has the AI service forget these deleted schedules (forgotten.ts). Throws when it does not answer, or answers another shape. */
  forgetGenerations(ids: readonly string[]): Promise<ForgetResponse>;
}

/** A list of ids in a peer's answer (read as a typed cast: checked where it decides a deletion). */
const isIdList = (list: unknown): list is string[] => Array.isArray(list) && list.every((id) => typeof id === 'string');

/** How long each call may take before the peer counts as not answering. */
export const PEER_BUDGETS_MS = {
  // A trip is saved only once its must-visits are checked: room for a location replica that has just started.
  location: 4_000,
  ai: 1_000,
  user: 1_000,
} as const satisfies Record<'user' | 'location' | 'ai', number>;

/** `timeoutFactor` multiplies every budget (the trip config's peerTimeoutFactor: 1 in production). */
export const peers = (urls: { user: string; location: string; ai: string }, timeoutFactor = 1): Peers => {
  const client = (service: keyof typeof PEER_BUDGETS_MS) => createServiceClient(service, urls[service], { timeoutMs: PEER_BUDGETS_MS[service] * timeoutFactor });
  const location = client('location');
  const ai = client('ai');
  const user = client('user');
  return {
    async unknownPlaces(ids) {
      if (ids.length === 0) return [];
      const answer = await location.post<PlacesBatchResponse>(`${internalPrefix('location')}${LOCATION_INTERNAL_PATHS.placesBatch}`, { ids: [...new Set(ids)] });
      return [...answer.missing];
    },
    async scheduleStates(ids) {
      if (ids.length === 0) return [];
      return (await ai.post<{ items: GenerationState[] }>(`${internalPrefix('ai')}${AI_INTERNAL_PATHS.status}`, { ids })).items;
    },
    async expireSchedules(items) {
      return (await ai.post<{ items: GenerationState[] }>(`${internalPrefix('ai')}${AI_INTERNAL_PATHS.expire}`, { items })).items;
    },
    async withdrawSchedules(items) {
      return (await ai.post<{ items: GenerationState[] }>(`${internalPrefix('ai')}${AI_INTERNAL_PATHS.withdraw}`, { items })).items;
    },
    async deletedAccounts(ids) {
      const answer = await user.post<Partial<AccountsResponse>>(`${internalPrefix('user')}${USER_INTERNAL_PATHS.accounts}`, { ids });
      // What it answers decides what is erased: an answer without `deleted` (the previous release's
      // `{missing}`, every absent account, or any other shape) is an error, never taken as deletions.
      if (!isIdList(answer?.deleted)) throw new Error('the user service answered the accounts route without `deleted` (a release before deletion records?): nothing erased');
      return { deleted: [...answer.deleted], unknown: isIdList(answer.unknown) ? [...answer.unknown] : [] };
    },
    async deletionRecords(after) {
      const query = new URLSearchParams({ limit: String(ACCOUNT_ERASURE.batch), ...(after === undefined ? {} : { after }) });
      let answer: Partial<DeletionsResponse> | undefined;
      try {
        answer = await user.get<Partial<DeletionsResponse>>(`${internalPrefix('user')}${USER_INTERNAL_PATHS.deletions}?${query}`);
      } catch (error) {
        // A user service of the previous release has no such route: nothing to walk, not an outage
        // (every sweep of every replica would log it until the rollout ends).
        if (error instanceof ServiceAnswerError && error.status === 404) return undefined;
        throw error;
      }
      const next = answer?.next;
      if (!isIdList(answer?.deleted) || !(next === null || typeof next === 'string')) throw new Error('the user service answered the deletions route without `deleted` and `next`: nothing more erased');
      return { deleted: [...answer.deleted], next };
    },
    async eraseGenerations(userIds) {
      if (userIds.length === 0) return 0;
      const answer = await ai.post<Partial<{ erased: unknown }>>(`${internalPrefix('ai')}${AI_INTERNAL_PATHS.erase}`, { userIds });
      // The sweep deletes the trips once this returns: a 200 that is not the route's answer (a proxy's
      // page, another release's shape) is no evidence the plans went, so it keeps the trips as an outage does.
      const erased = answer?.erased;
      if (typeof erased !== 'number' || !Number.isSafeInteger(erased) || erased < 0) throw new Error('the AI service answered the erase route without a count `erased`: its generations may be kept, so the trips are');
      return erased;
    },
    async forgetGenerations(ids) {
      const answer = await ai.post<Partial<{ forgotten: unknown; running: unknown }>>(`${internalPrefix('ai')}${AI_INTERNAL_PATHS.forget}`, { ids });
      // A row here is deleted on this answer: one that is not the route's (a proxy's page) forgets nothing.
      if (typeof answer?.forgotten !== 'number' || !isIdList(answer.running)) throw new Error('the AI service answered the forget route without `forgotten` and `running`: nothing taken as forgotten');
      return { forgotten: answer.forgotten, running: [...answer.running] };
    },
    async preferences(authorization) {
      type Read = { preferences: { interests: string[]; pace: Pace; travelMode: TravelModeName } | null };
      const headers = { authorization };
      try {
        return (await user.get<Read>(`${internalPrefix('user')}${USER_INTERNAL_PATHS.preferences}`, { headers })).preferences ?? null;
      } catch (error) {
        // A user service of the previous release has no internal route (404): during a rollout that
        // promotes this service first, read the public profile as that release did (the mesh admits
        // both: catalog peerRoutes). To go in the release after the one that added the route.
        if (!(error instanceof ServiceAnswerError && error.status === 404)) throw error;
        return (await user.get<Read>(USER_PATHS.me, { headers })).preferences ?? null;
      }
    },
  };
};
