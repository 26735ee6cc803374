/**
 * How much data the sandbox seeds, within the org limits: shared by the configuration (which
 * validates `SANDBOX_SCALE`) and the sandbox (which seeds it), so neither imports the other.
 */
import { MAX_RECORDS_PER_SOURCE, MAX_SOURCES } from './nelm-limits.ts';

export type ScalePreset = 'small' | 'org';

export interface Scale {
  sources: number;
  recordsPerSource: number;
}

export const SCALE_PRESETS: Record<ScalePreset, Scale> = {
  small: { sources: 6, recordsPerSource: 60 },
  org: { sources: MAX_SOURCES, recordsPerSource: MAX_RECORDS_PER_SOURCE },
};

export const SCALE_SYNTAX = `small, org or <sources>x<records> (at most ${MAX_SOURCES}x${MAX_RECORDS_PER_SOURCE})`;

const fits = (value: number, max: number) => Number.isInteger(value) && value >= 0 && value <= max;

/** The scale as sizes, or null when it is not one or does not fit the org limits. */
export const readScale = (scale: string | Scale): Scale | null => {
  if (scale === 'small' || scale === 'org') return SCALE_PRESETS[scale];
  let sizes: Scale | null = typeof scale === 'string' ? null : scale;
  if (typeof scale === 'string') {
    const match = /^(\d+)x(\d+)$/.exec(scale);
    sizes = match ? { sources: Number(match[1]), recordsPerSource: Number(match[2]) } : null;
  }
  if (!sizes || !fits(sizes.sources, MAX_SOURCES) || !fits(sizes.recordsPerSource, MAX_RECORDS_PER_SOURCE))
    return null;
  return sizes;
};

/** `small`, `org` or `<sources>x<records>` (e.g. `50x20000`) as sizes; a RangeError otherwise. */
export const parseScale = (scale: string | Scale): Scale => {
  const sizes = readScale(scale);
  if (!sizes) throw new RangeError(`Scale must be ${SCALE_SYNTAX}, got ${JSON.stringify(scale)}.`);
  return sizes;
};
