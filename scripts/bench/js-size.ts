/**
 * JavaScript a page sends: the <script src> and <link rel="modulepreload"> assets its HTML names
 * (plus their static imports), gzipped with zlib. Chunks the page loads later with import() (the
 * chart library) are counted separately.
 */
import { gzipSync } from "node:zlib";

export interface JsSize {
  /** gzipped KB loaded at once */
  initialKb: number;
  /** gzipped KB of chunks loaded later through import() */
  lazyKb: number;
  files: { url: string; gzipBytes: number; lazy: boolean }[];
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

export async function jsSize(origin: string, pathName: string, cookie: string): Promise<JsSize> {
  const res = await fetch(new URL(pathName, origin), { headers: { Cookie: cookie }, redirect: "manual" });
  if (res.status !== 200) throw new Error(`${pathName} answered ${res.status}`);
  const html = await res.text();
  const initial = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) initial.add(new URL(m[1]!, origin).href);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*>/g)) {
    const href = /\bhref="([^"]+)"/.exec(m[0])?.[1];
    if (href) initial.add(new URL(href, origin).href);
  }
  const lazy = new Set<string>();
  const sizes = new Map<string, number>();
  const queue: [string, boolean][] = [...initial].map((u) => [u, false]);
  while (queue.length) {
    const [url, isLazy] = queue.shift()!;
    if (sizes.has(url)) continue;
    const body = Buffer.from(await (await fetch(url)).arrayBuffer());
    sizes.set(url, gzipSync(body, { level: 9 }).length);
    const text = body.toString("utf8");
    // static: import … from "./x.js" / import "./x.js"; dynamic: import("./x.js")
    for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*)["']([^"']+\.js)["']/g)) {
      const u = new URL(m[1]!, url).href;
      if (!sizes.has(u)) {
        if (!isLazy) initial.add(u);
        else lazy.add(u);
        queue.push([u, isLazy]);
      }
    }
    for (const m of text.matchAll(/\bimport\(\s*["']([^"']+\.js)["']\s*\)/g)) {
      const u = new URL(m[1]!, url).href;
      if (!initial.has(u) && !sizes.has(u)) {
        lazy.add(u);
        queue.push([u, true]);
      }
    }
  }
  for (const u of initial) lazy.delete(u);
  const files = [...sizes].map(([url, gzipBytes]) => ({ url: new URL(url).pathname, gzipBytes, lazy: lazy.has(url) }));
  const sum = (l: boolean) => files.filter((f) => f.lazy === l).reduce((n, f) => n + f.gzipBytes, 0);
  return { initialKb: kb(sum(false)), lazyKb: kb(sum(true)), files };
}
