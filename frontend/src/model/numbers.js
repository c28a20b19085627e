// Numbers the Vietnamese way: "." groups thousands, "," marks decimals
// (3.022; 0,36). Exact decimals (BigInt) so that computed figures match the
// server's Decimal arithmetic digit for digit.

/** An exact decimal: value = int × 10^-scale. Like Python's Decimal, a
 * zero remembers its sign (0 / -125 × 100 prints "-0,00"). */
export class Dec {
  constructor(int, scale, negativeZero = false) {
    this.int = int;
    this.scale = scale;
    this.negativeZero = int === 0n && negativeZero;
  }

  get negative() {
    return this.int < 0n || this.negativeZero;
  }

  /** From a JSON number or a plain numeric string (as Python's str(float)). */
  static from(value) {
    const text = typeof value === "number" ? String(value) : String(value).trim();
    const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text);
    if (!match || (match[2] === "" && !match[3])) return null;
    const [, sign, whole, fraction = "", exponent = "0"] = match;
    let int = BigInt((whole || "0") + fraction);
    let scale = fraction.length - Number(exponent);
    if (scale < 0) {
      int *= 10n ** BigInt(-scale);
      scale = 0;
    }
    return new Dec(sign === "-" ? -int : int, scale);
  }

  static zero() {
    return new Dec(0n, 0);
  }

  #aligned(other) {
    const scale = Math.max(this.scale, other.scale);
    return [this.int * 10n ** BigInt(scale - this.scale), other.int * 10n ** BigInt(scale - other.scale), scale];
  }

  add(other) {
    const [a, b, scale] = this.#aligned(other);
    return new Dec(a + b, scale, this.negativeZero && other.negativeZero);
  }

  sub(other) {
    return this.add(new Dec(-other.int, other.scale, other.int === 0n && !other.negativeZero));
  }

  isZero() {
    return this.int === 0n;
  }

  equals(other) {
    const [a, b] = this.#aligned(other);
    return a === b;
  }

  /** Rounded half away from zero (Python's ROUND_HALF_UP) to `places`. */
  round(places) {
    if (places >= this.scale) return new Dec(this.int * 10n ** BigInt(places - this.scale), places, this.negativeZero);
    return new Dec(divideHalfUp(this.int, 10n ** BigInt(this.scale - places)), places, this.negative);
  }

  /** this / other × 100, rounded half-up to `places`; null when other is 0. */
  percentOf(other, places) {
    if (other.isZero()) return null;
    // (a / 10^sa) / (b / 10^sb) * 100 * 10^places, as one integer division.
    const numerator = this.int * 10n ** BigInt(other.scale) * 100n * 10n ** BigInt(places);
    const denominator = other.int * 10n ** BigInt(this.scale);
    return new Dec(divideHalfUp(numerator, denominator), places, this.negative !== other.negative);
  }

  toNumber() {
    return Number(this.toPlainString());
  }

  /** "1234.50" style, no grouping. */
  toPlainString() {
    const negative = this.negative;
    let digits = (negative ? -this.int : this.int).toString();
    if (this.scale > 0) {
      digits = digits.padStart(this.scale + 1, "0");
      digits = digits.slice(0, -this.scale) + "." + digits.slice(-this.scale);
    }
    return (negative ? "-" : "") + digits;
  }
}

function divideHalfUp(numerator, denominator) {
  const negative = (numerator < 0n) !== (denominator < 0n);
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (2n * n + d) / (2n * d);
  return negative ? -quotient : quotient;
}

/**
 * A number written the Vietnamese way, like the generated document:
 * `decimals` fixed places when given (rates), else up to 6 places without
 * trailing zeros. null/undefined -> "-".
 */
export function formatNumber(value, decimals) {
  if (value === null || value === undefined || value === "") return "-";
  let dec = value instanceof Dec ? value : Dec.from(value);
  if (!dec) return String(value);
  dec = dec.round(decimals ?? Math.min(dec.scale, 6));
  let [whole, fraction = ""] = dec.toPlainString().split(".");
  // Like the generated document: a value that rounds to zero has no sign.
  const negative = whole.startsWith("-") && !dec.isZero();
  if (whole.startsWith("-")) whole = whole.slice(1);
  if (decimals === undefined || decimals === null) fraction = fraction.replace(/0+$/, "");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return (negative ? "-" : "") + grouped + (fraction ? "," + fraction : "");
}

/**
 * What the clerk typed, as a number: "3.022" -> 3022, "0,36" -> 0.36,
 * "1.234,5" -> 1234.5, "12.5" -> 12.5. Returns {value} (null when empty) or
 * {invalid: true} when it is not a number.
 */
export function parseNumber(text) {
  let raw = String(text).replace(/[\s\u00a0]/g, "");
  if (raw === "") return { value: null };
  if (raw.includes(",")) {
    raw = raw.replace(/\./g, "").replace(",", ".");
  } else if (/^-?\d{1,3}(\.\d{3})+$/.test(raw)) {
    raw = raw.replace(/\./g, "");
  }
  if (!/^-?\d+(\.\d+)?$/.test(raw)) return { invalid: true };
  return { value: Number(raw) };
}

/** An integer field: {value} (null when empty) or {invalid: true}. */
export function parseInteger(text) {
  const raw = String(text).trim();
  if (raw === "") return { value: null };
  if (!/^\d+$/.test(raw)) return { invalid: true };
  return { value: Number(raw) };
}
