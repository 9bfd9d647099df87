import { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';

/** The OpenAPI document, for validators and enum lists that need the schemas at run time. */
declare const openapiDocument: {
    readonly openapi: "3.1.0";
    readonly info: {
        readonly title: "Claid REST API";
        readonly version: "v1";
    };
    readonly servers: readonly [{
        readonly url: "https://api.claid.ai";
    }];
    readonly tags: readonly [{
        readonly name: "Image";
        readonly description: "Encompasses operations with images.";
    }];
    readonly paths: {
        readonly "/v1/image/edit/batch": {
            readonly post: {
                readonly tags: readonly ["Image"];
                readonly summary: "Process Batch Image Edit";
                readonly description: "Specifies: \n- what images will be processed (`input`)\n- how they will be processed (`operations`)\n- where they will be stored (`output`)";
                readonly operationId: "process_batch_image_edit_v1_image_edit_batch_post";
                readonly requestBody: {
                    readonly content: {
                        readonly "application/json": {
                            readonly schema: {
                                readonly $ref: "#/components/schemas/BatchEditRequest";
                            };
                        };
                    };
                    readonly required: true;
                };
                readonly responses: {
                    readonly "200": {
                        readonly description: "Successful Response";
                        readonly content: {
                            readonly "application/json": {
                                readonly schema: {
                                    readonly $ref: "#/components/schemas/Response_BatchAcceptedResponse_";
                                };
                            };
                        };
                    };
                    readonly "401": {
                        readonly description: "Authorization is required.";
                        readonly content: {
                            readonly "application/json": {
                                readonly schema: {
                                    readonly $ref: "#/components/schemas/HttpErrorDetails";
                                };
                            };
                        };
                    };
                    readonly "402": {
                        readonly description: "No API calls left.";
                        readonly content: {
                            readonly "application/json": {
                                readonly schema: {
                                    readonly $ref: "#/components/schemas/HttpErrorDetails";
                                };
                            };
                        };
                    };
                    readonly "403": {
                        readonly description: "Not enough permissions.";
                        readonly content: {
                            readonly "application/json": {
                                readonly schema: {
                                    readonly $ref: "#/components/schemas/HttpErrorDetails";
                                };
                            };
                        };
                    };
                    readonly "422": {
                        readonly description: "Unprocessable Entity.";
                        readonly content: {
                            readonly "application/json": {
                                readonly schema: {
                                    readonly $ref: "#/components/schemas/HttpErrorDetails";
                                };
                            };
                        };
                    };
                    readonly "429": {
                        readonly description: "Too many requests.";
                        readonly content: {
                            readonly "application/json": {
                                readonly schema: {
                                    readonly $ref: "#/components/schemas/HttpErrorDetails";
                                };
                            };
                        };
                    };
                    readonly default: {
                        readonly description: "Any other error, with Claid's common error body.";
                        readonly content: {
                            readonly "application/json": {
                                readonly schema: {
                                    readonly $ref: "#/components/schemas/HttpErrorDetails";
                                };
                            };
                        };
                    };
                };
                readonly security: readonly [{
                    readonly ClaidApiKey: readonly ["image_editing"];
                }];
            };
        };
        readonly "/v1/image/edit/batch/{task_id}": {
            readonly get: {
                readonly tags: readonly ["Image"];
                readonly summary: "Image Edit Batch Async Results";
                readonly operationId: "image_edit_batch_async_results_v1_image_edit_batch__task_id__get";
                readonly parameters: readonly [{
                    readonly required: true;
                    readonly schema: {
                        readonly title: "Task Id";
                        readonly type: "integer";
                    };
                    readonly name: "task_id";
                    readonly in: "path";
                }];
                readonly responses: {
                    readonly "200": {
                        readonly description: "Successful Response";
                        readonly content: {
                            readonly "application/json": {
                                readonly schema: {
                                    readonly $ref: "#/components/schemas/Response_BatchResultResponse_";
                                };
                            };
                        };
                    };
                    readonly "401": {
                        readonly description: "Authorization is required.";
                        readonly content: {
                            readonly "application/json": {
                                readonly schema: {
                                    readonly $ref: "#/components/schemas/HttpErrorDetails";
                                };
                            };
                        };
                    };
                    readonly "403": {
                        readonly description: "Not enough permissions.";
                        readonly content: {
                            readonly "application/json": {
                                readonly schema: {
                                    readonly $ref: "#/components/schemas/HttpErrorDetails";
                                };
                            };
                        };
                    };
                    readonly "404": {
                        readonly description: "Batch image edit pipeline not found.";
                        readonly content: {
                            readonly "application/json": {
                                readonly schema: {
                                    readonly $ref: "#/components/schemas/HttpErrorDetails";
                                };
                            };
                        };
                    };
                    readonly "422": {
                        readonly description: "Unprocessable Entity.";
                        readonly content: {
                            readonly "application/json": {
                                readonly schema: {
                                    readonly $ref: "#/components/schemas/HttpErrorDetails";
                                };
                            };
                        };
                    };
                    readonly default: {
                        readonly description: "Any other error, with Claid's common error body.";
                        readonly content: {
                            readonly "application/json": {
                                readonly schema: {
                                    readonly $ref: "#/components/schemas/HttpErrorDetails";
                                };
                            };
                        };
                    };
                };
                readonly security: readonly [{
                    readonly ClaidApiKey: readonly ["image_editing"];
                }];
            };
        };
    };
    readonly components: {
        readonly securitySchemes: {
            readonly ClaidApiKey: {
                readonly type: "http";
                readonly scheme: "bearer";
                readonly bearerFormat: "API key";
                readonly description: "Send the API key from your Claid account as `Authorization: Bearer <API_KEY>`. A key carries permission scopes (storage, image editing); a key without the needed scope gets 403.";
            };
        };
        readonly schemas: {
            readonly BatchEditRequest: {
                readonly title: "BatchEditRequest";
                readonly required: readonly ["input", "operations"];
                readonly type: "object";
                readonly properties: {
                    readonly input: {
                        readonly title: "Input folder URL or list of image URLs";
                        readonly anyOf: readonly [{
                            readonly $ref: "#/components/schemas/BatchEditInputOptions";
                        }, {
                            readonly type: "string";
                            readonly minLength: 1;
                            readonly maxLength: 4096;
                            readonly format: "uri";
                        }, {
                            readonly type: "array";
                            readonly items: {
                                readonly type: "string";
                                readonly minLength: 1;
                                readonly maxLength: 4096;
                                readonly format: "uri";
                            };
                            readonly minItems: 1;
                        }];
                        readonly description: "URL of the input file or folder. Should be from 1 to 512 characters. Must be accessible by our system.";
                    };
                    readonly operations: {
                        readonly title: "Operations";
                        readonly allOf: readonly [{
                            readonly $ref: "#/components/schemas/ImageOperations";
                        }];
                        readonly description: "Customize the editing workflow so that the output images meet your requirements.";
                    };
                    readonly output: {
                        readonly title: "Output folder URL";
                        readonly anyOf: readonly [{
                            readonly $ref: "#/components/schemas/ImageOutputOptions";
                        }, {
                            readonly type: "string";
                            readonly minLength: 1;
                            readonly maxLength: 4096;
                            readonly format: "uri";
                        }];
                        readonly description: "URL of the output folder. If `output` is not defined, we store the output image on our bucket and return the temporary URL. The name of the output file remains the same as the input file. Images are stored for one day.";
                        readonly default: {
                            readonly format: "jpeg";
                        };
                    };
                };
                readonly additionalProperties: false;
            };
            readonly BatchEditInputOptions: {
                readonly title: "image input options";
                readonly required: readonly ["source"];
                readonly type: "object";
                readonly properties: {
                    readonly source: {
                        readonly title: "Input folder URL";
                        readonly maxLength: 4096;
                        readonly minLength: 1;
                        readonly type: "string";
                        readonly description: "URL of the input file or folder. Should be from 1 to 512 characters. Must be accessible by our system.";
                        readonly format: "uri";
                    };
                    readonly recursive: {
                        readonly title: "Recursive";
                        readonly type: "boolean";
                        readonly description: "If `true`, recursively processes all images in subfolders as well, works only if source is folder. ";
                        readonly default: false;
                    };
                };
                readonly additionalProperties: false;
            };
            readonly ImageOperations: {
                readonly title: "image operations options";
                readonly type: "object";
                readonly properties: {
                    readonly restorations: {
                        readonly title: "Restorations";
                        readonly allOf: readonly [{
                            readonly $ref: "#/components/schemas/RestorationsOptions";
                        }];
                        readonly description: "Restore lost details and decompress image with a wide range of AI-powered neural networks. By default, both operations is turned off.";
                        readonly default: {
                            readonly polish: false;
                        };
                    };
                    readonly adjustments: {
                        readonly title: "Adjustments";
                        readonly allOf: readonly [{
                            readonly $ref: "#/components/schemas/AdjustmentsOptions";
                        }];
                        readonly description: "Change image histogram: set brightness, saturation, dynamic range, balance out colors and lighting. By default, no adjustments are made.";
                    };
                    readonly background: {
                        readonly title: "Background";
                        readonly allOf: readonly [{
                            readonly $ref: "#/components/schemas/BackgroundOptions";
                        }];
                        readonly description: "Remove the background and set a solid color. By default, no changes are made.";
                        readonly default: {
                            readonly remove: false;
                            readonly blur: false;
                        };
                    };
                    readonly resizing: {
                        readonly title: "Resizing";
                        readonly allOf: readonly [{
                            readonly $ref: "#/components/schemas/ResizingOptions";
                        }];
                        readonly description: "Set the final image size. Crop or fit image in canvas. By default, API will perform all calculations respecting the original image aspect ratio.";
                        readonly default: {
                            readonly width: "auto";
                            readonly height: "auto";
                            readonly fit: "crop";
                        };
                    };
                    readonly padding: {
                        readonly title: "Padding";
                        readonly type: "string";
                        readonly description: "Add a space around the object equally to each of 4 sides, or for height&width separately. Can not be bigger than half of image width/height. By default, padding is not applied.";
                    };
                    readonly privacy: {
                        readonly title: "Privacy";
                        readonly allOf: readonly [{
                            readonly $ref: "#/components/schemas/PrivacyOptions";
                        }];
                        readonly description: "Manage sensitive information on the image.";
                        readonly default: {
                            readonly blur_car_plate: false;
                            readonly identity_crop: false;
                        };
                    };
                    readonly generative: {
                        readonly title: "Generative";
                        readonly allOf: readonly [{
                            readonly $ref: "#/components/schemas/GenerativeOptions";
                        }];
                        readonly description: "Transform the image using generative models.";
                    };
                };
                readonly additionalProperties: false;
            };
            readonly RestorationsOptions: {
                readonly title: "restorations options";
                readonly type: "object";
                readonly properties: {
                    readonly decompress: {
                        readonly allOf: readonly [{
                            readonly $ref: "#/components/schemas/DecompressEnum";
                        }];
                        readonly description: "The decompress operation allows you to remove distortion and artifacts caused by image compression methods. It can be used in conjunction with the upscale operation to prepare an image for upscaling.\n\n| Value | Description |\n| --- | --- |\n| null | DEFAULT. No restoration applied.|\n| `\"moderate\"` | Removes JPEG artifacts from the image.|\n| `\"strong\"` | Removes JPEG artifacts more aggressively than \"moderate\".|\n| `\"auto\"` | Automatically detects and remove JPEG artifacts if needed.|";
                    };
                    readonly upscale: {
                        readonly title: "Upscale";
                        readonly anyOf: readonly [{
                            readonly $ref: "#/components/schemas/UpscaleEnum";
                        }, {
                            readonly $ref: "#/components/schemas/UpscalePhotoOptions";
                        }];
                        readonly description: "The upscale operation allows you to improve the overall quality of an image by rendering out new pixels. The upscale operation works along with resizing through numeric or percentage values for upscaling.";
                    };
                    readonly polish: {
                        readonly title: "Polish image";
                        readonly type: "boolean";
                        readonly description: "If `true`, polishes an image";
                        readonly default: false;
                    };
                };
                readonly additionalProperties: false;
            };
            readonly DecompressEnum: {
                readonly title: "Decompress";
                readonly enum: readonly ["moderate", "strong", "auto"];
                readonly type: "string";
                readonly description: "Selects the restoration mode.\n\n| Value | Description |\n| --- | --- |\n| `null` | DEFAULT. No restoration applied.|\n| `\"moderate\"` | Removes JPEG artifacts from the image.|\n| `\"strong\"` | Removes JPEG artifacts more aggressively than `\"moderate\"`.|\n| `\"auto\"` | Automatically detects and remove JPEG artifacts if needed.|";
            };
            readonly UpscaleEnum: {
                readonly title: "Upscale";
                readonly enum: readonly ["smart_enhance", "smart_resize", "faces", "digital_art", "photo"];
                readonly type: "string";
                readonly description: "Upscales the image with specified type of image upscaling neural network. \n\n| Value | Description |\n| --- | --- |\n| `null` | DEFAULT. Interpolation. Used when output image resolution is smaller than the input resolution.|\n| `\"smart_enhance\"` | Used for small low quality product, real estate and food images.|\n| `\"smart_resize\"` | Used for high quality images.|\n| `\"faces\"` | Used for images containing persons.|\n| `\"digital_art\"` | Used for drawings, illustrations, paintings, cartoons, anime, etc.|\n| `\"photo\"` | Used for images taken by mobile devices or digital camera of people, nature, architecture, etc.|";
            };
            readonly UpscalePhotoOptions: {
                readonly title: "photo upscale options";
                readonly required: readonly ["type", "version"];
                readonly type: "object";
                readonly properties: {
                    readonly type: {
                        readonly title: "Type";
                        readonly enum: readonly ["photo"];
                        readonly type: "string";
                    };
                    readonly version: {
                        readonly title: "Version";
                        readonly allOf: readonly [{
                            readonly $ref: "#/components/schemas/PhotoVersionEnum";
                        }];
                        readonly description: "Upscales the image with specified version of photo upscaling neural network. \n\n| Value | Description |\n| --- | --- |\n| `\"1\"` | Is deprecated and not recommended.|\n| `\"2\"` | Used for restoring image quality that is taken by mobile devices or digital camera.|\n| `\"3\"` | Used for restoring image quality, a bit more aggressively than \"2\".|\n";
                    };
                };
                readonly additionalProperties: false;
            };
            readonly PhotoVersionEnum: {
                readonly title: "Version";
                readonly enum: readonly ["1", "2", "3"];
                readonly type: "string";
                readonly description: "Upscales the image with specified version of photo upscaling neural network. \n\n| Value | Description |\n| --- | --- |\n| `\"1\"` | Is deprecated and not recommended.|\n| `\"2\"` | Used for restoring image quality that is taken by mobile devices or digital camera.|\n| `\"3\"` | Used for restoring image quality, a bit more aggressively than `\"2\"`.|\n";
            };
            readonly AdjustmentsOptions: {
                readonly title: "adjustments options";
                readonly type: "object";
                readonly properties: {
                    readonly hdr: {
                        readonly title: "Hdr";
                        readonly anyOf: readonly [{
                            readonly type: "integer";
                            readonly description: "HDR effect intensity.";
                            readonly minimum: 0;
                            readonly maximum: 100;
                        }, {
                            readonly $ref: "#/components/schemas/HdrOptions";
                        }];
                        readonly description: "Balances out colors and lighting. Allows to turn on `stitching` for stitched 360 photos.";
                        readonly default: 0;
                    };
                    readonly exposure: {
                        readonly title: "Exposure";
                        readonly maximum: 100;
                        readonly minimum: -100;
                        readonly type: "integer";
                        readonly description: "Decrease (negative integer) or increase (positive integer) exposure.";
                        readonly default: 0;
                    };
                    readonly saturation: {
                        readonly title: "Saturation";
                        readonly maximum: 100;
                        readonly minimum: -100;
                        readonly type: "integer";
                        readonly description: "Decrease (negative integer) or increase (positive integer) saturation.";
                        readonly default: 0;
                    };
                    readonly contrast: {
                        readonly title: "Contrast";
                        readonly maximum: 100;
                        readonly minimum: -100;
                        readonly type: "integer";
                        readonly description: "Decrease (negative integer) or increase (positive integer) contrast.";
                        readonly default: 0;
                    };
                    readonly sharpness: {
                        readonly title: "Sharpness";
                        readonly maximum: 100;
                        readonly minimum: 0;
                        readonly type: "integer";
                        readonly description: "Increase sharpness.";
                        readonly default: 0;
                    };
                };
                readonly additionalProperties: false;
            };
            readonly HdrOptions: {
                readonly title: "hdr options";
                readonly type: "object";
                readonly properties: {
                    readonly intensity: {
                        readonly title: "Intensity";
                        readonly maximum: 100;
                        readonly minimum: 0;
                        readonly type: "integer";
                        readonly description: "HDR effect intensity.";
                        readonly default: 100;
                    };
                    readonly stitching: {
                        readonly title: "Stitching";
                        readonly type: "boolean";
                        readonly description: "Set to true for seamless HDR effect on stitched 360 photos.";
                        readonly default: false;
                    };
                };
                readonly additionalProperties: false;
            };
            readonly BackgroundOptions: {
                readonly title: "background options";
                readonly type: "object";
                readonly properties: {
                    readonly remove: {
                        readonly title: "Remove";
                        readonly anyOf: readonly [{
                            readonly type: "boolean";
                            readonly title: "Remove background";
                            readonly description: "If `true`, removes background";
                        }, {
                            readonly $ref: "#/components/schemas/BackgroundRemovalOptions";
                        }];
                        readonly description: "Allows to turn on and configure image background removal.";
                        readonly default: false;
                    };
                    readonly color: {
                        readonly title: "Color";
                        readonly anyOf: readonly [{
                            readonly type: "string";
                            readonly title: "Color";
                            readonly description: "Color as a hexadecimal. Paints the background of the image. Examples: `\"#ffffff\"`, `\"#000000\"`.";
                        }, {
                            readonly $ref: "#/components/schemas/BackgroundEnum";
                        }];
                        readonly description: "Color as a hexadecimal. Sets a background color. Defaults to the `#ffffff` (white) color, or `transparent` if an input image has transparency.";
                    };
                    readonly blur: {
                        readonly title: "Blur";
                        readonly anyOf: readonly [{
                            readonly type: "boolean";
                            readonly title: "Blur background";
                            readonly description: "If `true`, blurs background. Defaults to `false`.";
                        }, {
                            readonly $ref: "#/components/schemas/BackgroundBlurOptions";
                        }];
                        readonly description: "Allows to turn on and configure image background blurring.";
                        readonly default: false;
                    };
                };
                readonly additionalProperties: false;
            };
            readonly BackgroundRemovalOptions: {
                readonly title: "background removal options";
                readonly type: "object";
                readonly properties: {
                    readonly clipping: {
                        readonly title: "Clip to object";
                        readonly type: "boolean";
                        readonly description: "If `true` image will be cropped up to the edges of the foreground object.";
                        readonly default: false;
                    };
                    readonly selective: {
                        readonly title: "Selective";
                        readonly allOf: readonly [{
                            readonly $ref: "#/components/schemas/BackgroundSelectiveOptions";
                        }];
                        readonly description: "Allows to select an object to keep on the image and remove the background around it.";
                    };
                    readonly category: {
                        readonly title: "Category";
                        readonly allOf: readonly [{
                            readonly $ref: "#/components/schemas/BackgroundCategoryEnum";
                        }];
                        readonly description: "The background removal category hints the type of objects on the image.";
                    };
                };
                readonly additionalProperties: false;
            };
            readonly BackgroundSelectiveOptions: {
                readonly title: "BackgroundSelectiveOptions";
                readonly required: readonly ["object_to_keep"];
                readonly type: "object";
                readonly properties: {
                    readonly object_to_keep: {
                        readonly title: "Object To Keep";
                        readonly maxLength: 128;
                        readonly minLength: 3;
                        readonly type: "string";
                        readonly description: "Specify an object to keep on the image.";
                    };
                };
                readonly additionalProperties: false;
            };
            readonly BackgroundCategoryEnum: {
                readonly title: "Category of objects";
                readonly enum: readonly ["general", "cars", "products"];
                readonly type: "string";
                readonly description: "Selects the category of objects on the image: \n\n| Value | Description |\n| --- | --- |\n| `\"general\"` | The category that is suitable for all objects and is used by default.|\n| `\"cars\"` | The advanced category that will have better results for removing the background with cars on foreground.|\n| `\"products\"` | The advanced category that will have better results for background removal of various types of products and groceries.|\n";
            };
            readonly BackgroundEnum: {
                readonly title: "Transparent";
                readonly enum: readonly ["transparent"];
                readonly type: "string";
                readonly description: "Makes the background of the image transparent, only works for `\"png\"` output format.";
            };
            readonly BackgroundBlurOptions: {
                readonly title: "background blur options";
                readonly type: "object";
                readonly properties: {
                    readonly selective: {
                        readonly title: "Selective";
                        readonly allOf: readonly [{
                            readonly $ref: "#/components/schemas/BackgroundSelectiveOptions";
                        }];
                        readonly description: "Allows to select an object to keep on the image and blur the background around it.";
                    };
                    readonly category: {
                        readonly allOf: readonly [{
                            readonly $ref: "#/components/schemas/BackgroundCategoryEnum";
                        }];
                        readonly description: "Selects the category of objects on the image: \n\n| Value | Description |\n| --- | --- |\n| `\"general\"` | The category that is suitable for all objects and is used by default.|\n| `\"cars\"` | The advanced category that will have better results for removing the background with cars on foreground.|\n| `\"products\"` | The advanced category that will have better results for background removal of various types of products and groceries.|\n";
                    };
                    readonly type: {
                        readonly allOf: readonly [{
                            readonly $ref: "#/components/schemas/BackgroundBlurTypeEnum";
                        }];
                        readonly description: "Selects the type of blur to be applied to the background: \n\n| Value | Description |\n| --- | --- |\n| `\"regular\"` | Gaussian blur. Creates an effect of laying a translucent material like vellum on top of the image background, is used by default.|\n| `\"lens\"` | Lens blur with linear focus. Mimics the blur applied to a photo when a wide aperture is used to achieve a narrow depth of field, so that the foreground objects stands out.|\n";
                        readonly default: "regular";
                    };
                    readonly level: {
                        readonly allOf: readonly [{
                            readonly $ref: "#/components/schemas/BackgroundBlurLevelEnum";
                        }];
                        readonly description: "Selects the level of blur strength to be applied to the background: \n\n| Value | Description |\n| --- | --- |\n| `\"low\"` | Low blur strength.|\n| `\"medium\"` | Medium blur strength, is used by default.|\n| `\"high\"` | High blur strength.|\n";
                        readonly default: "medium";
                    };
                };
                readonly additionalProperties: false;
            };
            readonly BackgroundBlurTypeEnum: {
                readonly title: "Type of background blur";
                readonly enum: readonly ["regular", "lens"];
                readonly type: "string";
                readonly description: "Selects the type of blur: \n\n| Value | Description |\n| --- | --- |\n| `\"regular\"` | Gaussian blur. Creates an effect of laying a translucent material like vellum on top of the image background.|\n| `\"lens\"` | Lens blur with linear focus. Mimics the blur applied to a photo when a wide aperture is used to achieve a narrow depth of field, so that the foreground objects stands out.|\n";
            };
            readonly BackgroundBlurLevelEnum: {
                readonly title: "Background blur strength level";
                readonly enum: readonly ["low", "medium", "high"];
                readonly type: "string";
                readonly description: "Selects the level of blur strength: \n\n| Value | Description |\n| --- | --- |\n| `\"low\"` | Low blur strength.|\n| `\"medium\"` | Medium blur strength.|\n| `\"high\"` | High blur strength.|\n";
            };
            readonly ResizingOptions: {
                readonly title: "resizing options";
                readonly type: "object";
                readonly properties: {
                    readonly width: {
                        readonly title: "Width";
                        readonly anyOf: readonly [{
                            readonly type: "integer";
                            readonly title: "Pixels";
                            readonly description: "Width in pixels.";
                        }, {
                            readonly $ref: "#/components/schemas/SizesEnum";
                        }, {
                            readonly type: "string";
                            readonly title: "Percentage";
                            readonly description: "Percentage as a string. E.g. `\"200%\"` means that the `width` will double relative to the input image.\nIf you express `width` as a percentage, `height` must have the same value or set to `\"auto\"`. Examples: `\"60%\"`, `\"40%\"`";
                        }];
                        readonly description: "Width of output image. Should be of the same type as `height`, or `\"auto\"`.";
                        readonly default: "auto";
                    };
                    readonly height: {
                        readonly title: "Height";
                        readonly anyOf: readonly [{
                            readonly type: "integer";
                            readonly title: "Pixels";
                            readonly description: "Height in pixels.";
                        }, {
                            readonly $ref: "#/components/schemas/SizesEnum";
                        }, {
                            readonly type: "string";
                            readonly title: "Percentage";
                            readonly description: "Percentage as a string. E.g. `\"200%\"` means that the `height` will double relatively to the input image.\nIf you express `height` as a percentage, `width` must have the same value or set to `\"auto\"`. Examples: `\"60%\"`, `\"40%\"`";
                        }];
                        readonly description: "Height of output image. Should be of the same type as `width`, or `\"auto\"`.";
                        readonly default: "auto";
                    };
                    readonly fit: {
                        readonly title: "Fit";
                        readonly anyOf: readonly [{
                            readonly $ref: "#/components/schemas/FitEnum";
                        }, {
                            readonly $ref: "#/components/schemas/CropOptions";
                        }, {
                            readonly $ref: "#/components/schemas/CoverOptions";
                        }, {
                            readonly $ref: "#/components/schemas/BoundsOptions";
                        }, {
                            readonly $ref: "#/components/schemas/CanvasOptions";
                        }, {
                            readonly $ref: "#/components/schemas/OutpaintOptions";
                        }];
                        readonly description: "The fit parameter controls how the image will be constrained within the provided size, relative to the `width` and `height`. By default, `fit` mode is `\"crop\"`.";
                        readonly default: "crop";
                    };
                };
                readonly additionalProperties: false;
            };
            readonly SizesEnum: {
                readonly title: "Auto";
                readonly enum: readonly ["auto"];
                readonly type: "string";
                readonly description: "`width` will have the same value as `height`, if `height` is defined in pixels or percentages; and vice versa.";
            };
            readonly FitEnum: {
                readonly title: "Fit";
                readonly enum: readonly ["crop", "cover", "bounds", "canvas", "outpaint"];
                readonly type: "string";
                readonly description: "Selects the fit mode: \n(Note: All fit modes preserve the original image aspect ratio. Meaning, the image can be cropped but it won't be stretched or squeezed.)\n\n| Value | Description |\n| --- | --- |\n| `\"crop\"` | Scales an image until it fully covers the specified dimensions, the rest gets cropped. Fit `crop` support `\"center\"` and `\"smart\"` modes for cropping.|\n| `\"cover\"` | Resize the image to entirely cover the specified region, making one dimension larger if needed.|\n| `\"bounds\"` | Resize the image to fit entirely within the specified region, making one dimension smaller if needed. |\n| `\"canvas\"` | Input image will be placed on the canvas established by `width` and `height`. Extra space will be filled with the background `color`.|\n| `\"outpaint\"` | Extra space will be generated with the coherent background.|";
            };
            readonly CropOptions: {
                readonly title: "crop options";
                readonly required: readonly ["type"];
                readonly type: "object";
                readonly properties: {
                    readonly type: {
                        readonly title: "Type";
                        readonly enum: readonly ["crop"];
                        readonly type: "string";
                    };
                    readonly crop: {
                        readonly title: "Crop mode";
                        readonly allOf: readonly [{
                            readonly $ref: "#/components/schemas/FitCropEnum";
                        }];
                        readonly description: "Selects the crop mode: \n\n| Value | Description |\n| --- | --- |\n| `\"center\"` | Cropping relative to the center of the image.|\n| `\"smart\"` | Content aware image cropping.|\n";
                        readonly default: "center";
                    };
                };
                readonly additionalProperties: false;
            };
            readonly FitCropEnum: {
                readonly title: "Crop";
                readonly enum: readonly ["center", "smart"];
                readonly type: "string";
                readonly description: "Selects the crop mode: \n\n| Value | Description |\n| --- | --- |\n| `\"center\"` | Cropping relative to the center of the image.|\n| `\"smart\"` | Content aware image cropping.|\n";
            };
            readonly CoverOptions: {
                readonly title: "cover options";
                readonly required: readonly ["type"];
                readonly type: "object";
                readonly properties: {
                    readonly type: {
                        readonly title: "Type";
                        readonly enum: readonly ["cover"];
                        readonly type: "string";
                    };
                };
                readonly additionalProperties: false;
            };
            readonly BoundsOptions: {
                readonly title: "bounds options";
                readonly required: readonly ["type"];
                readonly type: "object";
                readonly properties: {
                    readonly type: {
                        readonly title: "Type";
                        readonly enum: readonly ["bounds"];
                        readonly type: "string";
                    };
                };
                readonly additionalProperties: false;
            };
            readonly CanvasOptions: {
                readonly title: "canvas options";
                readonly required: readonly ["type"];
                readonly type: "object";
                readonly properties: {
                    readonly type: {
                        readonly title: "Type";
                        readonly enum: readonly ["canvas"];
                        readonly type: "string";
                    };
                };
                readonly additionalProperties: false;
            };
            readonly OutpaintOptions: {
                readonly title: "outpaint options";
                readonly required: readonly ["type"];
                readonly type: "object";
                readonly properties: {
                    readonly type: {
                        readonly title: "Type";
                        readonly enum: readonly ["outpaint"];
                        readonly type: "string";
                    };
                    readonly feathering: {
                        readonly title: "Feathering";
                        readonly pattern: "^[1-9][0-9]+[%]$|^[0-9][%]$";
                        readonly type: "string";
                        readonly description: "Percentage in string format. Examples: `\"60%\"`, `\"200%\"`";
                        readonly default: "15%";
                    };
                    readonly outpaint_by: {
                        readonly title: "Outpaint By";
                        readonly type: "string";
                        readonly description: "The amount of outpainting to be applied to the image. Should be a string with one or two values separated by space. Each value can be in pixels (e.g. `\"100px\"`) or in percentages (e.g. `\"20%\"`).\nIf two values are provided, the first value is for the width and the second value is for the height.\nIf only one value is provided, it will be applied to both width and height.\nIf not provided, the outpainting will be applied in one direction only based on `fit.width` and `fit.height`.\nExamples: `\"10%\"`, `\"5% 15%\"`, `\"5% 0%\"`, `\"1024px\"`, `\"1024px 512px\"`, `\"0px 1024px\"`.";
                    };
                };
                readonly additionalProperties: false;
            };
            readonly PrivacyOptions: {
                readonly title: "PrivacyOptions";
                readonly type: "object";
                readonly properties: {
                    readonly blur_car_plate: {
                        readonly title: "Blur Car Plate";
                        readonly type: "boolean";
                        readonly description: "If `true`, blurs car plate.";
                        readonly default: false;
                    };
                    readonly identity_crop: {
                        readonly title: "Identity Crop";
                        readonly type: "boolean";
                        readonly description: "Removes a person's face from the image by cutting everything above the mouth.";
                        readonly default: false;
                    };
                };
                readonly additionalProperties: false;
            };
            readonly GenerativeOptions: {
                readonly title: "generative transformations options";
                readonly type: "object";
                readonly properties: {
                    readonly style_transfer: {
                        readonly title: "Style Transfer";
                        readonly allOf: readonly [{
                            readonly $ref: "#/components/schemas/StyleTransferOptions";
                        }];
                        readonly description: "Apply style from a reference image.";
                    };
                };
                readonly additionalProperties: false;
            };
            readonly StyleTransferOptions: {
                readonly title: "style transfer options";
                readonly required: readonly ["style_reference_image"];
                readonly type: "object";
                readonly properties: {
                    readonly style_reference_image: {
                        readonly title: "Style Reference Image";
                        readonly type: "string";
                        readonly description: "URL of the image to be used as a style reference.";
                    };
                    readonly prompt: {
                        readonly title: "Prompt";
                        readonly maxLength: 1024;
                        readonly minLength: 3;
                        readonly type: "string";
                        readonly description: "Text prompt to adjust the style transfer output.";
                    };
                    readonly depth_strength: {
                        readonly title: "Depth Strength";
                        readonly maximum: 1;
                        readonly minimum: 0;
                        readonly type: "number";
                        readonly description: "The denoising strength determines the degree of overall composition and shape preservation.";
                        readonly default: 1;
                    };
                    readonly denoising_strength: {
                        readonly title: "Denoising Strength";
                        readonly maximum: 1;
                        readonly minimum: 0;
                        readonly type: "number";
                        readonly description: "The denoising strength determines the degree of color and texture modification.";
                        readonly default: 0.75;
                    };
                    readonly style_strength: {
                        readonly title: "Style Strength";
                        readonly maximum: 1;
                        readonly minimum: 0;
                        readonly type: "number";
                        readonly description: "The style strength determines the degree of overall style intensity as taken from the reference.";
                        readonly default: 0.75;
                    };
                };
                readonly additionalProperties: false;
            };
            readonly ImageOutputOptions: {
                readonly title: "image output options";
                readonly type: "object";
                readonly properties: {
                    readonly format: {
                        readonly title: "Format";
                        readonly anyOf: readonly [{
                            readonly $ref: "#/components/schemas/FormatEnum";
                        }, {
                            readonly $ref: "#/components/schemas/FormatJpegOptions";
                        }, {
                            readonly $ref: "#/components/schemas/FormatPngOptions";
                        }, {
                            readonly $ref: "#/components/schemas/FormatWebpOptions";
                        }, {
                            readonly $ref: "#/components/schemas/FormatAvifOptions";
                        }, {
                            readonly $ref: "#/components/schemas/FormatTiffOptions";
                        }];
                        readonly description: "Converts an image to one of the following formats: `\"jpeg\"`, `\"png\"`, `\"webp\"`, `\"avif\"`. Selecting *Jpeg Options* allows to specify quality.";
                        readonly default: "jpeg";
                    };
                    readonly destination: {
                        readonly title: "Output URL";
                        readonly maxLength: 4096;
                        readonly minLength: 1;
                        readonly type: "string";
                        readonly description: "URL of the output image. If `output` is not defined, we store the output image on our bucket and return the temporary URL. The name of the output file remains the same as the input file. Images are stored for one day.";
                        readonly format: "uri";
                    };
                    readonly metadata: {
                        readonly title: "Metadata";
                        readonly allOf: readonly [{
                            readonly $ref: "#/components/schemas/MetadataOptions";
                        }];
                        readonly description: "Defines characteristics of the output image, e.g. DPI.";
                    };
                };
                readonly additionalProperties: false;
            };
            readonly FormatEnum: {
                readonly title: "Format";
                readonly enum: readonly ["jpeg", "png", "webp", "avif", "tiff"];
                readonly type: "string";
                readonly description: "Converts the image into specified format. Examples: `\"jpeg\"`, `\"png\"`.";
            };
            readonly FormatJpegOptions: {
                readonly title: "jpeg options";
                readonly required: readonly ["type"];
                readonly type: "object";
                readonly properties: {
                    readonly type: {
                        readonly title: "Type";
                        readonly enum: readonly ["jpeg"];
                        readonly type: "string";
                        readonly description: "Must have value `\"jpeg\"`";
                    };
                    readonly quality: {
                        readonly title: "Quality";
                        readonly maximum: 100;
                        readonly minimum: 1;
                        readonly type: "integer";
                        readonly default: 85;
                    };
                    readonly progressive: {
                        readonly title: "Progressive";
                        readonly type: "boolean";
                        readonly description: "Progressive JPEG loads in a browser in successive waves until a clear picture is formed. This improves image's loading speed.";
                        readonly default: true;
                    };
                };
                readonly additionalProperties: false;
            };
            readonly FormatPngOptions: {
                readonly title: "png options";
                readonly required: readonly ["type"];
                readonly type: "object";
                readonly properties: {
                    readonly type: {
                        readonly title: "Type";
                        readonly enum: readonly ["png"];
                        readonly type: "string";
                        readonly description: "Must have value `\"png\"`";
                    };
                    readonly compression: {
                        readonly allOf: readonly [{
                            readonly $ref: "#/components/schemas/FormatCompressionLevelEnum";
                        }];
                        readonly description: "Specifies compression effort that will be applied during the PNG image encoding. Should have one of values: `\"fast\"`, `\"best\"`, or `\"optimal\"`. Defaults to `\"optimal\"`.";
                        readonly default: "optimal";
                    };
                };
                readonly additionalProperties: false;
            };
            readonly FormatCompressionLevelEnum: {
                readonly title: "Compression";
                readonly enum: readonly ["fast", "best", "optimal"];
                readonly type: "string";
                readonly description: "Indicates compression effort. \n\n| Value | Description |\n| --- | --- |\n| `\"fast\"` |  Used to apply minimum compression resulting in a bigger image size but less processing time.|\n| `\"best\"` | Used to apply maximum compression resulting in a smaller image size but more processing time.|\n| `\"optimal\"` | DEFAULT. Used to balance between compression effort and the processing time.|\n";
            };
            readonly FormatWebpOptions: {
                readonly title: "webp options";
                readonly required: readonly ["type"];
                readonly type: "object";
                readonly properties: {
                    readonly type: {
                        readonly title: "Type";
                        readonly enum: readonly ["webp"];
                        readonly type: "string";
                        readonly description: "Must have value `\"webp\"`";
                    };
                    readonly compression: {
                        readonly title: "Compression";
                        readonly anyOf: readonly [{
                            readonly $ref: "#/components/schemas/WebpCompressionEnum";
                        }, {
                            readonly $ref: "#/components/schemas/WebpLossyCompressionOptions";
                        }, {
                            readonly $ref: "#/components/schemas/WebpLosslessCompressionOptions";
                        }];
                        readonly description: "The WEBP codec supports both lossless and lossy modes of operation, so you can select the one that is appropriate for your goals. Lossy compression allows you to reduce the size of the image significantly in exchange for some loss of data, reducing the quality of an image. You can specify the amount of loss you are willing to accept. By default it's set to to 75. Lossless compression allows you to save maximum image details in exchange for a significantly increased file size.";
                        readonly default: {
                            readonly type: "lossy";
                            readonly quality: 75;
                        };
                    };
                };
                readonly additionalProperties: false;
            };
            readonly WebpCompressionEnum: {
                readonly title: "WEBP Compression";
                readonly enum: readonly ["lossy", "lossless"];
                readonly type: "string";
                readonly description: "Selects the WEBP compression type: \n\n| Value | Description |\n| --- | --- |\n| `\"lossy\"` | Lossy compression allows you to reduce the size of the image significantly in exchange for some loss of data, reducing the quality of an image.|\n| `\"lossless\"` | Lossless compression allows you to save maximum image details in exchange for a significantly increased file size.|\n";
            };
            readonly WebpLossyCompressionOptions: {
                readonly title: "WebpLossyCompressionOptions";
                readonly required: readonly ["type"];
                readonly type: "object";
                readonly properties: {
                    readonly type: {
                        readonly title: "Type";
                        readonly enum: readonly ["lossy"];
                        readonly type: "string";
                        readonly description: "Must have value `\"lossy\"`";
                    };
                    readonly quality: {
                        readonly title: "Quality";
                        readonly maximum: 100;
                        readonly minimum: 1;
                        readonly type: "integer";
                        readonly default: 75;
                    };
                };
                readonly additionalProperties: false;
            };
            readonly WebpLosslessCompressionOptions: {
                readonly title: "WebpLosslessCompressionOptions";
                readonly required: readonly ["type"];
                readonly type: "object";
                readonly properties: {
                    readonly type: {
                        readonly title: "Type";
                        readonly enum: readonly ["lossless"];
                        readonly type: "string";
                        readonly description: "Must have value `\"lossless\"`";
                    };
                };
                readonly additionalProperties: false;
            };
            readonly FormatAvifOptions: {
                readonly title: "avif options";
                readonly required: readonly ["type"];
                readonly type: "object";
                readonly properties: {
                    readonly type: {
                        readonly title: "Type";
                        readonly enum: readonly ["avif"];
                        readonly type: "string";
                        readonly description: "Must have value `\"avif\"`";
                    };
                    readonly compression: {
                        readonly title: "Compression";
                        readonly anyOf: readonly [{
                            readonly $ref: "#/components/schemas/AvifCompressionEnum";
                        }, {
                            readonly $ref: "#/components/schemas/AvifLossyCompressionOptions";
                        }, {
                            readonly $ref: "#/components/schemas/AvifLosslessCompressionOptions";
                        }];
                        readonly description: "The AVIF codec supports both lossless and lossy modes of operation, so you can select the one that is appropriate for your goals. Lossy compression allows you to reduce the size of the image significantly in exchange for some loss of data, reducing the quality of an image. You can specify the amount of loss you are willing to accept. Lossless compression allows you to save maximum image details in exchange for a significantly increased file size.";
                        readonly default: {
                            readonly type: "lossy";
                            readonly quality: 50;
                        };
                    };
                };
                readonly additionalProperties: false;
            };
            readonly AvifCompressionEnum: {
                readonly title: "AVIF Compression";
                readonly enum: readonly ["lossy", "lossless"];
                readonly type: "string";
                readonly description: "Selects the AVIF compression type: \n\n| Value | Description |\n| --- | --- |\n| `\"lossy\"` | Lossy compression allows you to reduce the size of the image significantly in exchange for some loss of data, reducing the quality of an image.|\n| `\"lossless\"` | Lossless compression allows you to save maximum image details in exchange for a significantly increased file size.|\n";
            };
            readonly AvifLossyCompressionOptions: {
                readonly title: "AvifLossyCompressionOptions";
                readonly required: readonly ["type"];
                readonly type: "object";
                readonly properties: {
                    readonly type: {
                        readonly title: "Type";
                        readonly enum: readonly ["lossy"];
                        readonly type: "string";
                        readonly description: "Must have value `\"lossy\"`";
                    };
                    readonly quality: {
                        readonly title: "Quality";
                        readonly maximum: 100;
                        readonly minimum: 1;
                        readonly type: "integer";
                        readonly default: 50;
                    };
                };
                readonly additionalProperties: false;
            };
            readonly AvifLosslessCompressionOptions: {
                readonly title: "AvifLosslessCompressionOptions";
                readonly required: readonly ["type"];
                readonly type: "object";
                readonly properties: {
                    readonly type: {
                        readonly title: "Type";
                        readonly enum: readonly ["lossless"];
                        readonly type: "string";
                        readonly description: "Must have value `\"lossless\"`";
                    };
                };
                readonly additionalProperties: false;
            };
            readonly FormatTiffOptions: {
                readonly title: "FormatTiffOptions";
                readonly required: readonly ["type"];
                readonly type: "object";
                readonly properties: {
                    readonly type: {
                        readonly title: "Type";
                        readonly enum: readonly ["tiff"];
                        readonly type: "string";
                        readonly description: "Must have value `\"tiff\"`";
                    };
                    readonly compression: {
                        readonly title: "Compression";
                        readonly anyOf: readonly [{
                            readonly $ref: "#/components/schemas/TiffCompressionEnum";
                        }, {
                            readonly $ref: "#/components/schemas/TiffLossyCompressionOptions";
                        }, {
                            readonly $ref: "#/components/schemas/TiffLosslessCompressionOptions";
                        }];
                        readonly description: "The TIFF codec supports both lossless and lossy modes of operation, so you can select the one that is appropriate for your goals. Lossy JPEG compression allows you to reduce the size of the image significantly in exchange for some loss of data, reducing the quality of an image. You can specify the amount of loss you are willing to accept. By default it's set to to 75. Lossless LZW (Lempel-Ziv-Welch) compression allows you to save maximum image details in exchange for a significantly increased file size.";
                        readonly default: {
                            readonly type: "lossless";
                        };
                    };
                };
                readonly additionalProperties: false;
            };
            readonly TiffCompressionEnum: {
                readonly title: "TIFF Compression";
                readonly enum: readonly ["lossy", "lossless"];
                readonly type: "string";
                readonly description: "Selects the TIFF compression type: \n\n| Value | Description |\n| --- | --- |\n| `\"lossy\"` | Lossy JPEG compression allows you to reduce the size of the image significantly in exchange for some loss of data, reducing the quality of an image.|\n| `\"lossless\"` | Lossless LZW (Lempel-Ziv-Welch) compression allows you to save maximum image details in exchange for a significantly increased file size.|\n";
            };
            readonly TiffLossyCompressionOptions: {
                readonly title: "TiffLossyCompressionOptions";
                readonly required: readonly ["type"];
                readonly type: "object";
                readonly properties: {
                    readonly type: {
                        readonly title: "Type";
                        readonly enum: readonly ["lossy"];
                        readonly type: "string";
                        readonly description: "Must have value `\"lossy\"`";
                    };
                    readonly quality: {
                        readonly title: "Quality";
                        readonly maximum: 100;
                        readonly minimum: 1;
                        readonly type: "integer";
                        readonly default: 75;
                    };
                };
                readonly additionalProperties: false;
            };
            readonly TiffLosslessCompressionOptions: {
                readonly title: "TiffLosslessCompressionOptions";
                readonly required: readonly ["type"];
                readonly type: "object";
                readonly properties: {
                    readonly type: {
                        readonly title: "Type";
                        readonly enum: readonly ["lossless"];
                        readonly type: "string";
                        readonly description: "Must have value `\"lossless\"`";
                    };
                };
                readonly additionalProperties: false;
            };
            readonly MetadataOptions: {
                readonly title: "image color space options";
                readonly type: "object";
                readonly properties: {
                    readonly dpi: {
                        readonly title: "DPI";
                        readonly type: "integer";
                        readonly description: "Dots per inch.";
                    };
                    readonly color_space: {
                        readonly title: "Color Space";
                        readonly anyOf: readonly [{
                            readonly $ref: "#/components/schemas/ColorSpaceEnum";
                        }, {
                            readonly $ref: "#/components/schemas/RGBColorSpaceOptions";
                        }, {
                            readonly $ref: "#/components/schemas/CMYKColorSpaceOptions";
                        }];
                        readonly description: "Specifies desirable color space of the output image. By default, preserves the color space of the original image.";
                    };
                };
                readonly additionalProperties: false;
            };
            readonly ColorSpaceEnum: {
                readonly title: "Type of color space";
                readonly enum: readonly ["RGB", "CMYK"];
                readonly type: "string";
                readonly description: "Selects the type of color space: \n\n| Value | Description |\n| --- | --- |\n| `\"RGB\"` | Is the color space for digital images. Use the RGB color mode if your image is supposed to be displayed on any kind of screen.|\n| `\"CMYK\"` | Is the color space for printed materials. Use CMYK for any image that will be physically printed, not viewed on a screen.|\n";
            };
            readonly RGBColorSpaceOptions: {
                readonly title: "RGBColorSpaceOptions";
                readonly required: readonly ["type"];
                readonly type: "object";
                readonly properties: {
                    readonly type: {
                        readonly title: "Type";
                        readonly enum: readonly ["RGB"];
                        readonly type: "string";
                    };
                };
                readonly additionalProperties: false;
            };
            readonly CMYKColorSpaceOptions: {
                readonly title: "CMYKColorSpaceOptions";
                readonly required: readonly ["type"];
                readonly type: "object";
                readonly properties: {
                    readonly type: {
                        readonly title: "Type";
                        readonly enum: readonly ["CMYK"];
                        readonly type: "string";
                    };
                    readonly color_profile: {
                        readonly allOf: readonly [{
                            readonly $ref: "#/components/schemas/CMYKColorProfileEnum";
                        }];
                        readonly description: "Specifies color profile that will be used for color space. \n\nSelects the type of color space profile: \n\n| Value | Description | Paper | Max. total ink (TAC) | Characterisation data | \n| --- | --- | --- | --- | --- |\n| `\"ISO_Coated\"` | (Coated FOGRA39, ISO 12647-2:2004) Is used by default. Standard for glossy and matte coated paper. | Grades 1 and 2, gloss and matte coated. | 330% | FOGRA39 |\n| `\"ISO_Uncoated\"` | (Uncoated FOGRA29, ISO 12647-2:2004) Standard for uncoated white natural paper. | Grade 4, uncoated white offset. | 300% | FOGRA29 |\n| `\"USWeb_Coated\"` | (SWOP2006_Coated3v2) Standard for glossy and matte coated paper in the United States. | Grades 1, 2 and 3 gloss coated, matte coated and uncoated paper. | 300% | CGATS TR003 |\n| `\"USWeb_Uncoated\"` | (GRACoL 2013 Uncoated) Standard for uncoated white natural paper in the United States. | Grade 4, uncoated white offset. | 260% |  CGATS21-2-CRPC3 |\n";
                        readonly default: "USWeb_Coated";
                    };
                };
                readonly additionalProperties: false;
            };
            readonly CMYKColorProfileEnum: {
                readonly title: "Type of color space";
                readonly enum: readonly ["ISO_Coated", "ISO_Uncoated", "USWeb_Coated", "USWeb_Uncoated"];
                readonly type: "string";
                readonly description: "Selects the type of color space profile: \n\n| Value | Description | Paper | Max. total ink (TAC) | Characterisation data | \n| --- | --- | --- | --- | --- |\n| `\"ISO_Coated\"` | (Coated FOGRA39, ISO 12647-2:2004) Is used by default. Standard for glossy and matte coated paper. | Grades 1 and 2, gloss and matte coated. | 330% | FOGRA39 |\n| `\"ISO_Uncoated\"` | (Uncoated FOGRA29, ISO 12647-2:2004) Standard for uncoated white natural paper. | Grade 4, uncoated white offset. | 300% | FOGRA29 |\n| `\"USWeb_Coated\"` | (SWOP2006_Coated3v2) Standard for glossy and matte coated paper in the United States. | Grades 1, 2 and 3 gloss coated, matte coated and uncoated paper. | 300% | CGATS TR003 |\n| `\"USWeb_Uncoated\"` | (GRACoL 2013 Uncoated) Standard for uncoated white natural paper in the United States. | Grade 4, uncoated white offset. | 260% |  CGATS21-2-CRPC3 |\n";
            };
            readonly Response_BatchAcceptedResponse_: {
                readonly title: "Response[BatchAcceptedResponse]";
                readonly type: "object";
                readonly properties: {
                    readonly data: {
                        readonly $ref: "#/components/schemas/BatchAcceptedResponse";
                    };
                };
                readonly description: "Wrapper for responses";
            };
            readonly BatchAcceptedResponse: {
                readonly title: "BatchAcceptedResponse";
                readonly required: readonly ["id", "status", "created_at", "request"];
                readonly type: "object";
                readonly properties: {
                    readonly id: {
                        readonly title: "Id";
                        readonly type: "integer";
                    };
                    readonly status: {
                        readonly $ref: "#/components/schemas/APIV1Status";
                    };
                    readonly result_url: {
                        readonly title: "Result Url";
                        readonly maxLength: 65536;
                        readonly minLength: 1;
                        readonly type: "string";
                        readonly format: "uri";
                    };
                    readonly created_at: {
                        readonly title: "Created At";
                        readonly type: "string";
                        readonly format: "date-time";
                    };
                    readonly request: {
                        readonly title: "Request";
                        readonly anyOf: readonly [{
                            readonly $ref: "#/components/schemas/BatchEditRequest";
                        }, {
                            readonly $ref: "#/components/schemas/AsyncEditRequest";
                        }, {
                            readonly type: "object";
                        }];
                    };
                    readonly errors: {
                        readonly title: "Errors";
                        readonly type: "array";
                        readonly items: {
                            readonly $ref: "#/components/schemas/BatchPipelineError";
                        };
                        readonly default: readonly [];
                    };
                    readonly results: {
                        readonly title: "Results";
                        readonly type: "array";
                        readonly items: {
                            readonly $ref: "#/components/schemas/BatchPipelineResultItem";
                        };
                        readonly default: readonly [];
                    };
                };
            };
            readonly APIV1Status: {
                readonly title: "APIV1Status";
                readonly enum: readonly ["ACCEPTED", "WAITING", "PROCESSING", "DONE", "ERROR", "CANCELLED", "PAUSED"];
                readonly type: "string";
                readonly description: "An enumeration.";
            };
            readonly AsyncEditRequest: {
                readonly title: "AsyncEditRequest";
                readonly required: readonly ["input", "operations"];
                readonly type: "object";
                readonly properties: {
                    readonly input: {
                        readonly title: "Input URL";
                        readonly maxLength: 4096;
                        readonly minLength: 1;
                        readonly type: "string";
                        readonly description: "URL of the input image. Should be from 1 to 512 characters. Image must be accessible by our system.";
                        readonly format: "uri";
                    };
                    readonly operations: {
                        readonly title: "Operations";
                        readonly allOf: readonly [{
                            readonly $ref: "#/components/schemas/ImageOperations";
                        }];
                        readonly description: "Customize the editing workflow so that the output images meet your requirements.";
                    };
                    readonly output: {
                        readonly title: "Output";
                        readonly anyOf: readonly [{
                            readonly $ref: "#/components/schemas/ImageOutputOptions";
                        }, {
                            readonly type: "string";
                            readonly minLength: 1;
                            readonly maxLength: 4096;
                            readonly format: "uri";
                        }];
                        readonly description: "Customize the result output.";
                        readonly default: {
                            readonly format: "jpeg";
                        };
                    };
                };
                readonly additionalProperties: false;
            };
            readonly BatchPipelineError: {
                readonly title: "BatchPipelineError";
                readonly required: readonly ["error", "created_at"];
                readonly type: "object";
                readonly properties: {
                    readonly error: {
                        readonly title: "Error";
                        readonly type: "string";
                    };
                    readonly created_at: {
                        readonly title: "Created At";
                        readonly type: "string";
                    };
                    readonly input_object: {
                        readonly $ref: "#/components/schemas/PipelineInputObjectInError";
                    };
                };
            };
            readonly PipelineInputObjectInError: {
                readonly title: "PipelineInputObjectInError";
                readonly required: readonly ["ext", "mps", "mime", "format", "width", "height"];
                readonly type: "object";
                readonly properties: {
                    readonly ext: {
                        readonly title: "Ext";
                        readonly type: "string";
                        readonly description: "File extension. Can have values: `\"jpg\"`, `\"png\"`, `\"avif\"`";
                    };
                    readonly mps: {
                        readonly title: "Mps";
                        readonly type: "number";
                        readonly description: "Megapixel count";
                    };
                    readonly mime: {
                        readonly title: "Mime";
                        readonly type: "string";
                        readonly description: "MIME type (also known as ‘media type’)";
                    };
                    readonly format: {
                        readonly title: "Format";
                        readonly type: "string";
                        readonly description: "File format. Can have values: `\"jpeg\"`, `\"png\"`, `\"avif\"`";
                    };
                    readonly width: {
                        readonly title: "Width";
                        readonly type: "integer";
                        readonly description: "Image width in pixels";
                    };
                    readonly height: {
                        readonly title: "Height";
                        readonly type: "integer";
                        readonly description: "Image height in pixels";
                    };
                };
            };
            readonly BatchPipelineResultItem: {
                readonly title: "BatchPipelineResultItem";
                readonly required: readonly ["input_object", "output_object"];
                readonly type: "object";
                readonly properties: {
                    readonly input_object: {
                        readonly $ref: "#/components/schemas/PipelineInputObject";
                    };
                    readonly output_object: {
                        readonly $ref: "#/components/schemas/BatchPipelineOutputObject";
                    };
                };
            };
            readonly PipelineInputObject: {
                readonly title: "PipelineInputObject";
                readonly required: readonly ["ext", "mps", "mime", "format", "width", "height"];
                readonly type: "object";
                readonly properties: {
                    readonly ext: {
                        readonly title: "Ext";
                        readonly type: "string";
                        readonly description: "File extension. Can have values: `\"jpg\"`, `\"png\"`, `\"avif\"`";
                    };
                    readonly mps: {
                        readonly title: "Mps";
                        readonly type: "number";
                        readonly description: "Megapixel count";
                    };
                    readonly mime: {
                        readonly title: "Mime";
                        readonly type: "string";
                        readonly description: "MIME type (also known as ‘media type’)";
                    };
                    readonly format: {
                        readonly title: "Format";
                        readonly type: "string";
                        readonly description: "File format. Can have values: `\"jpeg\"`, `\"png\"`, `\"avif\"`";
                    };
                    readonly width: {
                        readonly title: "Width";
                        readonly type: "integer";
                        readonly description: "Image width in pixels";
                    };
                    readonly height: {
                        readonly title: "Height";
                        readonly type: "integer";
                        readonly description: "Image height in pixels";
                    };
                };
            };
            readonly BatchPipelineOutputObject: {
                readonly title: "BatchPipelineOutputObject";
                readonly required: readonly ["ext", "mps", "mime", "format", "width", "height"];
                readonly type: "object";
                readonly properties: {
                    readonly ext: {
                        readonly title: "Ext";
                        readonly type: "string";
                        readonly description: "File extension. Can have values: `\"jpg\"`, `\"png\"`, `\"avif\"`";
                    };
                    readonly mps: {
                        readonly title: "Mps";
                        readonly type: "number";
                        readonly description: "Megapixel count";
                    };
                    readonly mime: {
                        readonly title: "Mime";
                        readonly type: "string";
                        readonly description: "MIME type (also known as ‘media type’)";
                    };
                    readonly format: {
                        readonly title: "Format";
                        readonly type: "string";
                        readonly description: "File format. Can have values: `\"jpeg\"`, `\"png\"`, `\"avif\"`";
                    };
                    readonly width: {
                        readonly title: "Width";
                        readonly type: "integer";
                        readonly description: "Image width in pixels";
                    };
                    readonly height: {
                        readonly title: "Height";
                        readonly type: "integer";
                        readonly description: "Image height in pixels";
                    };
                    readonly tmp_url: {
                        readonly title: "Tmp Url";
                        readonly type: "string";
                        readonly description: "Temporal URL of a processed image";
                    };
                    readonly object_key: {
                        readonly title: "Object Key";
                        readonly type: "string";
                        readonly description: "Path to a processed image in a bucket";
                    };
                    readonly object_bucket: {
                        readonly title: "Object Bucket";
                        readonly type: "string";
                        readonly description: "Bucket name";
                    };
                    readonly object_uri: {
                        readonly title: "Object Uri";
                        readonly type: "string";
                        readonly description: "URI of a processed image in a bucket";
                    };
                    readonly claid_storage_uri: {
                        readonly title: "Claid Storage Uri";
                        readonly type: "string";
                        readonly description: "URI of a processed image in a storage";
                    };
                    readonly gcs_key: {
                        readonly title: "Gcs Key";
                        readonly type: "string";
                    };
                    readonly gcs_bucket: {
                        readonly title: "Gcs Bucket";
                        readonly type: "string";
                    };
                };
            };
            readonly HttpErrorDetails: {
                readonly title: "HttpErrorDetails";
                readonly required: readonly ["error_code", "error_type", "error_message"];
                readonly type: "object";
                readonly properties: {
                    readonly error_code: {
                        readonly title: "Error Code";
                        readonly type: "string";
                    };
                    readonly error_type: {
                        readonly $ref: "#/components/schemas/ErrorType";
                    };
                    readonly error_message: {
                        readonly title: "Error Message";
                        readonly type: "string";
                    };
                    readonly error_details: {
                        readonly title: "Error Details";
                        readonly type: "object";
                        readonly default: {};
                    };
                };
            };
            readonly ErrorType: {
                readonly title: "ErrorType";
                readonly enum: readonly ["auth", "dlvr", "general", "le", "survey", "storage", "image", "user_settings", "user", "validation", "analytics", "scene", "billing", "web", "runtime_settings", "animation", "custom_models"];
                readonly type: "string";
                readonly description: "An enumeration.";
            };
            readonly Response_BatchResultResponse_: {
                readonly title: "Response[BatchResultResponse]";
                readonly type: "object";
                readonly properties: {
                    readonly data: {
                        readonly $ref: "#/components/schemas/BatchResultResponse";
                    };
                };
                readonly description: "Wrapper for responses";
            };
            readonly BatchResultResponse: {
                readonly title: "BatchResultResponse";
                readonly required: readonly ["id", "status", "created_at", "request"];
                readonly type: "object";
                readonly properties: {
                    readonly id: {
                        readonly title: "Id";
                        readonly type: "integer";
                    };
                    readonly status: {
                        readonly $ref: "#/components/schemas/APIV1Status";
                    };
                    readonly result_url: {
                        readonly title: "Result Url";
                        readonly maxLength: 65536;
                        readonly minLength: 1;
                        readonly type: "string";
                        readonly format: "uri";
                    };
                    readonly created_at: {
                        readonly title: "Created At";
                        readonly type: "string";
                        readonly format: "date-time";
                    };
                    readonly request: {
                        readonly title: "Request";
                        readonly anyOf: readonly [{
                            readonly $ref: "#/components/schemas/BatchEditRequest";
                        }, {
                            readonly $ref: "#/components/schemas/AsyncEditRequest";
                        }, {
                            readonly type: "object";
                        }];
                    };
                    readonly errors: {
                        readonly title: "Errors";
                        readonly type: "array";
                        readonly items: {
                            readonly $ref: "#/components/schemas/BatchPipelineError";
                        };
                        readonly default: readonly [];
                    };
                    readonly results: {
                        readonly title: "Results";
                        readonly type: "array";
                        readonly items: {
                            readonly $ref: "#/components/schemas/AsyncPipelineResultItem";
                        };
                        readonly default: readonly [];
                    };
                };
            };
            readonly AsyncPipelineResultItem: {
                readonly title: "AsyncPipelineResultItem";
                readonly required: readonly ["input_object", "output_object"];
                readonly type: "object";
                readonly properties: {
                    readonly input_object: {
                        readonly $ref: "#/components/schemas/PipelineInputObject";
                    };
                    readonly output_object: {
                        readonly $ref: "#/components/schemas/PipelineOutputObject";
                    };
                };
            };
            readonly PipelineOutputObject: {
                readonly title: "PipelineOutputObject";
                readonly required: readonly ["ext", "mps", "mime", "format", "width", "height"];
                readonly type: "object";
                readonly properties: {
                    readonly ext: {
                        readonly title: "Ext";
                        readonly type: "string";
                        readonly description: "File extension. Can have values: `\"jpg\"`, `\"png\"`, `\"avif\"`";
                    };
                    readonly mps: {
                        readonly title: "Mps";
                        readonly type: "number";
                        readonly description: "Megapixel count";
                    };
                    readonly mime: {
                        readonly title: "Mime";
                        readonly type: "string";
                        readonly description: "MIME type (also known as ‘media type’)";
                    };
                    readonly format: {
                        readonly title: "Format";
                        readonly type: "string";
                        readonly description: "File format. Can have values: `\"jpeg\"`, `\"png\"`, `\"avif\"`";
                    };
                    readonly width: {
                        readonly title: "Width";
                        readonly type: "integer";
                        readonly description: "Image width in pixels";
                    };
                    readonly height: {
                        readonly title: "Height";
                        readonly type: "integer";
                        readonly description: "Image height in pixels";
                    };
                    readonly tmp_url: {
                        readonly title: "Tmp Url";
                        readonly type: "string";
                        readonly description: "Temporal URL of a processed image";
                    };
                    readonly object_key: {
                        readonly title: "Object Key";
                        readonly type: "string";
                        readonly description: "Path to a processed image in a bucket";
                    };
                    readonly object_bucket: {
                        readonly title: "Object Bucket";
                        readonly type: "string";
                        readonly description: "Bucket name";
                    };
                    readonly object_uri: {
                        readonly title: "Object Uri";
                        readonly type: "string";
                        readonly description: "URI of a processed image in a bucket";
                    };
                    readonly claid_storage_uri: {
                        readonly title: "Claid Storage Uri";
                        readonly type: "string";
                        readonly description: "URI of a processed image in a storage";
                    };
                };
            };
        };
    };
};

/**
 * Claid's OpenAPI document at run time, for tools built on the SDK: operations,
 * JSON Schema validators for bodies, and the enum lists (e.g. for a CLI's choices).
 * Everything here derives from the generated spec module, so it follows `npm run spec:update`.
 * A separate entry (`@claid/core/spec`): the client itself never loads it. Needs `ajv` and `ajv-formats`.
 * @packageDocumentation
 * @module @claid/core/spec
 */

type Schemas = typeof openapiDocument.components.schemas;
type OperationObject = {
    operationId: string;
    requestBody?: {
        content: Record<string, {
            schema: {
                $ref: string;
            };
        }>;
    };
    responses: Record<string, {
        content?: Record<string, {
            schema: {
                $ref: string;
            };
        }>;
    }>;
};
/** An operation of the spec: method, path and operation object. */
interface SpecOperation {
    method: string;
    /** The spec path, e.g. `/v1/image/edit/batch/{task_id}`. */
    path: string;
    operation: OperationObject;
}
/** Looks an operation up by its operationId in the spec. */
declare function specOperation(operationId: string): SpecOperation;
/** The spec's `POST /v1/image/edit/batch` operation. */
declare const CREATE_BATCH: SpecOperation;
/** The spec's `GET /v1/image/edit/batch/{task_id}` operation. */
declare const GET_BATCH: SpecOperation;
/** The names of the spec's enum schemas (`FitEnum`, `FormatEnum`, `APIV1Status`, …). */
type EnumName = {
    [K in keyof Schemas]: Schemas[K] extends {
        enum: readonly string[];
    } ? K : never;
}[keyof Schemas];
/** The values of an enum schema, in the spec's order: `enumValues("FitEnum")` → `["crop", "cover", …]`. */
declare function enumValues<N extends EnumName>(name: N): Schemas[N] extends {
    enum: infer V;
} ? V : never;
/** A validator for a `#/components/...` pointer of the spec; compiled once, on first use. */
declare function validatorFor(pointer: string): ValidateFunction;
/** The JSON pointer of an operation's request body schema. */
declare function requestSchemaPointer(op: SpecOperation): string;
/** The schema pointer of a response, falling back to the spec's `default` response. */
declare function responseSchemaPointer(op: SpecOperation, status: number): string | undefined;
/** Claid's validation error details from a validator's errors: field path → messages. */
declare function validationDetails(errors: ErrorObject[]): Record<string, string[]>;

export { CREATE_BATCH, type EnumName, GET_BATCH, type SpecOperation, enumValues, openapiDocument, requestSchemaPointer, responseSchemaPointer, specOperation, validationDetails, validatorFor };
