import { Client } from 'openapi-fetch';

interface paths {
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
interface components {
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
            data?: components["schemas"]["BatchAcceptedResponse"] | undefined;
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
            data?: components["schemas"]["BatchResultResponse"] | undefined;
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
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
interface operations {
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
                    "application/json": components["schemas"]["HttpErrorDetails"];
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

/** Friendly names for the generated schema types. */

type Schemas = components["schemas"];

/** Body of `POST /v1/image/edit/batch`. */
type BatchEditRequest = Schemas["BatchEditRequest"];
/** A storage folder URI, `{ source, recursive }`, or a list of image URLs. */
type BatchInput = BatchEditRequest["input"];
/** A storage folder input with options: `{ source, recursive }`. */
type BatchEditInputOptions = Schemas["BatchEditInputOptions"];
/** What to do to each image: restorations, adjustments, background, resizing, padding, privacy, generative. */
type ImageOperations = Schemas["ImageOperations"];
/** A storage URI string or output options (`destination`, `format`, `metadata`). */
type BatchOutput = NonNullable<BatchEditRequest["output"]>;
/** Output options: `destination`, `format` and `metadata`. */
type ImageOutputOptions = Schemas["ImageOutputOptions"];
/** ACCEPTED, WAITING, PROCESSING, DONE, ERROR, CANCELLED or PAUSED. */
type BatchStatus = Schemas["APIV1Status"];
/** The `data` of a successful `POST /v1/image/edit/batch`. */
type BatchAccepted = Schemas["BatchAcceptedResponse"];
/** The `data` of a successful `GET /v1/image/edit/batch/{task_id}`. */
type BatchResult = Schemas["BatchResultResponse"];
/** One processed image: its `input_object` and `output_object`. */
type BatchResultItem = Schemas["AsyncPipelineResultItem"];
/** An input image as Claid read it: format, size, megapixels. */
type PipelineInputObject = Schemas["PipelineInputObject"];
/** An output image: format, size, megapixels and where it is (`tmp_url` or `object_uri`). */
type PipelineOutputObject = Schemas["PipelineOutputObject"];
/** One error of a batch that ended in ERROR. */
type BatchPipelineError = Schemas["BatchPipelineError"];
/** Claid's common error body. */
type HttpErrorDetails = Schemas["HttpErrorDetails"];
/** Claid's `error_type` values. */
type ErrorType = Schemas["ErrorType"];
/** A task id as returned by `create()` (`id`), or the same digits as a string. */
type TaskId = number | string;
/** Per-call settings; they override the client's for that call only. */
interface RequestOptions {
    /** Aborts the call — during a request or a backoff sleep; it rejects with `signal.reason`. */
    signal?: AbortSignal | undefined;
    /** Timeout of each attempt, ms (not of the whole call: retries get a fresh one). */
    timeoutMs?: number | undefined;
    /** Retries after the first attempt. */
    maxRetries?: number | undefined;
    /** Extra headers for this call; sent to the API's origin only, never across a redirect to another origin. */
    headers?: Record<string, string> | undefined;
}
/** Claid's `RateLimit-*` response headers. */
interface RateLimitInfo {
    /** Requests allowed in the current window (`RateLimit-Limit`'s first number). */
    limit: number | undefined;
    /** Requests left in the window (`RateLimit-Remaining`). */
    remaining: number | undefined;
    /** Seconds until the window resets (`RateLimit-Reset`). */
    resetSeconds: number | undefined;
}
/** How much the client logs; "silent" by default. The client's own lines are all at "debug". */
type LogLevel = "silent" | "error" | "warn" | "info" | "debug";
/** Anything with console-like methods: `console`, pino, winston, … */
interface Logger {
    /** Logs an error line. */
    error(message: string): void;
    /** Logs a warning line. */
    warn(message: string): void;
    /** Logs an info line. */
    info(message: string): void;
    /** Logs a debug line (attempts, retries, polls). */
    debug(message: string): void;
}

/** Claid's API, used when neither `baseUrl` nor `env.CLAID_BASE_URL` is given. */
declare const DEFAULT_BASE_URL = "https://api.claid.ai";
/** Options of `createClaid()`. */
interface ClaidOptions {
    /**
     * Your Claid API key, sent as `Authorization: Bearer <key>` to `baseUrl`'s origin only.
     * Defaults to `env.CLAID_API_KEY`. Pass `null` when requests go through your own proxy that adds the key.
     */
    apiKey?: string | null | undefined;
    /** Defaults to `env.CLAID_BASE_URL`, then `https://api.claid.ai`. A relative URL resolves against the page in browsers. */
    baseUrl?: string | undefined;
    /**
     * Where `CLAID_API_KEY` and `CLAID_BASE_URL` are read when the options do not
     * give them: a Worker's `env` binding, `process.env`, … (`@claid/node` and
     * `@claid/edge` pass their runtime's environment).
     */
    env?: {
        readonly CLAID_API_KEY?: unknown;
        readonly CLAID_BASE_URL?: unknown;
    } | undefined;
    /**
     * A WHATWG-compatible fetch; defaults to `globalThis.fetch`, looked up at call time.
     * Called as `fetch(request, { signal })`: pass `init` on, so that timeouts and aborts cancel the request.
     */
    fetch?: ((request: Request, init?: {
        signal: AbortSignal;
    }) => Promise<Response>) | undefined;
    /** Extra headers sent with every request to the API's origin (never across a redirect to another origin). */
    headers?: Record<string, string> | undefined;
    /** Retries after the first attempt. Default 2. */
    maxRetries?: number | undefined;
    /** Timeout of each attempt, ms (any length; `Infinity` for none). Default 60000. */
    timeoutMs?: number | undefined;
    /**
     * Longest server-requested wait (`Retry-After`, `RateLimit-Reset`) to sleep through, ms. Default 60000.
     * An error response asking for longer is thrown at once (its `retryAfterMs` says how long);
     * a poll answer asking for longer makes `wait()` check again after this long instead.
     */
    maxRetryDelayMs?: number | undefined;
    /** Largest response body read, bytes; a larger 2xx body is refused with `InvalidResponseError`. Default 32 MiB. */
    maxResponseBytes?: number | undefined;
    /** Retry `create()` after an unknown outcome (timeout, connection error, 5xx). Risks a duplicate batch. Default false. */
    retryNonIdempotent?: boolean | undefined;
    /** Where log lines go (console-like). Default `console`, at `logLevel`. */
    logger?: Logger | undefined;
    /** Default "silent". "debug" logs every attempt, retry and poll (the key is redacted). */
    logLevel?: LogLevel | undefined;
    /** Allow a non-loopback `http://` baseUrl while sending a key. Default false. */
    allowInsecureHttp?: boolean | undefined;
}
/** A client, from `createClaid()`. */
interface Claid {
    batches: Batches;
    /** The typed openapi-fetch client (with auth), for anything the helpers do not cover. */
    client: Client<paths>;
}
/**
 * Creates a client. Throws `InvalidArgumentError` for a missing or malformed key, a bad `baseUrl` or option.
 *
 * @example
 * const claid = createClaid({ apiKey: process.env.CLAID_API_KEY });
 * const result = await claid.batches.createAndWait({
 *   input: "storage://storage_1/input_folder/",
 *   operations: { resizing: { width: 1000 } },
 *   output: "storage://storage_1/output_folder/",
 * });
 */
declare function createClaid(options: ClaidOptions): Claid;

/** A promise of a call's data that can also give the HTTP response it came from. */
interface APIPromise<T> extends Promise<T> {
    /** The data plus the response, its `x-request-id` and its `RateLimit-*` headers. */
    withResponse(): Promise<WithResponse<T>>;
}
/** What `withResponse()` resolves to. */
interface WithResponse<T> {
    data: T;
    response: Response;
    requestId: string | undefined;
    rateLimit: RateLimitInfo | undefined;
}
/** Polling schedule shared by `check()` and `wait()`. */
interface PollOptions {
    /** Delay after the first check, ms. Default 2000. */
    pollIntervalMs?: number | undefined;
    /** The delay grows ×1.5 per check up to this, ms. Default 15000. */
    maxPollIntervalMs?: number | undefined;
}
interface CheckOptions extends RequestOptions, PollOptions {
}
/**
 * Options of `wait()` and `createAndWait()`: the whole-wait deadline `maxWaitMs`, the poll
 * schedule, and the per-request options (`timeoutMs` per attempt, `maxRetries`, `headers`)
 * applied to every request. `signal` stops waiting at once, during a request or between polls.
 */
interface WaitOptions extends RequestOptions, PollOptions {
    /**
     * Give up (with `BatchWaitTimeoutError`) after this many ms in all — for `createAndWait()`, the create
     * included. Any length works (days, months). The batch is not cancelled. Default: no limit.
     */
    maxWaitMs?: number | undefined;
    /** Called with the latest result once per status change. */
    onProgress?: ((result: BatchResult) => void) | undefined;
}
/**
 * The outcome of one `check()`: plain JSON, so it can be stored (KV, a queue
 * message, a Durable Object) and passed back to the next `check()` to continue
 * the schedule.
 */
interface BatchCheck {
    taskId: number;
    status: BatchStatus;
    /** DONE, ERROR or CANCELLED. */
    done: boolean;
    /** The batch as last seen. */
    result?: BatchResult;
    /** For ERROR and CANCELLED: how it ended, with Claid's errors. */
    failed?: {
        status: "ERROR" | "CANCELLED";
        errors: BatchPipelineError[];
    };
    /** When to check again, ms (0 once done): the poll schedule, raised to honour the server's `Retry-After` and rate limits (up to `maxRetryDelayMs`). */
    nextCheckAfterMs: number;
    /** Checks made so far, this one included. */
    checks: number;
    /** ISO time of the first check. */
    firstCheckedAt: string;
}
/** Batch operations: `claid.batches`. */
interface Batches {
    /**
     * Submits a batch: `POST /v1/image/edit/batch`. Resolves with the accepted task. Never retried after an unknown outcome unless `retryNonIdempotent`.
     *
     * @example
     * const { id } = await claid.batches.create({ input: ["https://example.com/a.png"], operations: { background: { remove: true } } });
     * const { data, requestId, rateLimit } = await claid.batches.create(body).withResponse();
     */
    create(body: BatchEditRequest, options?: RequestOptions): APIPromise<BatchAccepted>;
    /**
     * Reads a batch's status and results: `GET /v1/image/edit/batch/{task_id}`.
     *
     * @example
     * const { status, results } = await claid.batches.retrieve(42);
     */
    retrieve(taskId: TaskId, options?: RequestOptions): APIPromise<BatchResult>;
    /**
     * One status check, for edge functions that cannot wait in a loop: exactly one
     * GET (with the usual retries), no sleeping. Pass the returned state back in to
     * continue the schedule. Throws only for request failures, not for a failed batch.
     *
     * @example
     * // in a queue consumer, cron or alarm handler:
     * const state = await claid.batches.check(stored ?? taskId);
     * if (!state.done) await queue.send(state, { delaySeconds: Math.ceil(state.nextCheckAfterMs / 1000) });
     */
    check(target: TaskId | BatchAccepted | BatchResult | BatchCheck, options?: CheckOptions): Promise<BatchCheck>;
    /**
     * Polls until DONE (resolves), ERROR (BatchFailedError) or CANCELLED (BatchCancelledError).
     *
     * @example
     * const result = await claid.batches.wait(task, { maxWaitMs: 10 * 60_000, onProgress: (r) => console.log(r.status) });
     */
    wait(target: TaskId | BatchAccepted | BatchResult | BatchCheck, options?: WaitOptions): Promise<BatchResult>;
    /** `create()` then `wait()`, within one `maxWaitMs` deadline. */
    createAndWait(body: BatchEditRequest, options?: WaitOptions): Promise<BatchResult>;
}

/** Base class of every error this SDK throws. */
declare class ClaidError extends Error {
    name: string;
    /** HTTP attempts made before this error (0: rejected before any request). */
    attempts: number;
    /**
     * True when a `create()` failed in a way that leaves its outcome unknown (the
     * request was sent but no answer came back): the batch may exist. It was not
     * retried, so it cannot have been submitted twice.
     */
    outcomeUnknown: boolean;
}
/** An argument was rejected before any request was sent. `argument` names it. */
declare class InvalidArgumentError extends ClaidError {
    readonly argument: string;
    name: string;
    constructor(argument: string, message: string);
}
/** What a `ClaidAPIError` is built from. */
interface APIErrorInit {
    status: number;
    headers: Headers;
    /** The parsed error body, or the raw text when it was not JSON. */
    body: unknown;
    message: string;
    /** How long the server asked to wait before retrying, when it said. */
    retryAfterMs?: number | undefined;
}
/** The API answered with a non-2xx status. Subclasses are chosen by status. */
declare class ClaidAPIError extends ClaidError {
    name: string;
    readonly status: number;
    /** Claid's `error_code`, when the body had one. */
    readonly errorCode: string | undefined;
    /** Claid's `error_type` (`auth`, `validation`, …), when the body had one. */
    readonly errorType: HttpErrorDetails["error_type"] | undefined;
    /** Claid's human-readable `error_message`, when the body had one. */
    readonly errorMessage: string | undefined;
    /** Claid's `error_details`: for validation errors, field path → messages (`{}` for other errors). */
    readonly errorDetails: ErrorDetails | undefined;
    /** The `x-request-id` response header: quote it when reporting a problem to Claid. */
    readonly requestId: string | undefined;
    /** `RateLimit-*` headers of the response. */
    readonly rateLimit: RateLimitInfo | undefined;
    /** How long the server asked to wait (`Retry-After` / `RateLimit-Reset`), in ms. */
    readonly retryAfterMs: number | undefined;
    /** The response headers (values that carried the API key are redacted). */
    readonly headers: Headers;
    /** The parsed error body (`{ error_code, … }` or `{ detail: { … } }`), or its text when not JSON; the key redacted. */
    readonly body: unknown;
    constructor({ status, headers, body, message, retryAfterMs }: APIErrorInit);
}
/** 400: a generic bad request (e.g. an unreadable storage object or invalid JSON). */
declare class BadRequestError extends ClaidAPIError {
    name: string;
}
/** 401: the API key is missing or invalid. */
declare class AuthenticationError extends ClaidAPIError {
    name: string;
}
/** 402: the account has no API calls left. */
declare class PaymentRequiredError extends ClaidAPIError {
    name: string;
}
/** 403: the key lacks the permission scope the call needs. */
declare class PermissionDeniedError extends ClaidAPIError {
    name: string;
}
/** 404: no such batch. */
declare class NotFoundError extends ClaidAPIError {
    name: string;
}
/** 409: the request conflicts with the resource's state. */
declare class ConflictError extends ClaidAPIError {
    name: string;
}
/** 422: the request did not validate; `errorDetails` maps field paths to messages. */
declare class ValidationError extends ClaidAPIError {
    name: string;
}
/** 429, after the retries allowed; `retryAfterMs` says when the server accepts requests again. */
declare class RateLimitError extends ClaidAPIError {
    name: string;
}
/** 5xx: the API (or a proxy in front of it) failed; `requestId` helps Claid's support. */
declare class InternalServerError extends ClaidAPIError {
    name: string;
}
/** The request never got an HTTP answer (DNS, refused or reset connection, …). */
declare class ClaidConnectionError extends ClaidError {
    name: string;
}
/** An attempt took longer than the per-attempt `timeoutMs`. */
declare class ClaidTimeoutError extends ClaidConnectionError {
    name: string;
}
/** The API answered 2xx, but the body is empty, not JSON, or not the documented shape. */
declare class InvalidResponseError extends ClaidError {
    name: string;
    readonly status: number;
    /** The `x-request-id` response header. */
    readonly requestId: string | undefined;
    readonly rateLimit: RateLimitInfo | undefined;
    readonly headers: Headers;
    constructor(message: string, response: {
        status: number;
        headers: Headers;
    });
}
/** A batch that `wait()` watched ended in ERROR. `errors` are Claid's per-image errors. */
declare class BatchFailedError extends ClaidError {
    readonly result: BatchResult;
    name: string;
    readonly errors: NonNullable<BatchResult["errors"]>;
    constructor(result: BatchResult);
}
/** A batch that `wait()` watched was CANCELLED. */
declare class BatchCancelledError extends ClaidError {
    readonly result: BatchResult;
    name: string;
    constructor(result: BatchResult);
}
/**
 * `wait()` or `createAndWait()` reached `maxWaitMs`. The batch is not cancelled: it keeps running on Claid's side.
 * When `createAndWait()`'s create had not answered yet, `taskId` is undefined and `outcomeUnknown` is true.
 */
declare class BatchWaitTimeoutError extends ClaidError {
    readonly taskId: number | undefined;
    /** The last status seen, if any check completed. */
    readonly lastStatus: BatchStatus | undefined;
    name: string;
    constructor(taskId: number | undefined, 
    /** The last status seen, if any check completed. */
    lastStatus: BatchStatus | undefined, maxWaitMs: number);
}
/** A request could not get a rate-limit slot before the caller's deadline. Nothing was sent. */
declare class RateLimitDeadlineError extends ClaidError {
    /** How long the request would have had to wait for a slot, ms. */
    readonly waitMs: number;
    name: string;
    constructor(
    /** How long the request would have had to wait for a slot, ms. */
    waitMs: number);
}
/** `error_details` as Claid documents it: field path → messages. */
type ErrorDetails = Record<string, string[]>;

/** One window of a rate-limit policy: at most `quota` requests in any `windowSeconds`-long sliding window. */
interface RateLimitWindow {
    /** Requests allowed in the window: an integer ≥ 1. */
    quota: number;
    /** The window's length in seconds (> 0). */
    windowSeconds: number;
}
/** A request asking the pacer for a slot. */
interface PacedRequest {
    /** "create" (POST) is never starved by "poll" (GET) requests. */
    kind: "create" | "poll";
    /** Epoch ms at which the caller wants to send (a poll's due time); earliest-due first. Default: now. */
    dueAt?: number;
    /** Epoch ms after which a slot is useless: acquire() rejects with RateLimitDeadlineError (carrying the wait it would have needed). */
    deadline?: number;
    /** Aborts the wait for a slot: acquire() rejects with signal.reason. */
    signal?: AbortSignal;
}
/** Decides when each request may be sent (one per client by default, or shared: see the Durable Object recipe). */
interface RequestPacer {
    /** Resolves when the request may be sent, with a function to call once with the response's headers (undefined if no response came). */
    acquire(request: PacedRequest): Promise<(headers: Headers | undefined) => void>;
    /** ms until a request asked for now could be sent (0 when free): check() adds it to nextCheckAfterMs. */
    delayMs(): number;
}
/** Options of `createRequestPacer()`. */
interface PacerOptions {
    /** The policy as windows or in the RateLimit-Limit syntax ("120, 120;w=60, 4;w=1"); learned from responses when not given. */
    policy?: RateLimitWindow[] | string;
    /** Cap on requests in flight. Default: unlimited (the windows still apply). */
    maxConcurrentRequests?: number;
    /** Clock, for tests. Default Date.now. */
    now?: () => number;
}
/**
 * The windows of a `RateLimit-Limit` value (IETF draft syntax, "120, 120;w=60, 4;w=1"):
 * every `quota;w=seconds` item. Malformed items, and a bare number (the current quota), give no window.
 */
declare function parseRateLimitPolicy(value: string | null | undefined): RateLimitWindow[];
/**
 * The default in-memory pacer. No sliding window of the policy ever carries
 * more than its quota; before any policy is known (none given, no answer yet),
 * one request is in flight at a time. Creates go before polls, polls earliest-due first.
 */
declare function createRequestPacer(options?: PacerOptions): RequestPacer;

export { type APIPromise, AuthenticationError, BadRequestError, type BatchAccepted, BatchCancelledError, type BatchCheck, type BatchEditInputOptions, type BatchEditRequest, BatchFailedError, type BatchInput, type BatchOutput, type BatchPipelineError, type BatchResult, type BatchResultItem, type BatchStatus, BatchWaitTimeoutError, type Batches, type CheckOptions, type Claid, ClaidAPIError, ClaidConnectionError, ClaidError, type ClaidOptions, ClaidTimeoutError, ConflictError, DEFAULT_BASE_URL, type ErrorDetails, type ErrorType, type HttpErrorDetails, type ImageOperations, type ImageOutputOptions, InternalServerError, InvalidArgumentError, InvalidResponseError, type LogLevel, type Logger, NotFoundError, type PacedRequest, type PacerOptions, PaymentRequiredError, PermissionDeniedError, type PipelineInputObject, type PipelineOutputObject, type PollOptions, RateLimitDeadlineError, RateLimitError, type RateLimitInfo, type RateLimitWindow, type RequestOptions, type RequestPacer, type TaskId, ValidationError, type WaitOptions, type WithResponse, type components, createClaid, createRequestPacer, type operations, parseRateLimitPolicy, type paths };
