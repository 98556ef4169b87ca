/**
 * An Azure OpenAI chat completions answer as the service documents it (REST reference, API version
 * 2024-10-21: `200 {id, object: "chat.completion", choices: [{index, message, finish_reason}], usage}`),
 * for the local stubs of the LLM adapter's tests.
 */
export const chatCompletion = (content: string, finish = 'stop') => ({
  status: 200,
  json: {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1_764_000_000,
    model: 'gpt-4o-mini',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: finish }],
    usage: { prompt_tokens: 120, completion_tokens: 60, total_tokens: 180 },
  },
});
