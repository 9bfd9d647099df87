// Everything @claid/core exports, as a bundler would include it (openapi-fetch included).
export * from "@claid/core";
