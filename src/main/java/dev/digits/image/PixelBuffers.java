package dev.digits.image;

/**
 * The picture-sized arrays one preprocessing fills: the inflated rows, the decoded pixels and the
 * ink. Serving takes a set from a small pool for each request and gives it back after, so these
 * arrays (a canvas is 314 KB each) stay in the processor's cache instead of being allocated and
 * zeroed afresh: fetching them from memory cost more than the arithmetic on them. {@link #FRESH}
 * allocates every time, for callers that keep what they get.
 */
final class PixelBuffers {
  /**
   * Arrays for larger pictures are not kept: a pool of them would hold memory for the rare large
   * upload.
   */
  static final int MAX_KEPT_PIXELS = 512 * 512;

  static final PixelBuffers FRESH = new PixelBuffers(false);
  private static final Pool POOL = new Pool(2 * Runtime.getRuntime().availableProcessors());

  private final boolean keeps;
  private byte[] raw = new byte[0];
  private int[] argb = new int[0];
  private float[] ink = new float[0];

  private PixelBuffers(boolean keeps) {
    this.keeps = keeps;
  }

  /**
   * A set for one picture; hand it back with {@link #release()} when its arrays are no longer read.
   */
  static PixelBuffers take() {
    return POOL.take();
  }

  void release() {
    POOL.give(this);
  }

  /**
   * A byte array of this length, for the inflated rows; its contents are left over from earlier
   * pictures.
   */
  byte[] raw(int length) {
    if (raw.length == length) {
      return raw;
    }
    byte[] a = new byte[length];
    if (keeps && length <= 4 * MAX_KEPT_PIXELS) {
      raw = a;
    }
    return a;
  }

  int[] argb(int pixels) {
    if (argb.length == pixels) {
      return argb;
    }
    int[] a = new int[pixels];
    if (keeps && pixels <= MAX_KEPT_PIXELS) {
      argb = a;
    }
    return a;
  }

  /** An ink array of this length; its contents are left over from earlier pictures. */
  float[] ink(int pixels) {
    if (ink.length == pixels) {
      return ink;
    }
    float[] a = new float[pixels];
    if (keeps && pixels <= MAX_KEPT_PIXELS) {
      ink = a;
    }
    return a;
  }

  /** A stack, so the set used last, the one most likely still in cache, goes out first. */
  private static final class Pool {
    private final PixelBuffers[] idle;
    private int count;

    Pool(int size) {
      idle = new PixelBuffers[size];
    }

    synchronized PixelBuffers take() {
      return count > 0 ? idle[--count] : new PixelBuffers(true);
    }

    synchronized void give(PixelBuffers buffers) {
      if (count < idle.length) {
        idle[count++] = buffers;
      }
    }
  }
}
