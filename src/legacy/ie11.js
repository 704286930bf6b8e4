/* ES5 on purpose: the first module of functions.js (webpack.config.js). Excel on Windows without
   WebView2 runs the functions in Trident (IE11). This adds only what the bundle calls and IE11 lacks;
   every engine that has a feature keeps its own, so in WebView2, Safari or Node nothing changes.

   Iteration without Symbol: Babel's for-of, spread and destructuring helpers fall back to a
   "@@iterator" method when Symbol is missing, so Map, Set and their iterators get one. */
(function () {
  "use strict";
  var ITERATOR = "@@iterator";

  function define(target, name, value) {
    if (typeof target[name] !== "function") {
      Object.defineProperty(target, name, { value: value, writable: true, configurable: true });
    }
  }

  /** An iterator over a snapshot array, as Map/Set iterators return. */
  function arrayIterator(items) {
    var index = 0;
    var iterator = {
      next: function () {
        return index < items.length
          ? { value: items[index++], done: false }
          : { value: undefined, done: true };
      },
    };
    iterator[ITERATOR] = function () {
      return iterator;
    };
    return iterator;
  }

  /** The items of an array, string, array-like or "@@iterator" iterable (what Array.from takes). */
  function itemsOf(source) {
    if (source == null) throw new TypeError("Array.from needs an iterable or an array-like object");
    if (typeof source === "string") return source.split("");
    var method = source[ITERATOR];
    var items = [];
    if (typeof method !== "function") {
      // Index by index, not slice: Array.from({ length: n }) must give n undefined items, not holes.
      for (var i = 0; i < source.length; i++) items.push(source[i]);
      return items;
    }
    var iterator = method.call(source);
    for (var step = iterator.next(); !step.done; step = iterator.next()) items.push(step.value);
    return items;
  }

  define(Array, "from", function (source, mapItem, thisArg) {
    var items = itemsOf(source);
    return typeof mapItem === "function"
      ? items.map(function (item, index) {
          return mapItem.call(thisArg, item, index);
        })
      : items;
  });

  var arrayProto = Array.prototype;
  define(arrayProto, "find", function (test, thisArg) {
    for (var i = 0; i < this.length; i++) if (test.call(thisArg, this[i], i, this)) return this[i];
    return undefined;
  });
  define(arrayProto, "includes", function (wanted) {
    for (var i = 0; i < this.length; i++) {
      // SameValueZero: NaN finds NaN.
      if (this[i] === wanted || (wanted !== wanted && this[i] !== this[i])) return true;
    }
    return false;
  });
  define(arrayProto, "flatMap", function (mapItem, thisArg) {
    var flat = [];
    for (var i = 0; i < this.length; i++) {
      var mapped = mapItem.call(thisArg, this[i], i, this);
      if (Array.isArray(mapped)) flat.push.apply(flat, mapped);
      else flat.push(mapped);
    }
    return flat;
  });

  var stringProto = String.prototype;
  define(stringProto, "endsWith", function (suffix, endPosition) {
    var text = String(this);
    var end = endPosition === undefined ? text.length : Math.min(endPosition, text.length);
    var start = end - String(suffix).length;
    return start >= 0 && text.substring(start, end) === String(suffix);
  });
  define(stringProto, "includes", function (part, position) {
    return String(this).indexOf(part, position) !== -1;
  });
  // IE11 has no Unicode normalization: names and figures typed in plain text match as they are;
  // only full-width or composed look-alikes of a name are not recognised there.
  define(stringProto, "normalize", function () {
    return String(this);
  });
  define(stringProto, "trimEnd", function () {
    return String(this).replace(/\s+$/, "");
  });

  define(Number, "isFinite", function (value) {
    return typeof value === "number" && isFinite(value);
  });
  define(Number, "isInteger", function (value) {
    return Number.isFinite(value) && Math.floor(value) === value;
  });
  // The model's float tolerance (src/model/float.ts) is a multiple of it.
  if (Number.EPSILON === undefined) Number.EPSILON = Math.pow(2, -52);

  /**
   * IE11's Map and Set ignore the constructor's iterable, have no keys/values/entries, and their
   * set/add return undefined. Same prototype, so instanceof keeps working.
   */
  function completeCollection(name, addEntry, entryOf) {
    var Native = typeof self !== "undefined" ? self[name] : undefined;
    if (typeof Native !== "function") return;
    var proto = Native.prototype;
    var probe = new Native([[1, 1]]);
    if (probe.size !== 1) {
      var Complete = function (iterable) {
        var collection = new Native();
        if (iterable != null) {
          itemsOf(iterable).forEach(function (entry) {
            addEntry(collection, entry);
          });
        }
        return collection;
      };
      Complete.prototype = proto;
      self[name] = Complete;
    }
    var nativeAdd = name === "Map" ? proto.set : proto.add;
    if (nativeAdd.call(new Native(), 1, 1) === undefined) {
      proto[name === "Map" ? "set" : "add"] = function (key, value) {
        nativeAdd.call(this, key, value);
        return this;
      };
    }
    function snapshot(pick) {
      return function () {
        var items = [];
        this.forEach(function (value, key) {
          items.push(pick(value, key));
        });
        return arrayIterator(items);
      };
    }
    define(
      proto,
      "keys",
      snapshot(function (value, key) {
        return key;
      }),
    );
    define(
      proto,
      "values",
      snapshot(function (value) {
        return value;
      }),
    );
    define(proto, "entries", snapshot(entryOf));
    define(proto, ITERATOR, name === "Map" ? proto.entries : proto.values);
  }
  if (typeof Symbol === "undefined") {
    completeCollection(
      "Map",
      function (map, entry) {
        map.set(entry[0], entry[1]);
      },
      function (value, key) {
        return [key, value];
      },
    );
    completeCollection(
      "Set",
      function (set, value) {
        set.add(value);
      },
      function (value) {
        return [value, value];
      },
    );
  }
})();
