// An independent Bedrock endpoint that verifies every request's AWS Signature Version 4 with
// the AWS SDK's own signer (@smithy/signature-v4), then runs `distillscope run --model
// bedrock:M@URL` against it and prints what it saw as one JSON object: requests, how many were
// correctly signed, the child's exit code. Each correctly signed Converse request is answered.
// usage: node sigv4-check.mjs DISTILLSCOPE_BINARY STORE_PATH
import { createServer } from "node:http";
import { spawn } from "node:child_process";
import { createHash, createHmac } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";

const [binary, db] = process.argv.slice(2);
const credentials = { accessKeyId: "AKIDSIGV4CHECK", secretAccessKey: "sigv4-check-secret-0a1b2c3d4e5f", sessionToken: "sigv4-check-session-token" };
const region = "eu-west-3";

class Sha256 {
  constructor(secret) { this.hash = secret ? createHmac("sha256", secret) : createHash("sha256"); }
  update(data) { this.hash.update(typeof data === "string" ? Buffer.from(data) : data); }
  async digest() { return new Uint8Array(this.hash.digest()); }
}
// applyChecksum off: Bedrock, unlike S3, needs no x-amz-content-sha256 header.
const signer = new SignatureV4({ credentials, region, service: "bedrock", sha256: Sha256, applyChecksum: false });

// The signature the SDK computes for the headers the client says it signed, at its date, for
// the model id as written (the signer encodes its ':' itself, as when the SDK sends it).
async function expected_authorization(req, body) {
  const auth = req.headers.authorization ?? "";
  const signed = /SignedHeaders=([^,]+)/.exec(auth)?.[1]?.split(";") ?? [];
  const headers = {};
  for (const name of signed) headers[name] = req.headers[name];
  const d = req.headers["x-amz-date"] ?? "";
  const date = new Date(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${d.slice(9, 11)}:${d.slice(11, 13)}:${d.slice(13, 15)}Z`);
  const [hostname, port] = req.headers.host.split(":");
  const url = new URL(req.url, "http://" + req.headers.host);
  const signedRequest = await signer.sign(
    { method: req.method, protocol: "http:", hostname, port: Number(port), path: decodeURIComponent(url.pathname), query: {}, headers, body },
    { signingDate: date });
  return signedRequest.headers.authorization;
}

let requests = 0, correctly_signed = 0;
const server = createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", async () => {
    requests++;
    const ok = (await expected_authorization(req, body)) === req.headers.authorization &&
               req.headers["x-amz-security-token"] === credentials.sessionToken;
    res.setHeader("content-type", "application/json");
    if (!ok) {
      res.statusCode = 403;
      res.setHeader("x-amzn-ErrorType", "InvalidSignatureException");
      res.end(JSON.stringify({ message: "The request signature we calculated does not match the signature you provided." }));
      return;
    }
    correctly_signed++;
    res.end(JSON.stringify({ output: { message: { role: "assistant", content: [{ text: "The answer is 42." }] } },
                             stopReason: "end_turn", usage: { inputTokens: 10, outputTokens: 5, totalTokens: 15 } }));
  });
});
server.listen(0, "127.0.0.1", () => {
  const url = `http://127.0.0.1:${server.address().port}`;
  // Asynchronously: this process answers the child's requests meanwhile.
  const child = spawn(binary, ["run", "--model", `bedrock:anthropic.claude-3-haiku-20240307-v1:0@${url}`, "--suite", "math",
                               "--limit", "5", "--db", db, "--no-progress"],
    { env: { ...process.env, AWS_ACCESS_KEY_ID: credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
             AWS_SESSION_TOKEN: credentials.sessionToken, AWS_REGION: region } });
  let stderr = "";
  child.stderr.on("data", (c) => (stderr += c));
  child.on("close", (code) => {
    server.close();
    console.log(JSON.stringify({ exit: code, requests, correctly_signed, stderr: stderr.slice(0, 2000) }));
  });
});
