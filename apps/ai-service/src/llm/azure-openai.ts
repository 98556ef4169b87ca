/**
 * Optional: Azure OpenAI maps a traveller's free-text interests to place-category weights. Off
 * unless AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_DEPLOYMENT are set; authenticated with the pod's
 * workload identity (@azure/identity, Entra token for the Cognitive Services scope, no key). The
 * plan always comes from the engine: this only refines the scores, and any failure (unreachable,
 * slow, nonsense) falls back to the catalog's keyword table (planning/interests.ts).
 *
 * Wire format: the data-plane inference REST API, GA version 2024-10-21:
 *   POST {endpoint}/openai/deployments/{deployment}/chat/completions?api-version=2024-10-21
 *   Authorization: Bearer <Entra token for https://cognitiveservices.azure.com/.default>
 *   body {messages, temperature, max_tokens, response_format: {type: "json_schema", json_schema}}
 *   200 {id, object: "chat.completion", choices: [{index, message: {role, content, refusal}, finish_reason}], usage}
 * Written by hand on fetch: one POST, where the openai SDK would bring seven peer dependencies.
 */
import { createHash } from 'node:crypto';
import type { TokenCredential } from '@azure/identity';
import { PLACE_CATEGORIES } from '@tripgen/catalog';
import { logFailure, outageChain, timeLimit, type FailureLogger, type LlmCallOutcome } from '@tripgen/service-kit';
import { abortable } from '../abortable-wait.ts';
import { ModelBudgetSpent, ModelRefused, normaliseInterests, sanitizeWeights, type InterestModel } from '../planning/interests.ts';

export const AZURE_OPENAI_SCOPE = 'https://cognitiveservices.azure.com/.default';
export const AZURE_OPENAI_API_VERSION = '2024-10-21';

export interface AzureOpenAIOptions {
  /** https://<resource>.openai.azure.com */
  readonly endpoint: string;
  readonly deployment: string;
  readonly apiVersion?: string;
  readonly credential: TokenCredential;
  /** The whole call, token included (default 1.5 s: it runs inside the 5 s schedule budget). */
  readonly timeoutMs?: number;
  /** Told of every call, how it ended and how long it took (the service's metrics). */
  readonly onCall?: (outcome: LlmCallOutcome, seconds: number) => void;
}

const SYSTEM_PROMPT = [
  'You map a traveller\'s interests to place categories of a travel planner.',
  `Categories: ${PLACE_CATEGORIES.join(', ')}.`,
  'Answer with a weight from 0 (no interest) to 1 (strong interest) for every category.',
].join(' ');

/** Structured output: exactly one number per category, nothing else. */
const RESPONSE_FORMAT = {
  type: 'json_schema',
  json_schema: {
    name: 'category_weights',
    strict: true,
    schema: {
      type: 'object',
      properties: Object.fromEntries(PLACE_CATEGORIES.map((c) => [c, { type: 'number' }])),
      required: [...PLACE_CATEGORIES],
      additionalProperties: false,
    },
  },
} as const;

/**
 * Azure OpenAI out of reach for now: a 429 (the deployment's tokens-per-minute quota), a 5xx, or
 * no answer in time (its own limit, or the schedule that asked stopped waiting), or no Entra token
 * in time. What the kit's isDependencyOutage does not know by itself (a socket refused or reset it
 * does, on fetch's cause; so it does Entra out of reach, the credential's error).
 */
export class ModelUnavailable extends Error {
  override readonly name = 'ModelUnavailable';
}

/**
 * Azure OpenAI's content filter refused the reading ("Content filtering", Azure OpenAI docs): the
 * prompt (HTTP 400, `error.code` "content_filter", `error.innererror.content_filter_result`) or the
 * completion (`finish_reason` "content_filter", `choices[].content_filter_results`) fell in a
 * category (hate, sexual, violence, self_harm, jailbreak, ...) at a severity the deployment's
 * filter blocks. The traveller's words tripped it, not our request: the keywords answer, and
 * `categories` says which (name and severity only, never the text). `kept`: the refusal of an
 * earlier call for the same list, kept (readings-cache.ts), no call made now.
 */
export class ContentFiltered extends ModelRefused {
  override readonly name = 'ContentFiltered';
  readonly reason = 'filtered';
  constructor(
    readonly where: 'prompt' | 'completion',
    readonly categories: string[],
    readonly kept = false,
  ) {
    super(`Azure OpenAI's content filter refused the ${where}${categories.length ? ` (${categories.join(', ')})` : ''}${kept ? ' (kept from an earlier call; not asked again)' : ''}`);
  }
}

/**
 * The model declined the reading itself: with structured outputs it may answer a refusal instead of
 * the schema, `message.refusal` (a string) with `content` null (OpenAI's "Structured Outputs" guide,
 * "Refusals"; in Azure OpenAI's GA API 2024-10-21, `chatCompletionResponseMessage.refusal`, required
 * and nullable, azure-rest-api-specs .../AzureOpenAI/inference/stable/2024-10-21/inference.json). Its
 * safety behaviour met the traveller's words, nothing of our request: the keywords answer. Only the
 * refusal's length is kept: its text is the model's, and may say back what the traveller wrote.
 * `kept`: the refusal of an earlier call for the same list, kept (readings-cache.ts), no call made now.
 */
export class ModelDeclined extends ModelRefused {
  override readonly name = 'ModelDeclined';
  readonly reason = 'refused';
  constructor(
    readonly refusalChars: number,
    readonly kept = false,
  ) {
    super(`Azure OpenAI's model declined the reading (a refusal of ${refusalChars} characters)${kept ? ' (kept from an earlier call; not asked again)' : ''}`);
  }
}

/** The categories a content-filter result says were filtered, as `name` or `name:severity`. */
const filteredCategories = (result: unknown): string[] => {
  if (!result || typeof result !== 'object') return [];
  return Object.entries(result as Record<string, unknown>)
    .filter(([, r]) => typeof r === 'object' && r !== null && (r as { filtered?: unknown }).filtered === true)
    .map(([name, r]) => {
      const severity = (r as { severity?: unknown }).severity;
      return typeof severity === 'string' ? `${name}:${severity}` : name;
    });
};

export const MODEL_FAILURE_MESSAGE = 'LLM interest mapping failed; using the keyword table';

/**
 * How a failed reading is logged (the keywords answer in any case): the reading budget spent is
 * routine (debug); a content-filter refusal (ContentFiltered) is the traveller's input, nothing for
 * us to fix, at info (debug when kept from an earlier call) with the filter's categories in `contentFilter` (llm_calls_total{outcome="filtered"}
 * counts them: a rise is the deployment's filter set stricter than travel interests need); so is the
 * model's own refusal (ModelDeclined), at info (debug when kept) with `modelRefusal: {chars, kept}`, never its text
 * (outcome="refused"); Azure OpenAI out of reach or throttling (ModelUnavailable, a socket error) is a
 * handled degradation, a warning with its chain of causes and no stack, repeated for the outage's
 * length; anything else is ours, an error with its stack. That includes an answer the adapter cannot
 * read (not JSON, no content, stopped early): with strict structured output (RESPONSE_FORMAT) the
 * service promises content matching the schema, so an answer that does not means the request we
 * send (deployment, api-version, schema, max_tokens) no longer fits the model, and it fails on every
 * call until someone changes it: not the model's passing fault.
 */
export const logModelFailure = (log: FailureLogger & { debug(msg: string): void; debug(obj: object, msg: string): void }, err: unknown): void => {
  if (err instanceof ModelBudgetSpent) log.debug('LLM reading budget spent; using the keyword table');
  // A kept refusal is no call: told once, when the call was refused (llm_fallback_readings_total{reason="filtered"} counts every reading).
  else if (err instanceof ContentFiltered) {
    const contentFilter = { where: err.where, categories: err.categories, kept: err.kept };
    if (err.kept) log.debug({ contentFilter }, MODEL_FAILURE_MESSAGE);
    else log.info({ contentFilter }, MODEL_FAILURE_MESSAGE);
  }
  else if (err instanceof ModelDeclined) {
    const modelRefusal = { chars: err.refusalChars, kept: err.kept };
    if (err.kept) log.debug({ modelRefusal }, MODEL_FAILURE_MESSAGE);
    else log.info({ modelRefusal }, MODEL_FAILURE_MESSAGE);
  }
  else if (err instanceof ModelUnavailable) log.warn({ outage: outageChain(err) }, MODEL_FAILURE_MESSAGE);
  else logFailure(log, err, {}, MODEL_FAILURE_MESSAGE);
};

interface ChatCompletion {
  choices?: { message?: { content?: string | null; refusal?: string | null }; finish_reason?: string; content_filter_results?: unknown }[];
}

/** An error answer's body (the REST reference's ErrorResponse), with the content filter's inner error. */
interface ErrorAnswer {
  error?: { code?: unknown; innererror?: { code?: unknown; content_filter_result?: unknown } };
}

/** The error body of an answer not ok, or undefined when it has none we can read. */
const errorBody = async (res: Response): Promise<ErrorAnswer | undefined> => {
  try {
    return (await res.json()) as ErrorAnswer;
  } catch {
    return undefined;
  }
};

export const chatCompletionsUrl = (o: Pick<AzureOpenAIOptions, 'endpoint' | 'deployment' | 'apiVersion'>): string =>
  `${o.endpoint.replace(/\/+$/, '')}/openai/deployments/${encodeURIComponent(o.deployment)}/chat/completions?api-version=${encodeURIComponent(o.apiVersion ?? AZURE_OPENAI_API_VERSION)}`;

/** The request's settings besides the interests: what a reading depends on. */
const REQUEST_SETTINGS = { temperature: 0, max_tokens: 300, response_format: RESPONSE_FORMAT } as const;

/** A model that says which question it answers: readings kept under another id (prompt, deployment) are not its own. */
export interface IdentifiedInterestModel extends InterestModel {
  readonly id: string;
}

export const azureOpenAIInterestModel = (options: AzureOpenAIOptions): IdentifiedInterestModel => ({
  // What else a reading depends on: another prompt, schema or deployment answers differently.
  id: createHash('sha256')
    .update(JSON.stringify([SYSTEM_PROMPT, REQUEST_SETTINGS, chatCompletionsUrl(options)]))
    .digest('base64url')
    .slice(0, 16),
  async read(interests, signal) {
    const timeoutMs = options.timeoutMs ?? 1_500;
    const limit = timeLimit(timeoutMs, signal);
    const abort = limit.signal;
    const started = performance.now();
    let status: number | undefined;
    let outcome: LlmCallOutcome = 'error';
    // Which of the two waits a call cut short was in: the Entra token's or Azure OpenAI's.
    let waitingFor: 'token' | 'model' = 'token';
    try {
      // The limit covers the token too, whether or not the credential honours abortSignal:
      // @azure/identity's client-assertion flow (WorkloadIdentityCredential, the pod's) does not
      // pass it to its requests to Entra, so a slow Entra held every reading (and the schedules
      // waiting for one) past the limit. The credential's request is left to finish on its own.
      const token = await abortable(options.credential.getToken(AZURE_OPENAI_SCOPE, { abortSignal: abort }), abort);
      if (!token) throw new Error('no Entra token for Azure OpenAI');
      waitingFor = 'model';
      const res = await fetch(chatCompletionsUrl(options), {
        method: 'POST',
        signal: abort,
        headers: { authorization: `Bearer ${token.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          messages: [
            { role: 'system', content: SYSTEM_PROMPT },
            // The list as a set (normaliseInterests): what its readings are kept under is exactly what the model read.
            { role: 'user', content: JSON.stringify({ interests: normaliseInterests(interests) }) },
          ],
          ...REQUEST_SETTINGS,
        }),
      });
      status = res.status;
      if (!res.ok) {
        const refused = res.status === 400 ? (await errorBody(res))?.error : undefined;
        if (refused?.code === 'content_filter') throw new ContentFiltered('prompt', filteredCategories(refused.innererror?.content_filter_result));
        throw new (res.status === 429 || res.status >= 500 ? ModelUnavailable : Error)(`Azure OpenAI answered ${res.status}`);
      }
      const body = (await res.json()) as ChatCompletion;
      const choice = body.choices?.[0];
      if (choice?.finish_reason === 'content_filter') throw new ContentFiltered('completion', filteredCategories(choice.content_filter_results));
      const refusal = choice?.message?.refusal;
      if (typeof refusal === 'string' && refusal.length > 0) throw new ModelDeclined(refusal.length);
      if (choice?.finish_reason && choice.finish_reason !== 'stop') throw new Error(`Azure OpenAI stopped with ${choice.finish_reason}`);
      const content = choice?.message?.content;
      if (typeof content !== 'string') throw new Error('Azure OpenAI answered without content');
      const reading = { source: 'llm', weights: sanitizeWeights(JSON.parse(content)) } as const;
      outcome = 'ok';
      return reading;
    } catch (err) {
      // 429: the deployment's tokens-per-minute quota, not a fault of the model; a call cut short
      // (its own limit, or a caller who stopped waiting) is told apart from one that failed.
      outcome = status === 429 ? 'throttled' : abort.aborted ? 'timeout' : err instanceof ModelRefused ? err.reason : 'error';
      // Said as the wait it was: a token that does not come is the identity platform's trouble (its
      // credential retries a 503 or a cut connection for seconds), not Azure OpenAI's.
      if (abort.aborted && waitingFor === 'token') throw new ModelUnavailable(limit.timedOut ? `no Entra token for Azure OpenAI within ${timeoutMs} ms (the identity platform)` : 'no Entra token for Azure OpenAI when the schedule stopped waiting', { cause: err });
      if (abort.aborted) throw new ModelUnavailable(limit.timedOut ? `Azure OpenAI did not answer within ${timeoutMs} ms` : 'Azure OpenAI had not answered when the schedule stopped waiting', { cause: err });
      throw err;
    } finally {
      limit.clear();
      options.onCall?.(outcome, (performance.now() - started) / 1000);
    }
  },
});
