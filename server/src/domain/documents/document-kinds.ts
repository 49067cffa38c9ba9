import type { DocumentKind } from '../feature.js';
import { DOMAIN_FEATURES } from '../feature-registry.js';

/** Every feature's document kinds; a kind declared twice throws at the first use, like `mergeMaps` at start. */
function collectKinds(): ReadonlyMap<string, DocumentKind> {
  const kinds = new Map<string, DocumentKind>();
  for (const feature of DOMAIN_FEATURES) {
    for (const [kind, rules] of Object.entries(feature.documents ?? {})) {
      if (kinds.has(kind)) throw new Error(`document kind ${kind} is declared twice (feature ${feature.name})`);
      kinds.set(kind, rules);
    }
  }
  return kinds;
}

// Collected on first use: a feature's decider may ask for a kind (annotations do), and the registry
// that lists that feature is still being loaded when its module is.
let kinds: ReadonlyMap<string, DocumentKind> | null = null;

/** The rules of a document kind, or undefined for a kind no feature owns (read as not found). */
export const documentKind = (kind: string): DocumentKind | undefined => (kinds ??= collectKinds()).get(kind);
