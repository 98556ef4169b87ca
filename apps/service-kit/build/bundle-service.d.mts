/** Types of bundle-service.mjs (plain JavaScript, run by the image's build stage without a loader). */
export declare const builtEntry: (serviceDir: string) => string;
export declare const threadEntries: (serviceDir: string) => string[];
export declare const isFresh: (serviceDir: string) => boolean;
export declare const bundleService: (serviceDir: string) => Promise<string>;
