/**
 * The optional LLM adapter against a local stub that speaks the Azure OpenAI data-plane inference
 * API (GA 2024-10-21, "Azure OpenAI Service REST API reference", learn.microsoft.com):
 *  - POST {endpoint}/openai/deployments/{deployment-id}/chat/completions?api-version=...
 *  - Microsoft Entra ID auth: "Authorization: Bearer <token>", token for https://cognitiveservices.azure.com/.default
 *  - JSON body with `messages` (role/content); answer `choices[].message.content`, `finish_reason`.
 * And the rule that nothing depends on it: any failure falls back to the keyword table.
 */
import type { AccessToken, TokenCredential } from '@azure/identity';
import { capturedLogger } from '@tripgen/testing';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AZURE_OPENAI_API_VERSION, AZURE_OPENAI_SCOPE, azureOpenAIInterestModel, ContentFiltered, logModelFailure, MODEL_FAILURE_MESSAGE, ModelDeclined } from '../src/llm/azure-openai.ts';
import { keywordWeights, withFallback } from '../src/planning/interests.ts';
import { chatCompletion, completionFiltered, modelRefusal, promptFiltered } from './support/chat-completion.ts';
import { oauthError, startEntra } from './support/entra.ts';

interface Seen {
  url: string;
  headers: Record<string, unknown>;
  body: { messages: { role: string; content: string }[]; response_format: { type: string; json_schema: { schema: { required: string[] } } } };
}

let stub: FastifyInstance;
let endpoint: string;
const seen: Seen[] = [];
let answer: (body: Seen['body']) => { status: number; json: unknown } = () => ({ status: 500, json: {} });

beforeAll(async () => {
  stub = Fastify({ forceCloseConnections: true });
  stub.post('/openai/deployments/:deployment/chat/completions', async (req, reply) => {
    seen.push({ url: req.url, headers: req.headers, body: req.body as Seen['body'] });
    const a = answer(req.body as Seen['body']);
    if (a.status === 0) return new Promise(() => undefined); // never answers
    return reply.code(a.status).send(a.json);
  });
  endpoint = await stub.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => stub?.close());

const scopes: string[] = [];
const credential: TokenCredential = {
  getToken: async (scope): Promise<AccessToken> => {
    scopes.push(...(Array.isArray(scope) ? scope : [scope]));
    return { token: 'entra-token-123', expiresOnTimestamp: Date.now() + 3_600_000 };
  },
};


describe('Azure OpenAI interest model', () => {
  it('calls the chat-completions route of the deployment with the GA api-version and an Entra bearer token, and reads the weights', async () => {
    answer = () => chatCompletion(JSON.stringify({ palace: 0.9, museum: 0.6, market: 0, unknown: 1, park: -1, temple: 7 }));
    const m = azureOpenAIInterestModel({ endpoint: `${endpoint}/`, deployment: 'gpt-4o-mini', credential, timeoutMs: 1_000 });
    expect(await m.read(['royal history'])).toEqual({ source: 'llm', weights: { palace: 0.9, museum: 0.6, temple: 1 } });
    const call = seen.at(-1)!;
    expect(call.url).toBe(`/openai/deployments/gpt-4o-mini/chat/completions?api-version=${AZURE_OPENAI_API_VERSION}`);
    expect(AZURE_OPENAI_API_VERSION).toBe('2024-10-21');
    expect(call.headers.authorization).toBe('Bearer entra-token-123');
    expect(call.headers['api-key']).toBeUndefined();
    expect(scopes).toContain(AZURE_OPENAI_SCOPE);
    expect(call.body.messages.map((x) => x.role)).toEqual(['system', 'user']);
    expect(JSON.parse(call.body.messages[1]!.content)).toEqual({ interests: ['royal history'] });
    expect(call.body.response_format.type).toBe('json_schema');
    expect(call.body.response_format.json_schema.schema.required).toContain('palace');
  });

  it('falls back to the keyword table when the service fails, is slow, stops early or answers nonsense', async () => {
    const m = withFallback(azureOpenAIInterestModel({ endpoint, deployment: 'd', credential, timeoutMs: 300 }), () => undefined);
    const keywords = keywordWeights(['temples']);
    for (const a of [() => ({ status: 500, json: { error: { code: 'InternalServerError' } } }), () => ({ status: 429, json: {} }), () => ({ status: 0, json: {} }), () => chatCompletion('not json'), () => chatCompletion('{"temple":1}', 'length')]) {
      answer = a;
      // Said as what it is: the keywords' reading, not the model's.
      expect(await m.read(['temples'])).toEqual({ source: 'keywords', weights: keywords });
    }
  });

  it("keeps the keywords' matches even when the model weighs them lower", async () => {
    answer = () => chatCompletion(JSON.stringify({ temple: 0.2, park: 0.5 }));
    const m = withFallback(azureOpenAIInterestModel({ endpoint, deployment: 'd', credential, timeoutMs: 1_000 }), () => undefined);
    expect(await m.read(['temples'])).toEqual({ source: 'llm', weights: { temple: 1, park: 0.5 } });
  });

  it('answers each failure with an error that says what went wrong (what the fallback logs)', async () => {
    const m = azureOpenAIInterestModel({ endpoint, deployment: 'd', credential, timeoutMs: 1_000 });
    answer = () => ({ status: 429, json: { error: { code: '429', message: 'Rate limit is exceeded.' } } });
    await expect(m.read(['temples'])).rejects.toThrow('Azure OpenAI answered 429');
    answer = () => chatCompletion('{"temple":1}', 'length');
    await expect(m.read(['temples'])).rejects.toThrow('Azure OpenAI stopped with length');
    answer = () => ({ status: 200, json: { id: 'chatcmpl-2', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: null }, finish_reason: 'stop' }] } });
    await expect(m.read(['temples'])).rejects.toThrow('Azure OpenAI answered without content');
    answer = () => ({ status: 200, json: { id: 'chatcmpl-3', object: 'chat.completion', choices: [] } });
    await expect(m.read(['temples'])).rejects.toThrow('Azure OpenAI answered without content');
  });

  it('asks nothing without an Entra token, and stops when the schedule that asked gives up', async () => {
    const before = seen.length;
    const noToken: TokenCredential = { getToken: async () => null };
    await expect(azureOpenAIInterestModel({ endpoint, deployment: 'd', credential: noToken }).read(['temples'])).rejects.toThrow('no Entra token for Azure OpenAI');
    expect(seen.length).toBe(before);

    answer = () => ({ status: 0, json: {} });
    const caller = new AbortController();
    const pending = azureOpenAIInterestModel({ endpoint, deployment: 'd', credential, timeoutMs: 10_000 }).read(['temples'], caller.signal);
    setTimeout(() => caller.abort(), 100);
    // Ended by the caller's signal (the error says which), not by its own 10 s limit.
    await expect(pending).rejects.toThrow('Azure OpenAI had not answered when the schedule stopped waiting');
  });

  it('is not asked for no interests at all (the keywords answer alone)', async () => {
    const before = seen.length;
    const m = withFallback(azureOpenAIInterestModel({ endpoint, deployment: 'd', credential }), () => undefined);
    expect(await m.read([])).toEqual({ source: 'keywords', weights: {} });
    expect(seen.length).toBe(before);
    expect(await withFallback(undefined, () => undefined).read(['temples'])).toEqual({ source: 'keywords', weights: keywordWeights(['temples']) });
  });
});

describe('Azure OpenAI interest model: its time limit covers the Entra token', () => {
  it('gives up on a token that does not come within the limit, even from a credential that ignores the abort signal', async () => {
    // @azure/identity's client-assertion flow (WorkloadIdentityCredential, the pod's credential)
    // does not pass getToken's abortSignal to its requests to Entra: against an authority that
    // never answers, getToken({abortSignal: AbortSignal.timeout(300)}) was still pending after 5 s.
    const before = seen.length;
    const silentEntra: TokenCredential = { getToken: () => new Promise<AccessToken | null>(() => undefined) };
    const calls: string[] = [];
    const m = azureOpenAIInterestModel({ endpoint, deployment: 'd', credential: silentEntra, timeoutMs: 200, onCall: (outcome) => calls.push(outcome) });
    // The race's 2 s only keeps a credential that never answers from hanging the test.
    const outcome = await Promise.race([m.read(['temples']).then(() => 'answered', (err: unknown) => `failed: ${String(err)}`), new Promise<string>((resolve) => setTimeout(() => resolve('still waiting'), 2_000))]);
    // Ended by the model's own 200 ms limit (the error and the call's outcome say so), not by the credential.
    expect(outcome).toMatch(/^failed: .*within 200 ms/);
    expect(calls).toEqual(['timeout']);
    expect(seen.length).toBe(before);
    // The fallback answers with the keywords within the same limit.
    expect(await withFallback(m, () => undefined).read(['temples'])).toEqual({ source: 'keywords', weights: keywordWeights(['temples']) });
  });
});

describe('Azure OpenAI interest model: what a failed reading logs (as the service does, logModelFailure)', () => {
  it("logs the content filter's refusal of the prompt (400 content_filter) or of the completion (finish_reason content_filter) at info with its categories, no stack; the keywords answer", async () => {
    const { logger, lines } = capturedLogger();
    const reasons: string[] = [];
    const m = withFallback(azureOpenAIInterestModel({ endpoint, deployment: 'd', credential, timeoutMs: 1_000 }), (err) => logModelFailure(logger, err), (reason) => reasons.push(reason));
    for (const [refusal, where, categories] of [
      [promptFiltered('medium'), 'prompt', ['hate:medium']],
      [completionFiltered('high'), 'completion', ['hate:high']],
    ] as const) {
      answer = () => refusal;
      expect(await m.read(['temples'])).toEqual({ source: 'keywords', weights: keywordWeights(['temples']) });
      const logged = lines.filter((l) => l.msg === MODEL_FAILURE_MESSAGE);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ level: 30, contentFilter: { where, categories } });
      expect(logged[0]!.err).toBeUndefined();
      lines.length = 0;
    }
    expect(reasons).toEqual(['filtered', 'filtered']);
    // Only a 400 that says content_filter: any other 400 is our request, an error.
    answer = () => ({ status: 400, json: { error: { code: 'BadRequest', message: 'Invalid value for response_format' } } });
    await expect(azureOpenAIInterestModel({ endpoint, deployment: 'd', credential }).read(['temples'])).rejects.not.toBeInstanceOf(ContentFiltered);
  });

  it("logs the model's own refusal (structured outputs: message.refusal, content null) at info with its length, never its text, no stack; counted as refused; the keywords answer", async () => {
    const { logger, lines } = capturedLogger();
    const reasons: string[] = [];
    const outcomes: string[] = [];
    const refusal = "I'm sorry, I can't help plan a trip around 'haunted asylums'.";
    answer = () => modelRefusal(refusal);
    const m = withFallback(
      azureOpenAIInterestModel({ endpoint, deployment: 'd', credential, timeoutMs: 1_000, onCall: (outcome) => outcomes.push(outcome) }),
      (err) => logModelFailure(logger, err),
      (reason) => reasons.push(reason),
    );
    expect(await m.read(['haunted asylums'])).toEqual({ source: 'keywords', weights: keywordWeights(['haunted asylums']) });
    const logged = lines.filter((l) => l.msg === MODEL_FAILURE_MESSAGE);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 30, modelRefusal: { chars: refusal.length } });
    expect(logged[0]!.err).toBeUndefined();
    expect(JSON.stringify(lines)).not.toContain('haunted');
    expect({ outcomes, reasons }).toEqual({ outcomes: ['refused'], reasons: ['refused'] });
    // Kept (readings-cache.ts) and found again, no call made: told at debug, once at info was the call's.
    const quiet = capturedLogger('debug');
    logModelFailure(quiet.logger, new ModelDeclined(refusal.length, true));
    expect(quiet.lines).toHaveLength(1);
    expect(quiet.lines[0]).toMatchObject({ level: 20, msg: MODEL_FAILURE_MESSAGE, modelRefusal: { chars: refusal.length, kept: true } });
    // Content null without a refusal is still an answer we cannot read: ours (above, 'answered without content').
  });

  it('warns of an endpoint refusing the connection with its causes (ECONNREFUSED) and no stack; logs a bug (a TypeError) at error with its stack', async () => {
    const closed = Fastify();
    const gone = await closed.listen({ port: 0, host: '127.0.0.1' });
    await closed.close();
    const { logger, lines } = capturedLogger();
    const reading = (cred: TokenCredential) => withFallback(azureOpenAIInterestModel({ endpoint: gone, deployment: 'd', credential: cred, timeoutMs: 1_000 }), (err) => logModelFailure(logger, err));
    expect((await reading(credential).read(['temples'])).source).toBe('keywords');
    const refused = lines.filter((l) => l.msg === MODEL_FAILURE_MESSAGE);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ level: 40 });
    expect(refused[0]!.err).toBeUndefined();
    expect(refused[0]!.outage).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'ECONNREFUSED' })]));

    lines.length = 0;
    const broken: TokenCredential = { getToken: async () => (undefined as unknown as { token: string }).token as never };
    expect((await reading(broken).read(['temples'])).source).toBe('keywords');
    const bug = lines.filter((l) => l.msg === MODEL_FAILURE_MESSAGE);
    expect(bug).toHaveLength(1);
    expect(bug[0]).toMatchObject({ level: 50, err: { type: 'TypeError' } });
    expect(bug[0]!.err?.stack).toMatch(/azure-openai\.test\.ts/);
  });
});

describe("Azure OpenAI interest model: the pod's Entra credential failing (a local Entra token service)", () => {
  let entra: Awaited<ReturnType<typeof startEntra>>;
  beforeAll(async () => {
    entra = await startEntra();
  });
  afterAll(async () => entra?.close());

  const failedReading = async (credential: TokenCredential, timeoutMs = 5_000) => {
    const { logger, lines } = capturedLogger();
    const before = seen.length;
    const m = withFallback(azureOpenAIInterestModel({ endpoint, deployment: 'd', credential, timeoutMs }), (err) => logModelFailure(logger, err));
    expect((await m.read(['temples'])).source).toBe('keywords');
    // Without a token Azure OpenAI is not asked.
    expect(seen.length).toBe(before);
    const logged = lines.filter((l) => l.msg === MODEL_FAILURE_MESSAGE);
    expect(logged).toHaveLength(1);
    return logged[0]!;
  };

  it("warns of the identity platform out of reach or in trouble (its 'retry the request' errors, a cut connection, a gateway's page) with the credential's error in `outage`, no stack", async () => {
    for (const [answer, code] of [
      [oauthError(503, 'temporarily_unavailable', 50196, 'The server is temporarily unavailable.'), 'temporarily_unavailable'],
      [oauthError(500, 'server_error', 90033, 'A transient error has occurred. Please try again.'), 'server_error'],
      ['cut', 'network_error'],
      [{ status: 502, body: '<html><body>502 Bad Gateway</body></html>', type: 'text/html' }, 'network_error'],
    ] as const) {
      entra.answer(() => answer);
      const line = await failedReading(entra.credential({ retries: false }));
      expect(line).toMatchObject({ level: 40, outage: [{ type: 'AuthenticationRequiredError', message: expect.stringMatching(new RegExp(`^${code}: `)) }] });
      expect(line.err).toBeUndefined();
    }
    // Entra's own authority out of reach: MSAL knows its endpoints (msal-common's metadata for
    // login.microsoftonline.com), so the token request is the first, and nothing listens there.
    const closed = Fastify();
    const gone = Number(new URL(await closed.listen({ port: 0, host: '127.0.0.1' })).port);
    await closed.close();
    const unreachable = await failedReading(entra.credential({ retries: false, reach: gone, authority: 'https://login.microsoftonline.com' }));
    expect(unreachable).toMatchObject({ level: 40, outage: [{ type: 'AuthenticationRequiredError', message: expect.stringMatching(/^network_error: /) }] });
  });

  it("logs an authority host whose endpoints cannot be resolved (endpoints_resolution_error) at error with its stack: never Entra's outage, an authority MSAL does not know", async () => {
    // Entra's hosts (login.microsoftonline.com and the national clouds') have their endpoints in MSAL
    // itself: Entra out of reach there is network_error (above). endpoints_resolution_error comes only
    // from an authority host MSAL asks for its metadata, a misspelt or foreign AZURE_AUTHORITY_HOST
    // (here the stub's own, nothing listening), or a tenant that host does not know: it stays so.
    const closed = Fastify();
    const gone = Number(new URL(await closed.listen({ port: 0, host: '127.0.0.1' })).port);
    await closed.close();
    const line = await failedReading(entra.credential({ retries: false, reach: gone }));
    expect(line).toMatchObject({ level: 50, err: { type: 'CredentialUnavailableError', message: expect.stringMatching(/^endpoints_resolution_error: /) } });
    expect(line.outage).toBeUndefined();
  });

  it('logs a credential refused for our configuration (no federated identity record, app not found) at error with its stack', async () => {
    for (const answer of [
      oauthError(400, 'invalid_client', 700213, "No matching federated identity record found for presented assertion subject 'system:serviceaccount:tripgen:ai'."),
      oauthError(400, 'unauthorized_client', 700016, "Application with identifier 'client-1' was not found in the directory 'tenant-1'."),
    ]) {
      entra.answer(() => answer);
      const line = await failedReading(entra.credential({ retries: false }));
      expect(line).toMatchObject({ level: 50, err: { type: 'AuthenticationRequiredError' } });
      expect(line.outage).toBeUndefined();
    }
  });

  it("says a token that did not come within the limit is the identity platform's, not Azure OpenAI's (the credential still retrying a 503)", async () => {
    entra.answer(() => oauthError(503, 'temporarily_unavailable', 50196, 'The server is temporarily unavailable.'));
    const line = await failedReading(entra.credential(), 300);
    expect(line).toMatchObject({ level: 40 });
    expect((line.outage as unknown[])[0]).toEqual({ type: 'ModelUnavailable', message: 'no Entra token for Azure OpenAI within 300 ms (the identity platform)' });
  });
});
