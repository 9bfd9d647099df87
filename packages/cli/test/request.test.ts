/** `batch create`'s request from flags: which inputs are accepted, and where bad operations JSON is wrong. */
import { describe, expect, it } from "vitest";
import { buildRequest } from "../src/request.ts";

describe("--input schemes", () => {
  it.each([["ftp://files.example/a.png"], ["file:///home/me/a.png"], ["s3://bucket/in/"], ["image.png"]])(
    "%s is refused, naming the flag and the schemes Claid accepts",
    (input) => {
      expect(() => buildRequest({ input: [input] })).toThrow(
        `--input: ${JSON.stringify(input)} is not an https:// image URL or a storage:// URI (Claid fetches inputs from those).`,
      );
    },
  );

  it("a bad URL among good ones is named", () => {
    expect(() => buildRequest({ input: ["https://img.example/a.png", "ftp://img.example/b.png"] })).toThrow(
      '--input: "ftp://img.example/b.png" is not an https:// image URL',
    );
  });

  it.each([
    [["storage://s/in/"], "storage://s/in/"],
    [["https://img.example/a.png"], ["https://img.example/a.png"]],
    [
      ["http://img.example/a.png", "https://img.example/b.png"],
      ["http://img.example/a.png", "https://img.example/b.png"],
    ],
  ])("%j is sent as %j", (input, sent) => {
    expect(buildRequest({ input }).input).toEqual(sent);
  });
});

describe("--operations - with bad JSON says where", () => {
  it.each([
    ['{"resizing": }', 'standard input is not valid JSON: value expected at line 1, column 14: {"resizing": }'],
    [
      '{\n  "resizing": {"width": 100,}\n}',
      'standard input is not valid JSON: property name expected at line 2, column 29: "resizing": {"width": 100,}',
    ],
    [
      '{"resizing": {"width": 100}',
      'standard input is not valid JSON: close brace expected at line 1, column 28: {"resizing": {"width": 100}',
    ],
    ["", "standard input is not valid JSON: value expected at line 1, column 1 (it is empty)"],
    // Control characters are shown escaped: the snippet cannot act on the terminal.
    [
      '{"a": "\u001b[2J\u0007"}',
      'standard input is not valid JSON: invalid character at line 1, column 7: {"a": "\\x1b[2J\\x07"}',
    ],
  ])("%j", (text, message) => {
    expect(() => buildRequest({ input: ["storage://s/in/"], operations: "-" }, () => text)).toThrow(
      `--operations: ${message}`,
    );
  });

  it("a long line is cut around the error", () => {
    const text = `{"background": {"color": "#ffffff"}, "resizing": {"width": 100, "height": 200, "fit": crop}, "privacy": {}}`;
    expect(() => buildRequest({ input: ["storage://s/in/"], operations: "-" }, () => text)).toThrow(
      '--operations: standard input is not valid JSON: invalid symbol at line 1, column 87: …": 100, "height": 200, "fit": crop}, "privacy": {}}',
    );
  });
});

describe("--operations that the spec refuses", () => {
  it.each([
    [{ background: { remove: "yes" } }, "body.operations.background.remove must be boolean or object"],
    [{ resizing: { fit: "squash" } }, "body.operations.resizing.fit must be"],
  ])("%j is named by its closest alternative only: %s", (operations, problem) => {
    const run = () => buildRequest({ input: ["storage://s/in/"], operations: "-" }, () => JSON.stringify(operations));
    expect(run).toThrow(problem);
    expect(run).not.toThrow(/must match a schema in anyOf/);
  });
});
