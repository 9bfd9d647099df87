/** A fetch stub that records each request and answers from a queue. */
export function stubFetch(...answers: (Response | Error | ((request: Request) => Response))[]) {
  const requests: Request[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    requests.push(request);
    const next = answers.shift();
    if (next === undefined) throw new Error("stubFetch: no answer queued");
    if (next instanceof Error) throw next;
    return typeof next === "function" ? next(request) : next;
  };
  return { fetch, requests };
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });
}

export const ACCEPTED = {
  data: {
    id: 7,
    status: "ACCEPTED",
    result_url: "https://api.claid.ai/v1/image/edit/batch/7",
    created_at: "2026-11-27T08:00:00+00:00",
    request: { input: "storage://s/in/", operations: {} },
  },
};
