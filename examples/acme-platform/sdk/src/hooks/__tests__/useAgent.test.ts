// @vitest-environment jsdom
import { act, renderHook, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import type { AgentRun, TaskStatus } from "../../types.js";
import { useAgent, type AgentClient } from "../useAgent.js";

function agentRun(status: TaskStatus): AgentRun {
  return {
    id: "run-1",
    goal: "What is a pool? What is a partition",
    status,
    created_at: "2024-05-01T10:00:00Z",
    metadata: {},
    root: {
      id: "task-root",
      run_id: "run-1",
      kind: "plan",
      status,
      attempts: 1,
      created_at: "2024-05-01T10:00:00Z",
      children: [],
    },
  };
}

function fakeClient() {
  return {
    startAgentRun: vi.fn<AgentClient["startAgentRun"]>().mockResolvedValue(agentRun("pending")),
    getAgentRun: vi.fn<AgentClient["getAgentRun"]>(),
    cancelAgentRun: vi.fn<AgentClient["cancelAgentRun"]>().mockResolvedValue(agentRun("cancelled")),
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("useAgent", () => {
  it("polls until the run reaches a terminal state", async () => {
    const client = fakeClient();
    client.getAgentRun
      .mockResolvedValueOnce(agentRun("running"))
      .mockResolvedValueOnce(agentRun("succeeded"));
    const onFinished = vi.fn();
    const { result } = renderHook(() => useAgent({ client, pollIntervalMs: 5, onFinished }));

    await act(() => result.current.start("What is a pool? What is a partition"));
    expect(result.current.isRunning).toBe(true);

    await waitFor(() => expect(result.current.run?.status).toBe("succeeded"));
    expect(result.current.isRunning).toBe(false);
    expect(client.getAgentRun).toHaveBeenCalledTimes(2);
    expect(onFinished).toHaveBeenCalledOnce();
  });

  it("cancel() calls the cancel endpoint for a live run", async () => {
    const client = fakeClient();
    client.getAgentRun.mockResolvedValue(agentRun("running"));
    const { result } = renderHook(() => useAgent({ client, pollIntervalMs: 60_000 }));

    await act(() => result.current.start("goal"));
    await act(() => result.current.cancel());

    expect(client.cancelAgentRun).toHaveBeenCalledWith("run-1");
    expect(result.current.run?.status).toBe("cancelled");
  });

  it("stops polling after unmount", async () => {
    vi.useFakeTimers();
    const client = fakeClient();
    client.getAgentRun.mockResolvedValue(agentRun("running"));
    const { result, unmount } = renderHook(() => useAgent({ client, pollIntervalMs: 100 }));

    await act(() => result.current.start("goal"));
    unmount();
    await vi.advanceTimersByTimeAsync(1_000);

    expect(client.getAgentRun).not.toHaveBeenCalled();
  });

  it("surfaces a failed start", async () => {
    const client = fakeClient();
    client.startAgentRun.mockRejectedValueOnce(new Error("no agent handles capability 'x'"));
    const { result } = renderHook(() => useAgent({ client }));

    await act(async () => {
      expect(await result.current.start("goal")).toBeUndefined();
    });
    expect(result.current.error?.message).toContain("capability");
    expect(result.current.run).toBeNull();
  });
});
