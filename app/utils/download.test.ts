import { describe, expect, it } from "vitest";
import { asciiFileName, attachmentDisposition, readableFileName } from "./download";

describe("export file names", () => {
  it("reads as the couple's names and the date", () => {
    expect(readableFileName(["Mend", "Jordan Kim & Sam Lee", "2026-12-01"], "csv")).toBe("Mend – Jordan Kim & Sam Lee – 2026-12-01.csv");
  });

  it("drops path, quoting and control characters from names", () => {
    const name = readableFileName(["Mend", 'Jo"rdan/..\\K;im\r\nSet-Cookie: x', "2026-12-01"], "csv");
    expect(name).not.toMatch(/["/\\;\r\n]/);
    expect(name).toBe("Mend – Jo rdan .. K imSet-Cookie x – 2026-12-01.csv");
  });

  it("the header has an ASCII fall-back and the exact UTF-8 name, and nothing that ends it early", () => {
    const name = readableFileName(["Mend", "José Núñez & Zoë 'O'Brien' (Ana)", "2026-12-01"], "csv");
    const header = attachmentDisposition(name);
    expect(header).toBe(
      `attachment; filename="Mend - Jose Nunez and Zoe -O-Brien- -Ana- - 2026-12-01.csv"; filename*=UTF-8''Mend%20%E2%80%93%20Jos%C3%A9%20N%C3%BA%C3%B1ez%20%26%20Zo%C3%AB%20%27O%27Brien%27%20%28Ana%29%20%E2%80%93%202026-12-01.csv`,
    );
    expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe(name);
    expect(asciiFileName("李雷 & 韩梅梅")).toBe("- and -");
  });
});
