/** A file of `count` image URLs, one per line, written without holding them: the inputs of the bulk-run memory test and bench. */
import { createWriteStream } from "node:fs";
import { join } from "node:path";

export async function writeUrlFile(folder: string, count: number): Promise<string> {
  const path = join(folder, `urls-${count}.txt`);
  const out = createWriteStream(path);
  for (let i = 1; i <= count; i++)
    if (!out.write(`https://images.example.com/catalogue/product-${i}.jpg\n`))
      await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return path;
}
