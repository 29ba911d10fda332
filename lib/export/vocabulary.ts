// The W3C Web Annotation vocabulary as Hashiya writes it, shared by the exporter and the importer
// (docs/EXPORT-FORMAT.md describes the file). Everything the W3C model has a term for uses that
// term; what it lacks (colour, entity links, the article's metadata, tombstones, the reader's own
// dictionary) lives under one extension prefix, so any Web Annotation tool reads the notes and
// ignores the rest.

/** The W3C Web Annotation JSON-LD context. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Hashiya's extension namespace: a URN, as no web page stands behind it. */
export const HASHIYA_NS = 'urn:hashiya:ns:v1:';
/** The @context of an exported collection: the W3C context, then the extension prefix. */
export const EXPORT_CONTEXT = [ANNO_CONTEXT, { hashiya: HASHIYA_NS }] as const;

/** Extension terms (compact IRIs under the `hashiya` prefix). */
export const TERM = {
  /** On the collection: every article the exported notes belong to, with its metadata. */
  articles: 'hashiya:articles',
  /** On the collection: deleted notes kept as tombstones, outside `first` so other tools never show them. */
  tombstones: 'hashiya:tombstones',
  /** On an annotation: the ArticleRecord.id it belongs to. */
  article: 'hashiya:article',
  colour: 'hashiya:colour',
  entities: 'hashiya:entities',
  /** On a tombstone: when the note was deleted. */
  deleted: 'hashiya:deleted',
  /**
   * On the collection: what the reader taught the dictionary (lib/reader-dictionary/model.ts:
   * entities, overrides, suppressions, dismissed proposals), tombstones included, as JSON. A full
   * backup carries every entry; a filtered export only the reader's entities its notes link to.
   */
  readerEntries: 'hashiya:readerEntries',
} as const;

const UUID = /^[\da-f]{8}(?:-[\da-f]{4}){3}-[\da-f]{12}$/i;

/** A note's id as an IRI, as the W3C model asks. */
export function annotationIri(uuid: string): string {
  return `urn:uuid:${uuid}`;
}

/** The UUID inside `urn:uuid:…`, else null. */
export function uuidFromIri(iri: string): string | null {
  const m = /^urn:uuid:(.+)$/i.exec(iri);
  const id = m?.[1];
  return id !== undefined && UUID.test(id) ? id.toLowerCase() : null;
}

export function isUuid(id: string): boolean {
  return UUID.test(id);
}
