/**
 * An Azure OpenAI chat completions answer as the service documents it (REST reference, API version
 * 2024-10-21: `200 {id, object: "chat.completion", choices: [{index, message, finish_reason}], usage}`;
 * the message's `role`, `content` and `refusal` are required, the last two nullable:
 * `chatCompletionResponseMessage` in azure-rest-api-specs .../AzureOpenAI/inference/stable/2024-10-21/inference.json),
 * for the local stubs of the LLM adapter's tests.
 */
export const chatCompletion = (content: string, finish = 'stop') => ({
  status: 200,
  json: {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1_764_000_000,
    model: 'gpt-4o-mini',
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null as string | null }, finish_reason: finish }],
    usage: { prompt_tokens: 120, completion_tokens: 60, total_tokens: 180 },
  },
});

/** Each harm category of a content-filter result, `hate` at `severity` and filtered, the others safe. */
const filterResult = (severity: string) => ({
  hate: { filtered: true, severity },
  self_harm: { filtered: false, severity: 'safe' },
  sexual: { filtered: false, severity: 'safe' },
  violence: { filtered: false, severity: 'safe' },
});

/**
 * Azure OpenAI's content filter refusing the prompt, as "Content filtering" (Azure OpenAI docs,
 * learn.microsoft.com .../openai/concepts/content-filter) shows it: HTTP 400, `error.code`
 * "content_filter", `innererror.code` "ResponsibleAIPolicyViolation" and the categories in
 * `innererror.content_filter_result`.
 */
export const promptFiltered = (severity = 'medium') => ({
  status: 400,
  json: {
    error: {
      message: "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry.",
      type: null,
      param: 'prompt',
      code: 'content_filter',
      status: 400,
      innererror: { code: 'ResponsibleAIPolicyViolation', content_filter_result: filterResult(severity) },
    },
  },
});

/** The same filter stopping the completion: 200, `finish_reason` "content_filter", no content, the categories in `content_filter_results`. */
export const completionFiltered = (severity = 'high') => {
  const { json } = chatCompletion('', 'content_filter');
  const [choice] = json.choices;
  return { status: 200, json: { ...json, choices: [{ ...choice!, message: { role: 'assistant', content: null, refusal: null }, content_filter_results: filterResult(severity) }] } };
};

/**
 * The model declining to answer the schema (structured outputs): 200, `finish_reason` "stop", `content`
 * null and the refusal in `message.refusal`, as OpenAI's "Structured Outputs" guide ("Refusals") shows
 * it and Azure's 2024-10-21 `chatCompletionResponseMessage` carries it.
 */
export const modelRefusal = (refusal = "I'm sorry, I cannot assist with that request.") => {
  const { json } = chatCompletion('', 'stop');
  const [choice] = json.choices;
  return { status: 200, json: { ...json, choices: [{ ...choice!, message: { role: 'assistant', content: null, refusal } }] } };
};
