/** What a failed fetch() says: its message, and whether it proves that nothing was sent. */

/**
 * Causes (undici's `error.cause.code`) that prove no byte of the request reached a server: the
 * name did not resolve, the connection was refused or never came up, or TLS failed before the
 * request was written. A reset or close after connecting is not among them: that request may have arrived.
 */
const NOT_SENT_CODES = new Set([
  "ENOTFOUND",
  "EAI_AGAIN",
  "EAI_FAIL",
  "EAI_NONAME",
  "ECONNREFUSED",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
  "ERR_SSL_WRONG_VERSION_NUMBER",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
]);

/** Whether a fetch failure proves that no byte of the request reached a server (see NOT_SENT_CODES). */
export function provesNotSent(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown; message?: unknown; errors?: unknown } } | undefined)?.cause;
  // undici refuses the ports the Fetch standard blocks before connecting ("bad port", no code).
  if (cause?.message === "bad port") return true;
  const inner = Array.isArray(cause?.errors) && cause.errors.length ? cause.errors : [cause];
  return inner.every((e) => typeof e?.code === "string" && NOT_SENT_CODES.has(e.code));
}

/** A fetch failure's message, with its cause's (undici says only "fetch failed"). */
export function messageOf(cause: unknown): string {
  const error = cause as { message?: unknown; cause?: { message?: unknown; code?: unknown } } | undefined;
  // An AggregateError (every address of a name failed) has an empty message but a code.
  const inner = error?.cause?.message || error?.cause?.code;
  return `${error?.message ?? cause}${typeof inner === "string" ? ` (${inner})` : ""}`;
}
