// The official clients of Azure OpenAI (openai's AzureOpenAI), Gemini (@google/genai) and
// Bedrock (@aws-sdk/client-bedrock-runtime) against `distillscope serve`: each asks one
// question (and, where the API streams as server-sent events, asks it again streamed) and
// prints what it got as one JSON object.
// usage: node provider-check.mjs ROOT_URL MODEL   (ROOT_URL = http://127.0.0.1:PORT)
import { AzureOpenAI } from "openai";
import { GoogleGenAI } from "@google/genai";
import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import { NodeHttpHandler } from "@smithy/node-http-handler";

const [root, model] = process.argv.slice(2);
const question = "What is 17 + 25? Answer with the number.";
const system = "You are a careful assistant.";

async function azure() {
  const client = new AzureOpenAI({ endpoint: root, apiKey: "azure-sdk-key", apiVersion: "2024-10-21", deployment: model });
  const messages = [{ role: "system", content: system }, { role: "user", content: question }];
  const plain = await client.chat.completions.create({ model, messages, seed: 1 });
  let streamed = "";
  for await (const chunk of await client.chat.completions.create({ model, messages, seed: 1, stream: true }))
    streamed += chunk.choices[0]?.delta?.content ?? "";
  return { plain: plain.choices[0].message.content, streamed };
}

async function gemini() {
  const ai = new GoogleGenAI({ apiKey: "gemini-sdk-key", httpOptions: { baseUrl: root } });
  const request = { model, contents: question, config: { systemInstruction: system } };
  const plain = await ai.models.generateContent(request);
  let streamed = "";
  for await (const chunk of await ai.models.generateContentStream(request)) streamed += chunk.text ?? "";
  return { plain: plain.text, streamed, finish: plain.candidates[0].finishReason };
}

async function bedrock() {
  const client = new BedrockRuntimeClient({
    region: "eu-west-3",
    endpoint: root,
    credentials: { accessKeyId: "AKIDSDKTEST", secretAccessKey: "bedrock-sdk-secret" },
    // The client speaks HTTP/2 by default (for its bidirectional streams); serve speaks HTTP/1.1.
    requestHandler: new NodeHttpHandler(),
  });
  const reply = await client.send(new ConverseCommand({
    modelId: model,
    system: [{ text: system }],
    messages: [{ role: "user", content: [{ text: question }] }],
  }));
  return { plain: reply.output.message.content.map((b) => b.text ?? "").join(""), stop: reply.stopReason,
           output_tokens: reply.usage.outputTokens };
}

console.log(JSON.stringify({ azure: await azure(), gemini: await gemini(), bedrock: await bedrock() }));
