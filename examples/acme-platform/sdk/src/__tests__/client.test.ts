import { describe, expect, it, vi } from "vitest";

import { AcmeApiError, AcmeClient } from "../client.js";

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

function makeClient(...responses: Response[]) {
  const fetchMock = vi.fn<typeof fetch>();
  for (const response of responses) fetchMock.mockResolvedValueOnce(response);
  const client = new AcmeClient({
    baseUrl: "https://api.acme.test/",
    apiKey: "acme_test_key",
    fetch: fetchMock,
    maxRetries: 1,
  });
  return { client, fetchMock };
}

describe("AcmeClient", () => {
  it("sends the API key and a JSON body", async () => {
    const { client, fetchMock } = makeClient(json({ hits: [], took_ms: 1 }));

    await client.searchVectors("col 1", { vector: [0.1, 0.2], top_k: 3 });

    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe("https://api.acme.test/v1/collections/col%201/vectors/search");
    expect(init?.method).toBe("POST");
    expect(init?.headers).toMatchObject({
      "X-API-Key": "acme_test_key",
      "Content-Type": "application/json",
    });
    expect(JSON.parse(String(init?.body))).toEqual({ vector: [0.1, 0.2], top_k: 3 });
  });

  it("adds query parameters and skips undefined ones", async () => {
    const { client, fetchMock } = makeClient(json({ items: [] }));

    await client.listTasks({ status: "failed", run_id: undefined, limit: 20 });

    expect(fetchMock.mock.calls[0]![0]).toBe("https://api.acme.test/v1/tasks?status=failed&limit=20");
  });

  it("resolves to undefined for 204 responses", async () => {
    const { client } = makeClient(new Response(null, { status: 204 }));
    await expect(client.deleteCollection("col-1")).resolves.toBeUndefined();
  });

  it.each([
    [401, "unauthorized"],
    [404, "not_found"],
    [409, "conflict"],
    [422, "validation_failed"],
  ])("turns a %i response into AcmeApiError(%s)", async (status, code) => {
    const { client } = makeClient(
      json({ code, message: "nope", details: { field: "name" }, request_id: "req-9" }, status),
    );

    const error = await client.getCollection("col-1").catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AcmeApiError);
    expect(error).toMatchObject({ status, code, requestId: "req-9", details: { field: "name" } });
  });

  it("builds an error for non-JSON bodies", async () => {
    const { client } = makeClient(new Response("<html>Bad gateway</html>", { status: 400 }));
    await expect(client.listAgents()).rejects.toMatchObject({ status: 400, code: "http_400" });
  });

  it("retries idempotent requests on 503", async () => {
    const { client, fetchMock } = makeClient(
      json({ code: "service_unavailable", message: "starting" }, 503),
      json({ ready: true, checks: { vector_store: true } }),
    );

    await expect(client.getReadiness()).resolves.toEqual({
      ready: true,
      checks: { vector_store: true },
    });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it("never retries POST requests", async () => {
    const { client, fetchMock } = makeClient(
      json({ code: "upstream_error", message: "model gateway returned HTTP 503" }, 502),
    );

    await expect(
      client.createChatCompletion({ messages: [{ role: "user", content: "hi" }] }),
    ).rejects.toMatchObject({ status: 502, retryable: true });
    expect(fetchMock).toHaveBeenCalledOnce();
  });

  it("requires a baseUrl", () => {
    expect(() => new AcmeClient({ baseUrl: "" })).toThrow(/baseUrl/);
  });
});
