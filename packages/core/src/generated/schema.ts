// Generated from spec/claid.openapi.json (OpenAPI 3.1.0, "Claid REST API" v1, sha256 ea75b5d352d6d0fe2be93b4cf243d3a0c0447adeee791cbcf1e95a293047d2b0) by scripts/generate. Do not edit.

export interface paths {
    "/v1/image/edit/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Process Batch Image Edit
         * @description Specifies:
         *     - what images will be processed (`input`)
         *     - how they will be processed (`operations`)
         *     - where they will be stored (`output`)
         */
        post: operations["process_batch_image_edit_v1_image_edit_batch_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/image/edit/batch/{task_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Image Edit Batch Async Results */
        get: operations["image_edit_batch_async_results_v1_image_edit_batch__task_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** BatchEditRequest */
        BatchEditRequest: {
            /**
             * Input folder URL or list of image URLs
             * @description URL of the input file or folder. Should be from 1 to 512 characters. Must be accessible by our system.
             */
            input: components["schemas"]["BatchEditInputOptions"] | (string & {}) | string[];
            /**
             * Operations
             * @description Customize the editing workflow so that the output images meet your requirements.
             */
            operations: components["schemas"]["ImageOperations"];
            /**
             * Output folder URL
             * @description URL of the output folder. If `output` is not defined, we store the output image on our bucket and return the temporary URL. The name of the output file remains the same as the input file. Images are stored for one day.
             * @default {
             *       "format": "jpeg"
             *     }
             */
            output?: components["schemas"]["ImageOutputOptions"] | (string & {}) | undefined;
        };
        /** image input options */
        BatchEditInputOptions: {
            /**
             * Input folder URL
             * Format: uri
             * @description URL of the input file or folder. Should be from 1 to 512 characters. Must be accessible by our system.
             */
            source: string;
            /**
             * Recursive
             * @description If `true`, recursively processes all images in subfolders as well, works only if source is folder.
             * @default false
             */
            recursive?: boolean | undefined;
        };
        /** image operations options */
        ImageOperations: {
            /**
             * Restorations
             * @description Restore lost details and decompress image with a wide range of AI-powered neural networks. By default, both operations is turned off.
             * @default {
             *       "polish": false
             *     }
             */
            restorations?: components["schemas"]["RestorationsOptions"] | undefined;
            /**
             * Adjustments
             * @description Change image histogram: set brightness, saturation, dynamic range, balance out colors and lighting. By default, no adjustments are made.
             */
            adjustments?: components["schemas"]["AdjustmentsOptions"] | undefined;
            /**
             * Background
             * @description Remove the background and set a solid color. By default, no changes are made.
             * @default {
             *       "remove": false,
             *       "blur": false
             *     }
             */
            background?: components["schemas"]["BackgroundOptions"] | undefined;
            /**
             * Resizing
             * @description Set the final image size. Crop or fit image in canvas. By default, API will perform all calculations respecting the original image aspect ratio.
             * @default {
             *       "width": "auto",
             *       "height": "auto",
             *       "fit": "crop"
             *     }
             */
            resizing?: components["schemas"]["ResizingOptions"] | undefined;
            /**
             * Padding
             * @description Add a space around the object equally to each of 4 sides, or for height&width separately. Can not be bigger than half of image width/height. By default, padding is not applied.
             */
            padding?: string | undefined;
            /**
             * Privacy
             * @description Manage sensitive information on the image.
             * @default {
             *       "blur_car_plate": false,
             *       "identity_crop": false
             *     }
             */
            privacy?: components["schemas"]["PrivacyOptions"] | undefined;
            /**
             * Generative
             * @description Transform the image using generative models.
             */
            generative?: components["schemas"]["GenerativeOptions"] | undefined;
        };
        /** restorations options */
        RestorationsOptions: {
            /**
             * @description The decompress operation allows you to remove distortion and artifacts caused by image compression methods. It can be used in conjunction with the upscale operation to prepare an image for upscaling.
             *
             *     | Value | Description |
             *     | --- | --- |
             *     | null | DEFAULT. No restoration applied.|
             *     | `"moderate"` | Removes JPEG artifacts from the image.|
             *     | `"strong"` | Removes JPEG artifacts more aggressively than "moderate".|
             *     | `"auto"` | Automatically detects and remove JPEG artifacts if needed.|
             */
            decompress?: components["schemas"]["DecompressEnum"] | undefined;
            /**
             * Upscale
             * @description The upscale operation allows you to improve the overall quality of an image by rendering out new pixels. The upscale operation works along with resizing through numeric or percentage values for upscaling.
             */
            upscale?: components["schemas"]["UpscaleEnum"] | components["schemas"]["UpscalePhotoOptions"] | undefined;
            /**
             * Polish image
             * @description If `true`, polishes an image
             * @default false
             */
            polish?: boolean | undefined;
        };
        /**
         * Decompress
         * @description Selects the restoration mode.
         *
         *     | Value | Description |
         *     | --- | --- |
         *     | `null` | DEFAULT. No restoration applied.|
         *     | `"moderate"` | Removes JPEG artifacts from the image.|
         *     | `"strong"` | Removes JPEG artifacts more aggressively than `"moderate"`.|
         *     | `"auto"` | Automatically detects and remove JPEG artifacts if needed.|
         * @enum {string}
         */
        DecompressEnum: "moderate" | "strong" | "auto";
        /**
         * Upscale
         * @description Upscales the image with specified type of image upscaling neural network.
         *
         *     | Value | Description |
         *     | --- | --- |
         *     | `null` | DEFAULT. Interpolation. Used when output image resolution is smaller than the input resolution.|
         *     | `"smart_enhance"` | Used for small low quality product, real estate and food images.|
         *     | `"smart_resize"` | Used for high quality images.|
         *     | `"faces"` | Used for images containing persons.|
         *     | `"digital_art"` | Used for drawings, illustrations, paintings, cartoons, anime, etc.|
         *     | `"photo"` | Used for images taken by mobile devices or digital camera of people, nature, architecture, etc.|
         * @enum {string}
         */
        UpscaleEnum: "smart_enhance" | "smart_resize" | "faces" | "digital_art" | "photo";
        /** photo upscale options */
        UpscalePhotoOptions: {
            /**
             * Type
             * @enum {string}
             */
            type: "photo";
            /**
             * Version
             * @description Upscales the image with specified version of photo upscaling neural network.
             *
             *     | Value | Description |
             *     | --- | --- |
             *     | `"1"` | Is deprecated and not recommended.|
             *     | `"2"` | Used for restoring image quality that is taken by mobile devices or digital camera.|
             *     | `"3"` | Used for restoring image quality, a bit more aggressively than "2".|
             */
            version: components["schemas"]["PhotoVersionEnum"];
        };
        /**
         * Version
         * @description Upscales the image with specified version of photo upscaling neural network.
         *
         *     | Value | Description |
         *     | --- | --- |
         *     | `"1"` | Is deprecated and not recommended.|
         *     | `"2"` | Used for restoring image quality that is taken by mobile devices or digital camera.|
         *     | `"3"` | Used for restoring image quality, a bit more aggressively than `"2"`.|
         * @enum {string}
         */
        PhotoVersionEnum: "1" | "2" | "3";
        /** adjustments options */
        AdjustmentsOptions: {
            /**
             * Hdr
             * @description Balances out colors and lighting. Allows to turn on `stitching` for stitched 360 photos.
             * @default 0
             */
            hdr?: number | components["schemas"]["HdrOptions"] | undefined;
            /**
             * Exposure
             * @description Decrease (negative integer) or increase (positive integer) exposure.
             * @default 0
             */
            exposure?: number | undefined;
            /**
             * Saturation
             * @description Decrease (negative integer) or increase (positive integer) saturation.
             * @default 0
             */
            saturation?: number | undefined;
            /**
             * Contrast
             * @description Decrease (negative integer) or increase (positive integer) contrast.
             * @default 0
             */
            contrast?: number | undefined;
            /**
             * Sharpness
             * @description Increase sharpness.
             * @default 0
             */
            sharpness?: number | undefined;
        };
        /** hdr options */
        HdrOptions: {
            /**
             * Intensity
             * @description HDR effect intensity.
             * @default 100
             */
            intensity?: number | undefined;
            /**
             * Stitching
             * @description Set to true for seamless HDR effect on stitched 360 photos.
             * @default false
             */
            stitching?: boolean | undefined;
        };
        /** background options */
        BackgroundOptions: {
            /**
             * Remove
             * @description Allows to turn on and configure image background removal.
             * @default false
             */
            remove?: boolean | components["schemas"]["BackgroundRemovalOptions"] | undefined;
            /**
             * Color
             * @description Color as a hexadecimal. Sets a background color. Defaults to the `#ffffff` (white) color, or `transparent` if an input image has transparency.
             */
            color?: (string & {}) | components["schemas"]["BackgroundEnum"] | undefined;
            /**
             * Blur
             * @description Allows to turn on and configure image background blurring.
             * @default false
             */
            blur?: boolean | components["schemas"]["BackgroundBlurOptions"] | undefined;
        };
        /** background removal options */
        BackgroundRemovalOptions: {
            /**
             * Clip to object
             * @description If `true` image will be cropped up to the edges of the foreground object.
             * @default false
             */
            clipping?: boolean | undefined;
            /**
             * Selective
             * @description Allows to select an object to keep on the image and remove the background around it.
             */
            selective?: components["schemas"]["BackgroundSelectiveOptions"] | undefined;
            /**
             * Category
             * @description The background removal category hints the type of objects on the image.
             */
            category?: components["schemas"]["BackgroundCategoryEnum"] | undefined;
        };
        /** BackgroundSelectiveOptions */
        BackgroundSelectiveOptions: {
            /**
             * Object To Keep
             * @description Specify an object to keep on the image.
             */
            object_to_keep: string;
        };
        /**
         * Category of objects
         * @description Selects the category of objects on the image:
         *
         *     | Value | Description |
         *     | --- | --- |
         *     | `"general"` | The category that is suitable for all objects and is used by default.|
         *     | `"cars"` | The advanced category that will have better results for removing the background with cars on foreground.|
         *     | `"products"` | The advanced category that will have better results for background removal of various types of products and groceries.|
         * @enum {string}
         */
        BackgroundCategoryEnum: "general" | "cars" | "products";
        /**
         * Transparent
         * @description Makes the background of the image transparent, only works for `"png"` output format.
         * @enum {string}
         */
        BackgroundEnum: "transparent";
        /** background blur options */
        BackgroundBlurOptions: {
            /**
             * Selective
             * @description Allows to select an object to keep on the image and blur the background around it.
             */
            selective?: components["schemas"]["BackgroundSelectiveOptions"] | undefined;
            /**
             * @description Selects the category of objects on the image:
             *
             *     | Value | Description |
             *     | --- | --- |
             *     | `"general"` | The category that is suitable for all objects and is used by default.|
             *     | `"cars"` | The advanced category that will have better results for removing the background with cars on foreground.|
             *     | `"products"` | The advanced category that will have better results for background removal of various types of products and groceries.|
             */
            category?: components["schemas"]["BackgroundCategoryEnum"] | undefined;
            /**
             * @description Selects the type of blur to be applied to the background:
             *
             *     | Value | Description |
             *     | --- | --- |
             *     | `"regular"` | Gaussian blur. Creates an effect of laying a translucent material like vellum on top of the image background, is used by default.|
             *     | `"lens"` | Lens blur with linear focus. Mimics the blur applied to a photo when a wide aperture is used to achieve a narrow depth of field, so that the foreground objects stands out.|
             * @default regular
             */
            type?: components["schemas"]["BackgroundBlurTypeEnum"] | undefined;
            /**
             * @description Selects the level of blur strength to be applied to the background:
             *
             *     | Value | Description |
             *     | --- | --- |
             *     | `"low"` | Low blur strength.|
             *     | `"medium"` | Medium blur strength, is used by default.|
             *     | `"high"` | High blur strength.|
             * @default medium
             */
            level?: components["schemas"]["BackgroundBlurLevelEnum"] | undefined;
        };
        /**
         * Type of background blur
         * @description Selects the type of blur:
         *
         *     | Value | Description |
         *     | --- | --- |
         *     | `"regular"` | Gaussian blur. Creates an effect of laying a translucent material like vellum on top of the image background.|
         *     | `"lens"` | Lens blur with linear focus. Mimics the blur applied to a photo when a wide aperture is used to achieve a narrow depth of field, so that the foreground objects stands out.|
         * @enum {string}
         */
        BackgroundBlurTypeEnum: "regular" | "lens";
        /**
         * Background blur strength level
         * @description Selects the level of blur strength:
         *
         *     | Value | Description |
         *     | --- | --- |
         *     | `"low"` | Low blur strength.|
         *     | `"medium"` | Medium blur strength.|
         *     | `"high"` | High blur strength.|
         * @enum {string}
         */
        BackgroundBlurLevelEnum: "low" | "medium" | "high";
        /** resizing options */
        ResizingOptions: {
            /**
             * Width
             * @description Width of output image. Should be of the same type as `height`, or `"auto"`.
             * @default auto
             */
            width?: number | components["schemas"]["SizesEnum"] | (string & {}) | undefined;
            /**
             * Height
             * @description Height of output image. Should be of the same type as `width`, or `"auto"`.
             * @default auto
             */
            height?: number | components["schemas"]["SizesEnum"] | (string & {}) | undefined;
            /**
             * Fit
             * @description The fit parameter controls how the image will be constrained within the provided size, relative to the `width` and `height`. By default, `fit` mode is `"crop"`.
             * @default crop
             */
            fit?: components["schemas"]["FitEnum"] | components["schemas"]["CropOptions"] | components["schemas"]["CoverOptions"] | components["schemas"]["BoundsOptions"] | components["schemas"]["CanvasOptions"] | components["schemas"]["OutpaintOptions"] | undefined;
        };
        /**
         * Auto
         * @description `width` will have the same value as `height`, if `height` is defined in pixels or percentages; and vice versa.
         * @enum {string}
         */
        SizesEnum: "auto";
        /**
         * Fit
         * @description Selects the fit mode:
         *     (Note: All fit modes preserve the original image aspect ratio. Meaning, the image can be cropped but it won't be stretched or squeezed.)
         *
         *     | Value | Description |
         *     | --- | --- |
         *     | `"crop"` | Scales an image until it fully covers the specified dimensions, the rest gets cropped. Fit `crop` support `"center"` and `"smart"` modes for cropping.|
         *     | `"cover"` | Resize the image to entirely cover the specified region, making one dimension larger if needed.|
         *     | `"bounds"` | Resize the image to fit entirely within the specified region, making one dimension smaller if needed. |
         *     | `"canvas"` | Input image will be placed on the canvas established by `width` and `height`. Extra space will be filled with the background `color`.|
         *     | `"outpaint"` | Extra space will be generated with the coherent background.|
         * @enum {string}
         */
        FitEnum: "crop" | "cover" | "bounds" | "canvas" | "outpaint";
        /** crop options */
        CropOptions: {
            /**
             * Type
             * @enum {string}
             */
            type: "crop";
            /**
             * Crop mode
             * @description Selects the crop mode:
             *
             *     | Value | Description |
             *     | --- | --- |
             *     | `"center"` | Cropping relative to the center of the image.|
             *     | `"smart"` | Content aware image cropping.|
             * @default center
             */
            crop?: components["schemas"]["FitCropEnum"] | undefined;
        };
        /**
         * Crop
         * @description Selects the crop mode:
         *
         *     | Value | Description |
         *     | --- | --- |
         *     | `"center"` | Cropping relative to the center of the image.|
         *     | `"smart"` | Content aware image cropping.|
         * @enum {string}
         */
        FitCropEnum: "center" | "smart";
        /** cover options */
        CoverOptions: {
            /**
             * Type
             * @enum {string}
             */
            type: "cover";
        };
        /** bounds options */
        BoundsOptions: {
            /**
             * Type
             * @enum {string}
             */
            type: "bounds";
        };
        /** canvas options */
        CanvasOptions: {
            /**
             * Type
             * @enum {string}
             */
            type: "canvas";
        };
        /** outpaint options */
        OutpaintOptions: {
            /**
             * Type
             * @enum {string}
             */
            type: "outpaint";
            /**
             * Feathering
             * @description Percentage in string format. Examples: `"60%"`, `"200%"`
             * @default 15%
             */
            feathering?: string | undefined;
            /**
             * Outpaint By
             * @description The amount of outpainting to be applied to the image. Should be a string with one or two values separated by space. Each value can be in pixels (e.g. `"100px"`) or in percentages (e.g. `"20%"`).
             *     If two values are provided, the first value is for the width and the second value is for the height.
             *     If only one value is provided, it will be applied to both width and height.
             *     If not provided, the outpainting will be applied in one direction only based on `fit.width` and `fit.height`.
             *     Examples: `"10%"`, `"5% 15%"`, `"5% 0%"`, `"1024px"`, `"1024px 512px"`, `"0px 1024px"`.
             */
            outpaint_by?: string | undefined;
        };
        /** PrivacyOptions */
        PrivacyOptions: {
            /**
             * Blur Car Plate
             * @description If `true`, blurs car plate.
             * @default false
             */
            blur_car_plate?: boolean | undefined;
            /**
             * Identity Crop
             * @description Removes a person's face from the image by cutting everything above the mouth.
             * @default false
             */
            identity_crop?: boolean | undefined;
        };
        /** generative transformations options */
        GenerativeOptions: {
            /**
             * Style Transfer
             * @description Apply style from a reference image.
             */
            style_transfer?: components["schemas"]["StyleTransferOptions"] | undefined;
        };
        /** style transfer options */
        StyleTransferOptions: {
            /**
             * Style Reference Image
             * @description URL of the image to be used as a style reference.
             */
            style_reference_image: string;
            /**
             * Prompt
             * @description Text prompt to adjust the style transfer output.
             */
            prompt?: string | undefined;
            /**
             * Depth Strength
             * @description The denoising strength determines the degree of overall composition and shape preservation.
             * @default 1
             */
            depth_strength?: number | undefined;
            /**
             * Denoising Strength
             * @description The denoising strength determines the degree of color and texture modification.
             * @default 0.75
             */
            denoising_strength?: number | undefined;
            /**
             * Style Strength
             * @description The style strength determines the degree of overall style intensity as taken from the reference.
             * @default 0.75
             */
            style_strength?: number | undefined;
        };
        /** image output options */
        ImageOutputOptions: {
            /**
             * Format
             * @description Converts an image to one of the following formats: `"jpeg"`, `"png"`, `"webp"`, `"avif"`. Selecting *Jpeg Options* allows to specify quality.
             * @default jpeg
             */
            format?: components["schemas"]["FormatEnum"] | components["schemas"]["FormatJpegOptions"] | components["schemas"]["FormatPngOptions"] | components["schemas"]["FormatWebpOptions"] | components["schemas"]["FormatAvifOptions"] | components["schemas"]["FormatTiffOptions"] | undefined;
            /**
             * Output URL
             * Format: uri
             * @description URL of the output image. If `output` is not defined, we store the output image on our bucket and return the temporary URL. The name of the output file remains the same as the input file. Images are stored for one day.
             */
            destination?: string | undefined;
            /**
             * Metadata
             * @description Defines characteristics of the output image, e.g. DPI.
             */
            metadata?: components["schemas"]["MetadataOptions"] | undefined;
        };
        /**
         * Format
         * @description Converts the image into specified format. Examples: `"jpeg"`, `"png"`.
         * @enum {string}
         */
        FormatEnum: "jpeg" | "png" | "webp" | "avif" | "tiff";
        /** jpeg options */
        FormatJpegOptions: {
            /**
             * Type
             * @description Must have value `"jpeg"`
             * @enum {string}
             */
            type: "jpeg";
            /**
             * Quality
             * @default 85
             */
            quality?: number | undefined;
            /**
             * Progressive
             * @description Progressive JPEG loads in a browser in successive waves until a clear picture is formed. This improves image's loading speed.
             * @default true
             */
            progressive?: boolean | undefined;
        };
        /** png options */
        FormatPngOptions: {
            /**
             * Type
             * @description Must have value `"png"`
             * @enum {string}
             */
            type: "png";
            /**
             * @description Specifies compression effort that will be applied during the PNG image encoding. Should have one of values: `"fast"`, `"best"`, or `"optimal"`. Defaults to `"optimal"`.
             * @default optimal
             */
            compression?: components["schemas"]["FormatCompressionLevelEnum"] | undefined;
        };
        /**
         * Compression
         * @description Indicates compression effort.
         *
         *     | Value | Description |
         *     | --- | --- |
         *     | `"fast"` |  Used to apply minimum compression resulting in a bigger image size but less processing time.|
         *     | `"best"` | Used to apply maximum compression resulting in a smaller image size but more processing time.|
         *     | `"optimal"` | DEFAULT. Used to balance between compression effort and the processing time.|
         * @enum {string}
         */
        FormatCompressionLevelEnum: "fast" | "best" | "optimal";
        /** webp options */
        FormatWebpOptions: {
            /**
             * Type
             * @description Must have value `"webp"`
             * @enum {string}
             */
            type: "webp";
            /**
             * Compression
             * @description The WEBP codec supports both lossless and lossy modes of operation, so you can select the one that is appropriate for your goals. Lossy compression allows you to reduce the size of the image significantly in exchange for some loss of data, reducing the quality of an image. You can specify the amount of loss you are willing to accept. By default it's set to to 75. Lossless compression allows you to save maximum image details in exchange for a significantly increased file size.
             * @default {
             *       "type": "lossy",
             *       "quality": 75
             *     }
             */
            compression?: components["schemas"]["WebpCompressionEnum"] | components["schemas"]["WebpLossyCompressionOptions"] | components["schemas"]["WebpLosslessCompressionOptions"] | undefined;
        };
        /**
         * WEBP Compression
         * @description Selects the WEBP compression type:
         *
         *     | Value | Description |
         *     | --- | --- |
         *     | `"lossy"` | Lossy compression allows you to reduce the size of the image significantly in exchange for some loss of data, reducing the quality of an image.|
         *     | `"lossless"` | Lossless compression allows you to save maximum image details in exchange for a significantly increased file size.|
         * @enum {string}
         */
        WebpCompressionEnum: "lossy" | "lossless";
        /** WebpLossyCompressionOptions */
        WebpLossyCompressionOptions: {
            /**
             * Type
             * @description Must have value `"lossy"`
             * @enum {string}
             */
            type: "lossy";
            /**
             * Quality
             * @default 75
             */
            quality?: number | undefined;
        };
        /** WebpLosslessCompressionOptions */
        WebpLosslessCompressionOptions: {
            /**
             * Type
             * @description Must have value `"lossless"`
             * @enum {string}
             */
            type: "lossless";
        };
        /** avif options */
        FormatAvifOptions: {
            /**
             * Type
             * @description Must have value `"avif"`
             * @enum {string}
             */
            type: "avif";
            /**
             * Compression
             * @description The AVIF codec supports both lossless and lossy modes of operation, so you can select the one that is appropriate for your goals. Lossy compression allows you to reduce the size of the image significantly in exchange for some loss of data, reducing the quality of an image. You can specify the amount of loss you are willing to accept. Lossless compression allows you to save maximum image details in exchange for a significantly increased file size.
             * @default {
             *       "type": "lossy",
             *       "quality": 50
             *     }
             */
            compression?: components["schemas"]["AvifCompressionEnum"] | components["schemas"]["AvifLossyCompressionOptions"] | components["schemas"]["AvifLosslessCompressionOptions"] | undefined;
        };
        /**
         * AVIF Compression
         * @description Selects the AVIF compression type:
         *
         *     | Value | Description |
         *     | --- | --- |
         *     | `"lossy"` | Lossy compression allows you to reduce the size of the image significantly in exchange for some loss of data, reducing the quality of an image.|
         *     | `"lossless"` | Lossless compression allows you to save maximum image details in exchange for a significantly increased file size.|
         * @enum {string}
         */
        AvifCompressionEnum: "lossy" | "lossless";
        /** AvifLossyCompressionOptions */
        AvifLossyCompressionOptions: {
            /**
             * Type
             * @description Must have value `"lossy"`
             * @enum {string}
             */
            type: "lossy";
            /**
             * Quality
             * @default 50
             */
            quality?: number | undefined;
        };
        /** AvifLosslessCompressionOptions */
        AvifLosslessCompressionOptions: {
            /**
             * Type
             * @description Must have value `"lossless"`
             * @enum {string}
             */
            type: "lossless";
        };
        /** FormatTiffOptions */
        FormatTiffOptions: {
            /**
             * Type
             * @description Must have value `"tiff"`
             * @enum {string}
             */
            type: "tiff";
            /**
             * Compression
             * @description The TIFF codec supports both lossless and lossy modes of operation, so you can select the one that is appropriate for your goals. Lossy JPEG compression allows you to reduce the size of the image significantly in exchange for some loss of data, reducing the quality of an image. You can specify the amount of loss you are willing to accept. By default it's set to to 75. Lossless LZW (Lempel-Ziv-Welch) compression allows you to save maximum image details in exchange for a significantly increased file size.
             * @default {
             *       "type": "lossless"
             *     }
             */
            compression?: components["schemas"]["TiffCompressionEnum"] | components["schemas"]["TiffLossyCompressionOptions"] | components["schemas"]["TiffLosslessCompressionOptions"] | undefined;
        };
        /**
         * TIFF Compression
         * @description Selects the TIFF compression type:
         *
         *     | Value | Description |
         *     | --- | --- |
         *     | `"lossy"` | Lossy JPEG compression allows you to reduce the size of the image significantly in exchange for some loss of data, reducing the quality of an image.|
         *     | `"lossless"` | Lossless LZW (Lempel-Ziv-Welch) compression allows you to save maximum image details in exchange for a significantly increased file size.|
         * @enum {string}
         */
        TiffCompressionEnum: "lossy" | "lossless";
        /** TiffLossyCompressionOptions */
        TiffLossyCompressionOptions: {
            /**
             * Type
             * @description Must have value `"lossy"`
             * @enum {string}
             */
            type: "lossy";
            /**
             * Quality
             * @default 75
             */
            quality?: number | undefined;
        };
        /** TiffLosslessCompressionOptions */
        TiffLosslessCompressionOptions: {
            /**
             * Type
             * @description Must have value `"lossless"`
             * @enum {string}
             */
            type: "lossless";
        };
        /** image color space options */
        MetadataOptions: {
            /**
             * DPI
             * @description Dots per inch.
             */
            dpi?: number | undefined;
            /**
             * Color Space
             * @description Specifies desirable color space of the output image. By default, preserves the color space of the original image.
             */
            color_space?: components["schemas"]["ColorSpaceEnum"] | components["schemas"]["RGBColorSpaceOptions"] | components["schemas"]["CMYKColorSpaceOptions"] | undefined;
        };
        /**
         * Type of color space
         * @description Selects the type of color space:
         *
         *     | Value | Description |
         *     | --- | --- |
         *     | `"RGB"` | Is the color space for digital images. Use the RGB color mode if your image is supposed to be displayed on any kind of screen.|
         *     | `"CMYK"` | Is the color space for printed materials. Use CMYK for any image that will be physically printed, not viewed on a screen.|
         * @enum {string}
         */
        ColorSpaceEnum: "RGB" | "CMYK";
        /** RGBColorSpaceOptions */
        RGBColorSpaceOptions: {
            /**
             * Type
             * @enum {string}
             */
            type: "RGB";
        };
        /** CMYKColorSpaceOptions */
        CMYKColorSpaceOptions: {
            /**
             * Type
             * @enum {string}
             */
            type: "CMYK";
            /**
             * @description Specifies color profile that will be used for color space.
             *
             *     Selects the type of color space profile:
             *
             *     | Value | Description | Paper | Max. total ink (TAC) | Characterisation data |
             *     | --- | --- | --- | --- | --- |
             *     | `"ISO_Coated"` | (Coated FOGRA39, ISO 12647-2:2004) Is used by default. Standard for glossy and matte coated paper. | Grades 1 and 2, gloss and matte coated. | 330% | FOGRA39 |
             *     | `"ISO_Uncoated"` | (Uncoated FOGRA29, ISO 12647-2:2004) Standard for uncoated white natural paper. | Grade 4, uncoated white offset. | 300% | FOGRA29 |
             *     | `"USWeb_Coated"` | (SWOP2006_Coated3v2) Standard for glossy and matte coated paper in the United States. | Grades 1, 2 and 3 gloss coated, matte coated and uncoated paper. | 300% | CGATS TR003 |
             *     | `"USWeb_Uncoated"` | (GRACoL 2013 Uncoated) Standard for uncoated white natural paper in the United States. | Grade 4, uncoated white offset. | 260% |  CGATS21-2-CRPC3 |
             * @default USWeb_Coated
             */
            color_profile?: components["schemas"]["CMYKColorProfileEnum"] | undefined;
        };
        /**
         * Type of color space
         * @description Selects the type of color space profile:
         *
         *     | Value | Description | Paper | Max. total ink (TAC) | Characterisation data |
         *     | --- | --- | --- | --- | --- |
         *     | `"ISO_Coated"` | (Coated FOGRA39, ISO 12647-2:2004) Is used by default. Standard for glossy and matte coated paper. | Grades 1 and 2, gloss and matte coated. | 330% | FOGRA39 |
         *     | `"ISO_Uncoated"` | (Uncoated FOGRA29, ISO 12647-2:2004) Standard for uncoated white natural paper. | Grade 4, uncoated white offset. | 300% | FOGRA29 |
         *     | `"USWeb_Coated"` | (SWOP2006_Coated3v2) Standard for glossy and matte coated paper in the United States. | Grades 1, 2 and 3 gloss coated, matte coated and uncoated paper. | 300% | CGATS TR003 |
         *     | `"USWeb_Uncoated"` | (GRACoL 2013 Uncoated) Standard for uncoated white natural paper in the United States. | Grade 4, uncoated white offset. | 260% |  CGATS21-2-CRPC3 |
         * @enum {string}
         */
        CMYKColorProfileEnum: "ISO_Coated" | "ISO_Uncoated" | "USWeb_Coated" | "USWeb_Uncoated";
        /**
         * Response[BatchAcceptedResponse]
         * @description Wrapper for responses
         */
        Response_BatchAcceptedResponse_: {
            data: components["schemas"]["BatchAcceptedResponse"];
        };
        /** BatchAcceptedResponse */
        BatchAcceptedResponse: {
            /** Id */
            id: number;
            status: components["schemas"]["APIV1Status"];
            /**
             * Result Url
             * Format: uri
             */
            result_url?: string | undefined;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Request */
            request: components["schemas"]["BatchEditRequest"] | components["schemas"]["AsyncEditRequest"] | Record<string, unknown>;
            /**
             * Errors
             * @default []
             */
            errors?: components["schemas"]["BatchPipelineError"][] | undefined;
            /**
             * Results
             * @default []
             */
            results?: components["schemas"]["BatchPipelineResultItem"][] | undefined;
        };
        /**
         * APIV1Status
         * @description An enumeration.
         * @enum {string}
         */
        APIV1Status: "ACCEPTED" | "WAITING" | "PROCESSING" | "DONE" | "ERROR" | "CANCELLED" | "PAUSED";
        /** AsyncEditRequest */
        AsyncEditRequest: {
            /**
             * Input URL
             * Format: uri
             * @description URL of the input image. Should be from 1 to 512 characters. Image must be accessible by our system.
             */
            input: string;
            /**
             * Operations
             * @description Customize the editing workflow so that the output images meet your requirements.
             */
            operations: components["schemas"]["ImageOperations"];
            /**
             * Output
             * @description Customize the result output.
             * @default {
             *       "format": "jpeg"
             *     }
             */
            output?: components["schemas"]["ImageOutputOptions"] | (string & {}) | undefined;
        };
        /** BatchPipelineError */
        BatchPipelineError: {
            /** Error */
            error: string;
            /** Created At */
            created_at: string;
            input_object?: components["schemas"]["PipelineInputObjectInError"] | undefined;
        };
        /** PipelineInputObjectInError */
        PipelineInputObjectInError: {
            /**
             * Ext
             * @description File extension. Can have values: `"jpg"`, `"png"`, `"avif"`
             */
            ext: string;
            /**
             * Mps
             * @description Megapixel count
             */
            mps: number;
            /**
             * Mime
             * @description MIME type (also known as ‘media type’)
             */
            mime: string;
            /**
             * Format
             * @description File format. Can have values: `"jpeg"`, `"png"`, `"avif"`
             */
            format: string;
            /**
             * Width
             * @description Image width in pixels
             */
            width: number;
            /**
             * Height
             * @description Image height in pixels
             */
            height: number;
        };
        /** BatchPipelineResultItem */
        BatchPipelineResultItem: {
            input_object: components["schemas"]["PipelineInputObject"];
            output_object: components["schemas"]["BatchPipelineOutputObject"];
        };
        /** PipelineInputObject */
        PipelineInputObject: {
            /**
             * Ext
             * @description File extension. Can have values: `"jpg"`, `"png"`, `"avif"`
             */
            ext: string;
            /**
             * Mps
             * @description Megapixel count
             */
            mps: number;
            /**
             * Mime
             * @description MIME type (also known as ‘media type’)
             */
            mime: string;
            /**
             * Format
             * @description File format. Can have values: `"jpeg"`, `"png"`, `"avif"`
             */
            format: string;
            /**
             * Width
             * @description Image width in pixels
             */
            width: number;
            /**
             * Height
             * @description Image height in pixels
             */
            height: number;
        };
        /** BatchPipelineOutputObject */
        BatchPipelineOutputObject: {
            /**
             * Ext
             * @description File extension. Can have values: `"jpg"`, `"png"`, `"avif"`
             */
            ext: string;
            /**
             * Mps
             * @description Megapixel count
             */
            mps: number;
            /**
             * Mime
             * @description MIME type (also known as ‘media type’)
             */
            mime: string;
            /**
             * Format
             * @description File format. Can have values: `"jpeg"`, `"png"`, `"avif"`
             */
            format: string;
            /**
             * Width
             * @description Image width in pixels
             */
            width: number;
            /**
             * Height
             * @description Image height in pixels
             */
            height: number;
            /**
             * Tmp Url
             * @description Temporal URL of a processed image
             */
            tmp_url?: string | undefined;
            /**
             * Object Key
             * @description Path to a processed image in a bucket
             */
            object_key?: string | undefined;
            /**
             * Object Bucket
             * @description Bucket name
             */
            object_bucket?: string | undefined;
            /**
             * Object Uri
             * @description URI of a processed image in a bucket
             */
            object_uri?: string | undefined;
            /**
             * Claid Storage Uri
             * @description URI of a processed image in a storage
             */
            claid_storage_uri?: string | undefined;
            /** Gcs Key */
            gcs_key?: string | undefined;
            /** Gcs Bucket */
            gcs_bucket?: string | undefined;
        };
        /** HttpErrorDetails */
        HttpErrorDetails: {
            /** Error Code */
            error_code: string;
            error_type: components["schemas"]["ErrorType"];
            /** Error Message */
            error_message: string;
            /**
             * Error Details
             * @default {}
             */
            error_details?: Record<string, unknown> | undefined;
        };
        /**
         * ErrorType
         * @description An enumeration.
         * @enum {string}
         */
        ErrorType: "auth" | "dlvr" | "general" | "le" | "survey" | "storage" | "image" | "user_settings" | "user" | "validation" | "analytics" | "scene" | "billing" | "web" | "runtime_settings" | "animation" | "custom_models";
        /**
         * Response[BatchResultResponse]
         * @description Wrapper for responses
         */
        Response_BatchResultResponse_: {
            data: components["schemas"]["BatchResultResponse"];
        };
        /** BatchResultResponse */
        BatchResultResponse: {
            /** Id */
            id: number;
            status: components["schemas"]["APIV1Status"];
            /**
             * Result Url
             * Format: uri
             */
            result_url?: string | undefined;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Request */
            request: components["schemas"]["BatchEditRequest"] | components["schemas"]["AsyncEditRequest"] | Record<string, unknown>;
            /**
             * Errors
             * @default []
             */
            errors?: components["schemas"]["BatchPipelineError"][] | undefined;
            /**
             * Results
             * @default []
             */
            results?: components["schemas"]["AsyncPipelineResultItem"][] | undefined;
        };
        /** AsyncPipelineResultItem */
        AsyncPipelineResultItem: {
            input_object: components["schemas"]["PipelineInputObject"];
            output_object: components["schemas"]["PipelineOutputObject"];
        };
        /** PipelineOutputObject */
        PipelineOutputObject: {
            /**
             * Ext
             * @description File extension. Can have values: `"jpg"`, `"png"`, `"avif"`
             */
            ext: string;
            /**
             * Mps
             * @description Megapixel count
             */
            mps: number;
            /**
             * Mime
             * @description MIME type (also known as ‘media type’)
             */
            mime: string;
            /**
             * Format
             * @description File format. Can have values: `"jpeg"`, `"png"`, `"avif"`
             */
            format: string;
            /**
             * Width
             * @description Image width in pixels
             */
            width: number;
            /**
             * Height
             * @description Image height in pixels
             */
            height: number;
            /**
             * Tmp Url
             * @description Temporal URL of a processed image
             */
            tmp_url?: string | undefined;
            /**
             * Object Key
             * @description Path to a processed image in a bucket
             */
            object_key?: string | undefined;
            /**
             * Object Bucket
             * @description Bucket name
             */
            object_bucket?: string | undefined;
            /**
             * Object Uri
             * @description URI of a processed image in a bucket
             */
            object_uri?: string | undefined;
            /**
             * Claid Storage Uri
             * @description URI of a processed image in a storage
             */
            claid_storage_uri?: string | undefined;
        };
        /**
         * HttpErrorDetailWrapper
         * @description Claid's common error body wrapped in `detail`, as its rate-limit documentation shows for 429.
         */
        HttpErrorDetailWrapper: {
            detail: components["schemas"]["HttpErrorDetails"];
        };
        /**
         * TooManyRequestsError
         * @description The body of a 429: the common error body, plain (as the reference page lists it) or wrapped in `detail` (as the rate-limit page shows it).
         */
        TooManyRequestsError: components["schemas"]["HttpErrorDetails"] | components["schemas"]["HttpErrorDetailWrapper"];
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    process_batch_image_edit_v1_image_edit_batch_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BatchEditRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Response_BatchAcceptedResponse_"];
                };
            };
            /** @description Authorization is required. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpErrorDetails"];
                };
            };
            /** @description No API calls left. */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpErrorDetails"];
                };
            };
            /** @description Not enough permissions. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpErrorDetails"];
                };
            };
            /** @description Unprocessable Entity. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpErrorDetails"];
                };
            };
            /** @description Too many requests. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Any other error, with Claid's common error body. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpErrorDetails"];
                };
            };
        };
    };
    image_edit_batch_async_results_v1_image_edit_batch__task_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                task_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Response_BatchResultResponse_"];
                };
            };
            /** @description Authorization is required. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpErrorDetails"];
                };
            };
            /** @description Not enough permissions. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpErrorDetails"];
                };
            };
            /** @description Batch image edit pipeline not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpErrorDetails"];
                };
            };
            /** @description Unprocessable Entity. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpErrorDetails"];
                };
            };
            /** @description Too many requests. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Any other error, with Claid's common error body. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpErrorDetails"];
                };
            };
        };
    };
}
