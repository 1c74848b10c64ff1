import type { PolicyEffect } from './decision.js';

/** A JSON scalar, the only kind of value `equals` and `in` compare against. */
export type JsonScalar = string | number | boolean | null;

/** One value or a list of them, as users write it in the config. */
export type OneOrMany<T> = T | readonly T[];

/** The predicates that can be applied to the values a selector picks out of the arguments. */
export interface ArgumentPredicateSettings {
  readonly pathUnder?: OneOrMany<string> | undefined;
  readonly notPathUnder?: OneOrMany<string> | undefined;
  readonly urlHost?: OneOrMany<string> | undefined;
  readonly notUrlHost?: OneOrMany<string> | undefined;
  readonly scheme?: OneOrMany<string> | undefined;
  readonly equals?: JsonScalar | undefined;
  readonly in?: readonly JsonScalar[] | undefined;
  readonly glob?: OneOrMany<string> | undefined;
  readonly regex?: string | undefined;
  readonly lt?: number | undefined;
  readonly gt?: number | undefined;
  readonly maxLength?: number | undefined;
  readonly exists?: boolean | undefined;
}

/** One policy rule as written in the config. */
export interface RuleSettings {
  readonly id: string;
  readonly effect: PolicyEffect;
  readonly match: string;
  readonly agents?: readonly string[] | undefined;
  readonly access?: AccessClass | undefined;
  readonly serverTags?: readonly string[] | undefined;
  readonly args?: Readonly<Record<string, ArgumentPredicateSettings>> | undefined;
  readonly reason?: string | undefined;
  readonly enforce?: boolean | undefined;
}

/** One rate limit as written in the config. */
export interface LimitSettings {
  readonly id: string;
  readonly match: string;
  readonly rate: string;
  readonly burst?: number | undefined;
  readonly per?: 'server' | 'tool' | 'agent' | undefined;
}

/** Whether a tool only reads or may change something. */
export type AccessClass = 'read' | 'write';

/**
 * The config's `policy` section as core understands it; the zod schema in `config/` is checked
 * against this type so core never depends on zod.
 */
export interface PolicySettings {
  readonly mode?: 'enforce' | 'audit' | undefined;
  readonly default: PolicyEffect;
  readonly access?: Readonly<Record<string, AccessClass>> | undefined;
  readonly rules?: readonly RuleSettings[] | undefined;
  readonly limits?: readonly LimitSettings[] | undefined;
}
