/** Types of bundle-service.mjs (plain JavaScript, run by the image's build stage without a loader). */
export declare const builtEntry: (serviceDir: string) => string;
export declare const threadEntries: (serviceDir: string) => string[];
/** Where the bundler records a bundle's inputs for isFresh: beside `<serviceDir>/dist/`, never in it (the image ships dist/). */
export declare const freshnessRecord: (serviceDir: string) => string;
export declare const isFresh: (serviceDir: string) => boolean;
export declare const bundleService: (serviceDir: string) => Promise<string>;
/** The countries whose holiday tables the bundled `opening_hours` keeps (the catalog's PLACE_COUNTRY). */
export declare const OPENING_HOURS_COUNTRIES: readonly string[];
/** The source of `opening_hours`' module with its holiday table cut to `countries`; throws when the table is not found. */
export declare const keepOpeningHoursCountries: (source: string, countries: readonly string[]) => string;
/** `source` (an esbuild output module) with every character ASCII and the same meaning; throws where it cannot. */
export declare const asciiOnly: (source: string, file?: string) => Promise<string>;
/** The modules a bundle's entry loads (the entry first) and the packages they import by name; with `dynamic`, what it may import later too. */
export declare const bundleGraph: (entry: string, options?: { readonly dynamic?: boolean }) => Promise<{ readonly files: string[]; readonly packages: string[] }>;
/** The source of every module a bundle's entry may load (bundleGraph with `dynamic`), the entry first. */
export declare const bundleSource: (entry: string) => Promise<string>;
