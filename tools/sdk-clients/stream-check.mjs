// Asks `distillscope serve` the same question through the official clients, once without
// streaming, once streaming (raw chunks/events) and once through each client's stream helper,
// and prints what each way got as one JSON object. Usage: node stream-check.mjs BASE_URL MODEL
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';

const [baseUrl, model] = process.argv.slice(2);
const prompt = 'Explain in a short paragraph why the sky is blue.';
const messages = [{ role: 'user', content: prompt }];

async function viaOpenAI() {
  const client = new OpenAI({ apiKey: 'sk-test-not-a-real-key', baseURL: baseUrl, maxRetries: 0 });
  const plain = await client.chat.completions.create({ model, messages, seed: 3 });
  const stream = await client.chat.completions.create({
    model, messages, seed: 3, stream: true, stream_options: { include_usage: true },
  });
  let streamed = '';
  let chunks = 0;
  let usage = null;
  let finish = null;
  for await (const chunk of stream) {
    chunks += 1;
    if (chunk.usage) usage = chunk.usage;
    const choice = chunk.choices[0];
    if (choice?.delta?.content) streamed += choice.delta.content;
    if (choice?.finish_reason) finish = choice.finish_reason;
  }
  const helper = await client.chat.completions.stream({ model, messages, seed: 3 }).finalChatCompletion();
  return {
    plain: plain.choices[0].message.content,
    plain_usage: plain.usage,
    streamed, chunks, usage, finish,
    helper: helper.choices[0].message.content,
  };
}

async function viaAnthropic() {
  // The SDK's base URL has no /v1: it adds /v1/messages itself.
  const client = new Anthropic({ apiKey: 'test-not-a-real-key', baseURL: baseUrl.replace(/\/v1$/, ''), maxRetries: 0 });
  const request = { model, max_tokens: 1024, messages };
  const plain = await client.messages.create(request);
  const stream = await client.messages.create({ ...request, stream: true });
  let streamed = '';
  const events = [];
  for await (const event of stream) {
    if (events[events.length - 1] !== event.type) events.push(event.type);
    if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') streamed += event.delta.text;
  }
  const final = await client.messages.stream(request).finalMessage();
  return {
    plain: plain.content.map((b) => b.text).join(''),
    plain_usage: plain.usage,
    streamed, events,
    helper: final.content.map((b) => b.text).join(''),
    helper_usage: final.usage,
    helper_stop: final.stop_reason,
  };
}

try {
  console.log(JSON.stringify({ openai: await viaOpenAI(), anthropic: await viaAnthropic() }));
} catch (error) {
  console.error(`stream-check failed: ${error?.stack ?? error}`);
  process.exit(1);
}
