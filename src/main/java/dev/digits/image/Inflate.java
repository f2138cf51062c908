package dev.digits.image;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.DataFormatException;

/**
 * A DEFLATE decoder (RFC 1950 and 1951) for a zlib stream held whole in memory, writing into an
 * array whose size is known beforehand, as a PNG's pixel data is. It exists for speed: a canvas PNG
 * is mostly long runs, and zlib 1.2 copies each back-reference a byte at a time, where this copies
 * long ones with {@link System#arraycopy} (doubling the span when the copy overlaps itself). Codes
 * up to {@value #FAST_BITS} bits decode with one table lookup; the rare longer ones bit by bit.
 *
 * <p>The Adler-32 trailer is not checked (nor are the PNG's chunk CRCs): damage makes wrong pixels,
 * never an error outside this class. Malformed streams throw {@link DataFormatException}.
 */
final class Inflate {
  private static final int MAX_BITS = 15;
  private static final int FAST_BITS = 10;
  private static final int FAST_MASK = (1 << FAST_BITS) - 1;

  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final short[] LENGTH_BASE = {
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258
  };
  private static final byte[] LENGTH_EXTRA = {
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0
  };
  private static final int[] DIST_BASE = {
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049,
    3073, 4097, 6145, 8193, 12289, 16385, 24577
  };
  private static final byte[] DIST_EXTRA = {
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13
  };

  /** The order in which a dynamic block lists the code lengths of its code-length code. */
  private static final byte[] CODE_LENGTH_ORDER = {
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15
  };

  /**
   * What each symbol means, as {@code value << 4 | extra bits}: literals 0-255 and the end of a
   * block (256) are themselves; lengths are {@link #LENGTH_FLAG} + their base; 286 and 287 (never
   * valid) are {@link #INVALID_LENGTH}.
   */
  private static final int[] LITERAL_MEANING = new int[288];

  /** Distance symbols: base << 4 | extra bits. */
  private static final int[] DISTANCE_MEANING = new int[30];

  /** The code-length code's symbols are themselves. */
  private static final int[] SYMBOL_ITSELF = new int[19];

  private static final int LENGTH_FLAG = 512;
  private static final int INVALID_LENGTH = 300; // between the end of a block and the lengths

  private static final Code FIXED_LITERALS;
  private static final Code FIXED_DISTANCES;

  static {
    for (int s = 0; s < LITERAL_MEANING.length; s++) {
      LITERAL_MEANING[s] =
          s <= 256
              ? s << 4
              : s <= 285
                  ? (LENGTH_FLAG + LENGTH_BASE[s - 257]) << 4 | LENGTH_EXTRA[s - 257]
                  : INVALID_LENGTH << 4;
    }
    for (int d = 0; d < DISTANCE_MEANING.length; d++) {
      DISTANCE_MEANING[d] = DIST_BASE[d] << 4 | DIST_EXTRA[d];
    }
    for (int s = 0; s < SYMBOL_ITSELF.length; s++) {
      SYMBOL_ITSELF[s] = s << 4;
    }
    byte[] lengths = new byte[288];
    Arrays.fill(lengths, 0, 144, (byte) 8);
    Arrays.fill(lengths, 144, 256, (byte) 9);
    Arrays.fill(lengths, 256, 280, (byte) 7);
    Arrays.fill(lengths, 280, 288, (byte) 8);
    byte[] distances = new byte[30];
    Arrays.fill(distances, (byte) 5);
    try {
      FIXED_LITERALS = new Code(lengths, 0, 288, LITERAL_MEANING);
      FIXED_DISTANCES = new Code(distances, 0, 30, DISTANCE_MEANING);
    } catch (DataFormatException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final byte[] in;
  private final int end;
  private int pos;

  /** Bits not yet used, the next one lowest; {@code count} of them are valid. */
  private long bits;

  private int count;
  private final byte[] out;
  private int written;

  private Inflate(byte[] in, int from, int to, byte[] out) {
    this.in = in;
    this.pos = from;
    this.end = to;
    this.out = out;
  }

  /**
   * Inflates the zlib stream in {@code in[from..to)} into {@code out}, which it must fill exactly.
   *
   * @throws DataFormatException if the stream is malformed, ends early, or holds more or less than
   *     {@code out.length} bytes
   */
  static void zlib(byte[] in, int from, int to, byte[] out) throws DataFormatException {
    if (to - from < 2) {
      throw new DataFormatException("no zlib header");
    }
    int cmf = in[from] & 0xff;
    int flg = in[from + 1] & 0xff;
    if ((cmf & 0x0f) != 8 || (cmf >>> 4) > 7 || (cmf << 8 | flg) % 31 != 0 || (flg & 0x20) != 0) {
      throw new DataFormatException("not a zlib stream this decoder reads");
    }
    Inflate inflate = new Inflate(in, from + 2, to, out);
    inflate.blocks();
    if (inflate.written != out.length) {
      throw new DataFormatException(
          "the stream holds " + inflate.written + " bytes, not " + out.length);
    }
  }

  private void blocks() throws DataFormatException {
    boolean last;
    do {
      refill();
      last = take(1) == 1;
      switch (take(2)) {
        case 0 -> stored();
        case 1 -> huffman(FIXED_LITERALS, FIXED_DISTANCES);
        case 2 -> dynamic();
        default -> throw new DataFormatException("bad block type");
      }
    } while (!last);
  }

  /** Refills the bit buffer to at least 56 bits, reading past the input's end as zeros. */
  private void refill() throws DataFormatException {
    if (pos + 8 <= end) {
      bits |= (long) LONG_LE.get(in, pos) << count;
      pos += (63 - count) >>> 3;
      count |= 56;
      return;
    }
    while (count <= 56) {
      if (pos >= end + 8) {
        throw new DataFormatException("the stream ends early");
      }
      bits |= (long) (pos < end ? in[pos] & 0xff : 0) << count;
      pos++;
      count += 8;
    }
  }

  /** The next {@code n} bits (n <= 32; the caller has refilled). */
  private int take(int n) {
    int v = (int) (bits & ((1L << n) - 1));
    bits >>>= n;
    count -= n;
    return v;
  }

  private void stored() throws DataFormatException {
    take(count & 7); // to a byte boundary
    pos -= count >>> 3; // give the whole bytes still buffered back to the input
    bits = 0;
    count = 0;
    if (pos + 4 > end) {
      throw new DataFormatException("the stream ends early");
    }
    int len = (in[pos] & 0xff) | (in[pos + 1] & 0xff) << 8;
    int nlen = (in[pos + 2] & 0xff) | (in[pos + 3] & 0xff) << 8;
    pos += 4;
    if (len != (~nlen & 0xffff) || pos + len > end || written + len > out.length) {
      throw new DataFormatException("bad stored block");
    }
    System.arraycopy(in, pos, out, written, len);
    pos += len;
    written += len;
  }

  private void dynamic() throws DataFormatException {
    int literals = take(5) + 257;
    int distances = take(5) + 1;
    int codeLengths = take(4) + 4;
    if (literals > 286 || distances > 30) {
      throw new DataFormatException("too many length or distance codes");
    }
    byte[] lengthOfLength = new byte[19];
    for (int i = 0; i < codeLengths; i++) {
      refill();
      lengthOfLength[CODE_LENGTH_ORDER[i]] = (byte) take(3);
    }
    Code lengthCode = new Code(lengthOfLength, 0, 19, SYMBOL_ITSELF);
    byte[] lengths = new byte[literals + distances];
    for (int i = 0; i < lengths.length; ) {
      refill();
      int sym = consume(lengthCode.entry(this));
      if (sym < 16) {
        lengths[i++] = (byte) sym;
        continue;
      }
      int repeat;
      byte value = 0;
      if (sym == 16) {
        if (i == 0) {
          throw new DataFormatException("a repeat with nothing before it");
        }
        value = lengths[i - 1];
        repeat = 3 + take(2);
      } else {
        repeat = sym == 17 ? 3 + take(3) : 11 + take(7);
      }
      if (i + repeat > lengths.length) {
        throw new DataFormatException("code lengths overrun");
      }
      Arrays.fill(lengths, i, i + repeat, value);
      i += repeat;
    }
    if (lengths[256] == 0) {
      throw new DataFormatException("no end-of-block code");
    }
    huffman(
        new Code(lengths, 0, literals, LITERAL_MEANING),
        new Code(lengths, literals, distances, DISTANCE_MEANING));
  }

  private void huffman(Code literals, Code distances) throws DataFormatException {
    byte[] out = this.out;
    while (true) {
      refill(); // 56 bits: a literal/length code with its extra bits (15 + 5) and a distance with
      // its (15 + 13)
      int value = consume(literals.entry(this));
      if (value < 256) {
        if (written == out.length) {
          throw new DataFormatException("more data than the picture holds");
        }
        out[written++] = (byte) value;
        continue;
      }
      if (value == 256) {
        return;
      }
      if (value < LENGTH_FLAG) {
        throw new DataFormatException("bad length code");
      }
      int length = value - LENGTH_FLAG;
      int distance = consume(distances.entry(this));
      if (distance > written || length > out.length - written) {
        throw new DataFormatException("a back-reference outside the data");
      }
      copy(out, distance, length);
    }
  }

  /**
   * The value of a table entry plus its extra bits, taking the entry's code (if not yet taken) and
   * the extra bits.
   */
  private int consume(int entry) {
    int codeLength = entry & 15;
    int extra = (entry >>> 4) & 15;
    int value = (entry >>> 8) + ((int) (bits >>> codeLength) & ((1 << extra) - 1));
    bits >>>= codeLength + extra;
    count -= codeLength + extra;
    return value;
  }

  /**
   * Appends {@code length} bytes from {@code distance} back; a copy longer than its distance
   * repeats.
   */
  private void copy(byte[] out, int distance, int length) {
    int to = written;
    int end = to + length;
    int from = to - distance;
    if (length <= 32 && distance >= 8 && end + 8 <= out.length) {
      // Eight bytes at a time: each read lies wholly before its write. The last write may run up to
      // seven bytes past the end; the stream overwrites them, since it must fill the array.
      do {
        LONG_LE.set(out, to, (long) LONG_LE.get(out, from));
        to += 8;
        from += 8;
      } while (to < end);
    } else if (length <= 16) {
      while (to < end) {
        out[to++] = out[from++];
      }
    } else if (distance == 1) {
      Arrays.fill(out, to, end, out[from]);
    } else {
      // out[from..to) repeats with period distance: copy it whole, and the span copied doubles each
      // time
      while (to < end) {
        int n = Math.min(to - from, end - to);
        System.arraycopy(out, from, out, to, n);
        to += n;
      }
    }
    written = end;
  }

  /**
   * A canonical Huffman code: a table indexed by the next {@value #FAST_BITS} input bits for the
   * codes that short (entry = the symbol's meaning << 4 | code length, 0 where the code is longer),
   * and counts per length with the symbols in canonical order to decode the rest bit by bit. An
   * entry holds a length's or a distance's base and extra bits, so a back-reference decodes with
   * two lookups, not six.
   */
  private static final class Code {
    private final int[] fast = new int[1 << FAST_BITS];
    private final short[] countOfLength = new short[MAX_BITS + 1];
    private final short[] symbols;

    private final int[] meaning;

    /** The code of the symbols with these code lengths, each decoding to meaning[symbol]. */
    Code(byte[] lengths, int from, int n, int[] meaning) throws DataFormatException {
      this.meaning = meaning;
      symbols = new short[n];
      for (int s = 0; s < n; s++) {
        countOfLength[lengths[from + s]]++;
      }
      countOfLength[0] = 0;
      int left = 1;
      int[] offsets = new int[MAX_BITS + 2];
      for (int len = 1; len <= MAX_BITS; len++) {
        left = (left << 1) - countOfLength[len];
        if (left < 0) {
          throw new DataFormatException("an over-subscribed Huffman code");
        }
        offsets[len + 1] = offsets[len] + countOfLength[len];
      }
      // An incomplete code is allowed (a distance code may have one symbol): the codes it lacks
      // find no
      // entry and fail when met.
      int code = 0;
      int[] next = new int[MAX_BITS + 1]; // RFC 1951, 3.2.2: the first code of each length
      for (int len = 1; len <= MAX_BITS; len++) {
        code = (code + countOfLength[len - 1]) << 1;
        next[len] = code;
      }
      for (int s = 0; s < n; s++) {
        int len = lengths[from + s];
        if (len == 0) {
          continue;
        }
        symbols[offsets[len]++] = (short) s;
        int c = next[len]++;
        if (len <= FAST_BITS) {
          int reversed =
              Integer.reverse(c)
                  >>> (32 - len); // codes are sent first bit first, read lowest bit first
          for (int i = reversed; i < fast.length; i += 1 << len) {
            fast[i] = meaning[s] << 4 | len;
          }
        }
      }
    }

    /**
     * The next symbol's table entry: {@code meaning << 4 | code length}, the code still to be
     * taken; for a code longer than the table covers, taken here, and the entry's code length 0
     * (the caller has refilled).
     */
    int entry(Inflate in) throws DataFormatException {
      int entry = fast[(int) in.bits & FAST_MASK];
      return entry != 0 ? entry : meaning[slow(in)] << 4;
    }

    /**
     * Bit by bit, as in zlib's puff.c: the code of each length is compared with the range of codes
     * of that length.
     */
    private int slow(Inflate in) throws DataFormatException {
      int code = 0;
      int first = 0;
      int index = 0;
      for (int len = 1; len <= MAX_BITS; len++) {
        code |= in.take(1);
        int count = countOfLength[len];
        if (code - count < first) {
          return symbols[index + code - first];
        }
        index += count;
        first = (first + count) << 1;
        code <<= 1;
      }
      throw new DataFormatException("an invalid Huffman code");
    }
  }
}
