/** The contract's test vectors (shared/contracts/genauth.md §3.3) and the edge cases of §3.5. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { dateIsFresh, parseAuthorization, sign, signatureMatches, stringToSign, type Headers } from "./signature";

const headers: Headers = {
  accept: "application/json",
  "content-type": "application/json",
  "x-authing-signature-nonce": "0123456789abcdef0123456789abcdef",
  "x-authing-signature-method": "HMAC-SHA1",
  "x-authing-signature-version": "1.0",
  "user-agent": "AuthingIdentityCloud (linux; x64) Node.js/v20.20.2 Core/4.0.1",
  "x-authing-sdk-version": "authing-node-sdk:4.0.1",
  "x-authing-lang": "zh-CN",
  date: "Mon, 23 Nov 2026 06:00:00 GMT",
};
const canonical = [
  "date:Mon, 23 Nov 2026 06:00:00 GMT",
  "x-authing-lang:zh-CN",
  "x-authing-sdk-version:authing-node-sdk:4.0.1",
  "x-authing-signature-method:HMAC-SHA1",
  "x-authing-signature-nonce:0123456789abcdef0123456789abcdef",
  "x-authing-signature-version:1.0",
].join("\n");

const vector1 = {
  body: {
    namespace: "default",
    list: [{ targetType: "USER", targetIdentifiers: ["u1"], resources: [{ code: "books:123", actions: ["read"], resourceType: "DATA" }] }],
  },
  text: `POST\n${canonical}\n/api/v3/authorize-resources?list=[{"targetType":"USER","targetIdentifiers":["u1"],"resources":[{"code":"books:123","actions":["read"],"resourceType":"DATA"}]}]&namespace=default`,
  signature: "5Lhf6sbCOnP2TTSPu5RlJKeDp98=",
};

// As received: query values are strings, `resourceList[]` folded back into an array, the undefined resourceType absent.
const vector2 = {
  query: { targetType: "USER", targetIdentifier: "u1", namespace: "default", resourceList: ["books:*"], withDenied: "false" },
  text: `GET\n${canonical}\n/api/v3/get-authorized-resources?namespace=default&resourceList=["books:*"]&targetIdentifier=u1&targetType=USER&withDenied=false`,
  signature: "+8yl+Gxq0LXDYom3kRE5opiHIQs=",
};

test("vector 1 (POST): string to sign and signature", () => {
  const text = stringToSign("POST", "/api/v3/authorize-resources", headers, JSON.parse(JSON.stringify(vector1.body)));
  assert.equal(text, vector1.text);
  assert.equal(sign("SK_EXAMPLE", text), vector1.signature);
  assert.ok(signatureMatches({ method: "POST", path: "/api/v3/authorize-resources", headers, params: vector1.body }, "SK_EXAMPLE", vector1.signature));
});

test("vector 2 (GET): folded arrays and string scalars sign like the SDK's values", () => {
  const text = stringToSign("GET", "/api/v3/get-authorized-resources", headers, vector2.query);
  assert.equal(text, vector2.text);
  assert.equal(sign("SK_EXAMPLE", text), vector2.signature);
});

test("a wrong secret, a changed parameter or a changed header does not verify", () => {
  const req = { method: "GET", path: "/api/v3/get-authorized-resources", headers, params: vector2.query };
  assert.ok(signatureMatches(req, "SK_EXAMPLE", vector2.signature));
  assert.ok(!signatureMatches(req, "SK_OTHER", vector2.signature));
  assert.ok(!signatureMatches({ ...req, params: { ...vector2.query, targetIdentifier: "u2" } }, "SK_EXAMPLE", vector2.signature));
  assert.ok(!signatureMatches({ ...req, headers: { ...headers, date: "Mon, 23 Nov 2026 06:00:01 GMT" } }, "SK_EXAMPLE", vector2.signature));
  assert.ok(!signatureMatches(req, "SK_EXAMPLE", "not base64"));
});

test("a deployment prefix before /api/v3/ is not signed", () => {
  const req = { method: "GET", path: "/authz/api/v3/get-authorized-resources", headers, params: vector2.query };
  assert.ok(signatureMatches(req, "SK_EXAMPLE", vector2.signature));
});

test("an empty GET array is signed as key=[] but never sent", () => {
  const signed = sign("SK_EXAMPLE", stringToSign("GET", "/api/v3/get-resources-batch", headers, { codeList: [], namespace: "ns" }));
  const received = { method: "GET", path: "/api/v3/get-resources-batch", headers, params: { namespace: "ns" } };
  assert.ok(!signatureMatches(received, "SK_EXAMPLE", signed));
  assert.ok(signatureMatches({ ...received, arrayParams: ["codeList"] }, "SK_EXAMPLE", signed));
});

test("all parameters undefined: the SDK signs a trailing '?'", () => {
  const signed = sign("SK_EXAMPLE", stringToSign("GET", "/api/v3/get-namespace", headers, { code: undefined }));
  assert.ok(signed.length > 0);
  assert.ok(signatureMatches({ method: "GET", path: "/api/v3/get-namespace", headers, params: {} }, "SK_EXAMPLE", signed));
});

test("header values: control whitespace becomes a space and the value is trimmed", () => {
  const messy = { ...headers, "x-authing-lang": " zh-CN\t" };
  assert.equal(stringToSign("GET", "/api/v3/x", messy, {}), stringToSign("GET", "/api/v3/x", headers, {}));
});

test("the Authorization header", () => {
  assert.deepEqual(parseAuthorization("authing AK_EXAMPLE:5Lhf6sbCOnP2TTSPu5RlJKeDp98="), { accessKeyId: "AK_EXAMPLE", signature: "5Lhf6sbCOnP2TTSPu5RlJKeDp98=" });
  assert.equal(parseAuthorization("Bearer abc"), null);
  assert.equal(parseAuthorization("authing AK_EXAMPLE"), null);
  assert.equal(parseAuthorization(undefined), null);
});

test("the date must lie within ±15 minutes", () => {
  const now = Date.parse("Mon, 23 Nov 2026 06:00:00 GMT");
  assert.ok(dateIsFresh("Mon, 23 Nov 2026 06:14:59 GMT", now));
  assert.ok(dateIsFresh("Mon, 23 Nov 2026 05:45:00 GMT", now));
  assert.ok(!dateIsFresh("Mon, 23 Nov 2026 06:15:01 GMT", now));
  assert.ok(!dateIsFresh("Mon, 23 Nov 2026 05:44:59 GMT", now));
  assert.ok(!dateIsFresh("yesterday", now));
  assert.ok(!dateIsFresh(undefined, now));
});
