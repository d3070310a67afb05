// The query of expo's object API as the server's query parameters: filters on expo's asset fields
// (`width.gte=1080&mediaType.in=photo,video`), an album, an order, a limit and an offset, paged
// through with the cursor. camroll-next.js makes Assets of what it finds.

import { assetOf } from './camroll-events.js';
import { invalidArgument, request } from './camroll-transport.js';

export const MediaType = Object.freeze({ UNKNOWN: 'unknown', IMAGE: 'image', AUDIO: 'audio', VIDEO: 'video' });

export const AssetField = Object.freeze({
  CREATION_TIME: 'creationTime',
  MODIFICATION_TIME: 'modificationTime',
  MEDIA_TYPE: 'mediaType',
  WIDTH: 'width',
  HEIGHT: 'height',
  DURATION: 'duration',
  IS_FAVORITE: 'isFavorite',
});

/** The most assets one request asks for (the server's largest page). */
const PAGE = 10_000;
const ALL_MEDIA = 'photo,video,audio';

const wireMediaType = (type) => (type === MediaType.IMAGE ? 'photo' : type);
export const expoMediaType = (type) => (type === 'photo' ? MediaType.IMAGE : type);

export function idOf(ref, what) {
  const id = typeof ref === 'string' ? ref : ref?.id;
  if (typeof id !== 'string' || id.length === 0) {
    throw invalidArgument(what, `${what} must be an ${what === 'album' ? 'Album' : 'Asset'} or its id`);
  }
  return id;
}

export const listOf = (refs, what) => (Array.isArray(refs) ? refs : [refs]).map((ref) => idOf(ref, what));

const NUMERIC_FIELDS = ['creationTime', 'modificationTime', 'width', 'height', 'duration'];

/**
 * A query of assets, built by chaining: filters on fields, an album, order, limit and offset.
 * What it finds comes as records; camroll-next.js's Query makes them Assets.
 */
export class AssetQuery {
  #filters = new Map();
  #album = null;
  #order = [];
  #limit = null;
  #offset = 0;

  eq(field, value) {
    return this.#filter(field, 'eq', [value]);
  }

  within(field, values) {
    if (!Array.isArray(values) || values.length === 0) {
      throw invalidArgument(field, `within(${field}) takes a non-empty array`);
    }
    return this.#filter(field, 'in', values);
  }

  /** The name of `within` in earlier versions of expo's object API. */
  in_(field, values) {
    return this.within(field, values);
  }

  gt(field, value) {
    return this.#filter(field, 'gt', [value]);
  }

  gte(field, value) {
    return this.#filter(field, 'gte', [value]);
  }

  lt(field, value) {
    return this.#filter(field, 'lt', [value]);
  }

  lte(field, value) {
    return this.#filter(field, 'lte', [value]);
  }

  limit(limit) {
    if (!Number.isInteger(limit) || limit < 0) {
      throw invalidArgument('limit', 'limit must be a whole number >= 0');
    }
    this.#limit = limit;
    return this;
  }

  offset(offset) {
    if (!Number.isInteger(offset) || offset < 0) {
      throw invalidArgument('offset', 'offset must be a whole number >= 0');
    }
    this.#offset = offset;
    return this;
  }

  /** A field (ascending) or `{ key, ascending }`; each call adds a key after the earlier ones. */
  orderBy(sortDescriptor) {
    const { key, ascending = true } = typeof sortDescriptor === 'string' ? { key: sortDescriptor } : sortDescriptor ?? {};
    if (![...NUMERIC_FIELDS, 'mediaType'].includes(key)) {
      throw invalidArgument('orderBy', `cannot order by ${key}`);
    }
    if (typeof ascending !== 'boolean') {
      throw invalidArgument('orderBy', 'ascending must be a boolean');
    }
    this.#order.push(`${key}:${ascending ? 'asc' : 'desc'}`);
    return this;
  }

  album(album) {
    this.#album = idOf(album, 'album');
    return this;
  }

  #filter(field, op, values) {
    if (field === AssetField.IS_FAVORITE) {
      throw invalidArgument('isFavorite', 'the server filters favorites through the Favorites smart album: use album()');
    }
    if (field === AssetField.MEDIA_TYPE) {
      if (op !== 'eq' && op !== 'in') {
        throw invalidArgument('mediaType', 'mediaType takes only eq and within');
      }
      for (const value of values) {
        if (!Object.values(MediaType).includes(value)) {
          throw invalidArgument('mediaType', `Invalid mediaType: ${value}`);
        }
      }
      values = values.map(wireMediaType);
    } else if (NUMERIC_FIELDS.includes(field)) {
      for (const value of values) {
        if (typeof value !== 'number' || !Number.isFinite(value)) {
          throw invalidArgument(field, `${field} is compared with numbers, got ${value}`);
        }
      }
      if (field === 'duration') {
        values = values.map((millis) => millis / 1000);
      }
    } else {
      throw invalidArgument('field', `not a field of AssetField: ${field}`);
    }
    const name = `${field}.${op}`;
    if (this.#filters.has(name)) {
      throw invalidArgument(name, `${name} is given twice`);
    }
    this.#filters.set(name, values.join(','));
    return this;
  }

  #parameters() {
    const query = Object.fromEntries(this.#filters);
    if (!this.#filters.has('mediaType.eq') && !this.#filters.has('mediaType.in')) {
      query.mediaType = ALL_MEDIA;
    }
    if (this.#album !== null) {
      query.album = this.#album;
    }
    if (this.#order.length > 0) {
      query.sortBy = this.#order.join(',');
    }
    return query;
  }

  /**
   * The matching assets as plain records (what a listing knows of each asset, with expo's media
   * types), every one of them unless limit says otherwise.
   */
  async exeForMetadata() {
    return (await this.#records()).map((record) => ({ ...assetOf(record), mediaType: expoMediaType(record.mediaType) }));
  }

  async #records() {
    const query = this.#parameters();
    const records = [];
    let after = null;
    for (;;) {
      const wanted = this.#limit === null ? PAGE : Math.min(PAGE, this.#limit - records.length);
      if (wanted <= 0) {
        return records;
      }
      const paging = after === null ? (this.#offset > 0 ? { offset: this.#offset } : {}) : { after };
      const page = await request('GET', 'assets', { query: { ...query, ...paging, first: wanted } });
      records.push(...page.assets);
      if (!page.hasNextPage || page.assets.length === 0) {
        return records;
      }
      after = page.endCursor;
    }
  }
}
