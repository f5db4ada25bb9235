// Validates every object of a rendered multi-document YAML stream (stdin) against the schema of
// its apiVersion and kind: Kubernetes (kubernetes-models), Strimzi, CloudNativePG and Gateway API
// (@kubernetes-models/*). Offline: the schemas ship inside the npm packages, no cluster is asked.
// Prints {"validated": n, "ruleChecked": [...], "errors": [{"object", "message"}]} and exits 1 when any
// object fails.
import { parseAllDocuments } from "yaml";

// API groups served by custom resource definitions, and the package that carries their schemas.
const CRD_PACKAGES = {
  "kafka.strimzi.io": "@kubernetes-models/strimzi-kafka-operator",
  "core.strimzi.io": "@kubernetes-models/strimzi-kafka-operator",
  "postgresql.cnpg.io": "@kubernetes-models/cloudnative-pg",
  "gateway.networking.k8s.io": "@kubernetes-models/gateway-api",
};

// API groups with no offline schema package, whose objects the platform rules check instead
// (GatewayRules in Java); any other unknown group or kind fails.
const RULE_CHECKED_GROUPS = new Set(["gateway.envoyproxy.io"]);

function group(apiVersion) {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? "" : apiVersion.substring(0, slash);
}

function modulePath(apiVersion) {
  const crdPackage = CRD_PACKAGES[group(apiVersion)];
  return crdPackage ? `${crdPackage}/${apiVersion}` : `kubernetes-models/${apiVersion}`;
}

async function modelFor(apiVersion, kind) {
  let models;
  try {
    models = await import(modulePath(apiVersion));
  } catch {
    return undefined;
  }
  return models[kind];
}

function describe(doc) {
  const meta = doc.metadata ?? {};
  const where = meta.namespace ? `${meta.namespace}/` : "";
  return `${doc.kind ?? "?"} ${where}${meta.name ?? "?"} (${doc.apiVersion ?? "?"})`;
}

async function validateDocument(doc) {
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
    return "is not a YAML mapping";
  }
  if (typeof doc.apiVersion !== "string" || typeof doc.kind !== "string") {
    return "has no apiVersion or kind";
  }
  if (typeof doc.metadata?.name !== "string" || doc.metadata.name === "") {
    return "has no metadata.name";
  }
  const Model = await modelFor(doc.apiVersion, doc.kind);
  if (typeof Model !== "function") {
    return `no schema known for ${doc.apiVersion} ${doc.kind} (unknown apiVersion or kind)`;
  }
  try {
    new Model(doc).validate();
    return undefined;
  } catch (e) {
    return e.message;
  }
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

const errors = [];
const ruleChecked = [];
let validated = 0;
const documents = parseAllDocuments(await readStdin());
for (const document of documents) {
  if (document.errors.length > 0) {
    errors.push({ object: "YAML", message: document.errors.map((e) => e.message).join("; ") });
    continue;
  }
  const doc = document.toJS();
  if (doc === null || doc === undefined) {
    continue;
  }
  if (typeof doc.apiVersion === "string" && RULE_CHECKED_GROUPS.has(group(doc.apiVersion))) {
    ruleChecked.push(describe(doc));
    continue;
  }
  validated++;
  const problem = await validateDocument(doc);
  if (problem) {
    errors.push({ object: describe(doc), message: problem });
  }
}
process.stdout.write(JSON.stringify({ validated, ruleChecked, errors }) + "\n");
process.exitCode = errors.length > 0 ? 1 : 0;
