import path from 'node:path';
import { placeDataSet } from '../src/data/load.ts';

/** The data set shipped with the service (data/), where the entry point finds it: in the service's folder. */
export const DATA_SET = placeDataSet(path.join(import.meta.dirname, '..'));
