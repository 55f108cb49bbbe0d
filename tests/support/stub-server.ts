/**
 * server.js around a tiny stand-in Remix build (resource routes only: the real build's pages
 * are covered end to end), listening on a free port, and a node:http client for it (fetch would
 * not let a test set Origin or Sec-Fetch-* freely).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createApp } from "../../server.js";

type RouteModule = Record<string, unknown>;

export function stubBuild(routes: Record<string, RouteModule>) {
  return {
    mode: "production",
    basename: undefined,
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    isSpaMode: false,
    future: { v3_singleFetch: true, v3_lazyRouteDiscovery: true, v3_relativeSplatPath: true, v3_throwAbortReason: true },
    assets: { version: "test", url: "/build/manifest-test.js", entry: { module: "/build/entry.js", imports: [] }, routes: {} },
    // handleError: the real entry logs only real errors; 404s and thrown responses are answers.
    entry: { module: { default: () => new Response("document", { status: 200 }), handleError: () => {} } },
    routes: {
      root: { id: "root", path: "", module: {} },
      ...Object.fromEntries(Object.entries(routes).map(([path, module]) => [`routes/${path}`, { id: `routes/${path}`, parentId: "root", path, module }])),
    },
  };
}

// server.js is plain JavaScript: its options object is typed from the defaults alone.
const create = createApp as unknown as (o: { build: unknown; production: boolean }) => ReturnType<typeof createApp>;

/** Serves `build` through server.js's createApp; `close` when done. */
export async function serve(build: unknown, production = false) {
  const server = (await create({ build, production })).listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const port = (server.address() as AddressInfo).port;
  return { server, port, base: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function send(base: string, method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  return new Promise<Answer>((resolve, reject) => {
    const length = body === undefined ? {} : { "Content-Length": String(Buffer.byteLength(body)) };
    const r = http.request(`${base}${path}`, { method, headers: { ...length, ...headers } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    r.on("error", reject);
    r.end(body);
  });
}

export const FORM = { "Content-Type": "application/x-www-form-urlencoded" };
