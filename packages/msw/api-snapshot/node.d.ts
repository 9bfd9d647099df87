import { a as ClaidMockStore, C as ClaidHandlersOptions } from './handlers-CHDlT-M5.js';
import '@claid/core';
import 'msw';

/** Options of `createClaidMockServer()`: the handlers' options plus the port. */
interface ClaidMockServerOptions extends Omit<ClaidHandlersOptions, "baseUrl" | "storageBaseUrl"> {
    /** Default 0: a free port. */
    port?: number;
    /**
     * Page origins allowed to call the server from a browser (CORS), e.g. `["https://app.example.com"]`, or `"*"` for any.
     * Loopback origins (`http://localhost:*`, `http://127.0.0.1:*`, `http://[::1]:*`, and https) are always allowed;
     * any other origin gets no `Access-Control-Allow-Origin`. Default: loopback only.
     */
    allowedOrigins?: readonly string[] | "*";
}
/** A running mock server. */
interface ClaidMockServer {
    /** The API's base URL, e.g. `http://127.0.0.1:43123`. */
    url: string;
    /** Where result files are served: the same server under another origin (`localhost`), so a leaked key would show. */
    storageUrl: string;
    store: ClaidMockStore;
    /** Stops the server and drops open connections. */
    close(): Promise<void>;
}
/**
 * Starts the mock on 127.0.0.1. Answers CORS for pages on loopback origins (more with `allowedOrigins`).
 * Request bodies over `maxBodyBytes` get 413 without being read to the end.
 */
declare function createClaidMockServer(options?: ClaidMockServerOptions): Promise<ClaidMockServer>;

export { type ClaidMockServer, type ClaidMockServerOptions, createClaidMockServer };
