import { placeholderRefs } from './placeholder-refs.ts';

/** One entry of a _locales/<lang>/messages.json file. */
export interface CatalogueEntry {
  readonly message: string;
  readonly description?: string;
  readonly placeholders?: Readonly<Record<string, { readonly content: string; readonly example?: string }>>;
}

export type Catalogue = Readonly<Record<string, CatalogueEntry>>;

/** Keys of a translation that need work, each list in the source catalogue's key order (extra: the translation's). */
export interface CatalogueDiff {
  /** In the source, not in the translation. */
  readonly missing: readonly string[];
  /** In the translation, not in the source (renamed or removed keys). */
  readonly extra: readonly string[];
  /** The message uses other $NAME$ / $n references than the source, or the placeholders object differs. */
  readonly placeholderMismatch: readonly string[];
  /** The message is still the source's text and the key is not allowed to stay so. */
  readonly untranslated: readonly string[];
  /** Allowed to stay as the source, but translated now (or gone from either side): the allowance is stale. */
  readonly staleAllowed: readonly string[];
}

const placeholderObject = (entry: CatalogueEntry): string =>
  JSON.stringify(
    Object.entries(entry.placeholders ?? {})
      .map(([name, value]) => [name, value.content, value.example ?? null])
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
  );

/**
 * Compares a translation with its source catalogue. `sameAllowed` names the keys whose message may equal the
 * source's (product and API names); every other message must differ from the source.
 */
export function catalogueDiff(source: Catalogue, translation: Catalogue, sameAllowed: ReadonlySet<string>): CatalogueDiff {
  const sourceKeys = Object.keys(source);
  const shared = sourceKeys.filter((key) => key in translation);
  const pairs = shared.map((key) => [key, source[key], translation[key]] as const);
  return {
    missing: sourceKeys.filter((key) => !(key in translation)),
    extra: Object.keys(translation).filter((key) => !(key in source)),
    placeholderMismatch: pairs
      .filter(([, from, to]) => !from || !to || placeholderRefs(from.message).join() !== placeholderRefs(to.message).join() || placeholderObject(from) !== placeholderObject(to))
      .map(([key]) => key),
    untranslated: pairs.filter(([key, from, to]) => from?.message === to?.message && !sameAllowed.has(key)).map(([key]) => key),
    staleAllowed: [...sameAllowed].filter((key) => source[key] === undefined || translation[key] === undefined || source[key].message !== translation[key].message),
  };
}
