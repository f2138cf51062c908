package dev.digits.model.cnn;

import java.lang.reflect.Field;
import java.util.Map;

/**
 * Frees the copies a web server's class loader keeps of the native libraries ND4J loaded.
 *
 * <p>JavaCPP finds ND4J's libraries with {@code Class.getResource} before loading them from its
 * extraction cache. GlassFish's and Payara's {@code WebappClassLoader} answer every lookup by
 * reading the whole resource into a byte array that they keep in {@code resourceEntries} for the
 * life of the application: 320 MB for {@code libnd4jcpu.so} alone, live on the heap though nothing
 * reads it again. This drops those arrays once the libraries are loaded and keeps the entries, so a
 * later lookup still answers the URL without reading the file. Any other class loader is left
 * alone.
 */
public final class NativeLibraryCopies {
  private NativeLibraryCopies() {}

  /** Releases the cached bytes of native libraries held by the loader; returns how many bytes. */
  public static long release(ClassLoader loader) {
    Map<?, ?> entries = resourceEntries(loader);
    if (entries == null) {
      return 0;
    }
    long released = 0;
    for (Map.Entry<?, ?> e : entries.entrySet()) {
      if (e.getKey() instanceof String name && isNativeLibrary(name)) {
        released += dropContent(e.getValue());
      }
    }
    return released;
  }

  static boolean isNativeLibrary(String name) {
    String file = name.substring(name.lastIndexOf('/') + 1);
    return file.endsWith(".so")
        || file.contains(".so.")
        || file.endsWith(".dylib")
        || file.endsWith(".dll");
  }

  private static Map<?, ?> resourceEntries(ClassLoader loader) {
    for (Class<?> c = loader == null ? null : loader.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field field = c.getDeclaredField("resourceEntries");
        field.setAccessible(true);
        return field.get(loader) instanceof Map<?, ?> map ? map : null;
      } catch (NoSuchFieldException e) {
        // not declared at this level: look further up
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null; // a loader that will not be inspected keeps its copies
      }
    }
    return null;
  }

  private static long dropContent(Object entry) {
    try {
      Field content = entry.getClass().getField("binaryContent");
      if (content.get(entry) instanceof byte[] bytes) {
        content.set(entry, null);
        return bytes.length;
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      // an entry of another shape: leave it
    }
    return 0;
  }
}
