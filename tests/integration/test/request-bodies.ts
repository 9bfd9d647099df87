/** Request bodies covering every input form, operation group and output variant of the spec. */
import type { BatchEditRequest, BatchInput, BatchOutput, ImageOperations } from "@claid/core";

export const inputs: [string, BatchInput, number][] = [
  ["storage folder URI", "storage://storage_1/input_folder/", 2],
  ["{ source, recursive: true }", { source: "storage://storage_1/input_folder/", recursive: true }, 2],
  ["{ source } without recursive", { source: "storage://storage_1/input_folder/" }, 2],
  ["list of image URLs", ["https://image.site/a.png", "https://image.site/b.png", "https://image.site/c.png"], 3],
];

export const operations: [string, ImageOperations][] = [
  ...(["moderate", "strong", "auto"] as const).map((decompress): [string, ImageOperations] => [
    `restorations.decompress ${decompress}`,
    { restorations: { decompress } },
  ]),
  ...(["smart_enhance", "smart_resize", "faces", "digital_art", "photo"] as const).map(
    (upscale): [string, ImageOperations] => [`restorations.upscale ${upscale}`, { restorations: { upscale } }],
  ),
  ...(["1", "2", "3"] as const).map((version): [string, ImageOperations] => [
    `restorations.upscale photo v${version}`,
    { restorations: { upscale: { type: "photo", version } } },
  ]),
  ["restorations.polish", { restorations: { polish: true } }],
  [
    "adjustments with hdr as a number",
    { adjustments: { hdr: 60, exposure: -10, saturation: 20, contrast: 5, sharpness: 40 } },
  ],
  ["adjustments with hdr options", { adjustments: { hdr: { intensity: 80, stitching: true } } }],
  ["background.remove true", { background: { remove: true } }],
  [
    "background.remove options",
    { background: { remove: { clipping: true, selective: { object_to_keep: "car" }, category: "cars" } } },
  ],
  ["background.color hex", { background: { remove: true, color: "#ffffff" } }],
  ["background.color transparent", { background: { remove: true, color: "transparent" } }],
  ["background.blur true", { background: { blur: true } }],
  [
    "background.blur options",
    {
      background: {
        blur: { type: "lens", level: "high", category: "products", selective: { object_to_keep: "bottle" } },
      },
    },
  ],
  ["resizing in pixels", { resizing: { width: 1000, height: 800 } }],
  ["resizing in percent", { resizing: { width: "50%", height: "auto" } }],
  ...(["crop", "cover", "bounds", "canvas", "outpaint"] as const).map((fit): [string, ImageOperations] => [
    `resizing.fit ${fit}`,
    { resizing: { width: 500, height: 500, fit } },
  ]),
  ["resizing.fit crop options", { resizing: { width: 500, fit: { type: "crop", crop: "smart" } } }],
  ["resizing.fit cover options", { resizing: { width: 500, fit: { type: "cover" } } }],
  ["resizing.fit bounds options", { resizing: { width: 500, fit: { type: "bounds" } } }],
  ["resizing.fit canvas options", { resizing: { width: 500, fit: { type: "canvas" } } }],
  [
    "resizing.fit outpaint options",
    { resizing: { width: 500, fit: { type: "outpaint", feathering: "15%", outpaint_by: "20%" } } },
  ],
  ["padding", { padding: "10%" }],
  ["privacy", { privacy: { blur_car_plate: true, identity_crop: true } }],
  [
    "generative.style_transfer",
    {
      generative: {
        style_transfer: {
          style_reference_image: "https://image.site/style.png",
          prompt: "watercolor",
          depth_strength: 0.5,
          denoising_strength: 0.6,
          style_strength: 0.7,
        },
      },
    },
  ],
];

export const outputs: [string, BatchOutput | undefined, string][] = [
  ["no output (Claid's temporary storage)", undefined, "jpeg"],
  ["a storage URI string", "storage://storage_1/output_folder/", "jpeg"],
  ...(["jpeg", "png", "webp", "avif", "tiff"] as const).map((format): [string, BatchOutput, string] => [
    `format ${format}`,
    { format },
    format,
  ]),
  ["jpeg options", { format: { type: "jpeg", quality: 90, progressive: false } }, "jpeg"],
  ["png options", { format: { type: "png", compression: "best" } }, "png"],
  ["webp lossy options", { format: { type: "webp", compression: { type: "lossy", quality: 70 } } }, "webp"],
  ["webp lossless", { format: { type: "webp", compression: "lossless" } }, "webp"],
  ["avif lossless options", { format: { type: "avif", compression: { type: "lossless" } } }, "avif"],
  ["tiff lossy options", { format: { type: "tiff", compression: { type: "lossy", quality: 60 } } }, "tiff"],
  [
    "destination with metadata RGB",
    { destination: "storage://storage_1/out/", metadata: { dpi: 300, color_space: "RGB" } },
    "jpeg",
  ],
  ["metadata CMYK profile", { metadata: { color_space: { type: "CMYK", color_profile: "ISO_Coated" } } }, "jpeg"],
];

export const seedRequest: BatchEditRequest = {
  input: "storage://storage_1/input_folder/",
  operations: { resizing: { width: 1000 }, background: { remove: false } },
  output: "storage://storage_1/output_folder/",
};
