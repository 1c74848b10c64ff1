/** A problem (or warning) in the config's `policy` section, located by its JSON path under `policy`. */
export interface PolicyProblem {
  readonly path: (string | number)[];
  readonly message: string;
}

/** Collects problems (the config is invalid) and warnings (valid, but probably not meant). */
export interface ProblemReport {
  problem(path: (string | number)[], message: string): void;
  warning(path: (string | number)[], message: string): void;
}
