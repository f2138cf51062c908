package dev.digits.model.cnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class NativeLibraryCopiesTest {
  /** The shape of GlassFish's ResourceEntry: public fields. */
  public static final class Entry {
    public byte[] binaryContent;

    Entry(int size) {
      binaryContent = new byte[size];
    }
  }

  /** The shape of GlassFish's WebappClassLoader: a protected map of entries by resource name. */
  static class CachingLoader extends ClassLoader {
    protected ConcurrentHashMap<String, Entry> resourceEntries = new ConcurrentHashMap<>();
  }

  static final class SubLoader extends CachingLoader {}

  @Test
  void dropsTheBytesOfNativeLibrariesAndKeepsTheEntries() {
    CachingLoader loader = new SubLoader();
    Entry lib = new Entry(1000);
    Entry versioned = new Entry(300);
    Entry cls = new Entry(20);
    loader.resourceEntries.put(
        "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64/libnd4jcpu.so", lib);
    loader.resourceEntries.put("org/bytedeco/openblas/linux-x86_64/libopenblas.so.0", versioned);
    loader.resourceEntries.put("dev.digits.Foo", cls);

    assertEquals(1300, NativeLibraryCopies.release(loader));

    assertNull(lib.binaryContent);
    assertNull(versioned.binaryContent);
    assertArrayEquals(new byte[20], cls.binaryContent);
    assertSame(
        lib,
        loader.resourceEntries.get(
            "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64/libnd4jcpu.so"));
    assertEquals(0, NativeLibraryCopies.release(loader));
  }

  @Test
  void leavesOtherLoadersAlone() {
    assertEquals(0, NativeLibraryCopies.release(ClassLoader.getSystemClassLoader()));
    assertEquals(0, NativeLibraryCopies.release(null));
  }

  @Test
  void knowsNativeLibrariesByName() {
    assertTrue(NativeLibraryCopies.isNativeLibrary("a/b/libgomp.so.1"));
    assertTrue(NativeLibraryCopies.isNativeLibrary("a/b/jnind4jcpu.dll"));
    assertTrue(NativeLibraryCopies.isNativeLibrary("libfoo.dylib"));
    assertFalse(NativeLibraryCopies.isNativeLibrary("a/so.b/readme.txt"));
    assertFalse(NativeLibraryCopies.isNativeLibrary("models/cnn.zip"));
  }
}
