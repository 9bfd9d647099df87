import { ClaidMockStore, ClaidHandlersOptions } from './index.js';
import '@claid/core';
import 'msw';

/** Options of `createClaidMockServer()`: the handlers' options plus the port. */
interface ClaidMockServerOptions extends Omit<ClaidHandlersOptions, "baseUrl" | "storageBaseUrl"> {
    /** Default 0: a free port. */
    port?: number;
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
/** Starts the mock on 127.0.0.1. Answers CORS preflights so browser pages on other origins can call it. */
declare function createClaidMockServer(options?: ClaidMockServerOptions): Promise<ClaidMockServer>;

export { type ClaidMockServer, type ClaidMockServerOptions, createClaidMockServer };
