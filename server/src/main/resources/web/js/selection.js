// The assets chosen for an action on many: click or Space toggles one, Shift extends from the
// last one chosen to here. Kept by id, so a selection survives the grid being laid out again.

export class Selection {
  constructor() {
    this.ids = new Set();
    this.anchor = -1;
    this.listeners = new Set();
  }

  get size() {
    return this.ids.size;
  }

  has(id) {
    return this.ids.has(id);
  }

  list() {
    return [...this.ids];
  }

  listen(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed() {
    for (const listener of this.listeners) {
      listener(this);
    }
  }

  toggle(id, index) {
    if (this.ids.has(id)) {
      this.ids.delete(id);
    } else {
      this.ids.add(id);
    }
    this.anchor = index;
    this.changed();
  }

  /** Selects everything from the anchor (or this one, when there is none) to this one. */
  range(assets, index) {
    const from = this.anchor < 0 ? index : this.anchor;
    const [low, high] = from <= index ? [from, index] : [index, from];
    for (let i = low; i <= high && i < assets.length; i++) {
      this.ids.add(assets[i].id);
    }
    if (this.anchor < 0) {
      this.anchor = index;
    }
    this.changed();
  }

  selectAll(assets) {
    for (const asset of assets) {
      this.ids.add(asset.id);
    }
    this.changed();
  }

  clear() {
    if (this.ids.size > 0 || this.anchor >= 0) {
      this.ids.clear();
      this.anchor = -1;
      this.changed();
    }
  }
}
