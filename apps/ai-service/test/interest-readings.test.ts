/**
 * The language model's readings behind POST /api/v1/ai/interests, through two AI services built for
 * production (buildAiService) on one throwaway database and the shared local Redis, against the
 * local stub of the Azure OpenAI chat-completions wire format (as in azure-openai.test.ts) and a
 * token issuer (a JWKS endpoint; the services verify tokens the real way, over HTTP):
 *  - a reading the model gave is kept: the same list again (another order, case, duplicates) does
 *    not reach the model, on this replica or the other one;
 *  - a traveller's model calls are budgeted (catalog INTEREST_READINGS.budget), across replicas:
 *    past it the keywords answer (200, `source: "keywords"`), the model is not asked;
 *  - a failed call is not kept as the model's reading: the model is asked again once it is back;
 *  - a refusal of the list (the content filter's, the model's own) is kept, for a shorter lifetime.
 * Each run uses its own interests and travellers: Redis outlives the run (readings are kept a day).
 */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { AccessToken, TokenCredential } from '@azure/identity';
import { INTEREST_READINGS, METRICS_PATH, QUEUE_NAMES } from '@tripgen/catalog';
import { serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { LLM_CALL_OUTCOMES, LLM_FALLBACK_REASONS, type App } from '@tripgen/service-kit';
import { startServiceBusEmulator, type ServiceBusEmulator } from '@tripgen/servicebus-emulator';
import { createTestDatabase, redisUrl, type TestDatabase } from '@tripgen/testing';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAiService } from '../src/app.ts';
import { readingKey } from '../src/llm/readings-cache.ts';
import { keywordWeights } from '../src/planning/interests.ts';
import { startIssuer } from './support/issuer.ts';
import { chatCompletion, completionFiltered, modelRefusal, promptFiltered } from './support/chat-completion.ts';

const MODEL_WEIGHTS = { palace: 0.9, museum: 0.6, temple: 0.8, park: 0.3 };

const asked: string[][] = [];
let answer: () => { status: number; json: unknown; delayMs?: number } = () => chatCompletion(JSON.stringify(MODEL_WEIGHTS));
const credential: TokenCredential = { getToken: async (): Promise<AccessToken> => ({ token: 'entra-token', expiresOnTimestamp: Date.now() + 3_600_000 }) };

let stub: FastifyInstance;
let issuer: Awaited<ReturnType<typeof startIssuer>>;
let db: TestDatabase;
let bus: ServiceBusEmulator;
let a: App;
let b: App;
/** An AI service on the stub (or with no model configured), built for production. */
let replica: (model?: boolean, logTo?: Writable) => Promise<App>;
const run = randomUUID().slice(0, 8);

beforeAll(async () => {
  stub = Fastify({ forceCloseConnections: true });
  stub.post('/openai/deployments/:deployment/chat/completions', async (req, reply) => {
    const body = req.body as { messages: { role: string; content: string }[] };
    asked.push((JSON.parse(body.messages.at(-1)!.content) as { interests: string[] }).interests);
    const { status, json, delayMs } = answer();
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    return reply.code(status).send(json);
  });
  const endpoint = await stub.listen({ port: 0, host: '127.0.0.1' });
  [issuer, db, bus] = await Promise.all([startIssuer(), createTestDatabase('ai_readings_test', serviceMigrationsDir('ai')), startServiceBusEmulator({ port: 0, queues: QUEUE_NAMES })]);
  replica = (model = true, logTo?: Writable) =>
    buildAiService({
      env: {
        NODE_ENV: 'test', LOG_LEVEL: 'silent', SERVICE_NAME: 'ai', DATABASE_URL: db.url, REDIS_URL: redisUrl(), SERVICEBUS_CONNECTION_STRING: bus.connectionString,
        JWKS_URL: issuer.jwksUrl, LOCATION_SERVICE_URL: 'http://127.0.0.1:1', MAX_EVENT_LOOP_DELAY_MS: '0',
        ...(model ? { AZURE_OPENAI_ENDPOINT: endpoint, AZURE_OPENAI_DEPLOYMENT: 'gpt-4o-mini' } : {}),
      },
      logger: logTo ? { level: 'info', stream: logTo } : false,
      azureCredential: credential,
    });
  [a, b] = await Promise.all([replica(), replica()]);
  await Promise.all([a.ready(), b.ready()]);
  // Ready means the kit's cache hears invalidations (it keeps what it loads from the first request): no warm-up.
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await Promise.all([stub?.close(), issuer?.close(), bus?.stop()]);
  await db?.drop();
});

const read = async (app: App, traveller: string, interests: string[]) => {
  const res = await app.inject({ method: 'POST', url: '/api/v1/ai/interests', headers: { authorization: `Bearer ${issuer.token(traveller)}` }, payload: { interests } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ source: 'keywords' | 'llm'; weights: Record<string, number> }>();
};
/** This run's own interests (Redis keeps readings across runs). */
const own = (...words: string[]) => words.map((w) => `${w} ${run}`);

/** A refused list is kept in Redis once, for the refusal's lifetime (not a reading's day). */
const expectKeptForTheRefusalLifetime = async (list: readonly string[]): Promise<void> => {
  const keys = await a.kit.redis.keys(`*${readingKey('*', list)}`);
  expect(keys).toHaveLength(1);
  const ttl = await a.kit.redis.ttl(keys[0]!);
  expect(ttl).toBeGreaterThan(0);
  expect(ttl).toBeLessThanOrEqual(INTEREST_READINGS.refusalTtlSeconds);
};

describe('the model readings of POST /api/v1/ai/interests', () => {
  it('asks the model once for a list, whatever its order, case, spacing or duplicates', async () => {
    const before = asked.length;
    const first = await read(a, randomUUID(), own('Temples', 'royal history'));
    expect(first.source).toBe('llm');
    expect(asked.length).toBe(before + 1);
    // The model is asked the list as a set: what the reading is kept under.
    expect(asked.at(-1)).toEqual(own('royal history', 'temples'));
    const again = await read(a, randomUUID(), [...own('royal  history', 'TEMPLES'), ...own('temples')]);
    expect({ source: again.source, weights: again.weights }).toEqual({ source: 'llm', weights: first.weights });
    expect(asked.length).toBe(before + 1);
  });

  it('keeps a reading for every replica: one asked on a is not asked again on b', async () => {
    const list = own('markets', 'gardens');
    const before = asked.length;
    const onA = await read(a, randomUUID(), list);
    expect(asked.length).toBe(before + 1);
    const onB = await read(b, randomUUID(), list);
    expect(onB).toEqual(onA);
    expect(onB.source).toBe('llm');
    expect(asked.length).toBe(before + 1);
  });

  it(`asks the model for at most ${INTEREST_READINGS.budget.max} lists a minute per traveller across replicas, then answers with the keywords, not a 429`, async () => {
    const traveller = randomUUID();
    const before = asked.length;
    for (let i = 0; i < INTEREST_READINGS.budget.max; i++) expect((await read(i % 2 ? a : b, traveller, own(`museums ${i}`))).source).toBe('llm');
    expect(asked.length).toBe(before + INTEREST_READINGS.budget.max);

    const past = own('beaches', 'temples past the budget');
    const answer = await read(a, traveller, past);
    expect(answer).toMatchObject({ source: 'keywords', weights: keywordWeights(past) });
    expect((await read(b, traveller, own('hiking'))).source).toBe('keywords');
    expect(asked.length).toBe(before + INTEREST_READINGS.budget.max);
    // A reading already kept spends nothing: still the model's.
    expect((await read(b, traveller, own('museums 0'))).source).toBe('llm');
    // Another traveller's budget is their own (and the keyword answer above was not kept as the model's).
    expect((await read(a, randomUUID(), past)).source).toBe('llm');
    expect(asked.length).toBe(before + INTEREST_READINGS.budget.max + 1);
  });

  it("answers a traveller with budget left the model's reading when one whose budget is spent asked the same list at the same moment", async () => {
    const spent = randomUUID();
    for (let i = 0; i < INTEREST_READINGS.budget.max; i++) expect((await read(a, spent, own(`spending ${i}`))).source).toBe('llm');
    const list = own('palaces asked together');
    const before = asked.length;
    // The spent traveller's request starts the load of the list; the other's, a moment later, joins it.
    const [, ofOther] = await Promise.all([read(a, spent, list), read(a, randomUUID(), list)]);
    // (The spent traveller's answer depends on who came first: keywords, or the other's reading, kept for anyone.)
    expect(ofOther.source).toBe('llm');
    expect(asked.length).toBe(before + 1);
  });

  it('keeps no keyword answer as the model reading: the model is asked again once it answers', async () => {
    const list = own('temples', 'night markets');
    const before = asked.length;
    try {
      answer = () => ({ status: 500, json: { error: { code: 'InternalServerError' } } });
      expect(await read(a, randomUUID(), list)).toMatchObject({ source: 'keywords', weights: keywordWeights(list) });
      answer = () => chatCompletion('not json');
      expect((await read(b, randomUUID(), list)).source).toBe('keywords');
      expect(asked.length).toBe(before + 2);
    } finally {
      answer = () => chatCompletion(JSON.stringify(MODEL_WEIGHTS));
    }
    const back = await read(a, randomUUID(), list);
    expect(back.source).toBe('llm');
    expect(back.weights).toMatchObject({ palace: 0.9, museum: 0.6 });
    expect(asked.length).toBe(before + 3);
    expect((await read(b, randomUUID(), list)).source).toBe('llm');
    expect(asked.length).toBe(before + 3);
  });
});

describe("a list Azure OpenAI's content filter refused", () => {
  it('is not sent again: the refusal is kept (on every replica, for the shorter refusal lifetime) and the keywords answer, where each reading asked the model again', async () => {
    const list = own('filtered twice', 'night markets');
    const before = asked.length;
    try {
      answer = () => promptFiltered('medium');
      const first = await delta(a, async () => expect(await read(a, randomUUID(), list)).toMatchObject({ source: 'keywords', weights: keywordWeights(list) }));
      expect(first).toEqual({ calls: { filtered: 1 }, timed: { filtered: 1 }, lookups: { miss: 1 }, fallbacks: { filtered: 1 } });
      // Azure's filter would refuse the same list the same way (the same deployment): asked again, it costs a call and the traveller's budget.
      const again = await delta(a, async () => expect(await read(a, randomUUID(), [...list].reverse())).toMatchObject({ source: 'keywords', weights: keywordWeights(list) }));
      expect(again).toEqual({ ...nothing, lookups: { hit: 1 }, fallbacks: { filtered: 1 } });
      expect((await read(b, randomUUID(), list)).source).toBe('keywords');
      expect(asked.length).toBe(before + 1);
    } finally {
      answer = () => chatCompletion(JSON.stringify(MODEL_WEIGHTS));
    }
    // Kept in Redis for the refusal's lifetime (a filter set less strict on the deployment is heard within it), not a day.
    await expectKeptForTheRefusalLifetime(list);
  });

  it("does not keep an outage: a 503 then a 429 each asked the model, and it is asked again once it answers", async () => {
    const list = own('outage', 'not kept');
    const before = asked.length;
    try {
      answer = () => ({ status: 503, json: { error: { code: 'ServiceUnavailable' } } });
      expect((await read(a, randomUUID(), list)).source).toBe('keywords');
      answer = () => ({ status: 429, json: { error: { code: '429' } } });
      expect((await read(b, randomUUID(), list)).source).toBe('keywords');
    } finally {
      answer = () => chatCompletion(JSON.stringify(MODEL_WEIGHTS));
    }
    expect((await read(a, randomUUID(), list)).source).toBe('llm');
    expect(asked.length).toBe(before + 3);
  });
});

describe('a list the model itself declined (message.refusal)', () => {
  it('is not sent again: the refusal is kept (on every replica, for the refusal lifetime) and the keywords answer, where each reading asked the model again', async () => {
    const list = own('declined thrice', 'night markets');
    const before = asked.length;
    try {
      answer = () => modelRefusal();
      const first = await delta(a, async () => expect(await read(a, randomUUID(), list)).toMatchObject({ source: 'keywords', weights: keywordWeights(list) }));
      expect(first).toEqual({ calls: { refused: 1 }, timed: { refused: 1 }, lookups: { miss: 1 }, fallbacks: { refused: 1 } });
      // At temperature 0 the same model declines the same list the same way: asked again, it costs a call and the traveller's budget.
      const again = await delta(a, async () => expect(await read(a, randomUUID(), [...list].reverse())).toMatchObject({ source: 'keywords', weights: keywordWeights(list) }));
      expect(again).toEqual({ ...nothing, lookups: { hit: 1 }, fallbacks: { refused: 1 } });
      const onB = await delta(b, async () => expect((await read(b, randomUUID(), list)).source).toBe('keywords'));
      expect(onB).toEqual({ ...nothing, lookups: { hit: 1 }, fallbacks: { refused: 1 } });
      expect(asked.length).toBe(before + 1);
    } finally {
      answer = () => chatCompletion(JSON.stringify(MODEL_WEIGHTS));
    }
    // Kept in Redis for the refusal's lifetime, not a reading's day.
    await expectKeptForTheRefusalLifetime(list);
  });
});

describe("what the service logs of a model's failed reading", () => {
  it('warns of Azure OpenAI out of reach or throttling (5xx, 429, too slow) with its causes and no stack; logs an answer it cannot read (a bug of ours) at error with its stack', async () => {
    const lines: { level: number; msg: string; err?: { type?: string; stack?: string }; outage?: { type: string; message: string }[] }[] = [];
    const logTo = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as (typeof lines)[number]);
        done();
      },
    });
    const c = await replica(true, logTo);
    const failure = async (what: () => { status: number; json: unknown; delayMs?: number }, word: string) => {
      answer = what;
      expect((await read(c, randomUUID(), own(word))).source).toBe('keywords');
      const logged = lines.filter((l) => l.msg === 'LLM interest mapping failed; using the keyword table');
      expect(logged).toHaveLength(1);
      lines.length = 0;
      return logged[0]!;
    };
    try {
      for (const [what, said] of [
        [() => ({ status: 503, json: { error: { code: 'ServiceUnavailable' } } }), 'Azure OpenAI answered 503'],
        [() => ({ status: 429, json: { error: { code: '429', message: 'Rate limit is exceeded.' } } }), 'Azure OpenAI answered 429'],
        [() => ({ ...chatCompletion(JSON.stringify(MODEL_WEIGHTS)), delayMs: 2_000 }), 'Azure OpenAI did not answer within 1500 ms'],
      ] as const) {
        const line = await failure(what, `outage ${said}`);
        // Its causes follow (the timeout's TimeoutError).
        expect(line).toMatchObject({ level: 40 });
        expect(line.outage?.[0]).toEqual({ type: 'ModelUnavailable', message: said });
        expect(line.err).toBeUndefined();
      }
      // Azure OpenAI's content filter refusing the traveller's words: theirs, not ours; the keywords answer (200).
      for (const [refusal, where] of [[promptFiltered, 'prompt'], [completionFiltered, 'completion']] as const) {
        const filtered = await failure(() => refusal('high'), `filtered ${where}`);
        expect(filtered).toMatchObject({ level: 30, contentFilter: { where, categories: ['hate:high'] } });
        expect(filtered.err).toBeUndefined();
      }
      // The model declining the list itself (structured outputs' message.refusal, content null): theirs too, its text never logged.
      const refusal = "I'm sorry, I cannot assist with planning around those interests.";
      const declined = await failure(() => modelRefusal(refusal), 'declined');
      expect(declined).toMatchObject({ level: 30, modelRefusal: { chars: refusal.length } });
      expect(declined.err).toBeUndefined();
      expect(JSON.stringify(declined)).not.toContain('cannot assist');
      const unreadable = await failure(() => chatCompletion('not json'), 'unreadable');
      expect(unreadable).toMatchObject({ level: 50, err: { type: 'SyntaxError' } });
      expect(unreadable.err?.stack).toMatch(/azure-openai\.ts/);
    } finally {
      answer = () => chatCompletion(JSON.stringify(MODEL_WEIGHTS));
      await c.close();
    }
  });
});

/** One series of a service's /metrics (0 when absent). */
const series = (text: string, name: string, label: string, value: string): number => {
  const line = new RegExp(`^${name}\\{[^}]*${label}="${value}"[^}]*\\} (\\S+)$`, 'm').exec(text);
  return line ? Number(line[1]) : 0;
};
const scrape = async (app: App) => {
  const res = await app.inject({ url: METRICS_PATH });
  expect(res.statusCode).toBe(200);
  return res.body;
};
/** What changed in the language-model series of `app`'s /metrics while `act` ran (counts; `timeoutSeconds` not enumerable, apart). */
const delta = async (app: App, act: () => Promise<unknown>) => {
  const read = (text: string) => ({
    calls: Object.fromEntries(LLM_CALL_OUTCOMES.map((o) => [o, series(text, 'llm_calls_total', 'outcome', o)])),
    timed: Object.fromEntries(LLM_CALL_OUTCOMES.map((o) => [o, series(text, 'llm_call_duration_seconds_count', 'outcome', o)])),
    slowest: series(text, 'llm_call_duration_seconds_sum', 'outcome', 'timeout'),
    lookups: Object.fromEntries(['hit', 'miss', 'joined'].map((r) => [r, series(text, 'llm_reading_cache_lookups_total', 'result', r)])),
    fallbacks: Object.fromEntries(LLM_FALLBACK_REASONS.map((r) => [r, series(text, 'llm_fallback_readings_total', 'reason', r)])),
  });
  const before = read(await scrape(app));
  await act();
  const after = read(await scrape(app));
  const minus = (x: Record<string, number>, y: Record<string, number>) => Object.fromEntries(Object.entries(x).map(([k, v]) => [k, v - y[k]!]).filter(([, v]) => v !== 0));
  const counts = {
    calls: minus(after.calls, before.calls),
    timed: minus(after.timed, before.timed),
    lookups: minus(after.lookups, before.lookups),
    fallbacks: minus(after.fallbacks, before.fallbacks),
  };
  return Object.defineProperty(counts, 'timeoutSeconds', { value: after.slowest - before.slowest, enumerable: false }) as typeof counts & { readonly timeoutSeconds: number };
};
const nothing = { calls: {}, timed: {}, lookups: {}, fallbacks: {} };

describe("what /metrics shows of the model's readings", () => {
  it('exposes every outcome, result and reason from the start, at 0 until it happens', async () => {
    const c = await replica();
    try {
      const text = await scrape(c);
      for (const o of ['ok', 'error', 'timeout', 'throttled', 'filtered', 'refused']) expect(text).toMatch(new RegExp(`^llm_calls_total\\{[^}]*outcome="${o}"[^}]*\\} 0$`, 'm'));
      for (const r of ['hit', 'miss', 'joined']) expect(text).toMatch(new RegExp(`^llm_reading_cache_lookups_total\\{[^}]*result="${r}"[^}]*\\} 0$`, 'm'));
      for (const r of ['budget', 'model_error', 'filtered', 'refused', 'no_model']) expect(text).toMatch(new RegExp(`^llm_fallback_readings_total\\{[^}]*reason="${r}"[^}]*\\} 0$`, 'm'));
    } finally {
      await c.close();
    }
  });

  it('counts a call the model answered and its duration, the miss that made it, and the hit of the same list after', async () => {
    const list = own('metrics', 'palaces answered');
    const first = await delta(a, () => read(a, randomUUID(), list));
    expect(first).toEqual({ calls: { ok: 1 }, timed: { ok: 1 }, lookups: { miss: 1 }, fallbacks: {}});
    const again = await delta(a, () => read(a, randomUUID(), list));
    expect(again).toEqual({ ...nothing, lookups: { hit: 1 }});
  });

  it("counts Azure's 429 as throttled, a 5xx as an error, each a reading the keywords answered for a model error", async () => {
    try {
      answer = () => ({ status: 429, json: { error: { code: '429', message: 'Requests to the ChatCompletions_Create Operation have exceeded the token rate limit' } } });
      const throttled = await delta(a, async () => expect((await read(a, randomUUID(), own('metrics throttled'))).source).toBe('keywords'));
      expect(throttled).toEqual({ calls: { throttled: 1 }, timed: { throttled: 1 }, lookups: { miss: 1 }, fallbacks: { model_error: 1 }});
      answer = () => ({ status: 503, json: { error: { code: 'ServiceUnavailable' } } });
      const failed = await delta(a, async () => expect((await read(a, randomUUID(), own('metrics failed'))).source).toBe('keywords'));
      expect(failed).toEqual({ calls: { error: 1 }, timed: { error: 1 }, lookups: { miss: 1 }, fallbacks: { model_error: 1 }});
    } finally {
      answer = () => chatCompletion(JSON.stringify(MODEL_WEIGHTS));
    }
  });

  it("counts a refusal of Azure's content filter as filtered, a reading the keywords answered for the filter, not a model error", async () => {
    try {
      answer = () => promptFiltered('medium');
      const filtered = await delta(a, async () => expect((await read(a, randomUUID(), own('metrics filtered'))).source).toBe('keywords'));
      expect(filtered).toEqual({ calls: { filtered: 1 }, timed: { filtered: 1 }, lookups: { miss: 1 }, fallbacks: { filtered: 1 }});
    } finally {
      answer = () => chatCompletion(JSON.stringify(MODEL_WEIGHTS));
    }
  });

  it("counts the model's own refusal (message.refusal) as refused, a reading the keywords answered for it, not a model error nor the content filter", async () => {
    try {
      answer = () => modelRefusal();
      const refused = await delta(a, async () => expect((await read(a, randomUUID(), own('metrics declined'))).source).toBe('keywords'));
      expect(refused).toEqual({ calls: { refused: 1 }, timed: { refused: 1 }, lookups: { miss: 1 }, fallbacks: { refused: 1 }});
    } finally {
      answer = () => chatCompletion(JSON.stringify(MODEL_WEIGHTS));
    }
  });

  it('counts an answer slower than the call allows (1.5 s) as a timeout, with its duration', async () => {
    try {
      answer = () => ({ ...chatCompletion(JSON.stringify(MODEL_WEIGHTS)), delayMs: 2_500 });
      const slow = await delta(a, async () => expect((await read(a, randomUUID(), own('metrics slow'))).source).toBe('keywords'));
      expect(slow.timeoutSeconds).toBeGreaterThanOrEqual(1.4);
      expect(slow.timeoutSeconds).toBeLessThan(2.5);
      expect(slow).toEqual({ calls: { timeout: 1 }, timed: { timeout: 1 }, lookups: { miss: 1 }, fallbacks: { model_error: 1 }});
    } finally {
      answer = () => chatCompletion(JSON.stringify(MODEL_WEIGHTS));
    }
  });

  it('counts a lookup that joined the call under way for the same list, one call for both', async () => {
    const list = own('metrics', 'asked at once');
    try {
      answer = () => ({ ...chatCompletion(JSON.stringify(MODEL_WEIGHTS)), delayMs: 300 });
      const together = await delta(a, () => Promise.all([read(a, randomUUID(), list), read(a, randomUUID(), list)]));
      expect(together).toEqual({ calls: { ok: 1 }, timed: { ok: 1 }, lookups: { miss: 1, joined: 1 }, fallbacks: {}});
    } finally {
      answer = () => chatCompletion(JSON.stringify(MODEL_WEIGHTS));
    }
  });

  it("counts a reading past the traveller's budget as the budget's, without a call", async () => {
    const traveller = randomUUID();
    for (let i = 0; i < INTEREST_READINGS.budget.max; i++) expect((await read(a, traveller, own(`metrics budget ${i}`))).source).toBe('llm');
    const past = await delta(a, async () => expect((await read(a, traveller, own('metrics past the budget'))).source).toBe('keywords'));
    expect(past).toEqual({ ...nothing, lookups: { miss: 1 }, fallbacks: { budget: 1 }});
  });

  it('counts every reading of a service with no model configured as no_model, and shows no model calls', async () => {
    const c = await replica(false);
    try {
      const plain = await delta(c, async () => expect((await read(c, randomUUID(), own('temples'))).source).toBe('keywords'));
      expect(plain).toEqual({ ...nothing, fallbacks: { no_model: 1 }});
      expect(await scrape(c)).not.toMatch(/^llm_calls_total\{/m);
    } finally {
      await c.close();
    }
  });
});
